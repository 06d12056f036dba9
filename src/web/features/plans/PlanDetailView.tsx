import {
  ArrowLeftOutlined,
  BellOutlined,
  BranchesOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Collapse,
  DatePicker,
  Empty,
  Form,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AWARD_NAMES, type AwardCode } from '../../../domain/commendation/codes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viPlans } from '../../i18n/vi';
import { ApiError, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber, todayVn, toIsoDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  downloadPlan,
  type PlanBoardT,
  type PlanDetailT,
  type PlanProgressT,
  useDeletePlan,
  useDerivePlan,
  useIssuePlan,
  usePlan,
  usePlanBoard,
  usePlanDiff,
  usePlanProgress,
  useRemind,
  useUpdatePlan,
} from './api';
import { FIELD_LABELS, fromForm, PlanEditor, type PlanFormValues, toForm } from './PlanEditor';
import { StatusTag } from './PlanListView';

const t = viPlans;
const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));

// ---------------------------------------------------------------- diff

function show(value: unknown): string {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return t.diff.empty;
  if (Array.isArray(value)) {
    return value
      .map((x) => {
        if (typeof x === 'string') return AWARD_NAMES[x as AwardCode] ?? x;
        if (x && typeof x === 'object' && 'fromYear' in x) {
          const p = x as {
            name?: string | null;
            fromYear: number;
            toYear: number;
            reviewType?: string | null;
            reviewYear?: number | null;
          };
          return `${p.name ?? ''} ${p.fromYear}-${p.toYear}${p.reviewType ? ` (${p.reviewType === 'interim' ? 'sơ kết' : 'tổng kết'} ${p.reviewYear ?? ''})` : ''}`.trim();
        }
        return JSON.stringify(x);
      })
      .join('; ');
  }
  return String(value);
}

type TargetLike = {
  content?: string;
  department?: string;
  targetValue?: number | null;
  unit?: string | null;
  dueOn?: string | null;
  recurrence?: string | null;
};
const describe = (x: unknown) => {
  const v = x as TargetLike;
  const head = v.department ? `${v.department}: ${v.content ?? ''}` : (v.content ?? '');
  const parts = [
    v.targetValue != null ? `${v.targetValue}${v.unit ? ` ${v.unit}` : ''}` : '',
    v.dueOn ? formatDate(v.dueOn) : '',
  ].filter(Boolean);
  return parts.length ? `${head} (${parts.join(', ')})` : head;
};

