import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viReports } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type OutboxItemT, useOutbox } from './api';

const t = viReports.outbox;

export function OutboxView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: string) => api.post(`/mail/outbox/${id}/retry`),
    onSuccess: () => {
      message.success(t.retried);
      void qc.invalidateQueries({ queryKey: ['mail', 'outbox'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ status, page, pageSize: 20 });
  return (
    <>
      <PageHeader title={t.title} subTitle={t.subTitle} />
      <Select
        aria-label={t.status}
        style={{ width: 280, marginBottom: 16 }}
        value={status ?? 'all'}
        onChange={(v) => {
          setStatus(v === 'all' ? undefined : v);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t.allStatuses },
          ...Object.entries(t.statuses).map(([value, label]) => ({ value, label })),
        ]}
      />
      <ErrorAlert error={outbox.error} />
      <Table<OutboxItemT>
        rowKey="id"
        size="middle"
        loading={outbox.isFetching}
        dataSource={outbox.data?.items ?? []}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 1500 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: outbox.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          expandedRowRender: (m) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {m.text}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t.subject, dataIndex: 'subject', width: 320 },
          {
            title: t.status,
            width: 230,
            render: (_: unknown, m) => (
              <>
                <Tag color={t.statusColors[m.status]}>{m.statusName}</Tag>
                {m.lastError && m.status !== 'not_sent' && (
                  <div style={{ color: '#a8071a', fontSize: 12 }}>
                    {t.lastError}: {m.lastError}
                  </div>
                )}
              </>
            ),
          },
          { title: t.to, dataIndex: 'to', width: 240, render: (v: string[]) => v.join(', ') },
          { title: t.org, width: 220, render: (_: unknown, m) => m.org?.name ?? '' },
          { title: t.kind, dataIndex: 'kind', width: 170, render: (v: string) => t.kinds[v] ?? v },
          { title: t.attempts, dataIndex: 'attempts', width: 100, align: 'right' },
          ...(can('settings.manage')
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, m: OutboxItemT) =>
                    (m.status === 'failed' || m.status === 'not_sent') && (
                      <Button
                        size="small"
                        loading={retry.isPending && retry.variables === m.id}
                        onClick={() => retry.mutate(m.id)}
                      >
                        {t.retry}
                      </Button>
                    ),
                },
              ]
            : []),
          {
            title: t.createdAt,
            width: 170,
            render: (_: unknown, m) => (
              <>
                <div>{formatDateTime(m.createdAt)}</div>
                {m.sentAt && <div style={{ color: '#389e0d' }}>{formatDateTime(m.sentAt)}</div>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
