import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Statistic,
  Table,
  Tabs,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { BarChart, LineChart } from '../../components/charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viRegister } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type AwardStatisticsT, type StatisticsFilters, statisticsQuery, useStatistics } from './api';

const t = viRegister.statistics;

function useFiltersFromUrl(): [StatisticsFilters, (patch: Partial<StatisticsFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<StatisticsFilters>(() => {
    const from = Number(params.get('from'));
    const to = Number(params.get('to'));
    return {
      yearFrom: Number.isInteger(from) && from > 1944 ? from : null,
      yearTo: Number.isInteger(to) && to > 1944 ? to : null,
      orgId: params.get('org'),
    };
  }, [params]);
  const update = (patch: Partial<StatisticsFilters>) => {
    const next = { ...filters, ...patch };
    const p = new URLSearchParams();
    if (next.yearFrom) p.set('from', String(next.yearFrom));
    if (next.yearTo) p.set('to', String(next.yearTo));
    if (next.orgId) p.set('org', next.orgId);
    setParams(p, { replace: true });
  };
  return [filters, update];
}

/** The main titles and forms over the years (top 5 by count), as line-chart series. */
function trendSeries(s: AwardStatisticsT) {
  const labels = s.byYear.map((r) => String(r.year));
  const top = [...s.byForm].sort((a, b) => b.count - a.count).slice(0, 5);
  return {
    labels,
    series: top.map((f) => ({
      name: f.awardName,
      values: s.byYear.map(
        (y) => s.byYearForm.find((r) => r.year === y.year && r.awardCode === f.awardCode)?.count ?? 0,
      ),
    })),
  };
}

export function StatisticsView() {
  usePageTitle(t.title);
  const { message } = AntApp.useApp();
  const [filters, update] = useFiltersFromUrl();
  const badRange = filters.yearFrom !== null && filters.yearTo !== null && filters.yearFrom > filters.yearTo;
  const stats = useStatistics(badRange ? { ...filters, yearFrom: filters.yearTo } : filters);
  const [exporting, setExporting] = useState(false);
  const s = stats.data;

  const onExport = async () => {
    setExporting(true);
    try {
      await api.download('/statistics/awards/export', statisticsQuery(filters), 'Thong ke khen thuong.xlsx');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const trend = s ? trendSeries(s) : null;
  return (
    <>
      <PageHeader
        title={t.title}
        subTitle={s ? `${s.organization?.name ?? t.orgPlaceholder} · ${s.yearFrom}–${s.yearTo}` : undefined}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void onExport()}
            loading={exporting}
            disabled={badRange}
          >
            {exporting ? t.exporting : t.export}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" className="filters" component="div">
          <Form.Item label={t.yearFrom} htmlFor="stats-from" style={{ flex: '0 1 130px', minWidth: 110 }}>
            <InputNumber
              id="stats-from"
              min={1945}
              max={2100}
              value={filters.yearFrom ?? s?.yearFrom}
              onChange={(v) => update({ yearFrom: typeof v === 'number' ? v : null })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t.yearTo} htmlFor="stats-to" style={{ flex: '0 1 130px', minWidth: 110 }}>
            <InputNumber
              id="stats-to"
              min={1945}
              max={2100}
              value={filters.yearTo ?? s?.yearTo}
              onChange={(v) => update({ yearTo: typeof v === 'number' ? v : null })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t.org} htmlFor="stats-org" style={{ flex: '1 1 280px', minWidth: 220 }}>
            <OrgPicker
              id="stats-org"
              value={filters.orgId}
              onChange={(v) => update({ orgId: (v as string | null) ?? null })}
              placeholder={t.orgPlaceholder}
            />
          </Form.Item>
        </Form>
        {badRange && (
          <Alert type="warning" showIcon role="alert" title={t.badRange} style={{ marginBottom: 16 }} />
        )}
        {stats.error && <ErrorAlert error={stats.error} />}
        {s && (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t.total} value={s.totals.count} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t.individual}
                value={s.totals.individual}
                formatter={(v) => formatNumber(Number(v))}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t.collective}
                value={s.totals.collective}
                formatter={(v) => formatNumber(Number(v))}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t.amount}
                value={s.totals.amount}
                formatter={(v) => `${formatNumber(Number(v))} đ`}
              />
            </Col>
          </Row>
        )}
      </Card>
      {s && (
        <Card>
          <Tabs
            items={[
              {
                key: 'year',
                label: t.byYear,
                children: (
                  <Row gutter={24}>
                    <Col xs={24} xl={12}>
                      <BarChart
                        title={t.chartByYear(s.yearFrom, s.yearTo)}
                        data={s.byYear.map((r) => ({ label: String(r.year), value: r.total }))}
                      />
                    </Col>
                    <Col xs={24} xl={12}>
                      <Table
                        rowKey="year"
                        size="small"
                        pagination={false}
                        dataSource={s.byYear}
                        columns={[
                          { title: t.year, dataIndex: 'year', key: 'year' },
                          {
                            title: t.individual,
                            dataIndex: 'individual',
                            key: 'i',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.collective,
                            dataIndex: 'collective',
                            key: 'c',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.total,
                            dataIndex: 'total',
                            key: 't',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.amount,
                            dataIndex: 'amount',
                            key: 'a',
                            align: 'right',
                            render: formatNumber,
                          },
                        ]}
                      />
                    </Col>
                    {trend && trend.series.length > 0 && (
                      <Col span={24} style={{ marginTop: 24 }}>
                        <LineChart title={t.trend} labels={trend.labels} series={trend.series} />
                      </Col>
                    )}
                  </Row>
                ),
              },
              {
                key: 'form',
                label: t.byForm,
                children: (
                  <Row gutter={24}>
                    <Col xs={24} xl={12}>
                      <BarChart
                        orientation="horizontal"
                        title={t.chartByForm}
                        data={s.byForm.map((r) => ({ label: r.awardName, value: r.count }))}
                      />
                    </Col>
                    <Col xs={24} xl={12}>
                      <Table
                        rowKey="awardCode"
                        size="small"
                        pagination={false}
                        dataSource={s.byForm}
                        columns={[
                          { title: t.awardCol, dataIndex: 'awardName', key: 'n' },
                          {
                            title: t.kindCol,
                            dataIndex: 'kind',
                            key: 'k',
                            render: (v: string) => t.kind[v] ?? v,
                          },
                          {
                            title: t.count,
                            dataIndex: 'count',
                            key: 'c',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.amount,
                            dataIndex: 'amount',
                            key: 'a',
                            align: 'right',
                            render: formatNumber,
                          },
                        ]}
                      />
                    </Col>
                  </Row>
                ),
              },
              {
                key: 'org',
                label: t.byOrg,
                children: (
                  <Row gutter={24}>
                    <Col xs={24} xl={12}>
                      <BarChart
                        orientation="horizontal"
                        title={t.chartByOrg}
                        color="#009E73"
                        data={s.byOrganization.slice(0, 25).map((r) => ({ label: r.name, value: r.total }))}
                      />
                    </Col>
                    <Col xs={24} xl={12}>
                      <Table
                        rowKey="orgId"
                        size="small"
                        pagination={{ pageSize: 20, hideOnSinglePage: true }}
                        dataSource={s.byOrganization}
                        columns={[
                          { title: t.org, dataIndex: 'name', key: 'n' },
                          {
                            title: t.individual,
                            dataIndex: 'individual',
                            key: 'i',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.collective,
                            dataIndex: 'collective',
                            key: 'c',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.total,
                            dataIndex: 'total',
                            key: 't',
                            align: 'right',
                            render: formatNumber,
                          },
                          {
                            title: t.amount,
                            dataIndex: 'amount',
                            key: 'a',
                            align: 'right',
                            render: formatNumber,
                          },
                        ]}
                      />
                    </Col>
                  </Row>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
