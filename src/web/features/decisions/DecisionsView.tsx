import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SIGNATURE_MODES } from '../../../contracts/decisions';
import { AWARD_CODES } from '../../../domain/commendation/codes';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viCouncils } from '../../i18n/vi';
import { api } from '../../lib/api';
import { DATE_FORMAT, formatDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type DecisionListItemT, useApprovedCandidates, useDecisionMutation, useDecisions } from './api';

const t = viCouncils.decisions;

interface DraftForm {
  orgId: string;
  proposalIds: string[];
  personIds: string[];
  manualAwardCode?: string;
  decisionDate: Dayjs;
  achievementYear: number;
  signerName: string;
  signerTitle: string;
  signatureMode: string;
  onBehalfOf?: string;
}

/** Staff search for awardees without a proposal (khen thưởng đột xuất, trực tiếp). */
function PeopleSelect({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const search = useQuery({
    queryKey: ['decisions', 'people', q],
    enabled: q.trim().length >= 2,
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; fullName: string; org: { name: string } | null }[] }>(
        '/staff',
        { q, pageSize: 20 },
        { signal },
      ),
  });
  const options = (search.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.org ? `${p.fullName} – ${p.org.name}` : p.fullName,
  }));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={(v: string[]) => {
        const next = new Map(known);
        for (const o of options) next.set(o.value, o.label);
        setKnown(next);
        onChange?.(v);
      }}
      placeholder={t.peoplePlaceholder}
      notFoundContent={q.trim().length >= 2 ? t.peopleNone : t.peopleHint}
      options={[
        ...options,
        ...(value ?? [])
          .filter((v) => !options.some((o) => o.value === v))
          .map((v) => ({ value: v, label: known.get(v) ?? v })),
      ]}
    />
  );
}

