import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { label, vi } from '../../i18n/vi';
import { api } from '../../lib/api';
import { DATE_FORMAT, formatDateTime, toIsoDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { type AuditFilters, type AuditItem, type AuditVerifyResult, useAuditLog, verifyAudit } from './api';

function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{vi.audit.noData}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

function AuditRowDetail({ item }: { item: AuditItem }) {
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{vi.audit.before}</Typography.Text>
        <JsonBlock value={item.before} />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{vi.audit.after}</Typography.Text>
        <JsonBlock value={item.after} />
      </Col>
    </Row>
  );
}

/** Account list for the actor filter, when the user may see accounts. */
function useActorOptions(enabled: boolean, seen: AuditItem[]) {
  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () =>
      api.get<{ items: { id: string; username: string; displayName: string }[] }>('/users', {
        pageSize: 200,
      }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const options = new Map<string, string>();
    for (const u of users.data?.items ?? []) options.set(u.id, `${u.displayName} (${u.username})`);
    for (const item of seen)
      if (item.actorId && item.actorName && !options.has(item.actorId))
        options.set(item.actorId, item.actorName);
    return [...options.entries()].map(([value, text]) => ({ value, label: text }));
  }, [users.data, seen]);
}

export function AuditView() {
  usePageTitle(vi.audit.title);
  const a = vi.audit;
  const { can } = useAuth();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [entityId, setEntityId] = useState('');
  const [actorId, setActorId] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const debouncedEntityId = useDebounced(entityId.trim(), 400);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ result?: AuditVerifyResult; error?: unknown } | null>(null);

  const filters: AuditFilters = {
    entityType,
    entityId: debouncedEntityId || undefined,
    actorId,
    action,
    from: toIsoDate(range?.[0]) ?? undefined,
    to: toIsoDate(range?.[1]) ?? undefined,
    page,
    pageSize,
  };
  const log = useAuditLog(filters);
  const actorOptions = useActorOptions(can('account.manage'), log.data?.items ?? []);

  const change =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(1);
    };

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    try {
      setVerify({ result: await verifyAudit() });
    } catch (error) {
      setVerify({ error });
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableProps<AuditItem>['columns'] = [
    { title: a.columns.seq, dataIndex: 'seq', width: 80 },
    { title: a.columns.at, dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: a.columns.actor,
      dataIndex: 'actorName',
      width: 220,
      render: (v: string | null) => v ?? a.system,
    },
    {
      title: a.columns.action,
      dataIndex: 'action',
      width: 220,
      render: (v: string) => <span title={v}>{label(a.actions, v)}</span>,
    },
    {
      title: a.columns.entity,
      key: 'entity',
      width: 240,
      render: (_, r) => (
        <span>
          {label(a.entityTypes, r.entityType)}
          {r.entityId && (
            <>
              <br />
              <Typography.Text type="secondary" copyable={{ text: r.entityId }} style={{ fontSize: 12 }}>
                {r.entityId.slice(0, 8)}…
              </Typography.Text>
            </>
          )}
        </span>
      ),
    },
    {
      title: a.columns.org,
      dataIndex: 'orgName',
      width: 220,
      render: (v: string | null) => v ?? vi.common.none,
    },
    {
      title: a.columns.requestId,
      dataIndex: 'requestId',
      width: 140,
      render: (v: string | null) =>
        v ? (
          <Typography.Text type="secondary" copyable={{ text: v }} style={{ fontSize: 12 }}>
            {v.slice(0, 8)}…
          </Typography.Text>
        ) : (
          vi.common.none
        ),
    },
  ];

  const verifyAlert = verify?.error ? (
    <ErrorAlert error={verify.error} />
  ) : verify?.result ? (
    verify.result.ok ? (
      <Alert
        type="success"
        showIcon
        role="status"
        title={a.verifyOk(verify.result.rows)}
        description={
          verify.result.head ? a.verifyHead(verify.result.head.seq, verify.result.head.hash) : undefined
        }
        closable
        style={{ marginBottom: 16 }}
      />
    ) : (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={a.verifyFailed}
        description={
          verify.result.problem
            ? a.verifyProblem(verify.result.problem.seq, verify.result.problem.message)
            : undefined
        }
        style={{ marginBottom: 16 }}
      />
    )
  ) : null;

  const f = a.filters;
  return (
    <>
      <PageHeader
        title={a.title}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()} loading={verifying}>
            {verifying ? a.verifying : a.verify}
          </Button>
        }
      />
      {verifyAlert}
      <Card>
        <Form layout="vertical" className="filters" component="div">
          <Form.Item label={f.entityType} htmlFor="audit-entity-type" style={{ flex: '1 1 180px' }}>
            <Select
              id="audit-entity-type"
              allowClear
              placeholder={f.anyEntity}
              value={entityType}
              onChange={change(setEntityType)}
              options={Object.entries(a.entityTypes).map(([value, text]) => ({ value, label: text }))}
            />
          </Form.Item>
          <Form.Item label={f.entityId} htmlFor="audit-entity-id" style={{ flex: '1 1 200px' }}>
            <Input
              id="audit-entity-id"
              allowClear
              value={entityId}
              onChange={(e) => change(setEntityId)(e.target.value)}
              spellCheck={false}
            />
          </Form.Item>
          <Form.Item label={f.actor} htmlFor="audit-actor" style={{ flex: '1 1 220px' }}>
            <Select
              id="audit-actor"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={f.anyActor}
              value={actorId}
              onChange={change(setActorId)}
              options={actorOptions}
            />
          </Form.Item>
          <Form.Item label={f.action} htmlFor="audit-action" style={{ flex: '1 1 220px' }}>
            <Select
              id="audit-action"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={f.anyAction}
              value={action}
              onChange={change(setAction)}
              options={Object.entries(a.actions).map(([value, text]) => ({ value, label: text }))}
            />
          </Form.Item>
          <Form.Item label={f.dateRange} htmlFor="audit-range" style={{ flex: '1 1 260px' }}>
            <DatePicker.RangePicker
              id={{ start: 'audit-range', end: 'audit-range-end' }}
              format={DATE_FORMAT}
              value={range}
              onChange={(v) => change(setRange)(v as [Dayjs | null, Dayjs | null] | null)}
              placeholder={[f.from, f.to]}
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
            />
          </Form.Item>
        </Form>
        {log.error && <ErrorAlert error={log.error} />}
        <Table<AuditItem>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          scroll={{ x: 1300 }}
          expandable={{ expandedRowRender: (item) => <AuditRowDetail item={item} /> }}
          pagination={{
            current: page,
            pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => vi.common.total(total, a.unit),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
    </>
  );
}
