import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { DIRECTION_NAMES, ROLLUP_NAMES } from '../../../domain/indicators';
import { useAuth } from '../../app/auth';
import { BarChart, LineChart } from '../../components/charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viIndicators } from '../../i18n/vi';
import { formatDate, toIsoDate } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type DefinitionT,
  type ProgressT,
  useCreateDefinition,
  useDefinitions,
  useDeleteTarget,
  useInvalidateIndicators,
  useProgress,
  usePutTarget,
  usePutValues,
  useRanking,
  useSeries,
  useTargets,
  useUpdateDefinition,
  useValues,
} from './api';
import { ImportPanel } from './ImportPanel';

const t = viIndicators.indicators;
const c = viIndicators.common;
const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR - 2020 + 2 }, (_, i) => 2020 + i).reverse();
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? c.none : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The organisation to start with: the first one the user holds a role on. */
export function useDefaultOrg(): [string | null, (v: string | null) => void] {
  const { user } = useAuth();
  const [orgId, setOrgId] = useState<string | null>(null);
  useEffect(() => {
    if (!orgId && user?.roles[0]) setOrgId(user.roles[0].orgId);
  }, [orgId, user]);
  return [orgId, setOrgId];
}

export function YearSelect({
  value,
  onChange,
  id,
}: {
  value: number;
  onChange: (v: number) => void;
  id?: string;
}) {
  return (
    <Select
      id={id}
      aria-label={c.year}
      value={value}
      onChange={onChange}
      style={{ width: 100 }}
      options={YEARS.map((y) => ({ value: y, label: String(y) }))}
    />
  );
}

function StatusTag({ cell }: { cell: { status: string; statusName: string; color: string } }) {
  return <Tag color={cell.color}>{cell.statusName}</Tag>;
}

function ProgressTab({ data }: { data: ProgressT | undefined }) {
  if (!data) return null;
  const codes = data.indicators.map((i) => i.code);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.indicators}
        scroll={{ x: 800 }}
        columns={[
          { title: t.indicator, dataIndex: 'name' },
          { title: t.unit, dataIndex: 'unit', width: 90 },
          { title: t.value, dataIndex: 'value', width: 110, align: 'right', render: fmt },
          { title: t.target, dataIndex: 'target', width: 110, align: 'right', render: fmt },
          { title: t.status, width: 150, render: (_: unknown, r) => <StatusTag cell={r} /> },
        ]}
      />
      {data.units.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t.subunits}
          </Typography.Title>
          <Typography.Text type="secondary">{t.inherited}</Typography.Text>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.units}
            scroll={{ x: 240 + codes.length * 130 }}
            columns={[
              { title: c.org, dataIndex: 'name', fixed: 'left', width: 240 },
              ...data.indicators.map((i) => ({
                title: `${i.name} (${i.unit})`,
                key: i.code,
                width: 130,
                align: 'right' as const,
                render: (_: unknown, u: ProgressT['units'][number]) => {
                  const cell = u.cells[i.code];
                  if (!cell || cell.value === null)
                    return <Typography.Text type="secondary">{c.none}</Typography.Text>;
                  return (
                    <Tag
                      color={cell.color}
                      title={`${cell.statusName}${cell.target !== null ? ` – ${t.target} ${fmt(cell.target)}` : ''}`}
                    >
                      {fmt(cell.value)}
                    </Tag>
                  );
                },
              })),
            ]}
          />
        </>
      )}
    </Space>
  );
}

