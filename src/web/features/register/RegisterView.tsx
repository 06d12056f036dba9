import { DownloadOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  type TableProps,
  Tag,
  Timeline,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AWARD_CODES } from '../../../domain/commendation/codes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viRegister } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type RegisterEntryT,
  type RegisterFilters,
  registerQuery,
  useOrgHistory,
  usePersonHistory,
  useRegister,
} from './api';

const PAGE_SIZES = [20, 50, 100];
const t = viRegister.register;

function useFiltersFromUrl(): [RegisterFilters, (patch: Partial<RegisterFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<RegisterFilters>(() => {
    const year = Number(params.get('year'));
    const page = Number(params.get('page'));
    const size = Number(params.get('size'));
    const subject = params.get('subject');
    const award = params.get('award');
    return {
      q: params.get('q') ?? '',
      year: Number.isInteger(year) && year > 1944 ? year : null,
      awardCode: award && (AWARD_CODES as readonly string[]).includes(award) ? award : null,
      subject: subject === 'individual' || subject === 'collective' ? subject : null,
      orgId: params.get('org'),
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZES.includes(size) ? size : 20,
    };
  }, [params]);
  const update = (patch: Partial<RegisterFilters>) => {
    const next = { ...filters, ...patch };
    if (!('page' in patch)) next.page = 1;
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.year) p.set('year', String(next.year));
    if (next.awardCode) p.set('award', next.awardCode);
    if (next.subject) p.set('subject', next.subject);
    if (next.orgId) p.set('org', next.orgId);
    if (next.page !== 1) p.set('page', String(next.page));
    if (next.pageSize !== 20) p.set('size', String(next.pageSize));
    setParams(p, { replace: true });
  };
  return [filters, update];
}

function HistoryList({ awards }: { awards: RegisterEntryT[] }) {
  if (awards.length === 0) return <p>{t.noHistory}</p>;
  return (
    <Timeline
      items={awards.map((a) => ({
        key: a.id,
        children: (
          <div>
            <strong>
              {a.year} – {a.awardName}
            </strong>
            {a.collective && <div>{a.collective.name}</div>}
            <div style={{ color: '#595959' }}>
              {t.decisionLine(a.decisionNumber, a.decidedOn ? formatDate(a.decidedOn) : null)}
              {a.issuer ? ` – ${a.issuer}` : ''}
            </div>
          </div>
        ),
      }))}
    />
  );
}

/** The award history of the person or collective picked in the register. */
function HistoryDrawer({
  target,
  onClose,
}: {
  target: { kind: 'person' | 'org'; id: string } | null;
  onClose: () => void;
}) {
  const person = usePersonHistory(target?.kind === 'person' ? target.id : null);
  const org = useOrgHistory(target?.kind === 'org' ? target.id : null);
  const name = target?.kind === 'person' ? person.data?.person.fullName : org.data?.organization.name;
  const error = person.error ?? org.error;
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      title={name ? t.historyOf(name) : t.history}
      size="large"
      destroyOnHidden
    >
      {error && <ErrorAlert error={error} />}
      {person.data && (
        <>
          <p>{person.data.person.unit?.name}</p>
          <HistoryList awards={person.data.awards} />
        </>
      )}
      {org.data && (
        <>
          {org.data.predecessors.length > 0 && (
            <p>{t.predecessors(org.data.predecessors.map((p) => p.name).join('; '))}</p>
          )}
          <HistoryList awards={org.data.awards} />
        </>
      )}
    </Drawer>
  );
}

