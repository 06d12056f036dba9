import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PROPOSAL_STATES } from '../../../domain/commendation/workflow';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viProposals } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type ProposalDetailT,
  type ProposalListItemT,
  useCommendationMutation,
  useProposals,
  useRounds,
} from './api';

const t = viProposals.proposals;

export const INDIVIDUAL_CODES = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TQ',
  'GIAY_KHEN',
  'BANG_KHEN_TINH',
  'BANG_KHEN_BO',
  'BANG_KHEN_TTG',
  'HCLD_3',
  'HCLD_2',
  'HCLD_1',
];
export const COLLECTIVE_CODES = [
  'TTLDTT',
  'TTLDXS',
  'CO_THI_DUA_TINH',
  'CO_THI_DUA_CP',
  'GIAY_KHEN',
  'BANG_KHEN_TINH',
  'BANG_KHEN_BO',
  'BANG_KHEN_TTG',
  'HCLD_3',
  'HCLD_2',
  'HCLD_1',
];

export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  resubmitted: 'blue',
  appraised: 'cyan',
  in_council: 'purple',
  approved: 'green',
  rejected: 'red',
  decided: 'gold',
  forwarded: 'geekblue',
};

/** Searches staff by name or code (server-side, diacritics optional). */
export function PersonSearch({
  value,
  onChange,
  id,
  'aria-label': ariaLabel = t.personField,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text, 300).trim();
  const search = useQuery({
    queryKey: ['staff', 'search', q],
    enabled: q.length >= 2,
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; fullName: string; staffCode: string; org: { name: string } | null }[] }>(
        '/staff',
        { q, pageSize: 20 },
        { signal },
      ),
  });
  const options = (search.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.fullName} (${p.staffCode}) – ${p.org?.name ?? ''}`,
  }));
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={search.isFetching}
      placeholder={t.personSearch}
      notFoundContent={null}
    />
  );
}

interface CreateForm {
  roundId: string;
  subject: 'person' | 'org';
  personId?: string;
  orgId?: string;
  awardCode: string;
}

function CreateProposal({
  open,
  onClose,
  roundId,
}: {
  open: boolean;
  onClose: () => void;
  roundId?: string;
}) {
  const [form] = Form.useForm<CreateForm>();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const rounds = useRounds({ status: 'open', proposable: 'true' });
  const subject = Form.useWatch('subject', form) ?? 'person';
  const create = useCommendationMutation((body: Record<string, unknown>) =>
    api.post<ProposalDetailT>('/proposals', body),
  );
  const codes = subject === 'person' ? INDIVIDUAL_CODES : COLLECTIVE_CODES;
  return (
    <Modal
      open={open}
      title={t.createTitle}
      onCancel={onClose}
      okText={t.submitCreate}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={create.error} />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ subject: 'person', roundId }}
        onFinish={async (v) => {
          const p = await create.mutateAsync({
            roundId: v.roundId,
            awardCode: v.awardCode,
            ...(v.subject === 'person' ? { personId: v.personId } : { orgId: v.orgId }),
          });
          message.success(t.created);
          onClose();
          navigate(`/proposals/${p.id}`);
        }}
      >
        <Form.Item
          name="roundId"
          label={t.round}
          rules={[{ required: true, message: vi.common.requiredSelect(t.round) }]}
        >
          <Select
            aria-label={t.round}
            loading={rounds.isLoading}
            options={(rounds.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${r.title} – ${r.org.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t.subjectKind}>
          <Radio.Group
            onChange={() => form.setFieldValue('awardCode', undefined)}
            options={[
              { value: 'person', label: t.person },
              { value: 'org', label: t.collective },
            ]}
          />
        </Form.Item>
        {subject === 'person' ? (
          <Form.Item
            name="personId"
            label={t.personField}
            rules={[{ required: true, message: vi.common.requiredSelect(t.personField) }]}
          >
            <PersonSearch />
          </Form.Item>
        ) : (
          <Form.Item
            name="orgId"
            label={t.orgField}
            rules={[{ required: true, message: vi.common.requiredSelect(t.orgField) }]}
          >
            <OrgPicker aria-label={t.orgField} />
          </Form.Item>
        )}
        <Form.Item
          name="awardCode"
          label={t.award}
          rules={[{ required: true, message: vi.common.requiredSelect(t.award) }]}
        >
          <Select
            aria-label={t.award}
            showSearch={{ optionFilterProp: 'label' }}
            options={codes.map((c) => ({ value: c, label: viProposals.awardOption(c) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProposalsView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const roundId = params.get('roundId') ?? undefined;
  const status = params.get('status') ?? undefined;
  const [text, setText] = useState('');
  const q = useDebounced(text, 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const rounds = useRounds();
  const list = useProposals({ roundId, status, q, page, pageSize: 20 });
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          can('proposal.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t.create}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.filterRound}
          style={{ width: 360 }}
          allowClear
          placeholder={t.allRounds}
          value={roundId}
          onChange={(v) => setParam('roundId', v)}
          options={(rounds.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.title} – ${r.org.name}`,
          }))}
        />
        <Select
          aria-label={t.filterStatus}
          style={{ width: 240 }}
          allowClear
          placeholder={t.allStates}
          value={status}
          onChange={(v) => setParam('status', v)}
          options={PROPOSAL_STATES.map((s) => ({ value: s, label: viProposals.proposalStates[s] }))}
        />
        <Input.Search
          aria-label={t.search}
          placeholder={t.search}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 240 }}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<ProposalListItemT>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t.none }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t.nominee,
            render: (_, r) => <Link to={`/proposals/${r.id}`}>{r.nominee.name}</Link>,
          },
          { title: t.unit, render: (_, r) => r.nominee.unitName ?? vi.common.none },
          { title: t.award, dataIndex: 'awardName' },
          { title: t.round, render: (_, r) => r.round.title },
          {
            title: t.status,
            width: 200,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATE_COLORS[r.status]}>{r.statusName}</Tag>
                {r.status === 'returned' && r.returnReason && (
                  <small>{`${t.returnReason}: ${r.returnReason}`}</small>
                )}
              </Space>
            ),
          },
          { title: t.updatedAt, dataIndex: 'updatedAt', width: 150, render: (v) => formatDateTime(v) },
        ]}
      />
      <CreateProposal open={creating} onClose={() => setCreating(false)} roundId={roundId} />
    </>
  );
}