function ListDiff({
  title,
  diff,
}: {
  title: string;
  diff: {
    added: unknown[];
    removed: unknown[];
    changed: { key: string; parent: unknown; child: unknown; fields: string[] }[];
  };
}) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      <ul className="plan-diff-list">
        {diff.added.map((x) => (
          <li key={`a-${describe(x)}`} style={{ background: '#f6ffed' }}>
            <Tag color="green">{t.diff.added}</Tag> {describe(x)}
          </li>
        ))}
        {diff.removed.map((x) => (
          <li key={`r-${describe(x)}`} style={{ background: '#fff1f0' }}>
            <Tag color="red">{t.diff.removed}</Tag> <s>{describe(x)}</s>
          </li>
        ))}
        {diff.changed.map((x) => (
          <li key={`c-${x.key}`} style={{ background: '#fffbe6' }}>
            <Tag color="gold">{t.diff.changed}</Tag> {describe(x.parent)} →{' '}
            <strong>{describe(x.child)}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

function DiffTab({ plan }: { plan: PlanDetailT }) {
  const diff = usePlanDiff(plan.id, true);
  if (diff.error) return <ErrorAlert error={diff.error} />;
  if (!diff.data) return <Skeleton active />;
  const d = diff.data;
  if (d.same) return <Alert type="success" showIcon message={t.diff.same} />;
  return (
    <div data-testid="plan-diff">
      <Typography.Paragraph>
        {fill(t.diff.intro, { number: d.parent.documentNumber ?? '' })}
      </Typography.Paragraph>
      {d.fields.length > 0 && (
        <Table
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={d.fields}
          style={{ marginBottom: 16 }}
          columns={[
            { title: t.diff.field, dataIndex: 'label', width: 200 },
            {
              title: t.diff.parentValue,
              key: 'p',
              render: (_: unknown, r) => <span style={{ background: '#fff1f0' }}>{show(r.parent)}</span>,
            },
            {
              title: t.diff.childValue,
              key: 'c',
              render: (_: unknown, r) => <span style={{ background: '#f6ffed' }}>{show(r.child)}</span>,
            },
          ]}
        />
      )}
      <ListDiff title={t.diff.targetsTitle} diff={d.targets} />
      <ListDiff title={t.diff.responsibilitiesTitle} diff={d.responsibilities} />
    </div>
  );
}

// ---------------------------------------------------------------- board

function BoardTab({ plan }: { plan: PlanDetailT }) {
  const board = usePlanBoard(plan.id, true);
  const remind = useRemind(plan.id);
  const { message, modal } = AntApp.useApp();
  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data) return <Skeleton active />;
  const b = board.data;
  const pending = b.rows.filter((r) => r.state !== 'issued');
  const doRemind = (orgIds?: string[]) => {
    const n = orgIds?.length ?? pending.length;
    modal.confirm({
      title: t.board.remind,
      content: fill(t.board.remindConfirm, { n }),
      okText: t.board.remind,
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          const r = await remind.mutateAsync({ orgIds });
          message.success(fill(t.board.reminded, { n: r.reminded, mails: r.mails }));
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  };
  const colour = { none: 'red', draft: 'gold', issued: 'green' } as const;
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong data-testid="board-summary">
          {fill(t.board.summary, b.counts)}
        </Typography.Text>
        {plan.abilities.remind &&
          (pending.length > 0 ? (
            <Button icon={<BellOutlined />} onClick={() => doRemind()} loading={remind.isPending}>
              {t.board.remindAll}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t.board.nothingToRemind}</Typography.Text>
          ))}
      </Space>
      <Table<PlanBoardT['rows'][number]>
        rowKey="orgId"
        size="middle"
        pagination={false}
        dataSource={b.rows}
        scroll={{ x: 900 }}
        columns={[
          { title: t.board.org, dataIndex: 'orgName' },
          {
            title: t.board.state,
            key: 'state',
            width: 170,
            render: (_, r) => <Tag color={colour[r.state]}>{r.stateName}</Tag>,
          },
          {
            title: t.board.number,
            key: 'number',
            width: 140,
            render: (_, r) =>
              r.planId ? <Link to={`/plans/${r.planId}`}>{r.documentNumber ?? t.board.open}</Link> : '',
          },
          {
            title: t.board.issuedOn,
            dataIndex: 'issuedOn',
            width: 120,
            render: (d: string | null) => formatDate(d),
          },
          {
            title: t.board.lastReminded,
            key: 'reminded',
            width: 190,
            render: (_, r) => (r.reminders > 0 ? `${formatDateTime(r.lastRemindedAt)} (${r.reminders})` : ''),
          },
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_, r) =>
              plan.abilities.remind && r.state !== 'issued' ? (
                <Button size="small" icon={<BellOutlined />} onClick={() => doRemind([r.orgId])}>
                  {t.board.remind}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

// ---------------------------------------------------------------- targets and indicators

const STATUS_COLOURS: Record<string, string> = {
  met: 'green',
  on_track: 'blue',
  behind: 'red',
  no_data: 'default',
};

function ProgressTab({ plan }: { plan: PlanDetailT }) {
  const thisYear = todayVn().year();
  const [year, setYear] = useState(Math.min(thisYear, plan.content.yearTo ?? thisYear));
  const progress = usePlanProgress(plan.id, year, true);
  const years: number[] = [];
  for (let y = plan.content.yearFrom ?? thisYear - 1; y <= (plan.content.yearTo ?? thisYear); y++)
    years.push(y);
  const p = t.progress;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="plan-progress-year">{p.year}</label>
        <Select
          id="plan-progress-year"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      {progress.error && <ErrorAlert error={progress.error} />}
      <Table
        rowKey={(r) => `${r.content}-${r.indicatorCode ?? ''}`}
        size="middle"
        pagination={false}
        loading={progress.isLoading}
        dataSource={progress.data?.targets ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: p.target, dataIndex: 'content' },
          {
            title: p.indicator,
            key: 'ind',
            width: 220,
            render: (_: unknown, r: PlanProgressT['targets'][number]) =>
              r.indicatorCode ? (
                (r.indicatorName ?? r.indicatorCode)
              ) : (
                <Typography.Text type="secondary">{p.notLinked}</Typography.Text>
              ),
          },
          {
            title: p.planValue,
            key: 'tv',
            width: 150,
            align: 'right' as const,
            render: (_: unknown, r: PlanProgressT['targets'][number]) =>
              r.targetValue == null ? '' : `${formatNumber(r.targetValue)}${r.unit ? ` ${r.unit}` : ''}`,
          },
          {
            title: p.value,
            key: 'v',
            width: 170,
            align: 'right' as const,
            render: (_: unknown, r: PlanProgressT['targets'][number]) =>
              r.value == null
                ? '—'
                : `${formatNumber(Math.round(r.value * 10) / 10)}${r.unit ? ` ${r.unit}` : ''}`,
          },
          { title: p.dueOn, dataIndex: 'dueOn', width: 120, render: (d: string | null) => formatDate(d) },
          {
            title: p.status,
            key: 's',
            width: 150,
            render: (_: unknown, r: PlanProgressT['targets'][number]) =>
              r.status ? <Tag color={STATUS_COLOURS[r.status]}>{r.statusName}</Tag> : null,
          },
        ]}
      />
    </>
  );
}

// ---------------------------------------------------------------- detail

function ImportInfo({ plan }: { plan: PlanDetailT }) {
  const info = plan.importInfo;
  if (!info) return null;
  const recognised = info.recognised.map((f) => FIELD_LABELS[f] ?? f);
  const missing = Object.keys(FIELD_LABELS)
    .filter((f) => !info.recognised.includes(f))
    .map((f) => FIELD_LABELS[f]!);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={fill(t.detail.imported, {
        file: info.fileName ? ` (${info.fileName})` : '',
        number: info.sourceDocumentNumber ?? '—',
      })}
      description={
        <div data-testid="import-info">
          <div>
            <strong>{t.detail.recognisedTitle}:</strong>{' '}
            {recognised.map((r) => (
              <Tag color="blue" key={r}>
                {r}
              </Tag>
            ))}
          </div>
          {plan.status === 'draft' && missing.length > 0 && (
            <div style={{ marginTop: 6 }}>
              <strong>{t.detail.notFoundTitle}:</strong> {missing.join(', ')}
            </div>
          )}
          {info.warnings.length > 0 && (
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'w',
                  label: t.detail.readerNotes,
                  children: (
                    <ul>
                      {info.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </div>
      }
    />
  );
}

function IssueModal({ plan, open, onClose }: { plan: PlanDetailT; open: boolean; onClose: () => void }) {
  const issue = useIssuePlan(plan.id);
  const [date, setDate] = useState(todayVn());
  const { message } = AntApp.useApp();
  const submit = async () => {
    try {
      const r = await issue.mutateAsync({ version: plan.version, issuedOn: toIsoDate(date) ?? undefined });
      message.success(fill(t.detail.issued, { number: r.documentNumber ?? '' }));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.details?.length) {
        message.error(`${err.message} ${err.details.map((d) => d.message).join(' ')}`);
      } else message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t.detail.issueTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t.detail.issue}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t.detail.issueConfirm}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.detail.issueDate} htmlFor="plan-issue-date">
          <DatePicker
            id="plan-issue-date"
            format={DATE_FORMAT}
            value={date}
            onChange={(d) => d && setDate(d)}
            allowClear={false}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeriveModal({ plan, open, onClose }: { plan: PlanDetailT; open: boolean; onClose: () => void }) {
  const derive = useDerivePlan(plan.id);
  const [orgId, setOrgId] = useState<string | null>(null);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const submit = async () => {
    if (!orgId) {
      message.error(t.import.needOrg);
      return;
    }
    try {
      const child = await derive.mutateAsync({ orgId });
      onClose();
      navigate(`/plans/${child.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t.detail.deriveTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t.detail.derive}
      confirmLoading={derive.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.detail.deriveHelp}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.detail.deriveOrg} required>
          <OrgPicker
            aria-label={t.detail.deriveOrg}
            value={orgId}
            onChange={(v) => setOrgId(v as string | null)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PlanDetailView() {
  const { id } = useParams();
  const plan = usePlan(id);
  const p = plan.data;
  usePageTitle(p?.documentNumber ?? p?.title ?? t.list.title);
  const [form] = Form.useForm<PlanFormValues>();
  const update = useUpdatePlan(id ?? '');
  const del = useDeletePlan(id ?? '');
  const [issuing, setIssuing] = useState(false);
  const [deriving, setDeriving] = useState(false);
  const [tab, setTab] = useState('content');
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const recognised = useMemo(() => new Set(p?.importInfo?.recognised ?? []), [p?.importInfo]);

  useEffect(() => {
    if (p) form.setFieldsValue(toForm(p.content));
  }, [p, form]);

  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!p) return <Skeleton active />;

  const save = async () => {
    try {
      const values = await form.validateFields();
      await update.mutateAsync({ version: p.version, content: fromForm(values) });
      message.success(t.detail.saved);
    } catch (err) {
      if ((err as { errorFields?: unknown }).errorFields) return;
      message.error(errorMessage(err));
    }
  };
  const remove = async () => {
    try {
      await del.mutateAsync();
      message.success(t.detail.deleted);
      navigate('/plans');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const download = async (format: 'docx' | 'pdf') => {
    try {
      await downloadPlan(p.id, format);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const tabs = [
    {
      key: 'content',
      label: t.detail.tabContent,
      children: (
        <>
          {p.status === 'issued' && (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t.detail.readOnly} />
          )}
          <ImportInfo plan={p} />
          <PlanEditor form={form} editable={p.abilities.edit} recognised={recognised} />
        </>
      ),
    },
    ...(p.parentPlanId ? [{ key: 'diff', label: t.detail.tabDiff, children: <DiffTab plan={p} /> }] : []),
    ...(p.abilities.board && p.content.targets.some((x) => x.indicatorCode)
      ? [{ key: 'progress', label: t.progress.tab, children: <ProgressTab plan={p} /> }]
      : []),
    ...(p.abilities.board && p.status === 'issued'
      ? [{ key: 'board', label: t.detail.tabBoard, children: <BoardTab plan={p} /> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={
          <span>
            {p.documentNumber ? `Kế hoạch số ${p.documentNumber}` : t.status.draft}{' '}
            <StatusTag status={p.status} />
          </span>
        }
        subTitle={
          <span>
            {p.orgName}
            {p.issuedOn ? ` · ${formatDate(p.issuedOn)}` : ''}
            {p.parent && (
              <>
                {' · '}
                {t.detail.parent}{' '}
                <Link to={`/plans/${p.parent.id}`}>{p.parent.documentNumber ?? p.parent.title}</Link>
              </>
            )}
          </span>
        }
        extra={
          <>
            <Link to="/plans">
              <Button icon={<ArrowLeftOutlined />}>{t.detail.back}</Button>
            </Link>
            {p.abilities.edit && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                onClick={() => void save()}
                loading={update.isPending}
              >
                {t.detail.save}
              </Button>
            )}
            {p.abilities.issue && (
              <Button icon={<CheckCircleOutlined />} onClick={() => setIssuing(true)}>
                {t.detail.issue}
              </Button>
            )}
            {p.abilities.derive && (
              <Button icon={<BranchesOutlined />} onClick={() => setDeriving(true)}>
                {t.detail.derive}
              </Button>
            )}
            <Button icon={<FileWordOutlined />} onClick={() => void download('docx')}>
              {t.detail.docx}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => void download('pdf')}>
              {t.detail.pdf}
            </Button>
            {p.abilities.delete && (
              <Popconfirm
                title={t.detail.deleteConfirm}
                onConfirm={() => void remove()}
                okText={t.detail.delete}
                cancelText={vi.common.cancel}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t.detail.delete}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {p.content.title ? (
        <Typography.Paragraph strong style={{ fontSize: 16 }}>
          {p.content.title}
        </Typography.Paragraph>
      ) : null}
      <Tabs activeKey={tab} onChange={setTab} items={tabs} />
      {tabs.length === 0 && <Empty />}
      <IssueModal plan={p} open={issuing} onClose={() => setIssuing(false)} />
      <DeriveModal plan={p} open={deriving} onClose={() => setDeriving(false)} />
    </>
  );
}
