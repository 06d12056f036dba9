import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { COUNCIL_ROLES } from '../../../contracts/councils';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viCouncils } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type CouncilDetailT, useCouncil, useCouncilMutation, useCouncils, useMemberCandidates } from './api';

const t = viCouncils.councils;

function CreateCouncil({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const create = useCouncilMutation((v: { orgId: string; name: string; establishedBy?: string }) =>
    api.post<{ id: string }>('/councils', v),
  );
  return (
    <Modal
      open={open}
      title={t.createTitle}
      onCancel={onClose}
      okText={t.create}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: t.defaultName }}
        onFinish={async (v) => {
          const r = await create.mutateAsync({ ...v, establishedBy: v.establishedBy || undefined });
          message.success(t.created);
          onCreated(r.id);
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
          name="name"
          label={t.name}
          rules={[{ required: true, message: vi.common.required(t.name) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="establishedBy" label={t.establishedBy}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CreateSession({
  councilId,
  open,
  onClose,
}: {
  councilId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const create = useCouncilMutation(
    (v: { title: string; meetingDate: string; venue?: string; startTime: string; endTime: string }) =>
      api.post<{ id: string }>(`/councils/${councilId}/sessions`, v),
  );
  return (
    <Modal
      open={open}
      title={t.createSession}
      onCancel={onClose}
      okText={t.createSession}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: t.sessionTitleDefault(dayjs().year() - (dayjs().month() < 6 ? 1 : 0)),
          meetingDate: dayjs(),
          startTime: dayjs('08:00', 'HH:mm'),
          endTime: dayjs('11:00', 'HH:mm'),
        }}
        onFinish={async (v: {
          title: string;
          meetingDate: Dayjs;
          venue?: string;
          startTime: Dayjs;
          endTime: Dayjs;
        }) => {
          await create.mutateAsync({
            title: v.title,
            meetingDate: v.meetingDate.format('YYYY-MM-DD'),
            venue: v.venue || undefined,
            startTime: v.startTime.format('HH:mm'),
            endTime: v.endTime.format('HH:mm'),
          });
          message.success(t.sessionCreated);
          onClose();
        }}
      >
        <Form.Item
          name="title"
          label={t.sessionTitle}
          rules={[{ required: true, message: vi.common.required(t.sessionTitle) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="meetingDate"
          label={t.meetingDate}
          rules={[{ required: true, message: vi.common.requiredSelect(t.meetingDate) }]}
        >
          <DatePicker format={DATE_FORMAT} aria-label={t.meetingDate} />
        </Form.Item>
        <Form.Item name="venue" label={t.venue}>
          <Input maxLength={300} />
        </Form.Item>
        <Space>
          <Form.Item name="startTime" label={t.startTime} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" aria-label={t.startTime} />
          </Form.Item>
          <Form.Item name="endTime" label={t.endTime} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" aria-label={t.endTime} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function AddMember({ councilId }: { councilId: string }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const candidates = useMemberCandidates(councilId, true);
  const add = useCouncilMutation((v: { userId: string; role: string; position?: string }) =>
    api.post(`/councils/${councilId}/members`, v),
  );
  return (
    <Form
      form={form}
      layout="inline"
      style={{ rowGap: 8, marginTop: 12 }}
      onFinish={async (v) => {
        await add.mutateAsync({ ...v, position: v.position || undefined });
        message.success(t.memberAdded);
        form.resetFields();
      }}
    >
      <Form.Item
        name="userId"
        label={t.account}
        rules={[{ required: true, message: vi.common.requiredSelect(t.account) }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          placeholder={t.accountPlaceholder}
          loading={candidates.isLoading}
          options={(candidates.data ?? []).map((c) => ({
            value: c.userId,
            label: `${c.displayName} (${c.username})`,
          }))}
        />
      </Form.Item>
      <Form.Item name="role" label={t.role} initialValue="uy_vien" rules={[{ required: true }]}>
        <Select
          style={{ width: 200 }}
          options={COUNCIL_ROLES.map((r) => ({ value: r, label: viCouncils.roleNames[r] }))}
        />
      </Form.Item>
      <Form.Item name="position" label={t.position}>
        <Input maxLength={200} style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={add.isPending}>
        {t.addMember}
      </Button>
      {add.error && (
        <div style={{ width: '100%' }}>
          <ErrorAlert error={add.error} />
        </div>
      )}
    </Form>
  );
}

export function CouncilsView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const councils = useCouncils();
  const selected = params.get('council') ?? councils.data?.[0]?.id ?? null;
  const council = useCouncil(selected);
  const [creating, setCreating] = useState(false);
  const [sessionOpen, setSessionOpen] = useState(false);
  const remove = useCouncilMutation((memberId: string) =>
    api.delete(`/councils/${selected}/members/${memberId}`),
  );
  const manage = council.data?.abilities.manage ?? false;

  useEffect(() => {
    if (remove.error) message.error(errorMessage(remove.error));
  }, [remove.error, message]);

  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <>
            {(councils.data?.length ?? 0) > 1 && (
              <Select
                aria-label={t.council}
                style={{ minWidth: 320 }}
                value={selected}
                onChange={(v) => setParams({ council: v })}
                options={(councils.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.name} – ${c.orgName}`,
                }))}
              />
            )}
            {can('council.manage') && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.create}
              </Button>
            )}
          </>
        }
        subTitle={council.data ? `${council.data.name} – ${council.data.orgName}` : undefined}
      />
      <ErrorAlert error={councils.error ?? council.error} />
      {councils.data && councils.data.length === 0 && <Empty description={t.none} />}
      {council.data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={`${t.members} (${t.memberCount(council.data.members.length)})`}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={council.data.members}
              columns={[
                { title: t.fullName, dataIndex: 'fullName' },
                {
                  title: t.position,
                  dataIndex: 'position',
                  render: (v: string | null) => v ?? vi.common.none,
                },
                { title: t.role, dataIndex: 'roleName' },
                ...(manage
                  ? [
                      {
                        title: vi.common.actions,
                        key: 'actions',
                        render: (_: unknown, m: { id: string; fullName: string }) => (
                          <Popconfirm
                            title={t.removeConfirm(m.fullName)}
                            okText={vi.common.confirm}
                            cancelText={vi.common.cancel}
                            onConfirm={async () => {
                              await remove.mutateAsync(m.id);
                              message.success(t.memberRemoved);
                            }}
                          >
                            <Button size="small" danger aria-label={`${t.removeMember}: ${m.fullName}`}>
                              {t.removeMember}
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {manage && selected && <AddMember councilId={selected} />}
          </Card>
          <Card
            title={t.sessions}
            extra={
              manage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setSessionOpen(true)}>
                  {t.createSession}
                </Button>
              )
            }
          >
            <Table<CouncilDetailT['sessions'][number]>
              rowKey="id"
              size="small"
              pagination={false}
              locale={{ emptyText: t.noSessions }}
              dataSource={council.data.sessions}
              columns={[
                {
                  title: t.meetingDate,
                  dataIndex: 'meetingDate',
                  width: 120,
                  render: (v: string) => formatDate(v),
                },
                {
                  title: t.sessionTitle,
                  dataIndex: 'title',
                  render: (v: string, s: { id: string }) => (
                    <Link to={`/councils/sessions/${s.id}`}>{v}</Link>
                  ),
                },
                { title: t.venue, dataIndex: 'venue', render: (v: string | null) => v ?? vi.common.none },
                {
                  title: vi.common.details,
                  key: 'items',
                  render: (_: unknown, s) => t.items(s.itemCount, s.closedCount),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      <CreateCouncil
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setParams({ council: id });
        }}
      />
      {selected && (
        <CreateSession councilId={selected} open={sessionOpen} onClose={() => setSessionOpen(false)} />
      )}
    </>
  );
}
