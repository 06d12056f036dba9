/** "Xét điều kiện khen thưởng": batch evaluation of a unit subtree, counts per title/form with caps, stored runs. */
import { App as AntApp, Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viHistory } from '../../i18n/history';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { useCreateRun, useRun, useRuns } from './api';
import { STATUS_COLORS } from './EligibilityPanel';

const t = viHistory.eligibility;
const c = viHistory.common;

export function EligibilityRunsView() {
  usePageTitle(viHistory.menu.eligibility);
  const { user } = useAuth();
  const [orgId, setOrgId] = useState<string | null>(user?.roles[0]?.orgId ?? null);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [subjects, setSubjects] = useState<'individual' | 'collective' | 'both'>('individual');
  const [runId, setRunId] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('eligible');
  const [page, setPage] = useState(1);
  const runs = useRuns(orgId);
  const create = useCreateRun();
  const run = useRun(runId, code, status, page);
  const { message } = AntApp.useApp();
  const counts = run.data ? Object.entries(run.data.counts).map(([k, v]) => ({ code: k, ...v })) : [];
  return (
    <>
      <PageHeader title={viHistory.menu.eligibility} />
      <Card title={t.runTitle} style={{ marginBottom: 16 }}>
        <Space wrap>
          <label htmlFor="run-org">{c.unit}</label>
          <OrgPicker
            id="run-org"
            aria-label={c.unit}
            value={orgId}
            onChange={(v) => setOrgId(v as string | null)}
            style={{ minWidth: 340 }}
          />
          <label htmlFor="run-year">{t.year}</label>
          <InputNumber id="run-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <label htmlFor="run-subjects">{t.subjects}</label>
          <Select
            id="run-subjects"
            style={{ width: 200 }}
            value={subjects}
            onChange={setSubjects}
            options={Object.entries(t.SUBJECTS).map(([value, label]) => ({ value, label }))}
          />
          <Button
            type="primary"
            disabled={!orgId}
            loading={create.isPending}
            onClick={async () => {
              try {
                const r = await create.mutateAsync({ orgId: orgId!, year, subjects });
                setRunId(r.id);
                setCode(null);
                setPage(1);
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}
          >
            {t.run}
          </Button>
        </Space>
      </Card>
      <Card title={t.history} style={{ marginBottom: 16 }}>
        {runs.error ? <ErrorAlert error={runs.error} /> : null}
        <Table
          size="small"
          rowKey="id"
          loading={runs.isLoading}
          dataSource={runs.data?.items ?? []}
          pagination={{ pageSize: 5 }}
          onRow={(r) => ({
            onClick: () => {
              setRunId(r.id);
              setPage(1);
            },
            style: { cursor: 'pointer' },
          })}
          rowClassName={(r) => (r.id === runId ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t.createdAt, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: c.unit, dataIndex: 'orgName' },
            { title: t.year, dataIndex: 'year', width: 70 },
            { title: t.subjects, dataIndex: 'subjects', render: (v: string) => t.SUBJECTS[v] ?? v },
            { title: t.nominees, dataIndex: 'nominees', width: 110 },
            { title: viHistory.rules.version, dataIndex: 'ruleSetVersion', width: 100 },
          ]}
        />
      </Card>
      {run.error ? <ErrorAlert error={run.error} /> : null}
      {run.data && (
        <Card
          title={`${t.results} — ${run.data.orgName}, ${run.data.year} · ${t.ruleSet(run.data.ruleSetVersion)}`}
        >
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={counts}
            onRow={(r) => ({
              onClick: () => {
                setCode(r.code);
                setPage(1);
              },
              style: { cursor: 'pointer' },
            })}
            rowClassName={(r) => (r.code === code ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t.award, dataIndex: 'name' },
              { title: t.eligible, dataIndex: 'eligible', align: 'right' },
              { title: t.notEligible, dataIndex: 'notEligible', align: 'right' },
              { title: t.missing, dataIndex: 'missingData', align: 'right' },
              {
                title: t.capLimit,
                dataIndex: 'capLimit',
                align: 'right',
                render: (v: number | null) => v ?? '',
              },
              {
                title: t.overCap,
                dataIndex: 'overCap',
                align: 'right',
                render: (v: number | null) => v ?? '',
              },
            ]}
          />
          <Space wrap style={{ margin: '16px 0 8px' }}>
            <Typography.Text strong>
              {code ? counts.find((x) => x.code === code)?.name : t.results}
            </Typography.Text>
            <Select
              aria-label={t.status}
              style={{ width: 200 }}
              value={status ?? 'all'}
              onChange={(v) => {
                setStatus(v === 'all' ? null : v);
                setPage(1);
              }}
              options={[
                { value: 'all', label: viHistory.initiatives.all },
                ...Object.entries(t.STATUS).map(([value, label]) => ({ value, label })),
              ]}
            />
          </Space>
          <Table
            size="small"
            rowKey={(r) => `${r.nomineeId}-${r.awardCode}`}
            dataSource={run.data.results.items}
            loading={run.isFetching}
            pagination={{
              current: page,
              pageSize: 50,
              total: run.data.results.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: viHistory.import.name, dataIndex: 'nomineeName', width: 220 },
              {
                title: t.award,
                dataIndex: 'awardCode',
                width: 120,
                render: (v: string) => counts.find((x) => x.code === v)?.name ?? v,
              },
              {
                title: t.status,
                dataIndex: 'status',
                width: 150,
                render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t.STATUS[v]}</Tag>,
              },
              {
                title: t.withinCap,
                dataIndex: 'withinCap',
                width: 100,
                render: (v: boolean | null) => (v === null ? '' : v ? 'Có' : 'Không'),
              },
              { title: t.summary, dataIndex: 'summary' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