function ChartTab({
  orgId,
  orgName,
  definitions,
}: {
  orgId: string;
  orgName: string;
  definitions: DefinitionT[];
}) {
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const [range, setRange] = useState<[number, number]>([THIS_YEAR - 2, THIS_YEAR]);
  const current =
    indicatorId ?? definitions.find((d) => d.active && d.unit === '%')?.id ?? definitions[0]?.id ?? null;
  const series = useSeries(orgId, current, range[0], range[1]);
  const points = (series.data?.points ?? []).filter((p) => p.value !== null);
  const targetByYear = new Map((series.data?.targets ?? []).map((x) => [x.year, x.target]));
  const lines = [{ name: t.chartValue, values: points.map((p) => p.value as number) }];
  if (points.length > 0 && points.every((p) => targetByYear.has(p.year)))
    lines.push({ name: t.chartTarget, values: points.map((p) => targetByYear.get(p.year)!) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="chart-indicator">{t.indicator}</label>
        <Select
          id="chart-indicator"
          style={{ minWidth: 360 }}
          value={current}
          onChange={setIndicatorId}
          options={definitions.map((d) => ({ value: d.id, label: `${d.name} (${d.unit})` }))}
        />
        <label htmlFor="chart-from">{t.fromYear}</label>
        <YearSelect id="chart-from" value={range[0]} onChange={(v) => setRange([v, Math.max(v, range[1])])} />
        <label htmlFor="chart-to">{t.toYear}</label>
        <YearSelect id="chart-to" value={range[1]} onChange={(v) => setRange([Math.min(v, range[0]), v])} />
      </Space>
      <ErrorAlert error={series.error} />
      {series.data && (
        <LineChart
          title={t.chartTitle(series.data.indicator.name, orgName)}
          labels={points.map((p) => p.label)}
          series={lines}
          format={(v) => `${fmt(v)}${series.data.indicator.unit === '%' ? ' %' : ''}`}
        />
      )}
    </Space>
  );
}

function RankingTab({ orgId, year }: { orgId: string; year: number }) {
  const [window, setWindow] = useState(5);
  const ranking = useRanking(orgId, year, window);
  const data = ranking.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="rank-window">{t.window}</label>
        <Select
          id="rank-window"
          value={window}
          onChange={setWindow}
          style={{ width: 90 }}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))}
        />
      </Space>
      <ErrorAlert error={ranking.error} />
      {data && (
        <>
          <Typography.Text type="secondary">{t.rankingNote(data.fromYear, data.year)}</Typography.Text>
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            loading={ranking.isFetching}
            dataSource={data.items}
            scroll={{ x: 900 }}
            columns={[
              { title: t.rank, dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? c.none },
              { title: c.org, dataIndex: 'orgName' },
              { title: `${t.dti} ${data.year}`, dataIndex: 'index', width: 110, align: 'right', render: fmt },
              { title: t.averageScore, dataIndex: 'averageScore', width: 120, align: 'right', render: fmt },
              {
                title: t.rankByAverage,
                dataIndex: 'rankByAverageScore',
                width: 120,
                align: 'right',
                render: fmt,
              },
              { title: t.averageRank, dataIndex: 'averageRank', width: 120, align: 'right', render: fmt },
              { title: t.years, dataIndex: 'years', width: 90, align: 'right' },
              {
                title: t.missing,
                dataIndex: 'missing',
                width: 200,
                render: (m: string[]) =>
                  m.map((code) => (
                    <Tag key={code}>{data.components.find((x) => x.code === code)?.name ?? code}</Tag>
                  )),
              },
            ]}
          />
          <BarChart
            title={`${t.dtiChart} ${data.year}`}
            orientation="horizontal"
            data={data.items
              .filter((i) => i.index !== null)
              .map((i) => ({ label: i.orgName, value: i.index as number }))}
          />
        </>
      )}
    </Space>
  );
}

function EntryTab({ orgId, year, definitions }: { orgId: string; year: number; definitions: DefinitionT[] }) {
  const { message } = App.useApp();
  const [period, setPeriod] = useState('Q1');
  const values = useValues(orgId, year);
  const put = usePutValues();
  const invalidate = useInvalidateIndicators();
  const manual = useMemo(() => definitions.filter((d) => d.active && d.source === 'manual'), [definitions]);
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  useEffect(() => {
    const m: Record<string, number | null> = {};
    for (const d of manual)
      m[d.id] = values.data?.find((v) => v.indicatorId === d.id && v.period === period)?.value ?? null;
    setDraft(m);
  }, [values.data, period, manual]);
  const save = async () => {
    const entries = manual.map((d) => ({ indicatorId: d.id, value: draft[d.id] ?? null }));
    await put.mutateAsync({ orgId, year, period, entries });
    message.success(c.saved);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={`${t.tabEntry} – ${year}`}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t.entryHint}</Typography.Text>
          <Space>
            <label htmlFor="entry-period">{c.period}</label>
            <Select
              id="entry-period"
              value={period}
              onChange={setPeriod}
              style={{ width: 140 }}
              options={Object.entries(viIndicators.periods).map(([value, label]) => ({ value, label }))}
            />
          </Space>
          <ErrorAlert error={put.error ?? values.error} />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={manual}
            columns={[
              {
                title: t.indicator,
                dataIndex: 'name',
                render: (v: string, d) => <label htmlFor={`v-${d.id}`}>{v}</label>,
              },
              { title: t.unit, dataIndex: 'unit', width: 90 },
              {
                title: t.value,
                width: 180,
                render: (_: unknown, d) => (
                  <InputNumber
                    id={`v-${d.id}`}
                    value={draft[d.id] ?? null}
                    onChange={(v) => setDraft({ ...draft, [d.id]: v === null ? null : Number(v) })}
                    decimalSeparator=","
                    style={{ width: '100%' }}
                  />
                ),
              },
            ]}
          />
          <Button type="primary" onClick={save} loading={put.isPending} disabled={manual.length === 0}>
            {c.save}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t.importTitle}>
        <ImportPanel
          base="/indicators/values"
          templateName="Mẫu nhập số liệu chỉ số.xlsx"
          hint={t.importHint}
          onDone={invalidate}
        />
      </Card>
    </Space>
  );
}

