import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { BarChart, PALETTE } from '../../components/charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viReports } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import {
  type BoardT,
  type ReportRequestDetailT,
  type RollUpT,
  reportKeys,
  useBoard,
  useReportRequest,
  useRollUp,
} from './api';
import { StatusTags } from './ReportListView';

const t = viReports.detail;
const r = viReports.reports;

function BoardTab({ req, board }: { req: ReportRequestDetailT; board: BoardT | undefined }) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const remind = useMutation({
    mutationFn: (orgIds?: string[]) =>
      api.post<{ reminded: number }>(`/reports/${req.id}/reminders`, orgIds ? { orgIds } : {}),
    onSuccess: (x) => {
      message.success(t.reminded(x.reminded));
      void qc.invalidateQueries({ queryKey: reportKeys.board(req.id) });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <>
      {board && (
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            flexWrap: 'wrap',
            gap: 8,
            marginBottom: 12,
          }}
        >
          <div>
            {t.today}: {formatDate(board.today)} · {r.dueOn}: {formatDate(board.dueOn)}{' '}
            <StatusTags counts={board.counts} />
          </div>
          {req.canRemind && req.status === 'open' && (
            <Popconfirm title={t.remindConfirm} onConfirm={() => remind.mutate(undefined)} okText={t.remind}>
              <Button icon={<BellOutlined />} loading={remind.isPending && remind.variables === undefined}>
                {t.remindAll}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
      <Table
        rowKey={(x) => x.org.id}
        size="middle"
        dataSource={board?.rows ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t.org,
            render: (_: unknown, x: BoardT['rows'][number]) => (
              <Link to={`/reports/${req.id}/submissions/${x.org.id}`}>{x.org.name}</Link>
            ),
          },
          {
            title: t.status,
            width: 190,
            render: (_: unknown, x: BoardT['rows'][number]) => (
              <Tag color={r.statusColors[x.status]}>{x.statusName}</Tag>
            ),
          },
          {
            title: t.submittedAt,
            width: 180,
            render: (_: unknown, x: BoardT['rows'][number]) => formatDateTime(x.submittedAt),
          },
          {
            title: t.reminders,
            width: 170,
            render: (_: unknown, x: BoardT['rows'][number]) =>
              x.reminders > 0 ? `${x.reminders} (${formatDate(x.lastReminderOn)})` : '',
          },
          {
            title: '',
            width: 130,
            render: (_: unknown, x: BoardT['rows'][number]) =>
              req.canRemind &&
              req.status === 'open' &&
              (x.status === 'missing' || x.status === 'pending') && (
                <Button
                  size="small"
                  icon={<BellOutlined />}
                  loading={remind.isPending && remind.variables?.[0] === x.org.id}
                  onClick={() => remind.mutate([x.org.id])}
                >
                  {t.remind}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

function RollUpTab({ id, data }: { id: string; data: RollUpT }) {
  const { message } = AntApp.useApp();
  const [field, setField] = useState<string | undefined>(data.fields[0]?.code);
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async (ext: 'docx' | 'xlsx') => {
    setDownloading(ext);
    try {
      await api.download(`/reports/${id}/rollup.${ext}`, undefined, `Bao cao tong hop.${ext}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(null);
    }
  };
  const s = data.statistics;
  const chosen = data.fields.find((f) => f.code === field);
  const perOrg = chosen
    ? data.byOrg
        .filter((o) => typeof o.figures[chosen.code] === 'number')
        .map((o) => ({ label: o.org.name, value: o.figures[chosen.code] as number }))
    : [];
  return (
    <>
      <div style={{ display: 'flex', gap: 8, marginBottom: 16, flexWrap: 'wrap' }}>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'docx'}
          onClick={() => void download('docx')}
        >
          {t.downloadDocx}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'xlsx'}
          onClick={() => void download('xlsx')}
        >
          {t.downloadXlsx}
        </Button>
      </div>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={data.fields}
        style={{ marginBottom: 16 }}
        columns={[
          { title: viReports.form.fieldLabel, dataIndex: 'label' },
          { title: t.unit, dataIndex: 'unit', width: 110 },
          {
            title: t.aggregate,
            dataIndex: 'aggregate',
            width: 140,
            render: (v: string) => viReports.form.aggregates[v],
          },
          {
            title: t.value,
            dataIndex: 'value',
            width: 130,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
          },
          { title: t.count, dataIndex: 'count', width: 160, align: 'right' },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <BarChart
              title={t.statusChart}
              orientation="horizontal"
              data={(['submitted', 'late', 'missing', 'pending'] as const).map((k) => ({
                label: r.statusNames[k]!,
                value: data.counts[k],
              }))}
              color={PALETTE[2]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small">
            <BarChart
              title={t.awardsChart}
              orientation="horizontal"
              data={s.awardsByForm.map((a) => ({ label: a.name, value: a.count }))}
              emptyText={t.noData}
              color={PALETTE[1]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t.fieldsChart}
            extra={
              <Select
                aria-label={t.chooseField}
                style={{ width: 320 }}
                value={field}
                onChange={setField}
                options={data.fields.map((f) => ({ value: f.code, label: f.label }))}
              />
            }
          >
            {chosen && (
              <BarChart
                title={`${chosen.label}${chosen.unit ? ` (${chosen.unit})` : ''}`}
                orientation="horizontal"
                data={perOrg}
                emptyText={t.noData}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t.registrations}
              value={
                s.registrations.available
                  ? t.registrationsText(s.registrations.collectives, s.registrations.individuals)
                  : t.noData
              }
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t.initiatives} value={s.initiatives.total} />
            {s.initiatives.byScope.map((x) => (
              <div key={x.scope}>
                {x.name}: {x.count}
              </div>
            ))}
          </Card>
        </Col>
        {s.indicators.length > 0 && (
          <Col span={24}>
            <Card size="small" title={t.indicatorsTitle}>
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={s.indicators}
                columns={[
                  { title: viReports.form.fieldLabel, dataIndex: 'name' },
                  { title: t.unit, dataIndex: 'unit', width: 100 },
                  {
                    title: t.value,
                    dataIndex: 'value',
                    width: 110,
                    render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
                  },
                  {
                    title: t.target,
                    dataIndex: 'target',
                    width: 110,
                    render: (v: number | null) => (v === null ? '—' : formatNumber(v)),
                  },
                  {
                    title: t.status,
                    dataIndex: 'status',
                    width: 150,
                    render: (v: string) => (
                      <Tag color={{ met: 'green', on_track: 'blue', behind: 'red', no_data: 'default' }[v]}>
                        {t.indicatorStatus[v]}
                      </Tag>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}

function CloseButton({ id }: { id: string }) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const close = useMutation({
    mutationFn: () => api.post<ReportRequestDetailT>(`/reports/${id}/close`),
    onSuccess: (x) => {
      message.success(t.closed);
      qc.setQueryData(reportKeys.detail(id), x);
      void qc.invalidateQueries({ queryKey: reportKeys.board(id) });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Popconfirm title={t.closeConfirm} onConfirm={() => close.mutate()} okText={t.close}>
      <Button loading={close.isPending}>{t.close}</Button>
    </Popconfirm>
  );
}

export function ReportDetailView() {
  const { id = '' } = useParams();
  const req = useReportRequest(id);
  const board = useBoard(id);
  const rollup = useRollUp(id, req.data?.isRequester === true);
  usePageTitle(req.data?.title ?? r.title);
  if (req.error) return <ErrorAlert error={req.error} />;
  const d = req.data;
  return (
    <>
      <PageHeader
        extra={d && (d.status === 'open' ? d.canRemind && <CloseButton id={id} /> : <Tag>{t.closedTag}</Tag>)}
        title={d?.title ?? ''}
        subTitle={d ? `${d.org.name} · ${d.periodLabel} · ${r.dueOn} ${formatDate(d.dueOn)}` : undefined}
      />
      {d?.note && (
        <Descriptions
          size="small"
          style={{ marginBottom: 12 }}
          items={[{ key: 'note', label: viReports.form.note, children: d.note }]}
        />
      )}
      <ErrorAlert error={board.error ?? rollup.error} />
      {d && (
        <Tabs
          items={[
            { key: 'board', label: t.board, children: <BoardTab req={d} board={board.data} /> },
            ...(d.isRequester
              ? [
                  {
                    key: 'rollup',
                    label: t.rollup,
                    children: rollup.data ? <RollUpTab id={id} data={rollup.data} /> : <Spin />,
                  },
                ]
              : []),
            {
              key: 'template',
              label: t.templateTab,
              children: (
                <>
                  <ul>
                    {d.template.fields.map((f) => (
                      <li key={f.code}>
                        {f.label} {f.unit ? `(${f.unit})` : ''} — {viReports.form.aggregates[f.aggregate]}
                      </li>
                    ))}
                  </ul>
                  <ol>
                    {d.template.sections.map((s) => (
                      <li key={s.code}>{s.title}</li>
                    ))}
                  </ol>
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