export function RegisterView() {
  usePageTitle(t.title);
  const { message } = AntApp.useApp();
  const [filters, update] = useFiltersFromUrl();
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebounced(search, 350);
  const list = useRegister(filters);
  const [exporting, setExporting] = useState(false);
  const [target, setTarget] = useState<{ kind: 'person' | 'org'; id: string } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the typed text settles
  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
  }, [debounced]);

  const c = t.columns;
  const columns: TableProps<RegisterEntryT>['columns'] = [
    { title: c.year, dataIndex: 'year', key: 'year', width: 70 },
    {
      title: c.name,
      key: 'name',
      width: 240,
      render: (_, r) =>
        r.person ? (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => setTarget({ kind: 'person', id: r.person!.id })}
          >
            {r.person.fullName}
          </Button>
        ) : (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => setTarget({ kind: 'org', id: r.collective!.id })}
          >
            {r.collective?.name}
          </Button>
        ),
    },
    {
      title: c.subject,
      key: 'subject',
      width: 95,
      render: (_, r) => (
        <Tag color={r.subject === 'individual' ? 'blue' : 'purple'}>{viRegister.subjects[r.subject]}</Tag>
      ),
    },
    {
      title: c.unit,
      key: 'unit',
      width: 220,
      render: (_, r) => (r.subject === 'individual' ? r.unit?.name : null) ?? vi.common.none,
    },
    { title: c.award, dataIndex: 'awardName', key: 'award', width: 230 },
    {
      title: c.decision,
      key: 'decision',
      width: 170,
      render: (_, r) => t.decisionLine(r.decisionNumber, r.decidedOn ? formatDate(r.decidedOn) : null),
    },
    {
      title: c.issuer,
      dataIndex: 'issuer',
      key: 'issuer',
      width: 170,
      render: (v: string | null) => v ?? vi.common.none,
    },
    { title: c.source, dataIndex: 'sourceName', key: 'source', width: 150 },
    {
      title: c.amount,
      dataIndex: 'amount',
      key: 'amount',
      width: 120,
      align: 'right',
      render: (v: number | null) => (v === null ? vi.common.none : formatNumber(v)),
    },
  ];

  const onExport = async () => {
    setExporting(true);
    try {
      await api.download('/register/export', registerQuery(filters, false), 'So khen thuong.xlsx');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t.title}
        subTitle={t.subTitle}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting}>
            {exporting ? t.exporting : t.export}
          </Button>
        }
      />
      <Card>
        <Form layout="vertical" className="filters" component="div">
          <Form.Item
            label={t.searchLabel}
            htmlFor="register-search"
            style={{ flex: '1 1 260px', minWidth: 220 }}
          >
            <Input.Search
              id="register-search"
              allowClear
              placeholder={t.searchPlaceholder}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => update({ q: v })}
              enterButton={vi.common.search}
            />
          </Form.Item>
          <Form.Item label={t.year} htmlFor="register-year" style={{ flex: '0 1 120px', minWidth: 110 }}>
            <InputNumber
              id="register-year"
              min={1945}
              max={2100}
              value={filters.year}
              placeholder={t.yearPlaceholder}
              onChange={(v) => update({ year: typeof v === 'number' ? v : null })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label={t.award} htmlFor="register-award" style={{ flex: '1 1 220px', minWidth: 200 }}>
            <Select
              id="register-award"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t.awardPlaceholder}
              value={filters.awardCode ?? undefined}
              onChange={(v?: string) => update({ awardCode: v ?? null })}
              options={AWARD_CODES.map((code) => ({ value: code, label: viRegister.awardNames[code] }))}
            />
          </Form.Item>
          <Form.Item
            label={t.subject}
            htmlFor="register-subject"
            style={{ flex: '0 1 170px', minWidth: 150 }}
          >
            <Select
              id="register-subject"
              allowClear
              placeholder={t.subjectPlaceholder}
              value={filters.subject ?? undefined}
              onChange={(v?: 'individual' | 'collective') => update({ subject: v ?? null })}
              options={(['individual', 'collective'] as const).map((v) => ({
                value: v,
                label: viRegister.subjects[v],
              }))}
            />
          </Form.Item>
          <Form.Item label={t.org} htmlFor="register-org" style={{ flex: '1 1 240px', minWidth: 220 }}>
            <OrgPicker
              id="register-org"
              value={filters.orgId}
              onChange={(v) => update({ orgId: (v as string | null) ?? null })}
              placeholder={t.orgPlaceholder}
            />
          </Form.Item>
        </Form>
        {list.error && <ErrorAlert error={list.error} />}
        <Table<RegisterEntryT>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
          scroll={{ x: 1450 }}
          locale={{ emptyText: t.empty }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => vi.common.total(total, t.unit),
            responsive: true,
          }}
        />
      </Card>
      <HistoryDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
