/**
 * "Danh hiệu và hình thức khen thưởng": the catalog of a rule-set version (version selector),
 * every title and form with subject, level, authority, conditions, caps, council threshold, bonus
 * coefficient, citation and validity; UNCONFIRMED values tagged "Chưa xác nhận"; administrators
 * create a new version from parameter changes, and add dated base salaries.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viHistory } from '../../i18n/history';
import { errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, formatNumber, toIsoDate } from '../../lib/format';
import {
  type CatalogRuleT,
  type CatalogT,
  type RuleChangeInput,
  useBaseSalaries,
  useCatalog,
  useCreateBaseSalary,
  useCreateVersion,
  useVersions,
} from './api';

const t = viHistory.rules;
const c = viHistory.common;

function Unconfirmed({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <Tooltip title={c.unconfirmedHint}>
      <Tag color="orange">{c.unconfirmed}</Tag>
    </Tooltip>
  );
}

function ParamLine({
  p,
}: {
  p: { text: string; citation: string | null; unconfirmed: boolean; note: string | null };
}) {
  return (
    <span>
      {p.text} <Unconfirmed show={p.unconfirmed} />
      {p.citation && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {c.citation}: {p.citation}
        </Typography.Text>
      )}
    </span>
  );
}

function RuleCard({ rule }: { rule: CatalogRuleT }) {
  return (
    <div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'level', label: t.level, children: rule.levelName },
          { key: 'auth', label: t.authority, children: <ParamLine p={rule.authority} /> },
          { key: 'cit', label: c.citation, children: rule.citation },
          {
            key: 'valid',
            label: t.validity,
            children: `${t.validFrom(formatDate(rule.validFrom), rule.validTo ? formatDate(rule.validTo) : null)} · ${t.ruleVersion(rule.ruleVersion)}`,
          },
        ]}
      />
      {rule.subjects.map((s) => (
        <Card
          key={s.subject}
          size="small"
          style={{ marginTop: 8 }}
          title={
            <Space>
              {t.subject}: {s.subjectName}
              <Unconfirmed show={s.unconfirmed} />
            </Space>
          }
        >
          <Typography.Text strong>{t.conditions}</Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
            {s.conditions.map((cond) => (
              <li key={cond.id} style={{ marginInlineStart: cond.depth * 20 }}>
                {cond.description} <Unconfirmed show={cond.unconfirmed} />
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {c.citation}: {cond.citation}
                </Typography.Text>
              </li>
            ))}
          </ul>
          {s.judgementCriteria.length > 0 && (
            <>
              <Typography.Text strong>{t.judgement}</Typography.Text>
              <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
                {s.judgementCriteria.map((j) => (
                  <li key={j.id}>
                    {j.description} <Unconfirmed show={j.unconfirmed} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'coef', label: t.coefficient, children: <ParamLine p={s.coefficient} /> },
              { key: 'cap', label: t.cap, children: <ParamLine p={s.cap} /> },
              { key: 'vote', label: t.vote, children: <ParamLine p={s.vote} /> },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}

function CreateVersionModal({
  catalog,
  open,
  onClose,
}: {
  catalog: CatalogT;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const create = useCreateVersion();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>(null);
  const code = Form.useWatch('code', form) as string | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const conditionId = Form.useWatch('conditionId', form) as string | undefined;
  const rule = catalog.rules.find((r) => r.code === code);
  const subject = rule?.subjects[0];
  const conditions = useMemo(
    () =>
      (rule?.subjects ?? []).flatMap((s) =>
        s.conditions
          .filter((x) => Object.keys(x.params).some((k) => k in t.PARAM))
          .map((x) => ({ ...x, subject: s.subject, subjectName: s.subjectName })),
      ),
    [rule],
  );
  const cond = conditions.find((x) => `${x.subject}/${x.id}` === conditionId);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    let change: RuleChangeInput;
    if (v.kind === 'coefficient') {
      change = {
        op: 'setCoefficient',
        code: v.code,
        subject: v.subject ?? subject!.subject,
        value: String(v.value),
      };
    } else {
      const [subj, id] = String(v.conditionId).split('/');
      change = {
        op: 'setConditionParams',
        code: v.code,
        subject: subj!,
        conditionId: id!,
        params: { [v.param]: Number(v.value) },
      };
    }
    try {
      const res = await create.mutateAsync({
        baseVersion: catalog.ruleSet.version,
        effectiveFrom: toIsoDate(v.effectiveFrom)!,
        note: v.note,
        changes: [change],
      });
      message.success(t.created(res.version));
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t.createVersion}
      cancelText={c.cancel}
      title={t.createVersion}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t.createHint} style={{ marginBottom: 12 }} />
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'condition' }}>
        <Form.Item
          name="code"
          label={t.changeRule}
          rules={[{ required: true, message: 'Chọn danh hiệu, hình thức' }]}
        >
          <Select
            options={catalog.rules.map((r) => ({ value: r.code, label: r.name }))}
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="kind" label={t.changeKind}>
          <Select options={Object.entries(t.KIND).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {kind === 'coefficient' ? (
          <>
            <Form.Item name="subject" label={t.subject} initialValue={subject?.subject}>
              <Select
                options={(rule?.subjects ?? []).map((s) => ({
                  value: s.subject,
                  label: `${s.subjectName} (hiện tại: ${s.coefficient.value ?? '—'})`,
                }))}
              />
            </Form.Item>
            <Form.Item name="value" label={t.newValue} rules={[{ required: true, message: 'Nhập hệ số' }]}>
              <InputNumber min={0} max={100} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="conditionId"
              label={t.condition}
              rules={[{ required: true, message: 'Chọn điều kiện' }]}
            >
              <Select
                options={conditions.map((x) => ({
                  value: `${x.subject}/${x.id}`,
                  label: `${x.subjectName}: ${x.description}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="param" label={t.param} rules={[{ required: true, message: 'Chọn tham số' }]}>
              <Select
                options={Object.entries(cond?.params ?? {})
                  .filter(([k]) => k in t.PARAM)
                  .map(([k, val]) => ({ value: k, label: `${t.PARAM[k]} (hiện tại: ${val})` }))}
              />
            </Form.Item>
            <Form.Item
              name="value"
              label={t.newValue}
              rules={[{ required: true, message: 'Nhập giá trị mới' }]}
            >
              <InputNumber min={1} max={50} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="effectiveFrom"
          label={t.effectiveFrom}
          rules={[{ required: true, message: 'Chọn ngày hiệu lực' }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t.note} rules={[{ required: true, message: 'Nhập nội dung thay đổi' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BaseSalaries() {
  const q = useBaseSalaries();
  const create = useCreateBaseSalary();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Card
      title={t.baseSalaries}
      extra={
        q.data?.canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t.addBaseSalary}
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="effectiveFrom"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data?.items ?? []}
        columns={[
          {
            title: t.effectiveFrom,
            dataIndex: 'effectiveFrom',
            render: (v: string, r) => (
              <Space>
                {formatDate(v)}
                {r.inForce && <Tag color="green">{t.inForce}</Tag>}
              </Space>
            ),
          },
          {
            title: t.amount,
            dataIndex: 'amount',
            align: 'right',
            render: (v: number) => `${formatNumber(v)} đ`,
          },
          {
            title: t.legalBasis,
            dataIndex: 'legalBasis',
            render: (v: string | null, r) => (
              <Space>
                {v ?? c.none}
                <Unconfirmed show={r.unconfirmed} />
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t.addBaseSalary}
        okText={c.save}
        cancelText={c.cancel}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await create.mutateAsync({
              effectiveFrom: toIsoDate(v.effectiveFrom)!,
              amount: v.amount,
              legalBasis: v.legalBasis || null,
            });
            message.success(c.saved);
            setOpen(false);
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t.baseSalaryHint}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="effectiveFrom"
            label={t.effectiveFrom}
            rules={[{ required: true, message: 'Chọn ngày' }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t.amount}
            rules={[{ required: true, message: 'Nhập mức lương cơ sở' }]}
          >
            <InputNumber min={100000} step={10000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t.legalBasis}>
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function RulesCatalogView() {
  usePageTitle(t.title);
  const [version, setVersion] = useState<number | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [createOpen, setCreateOpen] = useState(false);
  const versions = useVersions();
  const catalog = useCatalog(version, year);
  const data = catalog.data;
  const section = (kind: 'title' | 'form') =>
    (data?.rules ?? [])
      .filter((r) => r.kind === kind)
      .map((r) => ({
        key: r.code,
        label: (
          <Space wrap>
            <Typography.Text strong>{r.name}</Typography.Text>
            <Tag>{r.subjects.map((s) => s.subjectName).join(', ')}</Tag>
            <Tag color="blue">{r.levelName}</Tag>
            {r.unconfirmed && <Tag color="orange">{c.unconfirmed}</Tag>}
          </Space>
        ),
        children: <RuleCard rule={r} />,
      }));
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          data?.canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
              {t.createVersion}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="rules-version">{t.version}</label>
        <Select
          id="rules-version"
          style={{ minWidth: 320 }}
          value={version ?? data?.ruleSet.version}
          onChange={(v) => setVersion(v)}
          loading={versions.isLoading}
          options={(versions.data?.items ?? []).map((v) => ({
            value: v.version,
            label: `${t.versionLabel(v.version, formatDate(v.effectiveFrom))}${v.inForce ? ` — ${t.inForce}` : ''}`,
          }))}
        />
        <label htmlFor="rules-year">{t.year}</label>
        <InputNumber id="rules-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {catalog.error ? <ErrorAlert error={catalog.error} /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Alert
              type={data.unconfirmed.length > 0 ? 'warning' : 'success'}
              showIcon
              title={
                <Space wrap>
                  <span>{t.versionLabel(data.ruleSet.version, formatDate(data.ruleSet.effectiveFrom))}</span>
                  {data.ruleSet.inForce && <Tag color="green">{t.inForce}</Tag>}
                  {data.ruleSet.shipped && <Tag>{t.shipped}</Tag>}
                  <span>{t.basedOn(data.ruleSet.basedOnVersion)}</span>
                  <span>· {t.unconfirmedCount(data.unconfirmed.length)}</span>
                </Space>
              }
              description={data.ruleSet.note}
            />
          </Col>
          <Col xs={24}>
            <Card title={t.titles}>
              <Collapse items={section('title')} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card title={t.forms}>
              <Collapse items={section('form')} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t.policies}>
              <Descriptions
                size="small"
                column={1}
                items={data.policies.map((p) => ({
                  key: p.key,
                  label: p.name,
                  children: (
                    <ParamLine
                      p={{ text: p.text, citation: p.citation, unconfirmed: p.unconfirmed, note: null }}
                    />
                  ),
                }))}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <BaseSalaries />
          </Col>
        </Row>
      )}
      {createOpen && data && (
        <CreateVersionModal catalog={data} open={createOpen} onClose={() => setCreateOpen(false)} />
      )}
    </>
  );
}
