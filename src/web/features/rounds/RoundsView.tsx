import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROUND_KINDS } from '../../../contracts/proposals';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viProposals } from '../../i18n/vi';
import { api } from '../../lib/api';
import { DATE_FORMAT, formatDate, todayVn, toIsoDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type RoundT, useCommendationMutation, useRounds } from '../proposals/api';

const t = viProposals.rounds;

interface RoundForm {
  orgId: string;
  kind: string;
  year: number;
  title: string;
  deadline: Dayjs;
  comment?: [Dayjs, Dayjs] | null;
  movementPlanId?: string | null;
  note?: string;
}

/** Plans (kế hoạch, phong trào thi đua) the user can see, to link a thematic round to its movement. */
function PlanSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const plans = useQuery({
    queryKey: ['plans', 'for-rounds'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; title: string; documentNumber: string | null; orgName: string }[] }>(
        '/plans',
        undefined,
        {
          signal,
        },
      ),
  });
  return (
    <Select
      id={id}
      aria-label={t.movementPlan}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={plans.isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={(plans.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.documentNumber ? `${p.documentNumber} – ` : ''}${p.title} (${p.orgName})`,
      }))}
    />
  );
}

function CreateRound({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RoundForm>();
  const { message } = AntApp.useApp();
  const create = useCommendationMutation((body: Record<string, unknown>) =>
    api.post<RoundT>('/rounds', body),
  );
  const kind = Form.useWatch('kind', form);
  const { can } = useAuth();
  return (
    <Modal
      open={open}
      title={t.create}
      onCancel={onClose}
      okText={t.create}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={create.error} />
      <Form<RoundForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'annual', year: todayVn().year() }}
        onFinish={async (v) => {
          await create.mutateAsync({
            orgId: v.orgId,
            kind: v.kind,
            year: v.year,
            title: v.title,
            deadline: toIsoDate(v.deadline),
            publicCommentFrom: v.comment ? toIsoDate(v.comment[0]) : null,
            publicCommentUntil: v.comment ? toIsoDate(v.comment[1]) : null,
            movementPlanId: v.kind === 'thematic' ? (v.movementPlanId ?? null) : null,
            note: v.note || null,
          });
          message.success(t.created);
          onClose();
        }}
      >
        <Form.Item
          name="orgId"
          label={t.org}
          rules={[{ required: true, message: vi.common.requiredSelect(t.org) }]}
        >
          <OrgPicker aria-label={t.org} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t.kind} rules={[{ required: true }]}>
            <Select
              aria-label={t.kind}
              style={{ width: 300 }}
              options={ROUND_KINDS.map((k) => ({ value: k, label: viProposals.roundKinds[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="year"
            label={t.year}
            rules={[{ required: true, message: vi.common.required(t.year) }]}
          >
            <InputNumber aria-label={t.year} min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t.name}
          rules={[{ required: true, message: vi.common.required(t.name) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="deadline"
            label={t.deadline}
            rules={[{ required: true, message: vi.common.requiredSelect(t.deadline) }]}
          >
            <DatePicker format={DATE_FORMAT} aria-label={t.deadline} />
          </Form.Item>
          <Form.Item name="comment" label={t.commentPeriod}>
            <DatePicker.RangePicker format={DATE_FORMAT} aria-label={t.commentPeriod} />
          </Form.Item>
        </Space>
        {kind === 'thematic' && can('plan.read') && (
          <Form.Item name="movementPlanId" label={t.movementPlan}>
            <PlanSelect />
          </Form.Item>
        )}
        <Form.Item name="note" label={t.note}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RoundsView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const [year, setYear] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const rounds = useRounds({ year: year ?? undefined });
  const update = useCommendationMutation((v: { id: string; body: Record<string, unknown> }) =>
    api.patch<RoundT>(`/rounds/${v.id}`, v.body),
  );
  const remove = useCommendationMutation((id: string) => api.delete(`/rounds/${id}`));
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <Space wrap>
            <InputNumber
              aria-label={t.filterYear}
              placeholder={t.year}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => setYear(v ?? null)}
            />
            {can('round.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.create}
              </Button>
            )}
          </Space>
        }
      />
      <ErrorAlert error={rounds.error ?? update.error ?? remove.error} />
      <Table<RoundT>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rounds.data?.items ?? []}
        locale={{ emptyText: t.none }}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t.name,
            dataIndex: 'title',
            render: (v, r) => <Link to={`/proposals?roundId=${r.id}`}>{v}</Link>,
          },
          { title: t.org, render: (_, r) => r.org.name },
          { title: t.kind, dataIndex: 'kindName', width: 200 },
          { title: t.year, dataIndex: 'year', width: 70 },
          { title: t.deadline, dataIndex: 'deadline', width: 110, render: (v) => formatDate(v) },
          {
            title: t.commentPeriod,
            width: 190,
            render: (_, r) =>
              r.publicCommentFrom
                ? `${formatDate(r.publicCommentFrom)} – ${formatDate(r.publicCommentUntil)}`
                : vi.common.none,
          },
          { title: t.proposals, dataIndex: 'proposalCount', width: 90, align: 'right' },
          {
            title: t.status,
            width: 130,
            render: (_, r) => (
              <Tag color={r.status === 'open' ? 'green' : 'default'}>
                {r.status === 'open' ? t.open : t.closed}
              </Tag>
            ),
          },
          {
            title: vi.common.actions,
            width: 200,
            render: (_, r) =>
              r.canManage ? (
                <Space>
                  <Button
                    size="small"
                    onClick={() =>
                      update.mutate({
                        id: r.id,
                        body: { version: r.version, status: r.status === 'open' ? 'closed' : 'open' },
                      })
                    }
                  >
                    {r.status === 'open' ? t.close : t.reopen}
                  </Button>
                  {r.proposalCount === 0 && (
                    <Popconfirm
                      title={t.deleteConfirm}
                      onConfirm={() => remove.mutate(r.id)}
                      okText={vi.common.delete}
                      cancelText={vi.common.cancel}
                    >
                      <Button size="small" danger>
                        {vi.common.delete}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <CreateRound open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