function CreateDecision({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<DraftForm>();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const orgId = Form.useWatch('orgId', form) ?? null;
  const mode = Form.useWatch('signatureMode', form) ?? '';
  const candidates = useApprovedCandidates(orgId);
  const create = useDecisionMutation((body: Record<string, unknown>) =>
    api.post<{ id: string }>('/decisions', body),
  );
  return (
    <Modal
      open={open}
      width={760}
      title={t.createTitle}
      onCancel={onClose}
      okText={t.create}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<DraftForm>
        form={form}
        layout="vertical"
        initialValues={{
          decisionDate: dayjs(),
          achievementYear: dayjs().year() - (dayjs().month() < 6 ? 1 : 0),
          signerTitle: t.signerTitleDefault,
          signatureMode: '',
          proposalIds: [],
          personIds: [],
          manualAwardCode: 'GIAY_KHEN',
        }}
        onValuesChange={(changed: Partial<DraftForm>) => {
          // awards are for the round's year: follow the first selected proposal's round
          const first = changed.proposalIds?.[0];
          const year = candidates.data?.find((c) => c.proposalId === first)?.roundYear;
          if (year) form.setFieldValue('achievementYear', year);
        }}
        onFinish={async (v) => {
          const r = await create.mutateAsync({
            orgId: v.orgId,
            proposalIds: v.proposalIds?.length ? v.proposalIds : undefined,
            awardees: (v.personIds ?? []).map((personId) => ({ personId, awardCode: v.manualAwardCode })),
            decisionDate: v.decisionDate.format('YYYY-MM-DD'),
            achievementYear: v.achievementYear,
            signerName: v.signerName,
            signerTitle: v.signerTitle,
            signatureMode: v.signatureMode || null,
            onBehalfOf: v.signatureMode ? v.onBehalfOf || null : null,
          });
          message.success(t.created);
          onClose();
          navigate(`/decisions/${r.id}`);
        }}
      >
        <Form.Item
          name="orgId"
          label={t.org}
          rules={[{ required: true, message: vi.common.requiredSelect(t.org) }]}
        >
          <OrgPicker aria-label={t.org} />
        </Form.Item>
        <Form.Item
          name="proposalIds"
          label={t.candidates}
          extra={t.candidatesHint}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, v: string[] | undefined) =>
                (v?.length ?? 0) > 0 || (getFieldValue('personIds')?.length ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t.nobody)),
            }),
          ]}
        >
          {orgId && candidates.data && candidates.data.length === 0 ? (
            <Empty description={t.noCandidates} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4, maxHeight: 240, overflow: 'auto' }}
              options={(candidates.data ?? []).map((c) => ({
                value: c.proposalId,
                label: `${c.nomineeName} – ${c.awardName} (${c.roundTitle})`,
              }))}
            />
          )}
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="personIds" label={t.people} extra={t.peopleExtra} style={{ minWidth: 380 }}>
            <PeopleSelect />
          </Form.Item>
          <Form.Item name="manualAwardCode" label={t.manualAward}>
            <Select
              style={{ width: 260 }}
              options={AWARD_CODES.map((c) => ({ value: c, label: viCouncils.awardNames[c] }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="decisionDate"
            label={t.decisionDate}
            rules={[{ required: true, message: vi.common.requiredSelect(t.decisionDate) }]}
          >
            <DatePicker format={DATE_FORMAT} aria-label={t.decisionDate} />
          </Form.Item>
          <Form.Item name="achievementYear" label={t.achievementYear} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} aria-label={t.achievementYear} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="signerName"
            label={t.signerName}
            rules={[{ required: true, message: vi.common.required(t.signerName) }]}
          >
            <Input maxLength={100} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="signerTitle"
            label={t.signerTitle}
            rules={[{ required: true, message: vi.common.required(t.signerTitle) }]}
          >
            <Input maxLength={100} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="signatureMode" label={t.signatureMode}>
            <Select
              style={{ width: 240 }}
              options={['', ...SIGNATURE_MODES].map((m) => ({ value: m, label: t.signatureModes[m] }))}
            />
          </Form.Item>
          {mode && (
            <Form.Item
              name="onBehalfOf"
              label={t.onBehalfOf}
              extra={t.onBehalfOfHint}
              rules={[{ required: true, message: vi.common.required(t.onBehalfOf) }]}
            >
              <Input maxLength={100} style={{ width: 200 }} />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}

export function DecisionsView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useDecisions({ year, status });
  const [creating, setCreating] = useState(false);
  const thisYear = dayjs().year();
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <>
            <Select
              aria-label={t.year}
              allowClear
              placeholder={t.year}
              style={{ width: 120 }}
              value={year}
              onChange={(v) => setYear(v ?? null)}
              options={Array.from({ length: 6 }, (_, i) => ({
                value: thisYear - i,
                label: String(thisYear - i),
              }))}
            />
            <Select
              aria-label={t.columns.status}
              allowClear
              placeholder={t.columns.status}
              style={{ width: 160 }}
              value={status}
              onChange={(v) => setStatus(v ?? null)}
              options={Object.entries(t.status).map(([value, label]) => ({ value, label }))}
            />
            {can('decision.draft') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.create}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={list.error} />
      <Table<DecisionListItemT>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t.columns.number,
            dataIndex: 'documentNumber',
            width: 140,
            render: (v: string | null, d) => <Link to={`/decisions/${d.id}`}>{v ?? t.draftNumber}</Link>,
          },
          {
            title: t.columns.date,
            dataIndex: 'decisionDate',
            width: 110,
            render: (v: string) => formatDate(v),
          },
          { title: t.columns.subject, dataIndex: 'subject' },
          { title: t.columns.org, dataIndex: 'orgName', width: 220 },
          { title: t.columns.awardees, dataIndex: 'awardeeCount', width: 110, align: 'right' },
          {
            title: t.columns.total,
            dataIndex: 'totalAmount',
            width: 150,
            align: 'right',
            render: (v: number) => viCouncils.vnd(v),
          },
          {
            title: t.columns.status,
            dataIndex: 'status',
            width: 120,
            render: (v: string) => <Tag color={v === 'issued' ? 'green' : 'gold'}>{t.status[v]}</Tag>,
          },
        ]}
      />
      <CreateDecision open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
