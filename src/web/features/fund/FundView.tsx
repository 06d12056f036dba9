import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viCouncils } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type FundLedgerT, useFundMutation, useLedger } from './api';

const t = viCouncils.fund;

function Allocation({
  orgId,
  year,
  open,
  onClose,
}: {
  orgId: string;
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const add = useFundMutation((body: Record<string, unknown>) => api.post('/fund/allocations', body));
  return (
    <Modal
      open={open}
      title={t.allocationTitle}
      onCancel={onClose}
      okText={t.addAllocation}
      cancelText={vi.common.cancel}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={add.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ entryDate: dayjs(), description: t.descriptionDefault(year) }}
        onFinish={async (v: { amount: number; entryDate: Dayjs; description: string }) => {
          await add.mutateAsync({
            orgId,
            year,
            amount: v.amount,
            entryDate: v.entryDate.format('YYYY-MM-DD'),
            description: v.description,
          });
          message.success(t.allocationAdded);
          onClose();
        }}
      >
        <Form.Item
          name="amount"
          label={t.amount}
          rules={[{ required: true, message: vi.common.required(t.amount) }]}
        >
          <InputNumber<number>
            min={1}
            step={1_000_000}
            style={{ width: 240 }}
            formatter={(v) => (v ? Number(v).toLocaleString('vi-VN') : '')}
            parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
            aria-label={t.amount}
          />
        </Form.Item>
        <Form.Item name="entryDate" label={t.entryDate} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} aria-label={t.entryDate} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t.description}
          rules={[{ required: true, message: vi.common.required(t.description) }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FundView() {
  usePageTitle(t.title);
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const [orgId, setOrgId] = useState<string | null>(
    () => user?.roles.find((g) => g.role !== 'staff')?.orgId ?? user?.roles[0]?.orgId ?? null,
  );
  const [year, setYear] = useState(dayjs().year());
  const [allocating, setAllocating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const ledger = useLedger(orgId, year);
  const pay = useFundMutation((decisionId: string) => api.post('/fund/payments', { decisionId }));
  const l: FundLedgerT | undefined = ledger.data;
  const thisYear = dayjs().year();
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <>
            <OrgPicker
              aria-label={t.org}
              value={orgId}
              onChange={(v) => setOrgId((v as string | null) ?? null)}
              style={{ width: 320 }}
              allowClear={false}
            />
            <Select
              aria-label={t.year}
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={Array.from({ length: 7 }, (_, i) => thisYear + 1 - i).map((y) => ({
                value: y,
                label: String(y),
              }))}
            />
            {l && (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={async () => {
                  setExporting(true);
                  try {
                    await api.download('/fund/export', { orgId, year }, `Sổ quỹ ${year}.xlsx`);
                  } catch (e) {
                    message.error(errorMessage(e));
                  } finally {
                    setExporting(false);
                  }
                }}
              >
                {t.export}
              </Button>
            )}
            {l?.abilities.manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAllocating(true)}>
                {t.addAllocation}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={ledger.error} />
      {!orgId && <Empty description={t.pickOrg} />}
      {l && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space size="large" wrap>
            <Card size="small">
              <Statistic title={t.allocated} value={l.allocated} groupSeparator="." suffix="đ" />
            </Card>
            <Card size="small">
              <Statistic title={t.paid} value={l.paid} groupSeparator="." suffix="đ" />
            </Card>
            <Card size="small">
              <Statistic
                title={t.balance}
                value={l.balance}
                groupSeparator="."
                suffix="đ"
                valueStyle={{ color: l.balance < 0 ? '#cf1322' : undefined }}
              />
            </Card>
          </Space>
          {l.unpaidDecisions.length > 0 && (
            <Card title={t.unpaid} size="small">
              <Space direction="vertical">
                {l.unpaidDecisions.map((d) => (
                  <Space key={d.id} wrap>
                    <Link to={`/decisions/${d.id}`}>{d.documentNumber}</Link>
                    <span>{viCouncils.vnd(d.totalAmount)}</span>
                    {l.abilities.manage && (
                      <Popconfirm
                        title={t.payConfirm(d.documentNumber, d.totalAmount)}
                        okText={vi.common.confirm}
                        cancelText={vi.common.cancel}
                        onConfirm={async () => {
                          try {
                            await pay.mutateAsync(d.id);
                            message.success(t.paid1);
                          } catch (e) {
                            message.error(errorMessage(e));
                          }
                        }}
                      >
                        <Button size="small" aria-label={`${t.pay} ${d.documentNumber}`}>
                          {t.pay}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ))}
              </Space>
            </Card>
          )}
          <Card title={`${t.entries} ${l.orgName} – ${year}`} size="small">
            <Table<FundLedgerT['entries'][number]>
              rowKey="id"
              size="small"
              pagination={false}
              locale={{ emptyText: t.empty }}
              dataSource={l.entries}
              columns={[
                {
                  title: t.columns.date,
                  dataIndex: 'entryDate',
                  width: 110,
                  render: (v: string) => formatDate(v),
                },
                {
                  title: t.columns.kind,
                  dataIndex: 'kindName',
                  width: 150,
                  render: (v: string, e: { kind: string }) => (
                    <Tag color={e.kind === 'allocation' ? 'green' : 'orange'}>{v}</Tag>
                  ),
                },
                { title: t.columns.description, dataIndex: 'description' },
                {
                  title: t.columns.number,
                  dataIndex: 'documentNumber',
                  width: 140,
                  render: (v: string | null, e) =>
                    v && e.decisionId ? <Link to={`/decisions/${e.decisionId}`}>{v}</Link> : '',
                },
                {
                  title: t.columns.amount,
                  dataIndex: 'amount',
                  width: 160,
                  align: 'right',
                  render: (v: number, e) => `${e.kind === 'payment' ? '−' : '+'}${viCouncils.vnd(v)}`,
                },
              ]}
            />
          </Card>
        </Space>
      )}
      {orgId && (
        <Allocation orgId={orgId} year={year} open={allocating} onClose={() => setAllocating(false)} />
      )}
    </>
  );
}
