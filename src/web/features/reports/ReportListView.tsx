import { PlusOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viReports } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { type ReportRequestItemT, useReportRequests } from './api';

const t = viReports.reports;

export function StatusTags({ counts }: { counts: ReportRequestItemT['counts'] }) {
  return (
    <Space size={4} wrap>
      {(['submitted', 'late', 'missing', 'pending'] as const).map((k) =>
        counts[k] > 0 ? (
          <Tag key={k} color={t.statusColors[k]}>
            {t.statusNames[k]}: {counts[k]}
          </Tag>
        ) : null,
      )}
    </Space>
  );
}

export function ReportListView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useReportRequests({ page, pageSize: 20 });
  return (
    <>
      <PageHeader
        title={t.title}
        subTitle={t.subTitle}
        extra={
          can('report.request') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/reports/new')}>
              {t.add}
            </Button>
          )
        }
      />
      <ErrorAlert error={list.error} />
      <Table<ReportRequestItemT>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t.empty }}
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
            title: t.requestTitle,
            dataIndex: 'title',
            render: (v: string, r) => (
              <>
                <Link to={`/reports/${r.id}`}>{v}</Link>
                <div style={{ color: '#666' }}>{r.org.name}</div>
              </>
            ),
          },
          { title: t.period, dataIndex: 'periodLabel', width: 130 },
          { title: t.dueOn, dataIndex: 'dueOn', width: 120, render: (v: string) => formatDate(v) },
          {
            title: t.progress,
            width: 330,
            render: (_: unknown, r) => (
              <>
                <Progress
                  percent={
                    r.targets ? Math.round(((r.counts.submitted + r.counts.late) / r.targets) * 100) : 0
                  }
                  size="small"
                  aria-label={t.progress}
                />
                <StatusTags counts={r.counts} />
              </>
            ),
          },
          {
            title: t.role,
            dataIndex: 'isRequester',
            width: 140,
            render: (v: boolean) => <Tag>{v ? t.requesterRole : t.targetRole}</Tag>,
          },
        ]}
      />
    </>
  );
}
