import { FileTextOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viPlans } from '../../i18n/vi';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type PlanSummaryT, type PlanTreeNodeT, useCreatePlan, usePlans, usePlanTree } from './api';

const t = viPlans;

export function StatusTag({ status }: { status: string | null }) {
  if (!status) return <Tag>{t.list.external}</Tag>;
  return <Tag color={status === 'issued' ? 'green' : 'gold'}>{t.status[status] ?? status}</Tag>;
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ orgId: string; title: string }>();
  const create = useCreatePlan();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const plan = await create.mutateAsync({ orgId: v.orgId, content: { title: v.title } });
      onClose();
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t.list.createTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t.list.create}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="orgId"
          label={t.list.createOrg}
          rules={[{ required: true, message: t.import.needOrg }]}
        >
          <OrgPicker aria-label={t.list.createOrg} />
        </Form.Item>
        <Form.Item name="title" label={t.list.createPlanTitle}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

function buildTree(nodes: PlanTreeNodeT[]): TreeItem[] {
  const items = new Map<string, TreeItem>();
  for (const n of nodes) {
    const label = (
      <span>
        <StatusTag status={n.status} />{' '}
        {n.planId ? (
          <Link to={`/plans/${n.planId}`}>{n.documentNumber ?? t.list.noNumber}</Link>
        ) : (
          <strong>{n.documentNumber}</strong>
        )}
        {n.issuedOn ? ` (${formatDate(n.issuedOn)})` : ''}
        {n.orgName ? ` — ${n.orgName}` : ''}
        {n.title ? <Typography.Text type="secondary">{`: ${n.title}`}</Typography.Text> : null}
      </span>
    );
    items.set(n.key, { key: n.key, title: label, children: [] });
  }
  const roots: TreeItem[] = [];
  for (const n of nodes) {
    const item = items.get(n.key)!;
    const parent = n.parentKey ? items.get(n.parentKey) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

function PlanTree() {
  const tree = usePlanTree();
  const data = useMemo(() => buildTree(tree.data ?? []), [tree.data]);
  if (tree.error) return <ErrorAlert error={tree.error} />;
  if (!tree.isLoading && data.length === 0) return <Typography.Text>{t.list.empty}</Typography.Text>;
  return (
    <Tree
      key={data.length}
      treeData={data}
      defaultExpandAll
      selectable={false}
      showLine
      aria-label={t.list.tabTree}
    />
  );
}

export function PlanListView() {
  usePageTitle(t.list.title);
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const plans = usePlans({ q: q.trim() || undefined, status });
  const columns = [
    {
      title: t.list.number,
      key: 'number',
      width: 150,
      render: (_: unknown, p: PlanSummaryT) => (
        <Link to={`/plans/${p.id}`}>{p.documentNumber ?? t.list.noNumber}</Link>
      ),
    },
    {
      title: t.list.issuedOn,
      dataIndex: 'issuedOn',
      width: 120,
      render: (d: string | null) => formatDate(d),
    },
    { title: t.list.issuer, dataIndex: 'orgName', width: 240 },
    {
      title: t.list.planTitle,
      key: 'title',
      render: (_: unknown, p: PlanSummaryT) => <Link to={`/plans/${p.id}`}>{p.title || '—'}</Link>,
    },
    {
      title: t.list.period,
      key: 'period',
      width: 120,
      render: (_: unknown, p: PlanSummaryT) => (p.yearFrom ? `${p.yearFrom} - ${p.yearTo ?? ''}` : ''),
    },
    {
      title: t.list.status,
      dataIndex: 'status',
      width: 130,
      render: (s: string) => <StatusTag status={s} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t.list.title}
        subTitle={t.list.subTitle}
        extra={
          can('plan.write') && (
            <>
              <Link to="/plans/import">
                <Button icon={<ImportOutlined />}>{t.list.import}</Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.list.create}
              </Button>
            </>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'list',
            label: t.list.tabList,
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Input.Search
                    allowClear
                    aria-label={t.list.search}
                    placeholder={t.list.search}
                    onSearch={setQ}
                    style={{ width: 320 }}
                  />
                  <Select
                    aria-label={t.list.status}
                    allowClear
                    placeholder={t.list.allStatuses}
                    value={status}
                    onChange={setStatus}
                    style={{ width: 200 }}
                    options={[
                      { value: 'draft', label: t.status.draft },
                      { value: 'issued', label: t.status.issued },
                    ]}
                  />
                </Space>
                {plans.error && <ErrorAlert error={plans.error} />}
                <Table
                  rowKey="id"
                  size="middle"
                  loading={plans.isLoading}
                  dataSource={plans.data ?? []}
                  columns={columns}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: t.list.empty }}
                  scroll={{ x: 1000 }}
                />
              </>
            ),
          },
          {
            key: 'tree',
            label: (
              <span>
                <FileTextOutlined /> {t.list.tabTree}
              </span>
            ),
            children: <PlanTree />,
          },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
