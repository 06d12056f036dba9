import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viReports } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type TaskT, useTasks } from './api';

const t = viReports.tasks;

function NewTaskModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<TaskT>('/tasks', v),
    onSuccess: () => {
      message.success(t.created);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t.add}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      width={640}
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate({
            orgId: v.orgId,
            assigneeOrgId: v.assigneeOrgId ?? null,
            assigneeDepartment: v.assigneeDepartment || null,
            content: v.content,
            dueOn: toIsoDate(v.dueOn),
          })
        }
      >
        <Form.Item name="orgId" label={t.owner} rules={[{ required: true, message: t.orgRequired }]}>
          <OrgPicker aria-label={t.owner} />
        </Form.Item>
        <Form.Item name="assigneeOrgId" label={t.assigneeOrg}>
          <OrgPicker aria-label={t.assigneeOrg} />
        </Form.Item>
        <Form.Item name="assigneeDepartment" label={t.assigneeDepartment}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="content" label={t.content} rules={[{ required: true, message: t.required }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t.dueOn}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PlanOption {
  id: string;
  title: string;
  orgName: string;
  documentNumber: string | null;
}

/** Turns the responsibilities of a plan into tasks (each responsibility once). */
function FromPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [planId, setPlanId] = useState<string | null>(null);
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const plans = useQuery({
    queryKey: ['plans', 'for-tasks'],
    queryFn: () => api.get<{ items: PlanOption[] }>('/plans').then((r) => r.items),
    enabled: open,
  });
  const run = useMutation({
    mutationFn: (id: string) => api.post<{ created: number }>('/tasks/from-plan', { planId: id }),
    onSuccess: (r) => {
      message.success(t.fromPlanDone(r.created));
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t.fromPlanTitle}
      onCancel={onClose}
      okText={t.fromPlanRun}
      cancelText={t.cancel}
      okButtonProps={{ disabled: !planId }}
      confirmLoading={run.isPending}
      onOk={() => planId && run.mutate(planId)}
    >
      <ErrorAlert error={plans.error ?? run.error} />
      <p>{t.fromPlanHelp}</p>
      <Select
        aria-label={t.plan}
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        loading={plans.isLoading}
        value={planId}
        onChange={setPlanId}
        placeholder={t.plan}
        options={(plans.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.documentNumber ? `${p.documentNumber} – ` : ''}${p.title || t.untitled} (${p.orgName})`,
        }))}
      />
    </Modal>
  );
}

export function TasksView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [fromPlan, setFromPlan] = useState(false);
  const tasks = useTasks({ status, overdue: overdue || undefined, page, pageSize: 20 });
  const update = useMutation({
    mutationFn: (x: { id: string; version: number; status: 'open' | 'done' }) =>
      api.patch<TaskT>(`/tasks/${x.id}`, { version: x.version, status: x.status }),
    onSuccess: () => {
      message.success(t.updated);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  return (
    <>
      <PageHeader
        title={t.title}
        subTitle={t.subTitle}
        extra={
          can('task.write') && (
            <>
              {can('plan.read') && <Button onClick={() => setFromPlan(true)}>{t.fromPlanTitle}</Button>}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t.add}
              </Button>
            </>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t.statusFilter}
          style={{ width: 200 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t.allStatuses },
            { value: 'open', label: t.statuses.open },
            { value: 'done', label: t.statuses.done },
          ]}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t.onlyOverdue}
        </Checkbox>
      </Space>
      <ErrorAlert error={tasks.error} />
      <Table<TaskT>
        rowKey="id"
        size="middle"
        loading={tasks.isFetching}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: tasks.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t.content,
            dataIndex: 'content',
            render: (v: string, r) => (
              <>
                {v}
                {r.planId && (
                  <Tag style={{ marginLeft: 8 }} color="purple">
                    {t.fromPlan}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t.assigneeOrg,
            width: 240,
            render: (_: unknown, r) => (
              <>
                <div>{r.assigneeOrg?.name ?? r.org.name}</div>
                {r.assigneeDepartment && <div style={{ color: '#666' }}>{r.assigneeDepartment}</div>}
              </>
            ),
          },
          {
            title: t.dueOn,
            dataIndex: 'dueOn',
            width: 150,
            render: (v: string | null, r) => (
              <>
                {formatDate(v)}
                {r.recurrence && <div style={{ color: '#666' }}>{r.recurrence}</div>}
                {r.overdue && <Tag color="red">{t.overdue}</Tag>}
              </>
            ),
          },
          {
            title: t.status,
            dataIndex: 'status',
            width: 140,
            render: (v: string) => <Tag color={v === 'done' ? 'green' : 'blue'}>{t.statuses[v]}</Tag>,
          },
          {
            title: '',
            width: 130,
            render: (_: unknown, r) =>
              r.canEdit && (
                <Button
                  size="small"
                  loading={update.isPending && update.variables?.id === r.id}
                  onClick={() =>
                    update.mutate({
                      id: r.id,
                      version: r.version,
                      status: r.status === 'open' ? 'done' : 'open',
                    })
                  }
                >
                  {r.status === 'open' ? t.markDone : t.reopen}
                </Button>
              ),
          },
        ]}
      />
      <NewTaskModal open={adding} onClose={() => setAdding(false)} />
      <FromPlanModal open={fromPlan} onClose={() => setFromPlan(false)} />
    </>
  );
}
