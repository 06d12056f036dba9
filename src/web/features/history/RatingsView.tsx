/**
 * "Xếp loại chất lượng": pick a unit and a year, enter each person's and each collective's rating
 * inline (department heads, TĐKT officers), or import ratings / past awards from Excel.
 */
import { ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viHistory } from '../../i18n/history';
import { errorMessage } from '../../lib/api';
import { OrgPicker } from '../organizations/OrgPicker';
import { usePutRating, useRatings } from './api';
import { HistoryImportModal } from './HistoryImportModal';

const t = viHistory.ratings;
const c = viHistory.common;
const RATING_OPTIONS = Object.entries(t.RATING).map(([value, label]) => ({
  value,
  label: `${value} – ${label}`,
}));
const RATING_COLORS: Record<string, string> = { HTXSNV: 'green', HTTNV: 'blue', HTNV: 'gold', KHTNV: 'red' };

function RatingCell({
  value,
  editable,
  onChange,
  label,
}: {
  value: string | null;
  editable: boolean;
  onChange: (v: string | null) => Promise<void>;
  label: string;
}) {
  const [saving, setSaving] = useState(false);
  if (!editable)
    return value ? (
      <Tag color={RATING_COLORS[value]}>{t.RATING[value]}</Tag>
    ) : (
      <Typography.Text type="secondary">{t.notRated}</Typography.Text>
    );
  return (
    <Select
      aria-label={label}
      size="small"
      style={{ width: 300 }}
      value={value ?? undefined}
      placeholder={t.notRated}
      allowClear
      loading={saving}
      options={RATING_OPTIONS}
      onChange={async (v) => {
        setSaving(true);
        try {
          await onChange((v as string | undefined) ?? null);
        } finally {
          setSaving(false);
        }
      }}
    />
  );
}

export function RatingsView() {
  usePageTitle(t.title);
  const { user, can } = useAuth();
  const [orgId, setOrgId] = useState<string | null>(user?.roles[0]?.orgId ?? null);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [search, setSearch] = useState('');
  const [importKind, setImportKind] = useState<'ratings' | 'awards' | null>(null);
  const q = useRatings(orgId, year);
  const put = usePutRating();
  const { message } = AntApp.useApp();
  const data = q.data;
  const save = async (body: { personId?: string; orgId?: string }, rating: string | null) => {
    try {
      await put.mutateAsync({ ...body, year, rating });
      message.success(c.saved);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const people = useMemo(() => {
    const f = search.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
    const all = data?.people ?? [];
    if (!f) return all;
    return all.filter((p) =>
      `${p.fullName} ${p.staffCode}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/đ/g, 'd')
        .includes(f),
    );
  }, [data, search]);
  const rated = (data?.people ?? []).filter((p) => p.rating).length;

  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          can('history.import') && (
            <>
              <Button icon={<ImportOutlined />} onClick={() => setImportKind('ratings')}>
                {t.importRatings}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => setImportKind('awards')}>
                {t.importAwards}
              </Button>
            </>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="ratings-org">{c.unit}</label>
        <OrgPicker
          id="ratings-org"
          aria-label={c.unit}
          value={orgId}
          onChange={(v) => setOrgId(v as string | null)}
          style={{ minWidth: 360 }}
          placeholder={c.pickUnit}
        />
        <label htmlFor="ratings-year">{c.year}</label>
        <InputNumber id="ratings-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {!orgId && <Alert type="info" showIcon title={t.pickUnitFirst} />}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {data && !data.canWrite && (
        <Alert type="info" showIcon title={t.readOnly} style={{ marginBottom: 12 }} />
      )}
      {orgId && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Card
            title={t.people}
            extra={
              <Space>
                <Typography.Text type="secondary">
                  {t.ratedCount(rated, data?.people.length ?? 0)}
                </Typography.Text>
                <Input.Search
                  allowClear
                  aria-label={t.search}
                  placeholder={t.search}
                  onChange={(e) => setSearch(e.target.value)}
                  style={{ width: 240 }}
                />
              </Space>
            }
          >
            <Table
              size="small"
              rowKey="personId"
              loading={q.isLoading}
              dataSource={people}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              scroll={{ x: 900 }}
              columns={[
                { title: t.staffCode, dataIndex: 'staffCode', width: 120 },
                {
                  title: t.fullName,
                  dataIndex: 'fullName',
                  render: (v: string, r) => <Link to={`/staff/${r.personId}`}>{v}</Link>,
                },
                { title: t.org, dataIndex: 'orgName' },
                {
                  title: t.rating,
                  dataIndex: 'rating',
                  width: 320,
                  render: (v: string | null, r) => (
                    <RatingCell
                      value={v}
                      editable={!!data?.canWrite}
                      label={`${t.rating} ${r.fullName}`}
                      onChange={(x) => save({ personId: r.personId }, x)}
                    />
                  ),
                },
                { title: t.note, dataIndex: 'note', render: (v: string | null) => v ?? '' },
              ]}
            />
          </Card>
          <Card title={t.collectives}>
            <Table
              size="small"
              rowKey="orgId"
              loading={q.isLoading}
              dataSource={data?.orgs ?? []}
              pagination={{ pageSize: 30, showSizeChanger: false }}
              columns={[
                {
                  title: c.unit,
                  dataIndex: 'name',
                  render: (v: string, r) => <span style={{ paddingInlineStart: r.depth * 16 }}>{v}</span>,
                },
                {
                  title: t.rating,
                  dataIndex: 'rating',
                  width: 320,
                  render: (v: string | null, r) => (
                    <RatingCell
                      value={v}
                      editable={!!data?.canWrite}
                      label={`${t.rating} ${r.name}`}
                      onChange={(x) => save({ orgId: r.orgId }, x)}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      {importKind && <HistoryImportModal kind={importKind} open onClose={() => setImportKind(null)} />}
    </>
  );
}
