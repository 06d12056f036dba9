/** A person's history (ratings, awards, initiatives, research, disciplines) and eligibility, for the staff detail page. */
import { Card, Col, Empty, InputNumber, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { viHistory } from '../../i18n/history';
import { formatDate } from '../../lib/format';
import { EligibilityPanel } from '../eligibility/EligibilityPanel';
import { usePersonHistory } from './api';

const t = viHistory.person;

export function PersonHistoryCard({ personId }: { personId: string }) {
  const { can } = useAuth();
  const q = usePersonHistory(can('history.read') ? personId : undefined);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  if (!can('history.read')) return null;
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const h = q.data;
  if (!h) return null;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />;
  return (
    <Card title={t.tab} style={{ marginTop: 16 }}>
      <Tabs
        items={[
          {
            key: 'awards',
            label: t.awards,
            children:
              h.awards.length === 0 ? (
                empty
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={h.awards}
                  columns={[
                    { title: viHistory.common.year, dataIndex: 'year', width: 70 },
                    { title: viHistory.eligibility.award, dataIndex: 'awardName' },
                    {
                      title: t.decision,
                      render: (_: unknown, a) =>
                        `${a.decisionNumber ?? ''}${a.decidedOn ? ` ngày ${formatDate(a.decidedOn)}` : ''}`,
                    },
                    {
                      title: viHistory.rules.authority,
                      dataIndex: 'issuer',
                      render: (v: string | null) => v ?? '',
                    },
                    {
                      title: '',
                      dataIndex: 'source',
                      width: 150,
                      render: (v: string) => <Tag>{t.source[v] ?? v}</Tag>,
                    },
                  ]}
                />
              ),
          },
          {
            key: 'ratings',
            label: t.ratings,
            children:
              h.ratings.length === 0 ? (
                empty
              ) : (
                <Table
                  size="small"
                  rowKey="year"
                  pagination={false}
                  dataSource={h.ratings}
                  columns={[
                    { title: viHistory.common.year, dataIndex: 'year', width: 70 },
                    { title: viHistory.ratings.rating, dataIndex: 'ratingName' },
                    {
                      title: viHistory.ratings.note,
                      dataIndex: 'note',
                      render: (v: string | null) => v ?? '',
                    },
                  ]}
                />
              ),
          },
          {
            key: 'initiatives',
            label: t.initiatives,
            children:
              h.initiatives.length === 0 && h.research.length === 0 ? (
                empty
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {h.initiatives.map((i) => (
                    <div key={i.id}>
                      <Typography.Text strong>{i.title}</Typography.Text> ({i.year}, {i.scopeName}){' '}
                      {i.usedBy ? (
                        <Tag color="orange">
                          {viHistory.initiatives.usedFor(
                            i.usedBy.awardName,
                            i.usedBy.year,
                            i.usedBy.personName,
                          )}
                        </Tag>
                      ) : (
                        <Tag color="green">{viHistory.initiatives.unused}</Tag>
                      )}
                    </div>
                  ))}
                  {h.research.map((r) => (
                    <div key={r.id}>
                      {t.research}: <Typography.Text strong>{r.title}</Typography.Text> ({r.year})
                    </div>
                  ))}
                </Space>
              ),
          },
          {
            key: 'disciplines',
            label: t.disciplines,
            children:
              h.disciplines.length === 0 ? (
                empty
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={h.disciplines}
                  columns={[
                    { title: t.disciplines, dataIndex: 'formName' },
                    {
                      title: viHistory.rules.validity,
                      render: (_: unknown, d) =>
                        `${formatDate(d.fromDate)} – ${d.toDate ? formatDate(d.toDate) : '…'}`,
                    },
                    { title: t.decision, dataIndex: 'decision', render: (v: string | null) => v ?? '' },
                  ]}
                />
              ),
          },
          ...(can('eligibility.read')
            ? [
                {
                  key: 'eligibility',
                  label: t.eligibility,
                  children: (
                    <Row gutter={[8, 8]}>
                      <Col span={24}>
                        <Space>
                          <label htmlFor="person-elig-year">{viHistory.eligibility.year}</label>
                          <InputNumber
                            id="person-elig-year"
                            min={2000}
                            max={2100}
                            value={year}
                            onChange={(v) => v && setYear(v)}
                          />
                        </Space>
                      </Col>
                      <Col span={24}>
                        <EligibilityPanel personId={personId} year={year} />
                      </Col>
                    </Row>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