function TargetsTab({
  orgId,
  year,
  definitions,
  canManage,
}: {
  orgId: string;
  year: number;
  definitions: DefinitionT[];
  canManage: boolean;
}) {
  const targets = useTargets(orgId, year);
  const put = usePutTarget();
  const del = useDeleteTarget();
  const [form] = Form.useForm();
  const submit = async (v: { indicatorId: string; target: number; dueOn?: unknown; note?: string }) => {
    try {
      await put.mutateAsync({
        indicatorId: v.indicatorId,
        orgId,
        year,
        target: v.target,
        dueOn: toIsoDate(v.dueOn as never),
        note: v.note || null,
      });
      form.resetFields();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <ErrorAlert error={targets.error ?? del.error} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={targets.data ?? []}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.indicator, dataIndex: 'indicatorName' },
          {
            title: t.target,
            dataIndex: 'target',
            width: 100,
            align: 'right',
            render: (v: number, r) => `${fmt(v)} ${r.unit}`,
          },
          { title: t.dueOn, dataIndex: 'dueOn', width: 120, render: (v: string | null) => formatDate(v) },
          {
            title: t.targetSource,
            dataIndex: 'source',
            width: 140,
            render: (v: string) => t.targetSources[v] ?? v,
          },
          { title: t.note, dataIndex: 'note' },
          ...(canManage
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, r: { id: string }) => (
                    <Popconfirm title={t.deleteConfirm} onConfirm={() => del.mutate(r.id)}>
                      <Button size="small" danger>
                        {t.deleteTarget}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <Card size="small" title={`${t.setTarget} ${year}`}>
          <Form form={form} layout="inline" onFinish={submit}>
            <Form.Item
              name="indicatorId"
              label={t.indicator}
              rules={[{ required: true, message: 'Chọn chỉ số' }]}
            >
              <Select
                style={{ width: 320 }}
                options={definitions.map((d) => ({ value: d.id, label: `${d.name} (${d.unit})` }))}
              />
            </Form.Item>
            <Form.Item name="target" label={t.target} rules={[{ required: true, message: 'Nhập chỉ tiêu' }]}>
              <InputNumber decimalSeparator="," />
            </Form.Item>
            <Form.Item name="dueOn" label={t.dueOn}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="note" label={t.note}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {c.save}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}

function DefinitionsTab({ definitions, canManage }: { definitions: DefinitionT[]; canManage: boolean }) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<DefinitionT | null>(null);
  const [form] = Form.useForm();
  const create = useCreateDefinition();
  const update = useUpdateDefinition();
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const startEdit = (d: DefinitionT) => {
    setEditing(d);
    form.setFieldsValue({ ...d, weightIndicatorId: d.weightIndicatorId ?? undefined });
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setEditing(null);
    form.resetFields();
  };
  const submit = async (v: Record<string, unknown>) => {
    try {
      if (editing) {
        const { code: _code, ...rest } = v;
        await update.mutateAsync({
          id: editing.id,
          version: editing.version,
          ...Object.fromEntries(
            Object.entries(rest).map(([k, x]) => [k, x === undefined || x === '' ? null : x]),
          ),
        });
      } else {
        await create.mutateAsync(
          Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')),
        );
      }
      close();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canManage && (
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t.addDefinition}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={definitions}
        scroll={{ x: 1500 }}
        columns={[
          { title: t.code, dataIndex: 'code', width: 140 },
          { title: t.name, dataIndex: 'name', width: 320 },
          { title: t.unit, dataIndex: 'unit', width: 80 },
          { title: t.direction, dataIndex: 'directionName', width: 150 },
          {
            title: t.rollup,
            width: 220,
            render: (_: unknown, d) =>
              `${d.rollupName}${d.weightIndicatorId ? ` (${byId.get(d.weightIndicatorId)?.name ?? ''})` : ''}`,
          },
          { title: t.source, dataIndex: 'source', width: 180, render: (v: string) => t.sources[v] },
          { title: t.dtiWeight, dataIndex: 'dtiWeight', width: 100, align: 'right', render: fmt },
          { title: t.active, dataIndex: 'active', width: 90, render: (v: boolean) => (v ? 'Có' : 'Không') },
          ...(canManage
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, d: DefinitionT) => (
                    <Button size="small" onClick={() => startEdit(d)}>
                      {t.edit}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={open}
        title={editing ? `${t.edit} – ${editing.name}` : t.addDefinition}
        onCancel={close}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        okText={c.save}
        cancelText={c.cancel}
        width={640}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ direction: 'higher', rollup: 'average', periodicity: 'quarter' }}
        >
          <Form.Item name="code" label={t.code} rules={[{ required: true, message: 'Nhập mã chỉ số' }]}>
            <Input disabled={!!editing} />
          </Form.Item>
          <Form.Item name="name" label={t.name} rules={[{ required: true, message: 'Nhập tên chỉ số' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label={t.unit} rules={[{ required: true, message: 'Nhập đơn vị tính' }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="direction" label={t.direction}>
            <Select options={Object.entries(DIRECTION_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="rollup" label={t.rollup}>
            <Select options={Object.entries(ROLLUP_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="weightIndicatorId" label={t.weightIndicator}>
            <Select allowClear options={definitions.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="periodicity" label={t.periodicity}>
            <Select
              options={[
                { value: 'month', label: 'Hằng tháng' },
                { value: 'quarter', label: 'Hằng quý' },
                { value: 'year', label: 'Hằng năm' },
              ]}
            />
          </Form.Item>
          <Space>
            <Form.Item name="dtiWeight" label={t.dtiWeight}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="dtiMin" label={t.dtiMin}>
              <InputNumber />
            </Form.Item>
            <Form.Item name="dtiMax" label={t.dtiMax}>
              <InputNumber />
            </Form.Item>
          </Space>
          <Form.Item name="active" valuePropName="checked" initialValue={true}>
            <Checkbox>{t.active}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export function IndicatorsView() {
  usePageTitle(t.title);
  const { can } = useAuth();
  const [orgId, setOrgId] = useDefaultOrg();
  const [year, setYear] = useState(THIS_YEAR);
  const definitions = useDefinitions();
  const progress = useProgress(orgId, year);
  const defs = useMemo(() => (definitions.data ?? []).filter((d) => d.active), [definitions.data]);
  const orgName = progress.data?.org.name ?? '';
  return (
    <>
      <PageHeader title={t.title} subTitle={t.subTitle} />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="ind-org">{c.org}</label>
        <div style={{ width: 360 }}>
          <OrgPicker
            id="ind-org"
            aria-label={c.org}
            value={orgId}
            onChange={(v) => setOrgId(v as string | null)}
            allowClear={false}
          />
        </div>
        <label htmlFor="ind-year">{c.year}</label>
        <YearSelect id="ind-year" value={year} onChange={setYear} />
      </Space>
      <ErrorAlert error={definitions.error ?? progress.error} />
      {orgId && (
        <Tabs
          items={[
            { key: 'progress', label: t.tabProgress, children: <ProgressTab data={progress.data} /> },
            {
              key: 'chart',
              label: t.tabChart,
              children: <ChartTab orgId={orgId} orgName={orgName} definitions={defs} />,
            },
            { key: 'ranking', label: t.tabRanking, children: <RankingTab orgId={orgId} year={year} /> },
            ...(can('indicator.write')
              ? [
                  {
                    key: 'entry',
                    label: t.tabEntry,
                    children: <EntryTab orgId={orgId} year={year} definitions={defs} />,
                  },
                ]
              : []),
            {
              key: 'targets',
              label: t.tabTargets,
              children: (
                <TargetsTab
                  orgId={orgId}
                  year={year}
                  definitions={defs}
                  canManage={can('indicator.manage')}
                />
              ),
            },
            {
              key: 'definitions',
              label: t.tabDefinitions,
              children: (
                <DefinitionsTab definitions={definitions.data ?? []} canManage={can('indicator.manage')} />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
