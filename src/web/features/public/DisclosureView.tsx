import { Alert, Card, Empty, List, Spin, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/PageHeader';
import { viRegister } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { useOpenRounds, usePublicNominees } from './api';
import { PublicLayout, PublicTitle } from './PublicLayout';

const t = viRegister.public;

/** /cong-khai: the rounds now in their public comment period. */
export function OpenRoundsView() {
  usePageTitle(t.disclosureTitle);
  const rounds = useOpenRounds();
  return (
    <PublicLayout>
      <PublicTitle>{t.disclosureTitle}</PublicTitle>
      {rounds.error && <ErrorAlert error={rounds.error} />}
      <Card title={t.openRounds}>
        <List
          loading={rounds.isLoading}
          dataSource={rounds.data ?? []}
          locale={{ emptyText: <Empty description={t.noOpenRounds} /> }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/cong-khai/dot/${r.id}`}>{r.title}</Link>}
                description={`${r.organization} · ${r.kindName} · ${t.period(formatDate(r.publicCommentFrom), formatDate(r.publicCommentUntil))}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </PublicLayout>
  );
}

/** /cong-khai/dot/:id: the nominees of one round, public fields only. */
export function DisclosureView() {
  const { id = '' } = useParams();
  const data = usePublicNominees(id);
  const d = data.data;
  usePageTitle(d?.round.title ?? t.disclosureTitle);
  return (
    <PublicLayout>
      <PublicTitle>{d?.round.title ?? t.disclosureTitle}</PublicTitle>
      {data.isLoading && <Spin />}
      {data.error && <ErrorAlert error={data.error} />}
      {d && (
        <>
          <Typography.Paragraph type="secondary">
            {d.round.organization} · {d.round.kindName} ·{' '}
            {t.period(formatDate(d.round.publicCommentFrom), formatDate(d.round.publicCommentUntil))}
          </Typography.Paragraph>
          {d.open ? (
            <>
              <Alert type="info" showIcon title={t.commentHint} style={{ marginBottom: 16 }} />
              <Card title={t.nominees(d.nominees.length)}>
                <Table
                  rowKey={(r) => `${r.awardName}|${r.name}|${r.unit}`}
                  size="small"
                  dataSource={d.nominees}
                  locale={{ emptyText: t.noNominees }}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  scroll={{ x: 900 }}
                  columns={[
                    { title: t.col.order, key: 'i', width: 56, render: (_v, _r, i) => i + 1 },
                    {
                      title: t.col.name,
                      dataIndex: 'name',
                      key: 'name',
                      width: 200,
                      render: (v: string) => <strong>{v}</strong>,
                    },
                    { title: t.col.position, dataIndex: 'positionTitle', key: 'pos', width: 160 },
                    { title: t.col.unit, dataIndex: 'unit', key: 'unit', width: 200 },
                    { title: t.col.award, dataIndex: 'awardName', key: 'award', width: 200 },
                    { title: t.col.summary, dataIndex: 'achievementSummary', key: 'sum' },
                  ]}
                />
              </Card>
            </>
          ) : (
            <Alert type="warning" showIcon title={d.message} />
          )}
        </>
      )}
    </PublicLayout>
  );
}
