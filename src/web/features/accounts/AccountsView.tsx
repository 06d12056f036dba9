import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  MoreOutlined,
  PlusOutlined,
  SafetyOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Drawer,
  Dropdown,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { ROLES } from '../../../domain/access/roles';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { applyApiError, type UnmappedError } from '../../lib/forms';
import { useDebounced } from '../../lib/useDebounced';
import { OrgPicker } from '../organizations/OrgPicker';
import type { Paged, StaffItem } from '../staff/api';
import {
  type Account,
  useAccounts,
  useAddGrant,
  useCreateAccount,
  useRemoveGrant,
  useResetPassword,
  useUpdateAccount,
} from './api';

/** Search-as-you-type picker of a staff record (the account's person). */
function PersonPicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const people = useQuery({
    queryKey: ['staff', 'picker', q],
    queryFn: () => api.get<Paged<StaffItem>>('/staff', { q: q || undefined, pageSize: 20, status: 'active' }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={vi.accounts.personPlaceholder}
      loading={people.isFetching}
      notFoundContent={null}
      options={(people.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.fullName} – ${p.staffCode}${p.org ? ` – ${p.org.name}` : ''}`,
      }))}
    />
  );
}

interface AccountValues {
  username?: string;
  displayName?: string;
  email?: string;
  personId?: string;
  grant?: { role?: string; orgId?: string };
}

function AccountModal({
  account,
  onClose,
  onCreated,
}: {
  account: Account | null;
  onClose: () => void;
  onCreated: (username: string, password: string) => void;
}) {
  const [form] = Form.useForm<AccountValues>();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);
  const ac = vi.accounts;
  const editing = account !== null;

  const submit = async (v: AccountValues) => {
    setError(null);
    try {
      if (editing) {
        await update.mutateAsync({
          id: account.id,
          displayName: v.displayName?.trim(),
          email: v.email?.trim() || null,
        });
        message.success(vi.common.saved);
        onClose();
      } else {
        const r = await create.mutateAsync({
          username: (v.username ?? '').trim(),
          displayName: (v.displayName ?? '').trim(),
          email: v.email?.trim() || undefined,
          personId: v.personId || undefined,
          grant: v.grant?.role && v.grant.orgId ? { role: v.grant.role, orgId: v.grant.orgId } : undefined,
        });
        message.success(ac.created);
        onClose();
        onCreated(r.user.username, r.oneTimePassword);
      }
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  return (
    <Modal
      title={editing ? ac.editTitle : ac.addTitle}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={vi.common.save}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
      <Form<AccountValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          account
            ? {
                username: account.username,
                displayName: account.displayName,
                email: account.email ?? undefined,
              }
            : {}
        }
      >
        <Form.Item
          label={ac.fields.username}
          name="username"
          extra={editing ? undefined : ac.usernameHint}
          rules={[{ required: true, whitespace: true, message: vi.common.required(ac.fields.username) }]}
        >
          <Input
            disabled={editing}
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            maxLength={100}
            autoFocus={!editing}
          />
        </Form.Item>
        <Form.Item
          label={ac.fields.displayName}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: vi.common.required(ac.fields.displayName) }]}
        >
          <Input maxLength={200} autoFocus={editing} />
        </Form.Item>
        <Form.Item
          label={ac.fields.email}
          name="email"
          rules={[{ type: 'email', message: vi.common.invalid(ac.fields.email) }]}
        >
          <Input type="email" maxLength={200} autoComplete="off" />
        </Form.Item>
        {!editing && can('staff.read') && (
          <Form.Item label={ac.fields.person} name="personId">
            <PersonPicker />
          </Form.Item>
        )}
        {!editing && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{ac.firstGrant}</legend>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {ac.firstGrantHelp}
            </Typography.Paragraph>
            <Form.Item label={ac.role} name={['grant', 'role']}>
              <Select allowClear options={ROLES.map((r) => ({ value: r, label: vi.roles[r] }))} />
            </Form.Item>
            <Form.Item
              label={ac.org}
              name={['grant', 'orgId']}
              dependencies={[['grant', 'role']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    getFieldValue(['grant', 'role']) && !value
                      ? Promise.reject(new Error(vi.common.requiredSelect(ac.org)))
                      : Promise.resolve(),
                }),
              ]}
            >
              <OrgPicker />
            </Form.Item>
          </fieldset>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function GrantsDrawer({ account, onClose }: { account: Account; onClose: () => void }) {
  const ac = vi.accounts;
  const [form] = Form.useForm<{ role?: string; orgId?: string }>();
  const add = useAddGrant();
  const remove = useRemoveGrant();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);

  const submit = async (v: { role?: string; orgId?: string }) => {
    setError(null);
    try {
      await add.mutateAsync({ id: account.id, role: v.role ?? '', orgId: v.orgId ?? '' });
      message.success(ac.grantAdded);
      form.resetFields();
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  return (
    <Drawer
      title={ac.grantsTitle(account.displayName)}
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{ac.grantsHelp}</Typography.Paragraph>
      <List
        bordered
        dataSource={account.roles}
        locale={{ emptyText: ac.noGrants }}
        style={{ marginBottom: 24 }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={ac.removeGrant}
                description={ac.removeGrantConfirm(g.roleName, g.orgName)}
                okText={ac.removeGrant}
                cancelText={vi.common.cancel}
                okButtonProps={{ danger: true }}
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync({ id: account.id, grantId: g.id });
                    message.success(ac.grantRemoved);
                  } catch (err) {
                    message.error((err as Error).message);
                  }
                }}
              >
                <Button danger size="small">
                  {ac.removeGrant}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta title={g.roleName} description={g.orgName} />
          </List.Item>
        )}
      />
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {ac.addGrant}
      </Typography.Title>
      {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={ac.role}
          name="role"
          rules={[{ required: true, message: vi.common.requiredSelect(ac.role) }]}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: vi.roles[r] }))} />
        </Form.Item>
        <Form.Item
          label={ac.org}
          name="orgId"
          rules={[{ required: true, message: vi.common.requiredSelect(ac.org) }]}
        >
          <OrgPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {ac.addGrant}
        </Button>
      </Form>
    </Drawer>
  );
}

export function AccountsView() {
  usePageTitle(vi.accounts.title);
  const ac = vi.accounts;
  const { message, modal } = AntApp.useApp();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useAccounts(q, page, pageSize);
  const update = useUpdateAccount();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<Account | null | 'new'>(null);
  const [grantsFor, setGrantsFor] = useState<string | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);
  const grantsAccount = useMemo(
    () => list.data?.items.find((a) => a.id === grantsFor) ?? null,
    [list.data, grantsFor],
  );

  const confirmReset = (a: Account) =>
    modal.confirm({
      title: ac.resetPassword,
      content: ac.resetConfirm(a.username),
      okText: ac.resetPassword,
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          const r = await reset.mutateAsync(a.id);
          setOtp({ username: a.username, password: r.oneTimePassword });
        } catch (err) {
          message.error((err as Error).message);
        }
      },
    });

  const confirmToggle = (a: Account) =>
    modal.confirm({
      title: a.disabled ? ac.enable : ac.disable,
      content: a.disabled ? undefined : ac.disableConfirm(a.username),
      okText: a.disabled ? ac.enable : ac.disable,
      okButtonProps: { danger: !a.disabled },
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          await update.mutateAsync({ id: a.id, disabled: !a.disabled });
          message.success(a.disabled ? ac.enabledDone : ac.disabledDone);
        } catch (err) {
          message.error((err as Error).message);
        }
      },
    });

  const columns: TableProps<Account>['columns'] = [
    { title: ac.fields.username, dataIndex: 'username', width: 150 },
    { title: ac.fields.displayName, dataIndex: 'displayName', width: 200 },
    {
      title: ac.fields.email,
      dataIndex: 'email',
      width: 200,
      render: (v: string | null) => v ?? vi.common.none,
    },
    {
      title: ac.fields.roles,
      key: 'roles',
      width: 320,
      render: (_, a) =>
        a.roles.length === 0 ? (
          <Typography.Text type="secondary">{ac.noGrants}</Typography.Text>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {a.roles.map((g) => (
              <Tag key={g.id} color="blue" style={{ whiteSpace: 'normal' }}>
                {vi.auth.roleAt(g.roleName, g.orgName)}
              </Tag>
            ))}
          </div>
        ),
    },
    {
      title: ac.fields.lastLoginAt,
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : ac.never),
    },
    {
      title: ac.fields.status,
      dataIndex: 'disabled',
      width: 130,
      render: (v: boolean, a) => (
        <>
          <Tag color={v ? 'red' : 'green'}>{v ? ac.disabled : ac.active}</Tag>
          {a.mustChangePassword && !v && <Tag color="orange">{ac.mustChange}</Tag>}
        </>
      ),
    },
    {
      title: vi.common.actions,
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_, a) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(a)}>
            {vi.common.edit}
          </Button>
          <Button size="small" icon={<SafetyOutlined />} onClick={() => setGrantsFor(a.id)}>
            {ac.grants}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'reset',
                  icon: <KeyOutlined />,
                  label: ac.resetPassword,
                  onClick: () => confirmReset(a),
                },
                {
                  key: 'toggle',
                  icon: a.disabled ? <UnlockOutlined /> : <LockOutlined />,
                  danger: !a.disabled,
                  label: a.disabled ? ac.enable : ac.disable,
                  onClick: () => confirmToggle(a),
                },
              ],
            }}
          >
            <Button
              size="small"
              icon={<MoreOutlined />}
              aria-label={ac.moreFor(a.username)}
              title={ac.more}
            />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={ac.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {ac.add}
          </Button>
        }
      />
      <Card>
        <Form layout="vertical" className="filters" component="div">
          <Form.Item
            label={ac.searchLabel}
            htmlFor="account-search"
            style={{ flex: '1 1 320px', maxWidth: 480 }}
          >
            <Input.Search
              id="account-search"
              allowClear
              value={search}
              placeholder={ac.searchPlaceholder}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(1);
              }}
            />
          </Form.Item>
        </Form>
        {list.error && <ErrorAlert error={list.error} />}
        <Table<Account>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1420 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => vi.common.total(total, ac.unit),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {editing !== null && (
        <AccountModal
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(username, password) => setOtp({ username, password })}
        />
      )}
      {grantsAccount && <GrantsDrawer account={grantsAccount} onClose={() => setGrantsFor(null)} />}
      <OneTimePasswordModal
        username={otp?.username ?? ''}
        password={otp?.password ?? null}
        onClose={() => setOtp(null)}
      />
    </>
  );
}
