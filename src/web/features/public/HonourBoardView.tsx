import { TrophyOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Form, Row, Select, Spin, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/PageHeader';
import { viRegister } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { type HonourBoardT, useHonourBoard, usePublicOrganizations } from './api';
import { PublicLayout, PublicTitle } from './PublicLayout';

const t = viRegister.public;

export function HonourBoardView() {
  const [params, setParams] = useSearchParams();
  const org = params.get('org');
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 1944 ? yearParam : null;
  const board = useHonourBoard(org, year);
  const orgs = usePublicOrganizations();
  const b = board.data;
  usePageTitle(t.honourBoardTitle(b?.organization?.name ?? null, b?.year ?? null));

  const set = (patch: { org?: string | null; year?: number | null }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined) p.delete(k);
      else p.set(k, String(v));
    }
    if ('org' in patch) p.delete('year');
    setParams(p, { replace: true });
  };

  return (
    <PublicLayout>
      <PublicTitle>
        <TrophyOutlined style={{ color: '#d4a017' }} />{' '}
        {t.honourBoardTitle(b?.organization?.name ?? null, b?.year ?? null)}
      </PublicTitle>
      <Form layout="vertical" className="filters" component="div">
        <Form.Item label={t.org} htmlFor="hb-org" style={{ flex: '1 1 320px', minWidth: 240 }}>
          <Select
            id="hb-org"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.orgAll}
            value={org ?? undefined}
            onChange={(v?: string) => set({ org: v ?? null })}
            loading={orgs.isLoading}
            options={(orgs.data ?? []).map((o) => ({
              value: o.id,
              label: o.level === 0 ? o.name : `— ${o.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t.year} htmlFor="hb-year" style={{ flex: '0 1 140px', minWidth: 120 }}>
          <Select
            id="hb-year"
            value={b?.year ?? undefined}
            onChange={(v: number) => set({ year: v })}
            options={(b?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
      </Form>
      {board.error && <ErrorAlert error={board.error} />}
      {board.isLoading && <Spin />}
      {b && <Board board={b} />}
    </PublicLayout>
  );
}

function Board({ board }: { board: HonourBoardT }) {
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={14}>
        <Card title={t.awardees}>
          <Table
            rowKey={(r) => `${r.awardName}|${r.name}|${r.unit}|${r.decisionNumber}`}
            size="small"
            dataSource={board.awardees}
            locale={{ emptyText: t.noAwardees }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t.col.order, key: 'i', width: 56, render: (_v, _r, i) => i + 1 },
              {
                title: t.col.name,
                key: 'name',
                render: (_, r) => (
                  <>
                    <strong>{r.name}</strong>
                    {r.positionTitle && <div style={{ color: '#595959' }}>{r.positionTitle}</div>}
                  </>
                ),
              },
              { title: t.col.unit, dataIndex: 'unit', key: 'unit' },
              {
                title: t.col.awarded,
                dataIndex: 'awardName',
                key: 'award',
                render: (v: string) => <Tag color="gold">{v}</Tag>,
              },
              {
                title: t.col.decision,
                key: 'decision',
                render: (_, r) =>
                  [r.decisionNumber, r.decidedOn ? formatDate(r.decidedOn) : null].filter(Boolean).join(', '),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t.stories}>
          {board.stories.length === 0 ? (
            <Empty description={t.noStories} />
          ) : (
            board.stories.map((s) => (
              <article key={`${s.title}|${s.name}`} style={{ marginBottom: 24 }}>
                <Typography.Title level={2} style={{ fontSize: 18 }}>
                  {s.title}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {[s.name, s.positionTitle, s.unit].filter(Boolean).join(' – ')}
                </Typography.Text>
                {s.story.split(/\n{2,}/).map((para, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text have no other identity
                  <Typography.Paragraph key={i} style={{ marginTop: 8, whiteSpace: 'pre-line' }}>
                    {para}
                  </Typography.Paragraph>
                ))}
              </article>
            ))
          )}
        </Card>
      </Col>
    </Row>
  );
}
