/**
 * "Sáng kiến": the initiative register of a unit (and its sub-units) with authors and shares,
 * scope, recognising decision and whether it was already used for a title or form (one use only).
 */
import { DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viHistory } from '../../i18n/history';
import { errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type InitiativeT,
  searchPeople,
  useDeleteInitiative,
  useInitiatives,
  useSaveInitiative,
} from './api';

const t = viHistory.initiatives;
const c = viHistory.common;

/** Searches staff by name or code (diacritics optional). */
export function PersonSelect({
  value,
  onChange,
  initial,
  id,
}: {
  value?: string;
  onChange?: (v: string) => void;
  initial?: { value: string; label: string }[];
  id?: string;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial ?? []);
  const [loading, setLoading] = useState(false);
  const ctl = useRef<AbortController | null>(null);
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: false,
        onSearch: async (q) => {
          if (q.trim().length < 2) return;
          ctl.current?.abort();
          ctl.current = new AbortController();
          setLoading(true);
          try {
            const res = await searchPeople(q, ctl.current.signal);
            setOptions(
              res.items.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${p.staffCode})${p.org ? ` – ${p.org.name}` : ''}`,
              })),
            );
          } catch {
            /* aborted */
          } finally {
            setLoading(false);
          }
        },
      }}
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      placeholder={t.searchPerson}
      aria-label={t.author}
      notFoundContent={null}
      style={{ minWidth: 300 }}
    />
  );
}

function InitiativeModal({
  item,
  orgId,
  onClose,
}: {
  item: InitiativeT | null;
  orgId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const save = useSaveInitiative();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>(null);
  const authors = (Form.useWatch('authors', form) as { share?: number }[] | undefined) ?? [];
  const sum = authors.reduce((s, a) => s + (a?.share ?? 0), 0);
  return (
    <Modal
      open
      width={720}
      title={item ? t.edit : t.add}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setError(null);
        try {
          await save.mutateAsync({
            ...(item ? { id: item.id, version: item.version } : {}),
            body: {
              title: v.title,
              orgId: v.orgId,
              year: v.year,
              scope: v.scope,
              recognisedOn: toIsoDate(v.recognisedOn)!,
              recognitionDecision: v.recognitionDecision || null,
              summary: v.summary || null,
              authors: v.authors.map((a: { personId: string; share: number }) => ({
                personId: a.personId,
                share: a.share,
              })),
            },
          });
          message.success(c.saved);
          onClose();
        } catch (e) {
          const rest = applyApiError(form, e);
          if (rest) setError(rest);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          item
            ? {
                ...item,
                recognisedOn: fromIsoDate(item.recognisedOn),
                authors: item.authors.map((a) => ({ personId: a.personId, share: a.share })),
              }
            : { orgId, year: new Date().getFullYear(), scope: 'unit', authors: [{ share: 100 }] }
        }
      >
        <Form.Item name="title" label={t.name} rules={[{ required: true, message: 'Nhập tên sáng kiến' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="orgId" label={t.org} rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <OrgPicker disabled={!!item} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t.year} rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="scope" label={t.scope} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={Object.entries(t.SCOPE).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item
            name="recognisedOn"
            label={t.recognisedOn}
            rules={[{ required: true, message: 'Chọn ngày công nhận' }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="recognitionDecision" label={t.decision}>
            <Input maxLength={200} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t.summary}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Typography.Text strong>{t.authors}</Typography.Text>{' '}
        <Typography.Text type={Math.abs(sum - 100) < 0.001 ? 'success' : 'danger'}>
          {t.sharesSum(sum)}
        </Typography.Text>
        <Form.List
          name="authors"
          rules={[
            {
              validator: async (_r, list: { share?: number }[]) => {
                const s = (list ?? []).reduce((x, a) => x + (a?.share ?? 0), 0);
                if (Math.abs(s - 100) > 0.001) throw new Error(t.sharesMustSum);
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'personId']}
                    label={t.author}
                    rules={[{ required: true, message: t.pickPerson }]}
                  >
                    <PersonSelect
                      initial={item?.authors.map((a) => ({ value: a.personId, label: a.fullName }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'share']}
                    label={t.share}
                    rules={[{ required: true, message: 'Nhập tỷ lệ' }]}
                  >
                    <InputNumber min={0.01} max={100} step={5} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined aria-label={c.delete} onClick={() => remove(f.name)} />
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ share: 0 })}>
                {t.addAuthor}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function InitiativesView() {
  usePageTitle(t.title);
  const { user } = useAuth();
  const [orgId, setOrgId] = useState<string | null>(user?.roles[0]?.orgId ?? null);
  const [year, setYear] = useState<number | null>(null);
  const [used, setUsed] = useState<'true' | 'false' | null>(null);
  const [editing, setEditing] = useState<InitiativeT | 'new' | null>(null);
  const q = useInitiatives(orgId, year, used);
  const del = useDeleteInitiative();
  const { message } = AntApp.useApp();
  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          q.data?.canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t.add}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="ini-org">{c.unit}</label>
        <OrgPicker
          id="ini-org"
          aria-label={c.unit}
          value={orgId}
          onChange={(v) => setOrgId(v as string | null)}
          style={{ minWidth: 340 }}
        />
        <label htmlFor="ini-year">{c.year}</label>
        <InputNumber
          id="ini-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(v ?? null)}
          placeholder={t.all}
        />
        <label htmlFor="ini-used">{t.filterUsed}</label>
        <Select
          id="ini-used"
          style={{ width: 160 }}
          value={used ?? 'all'}
          onChange={(v) => setUsed(v === 'all' ? null : (v as 'true' | 'false'))}
          options={[
            { value: 'all', label: t.all },
            { value: 'false', label: t.unused },
            { value: 'true', label: t.used },
          ]}
        />
      </Space>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 30, showSizeChanger: false }}
        columns={[
          {
            title: t.name,
            dataIndex: 'title',
            render: (v: string, r) => (
              <>
                <Typography.Text strong>{v}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{r.orgName}</Typography.Text>
                </div>
              </>
            ),
          },
          { title: t.year, dataIndex: 'year', width: 90 },
          { title: t.scope, dataIndex: 'scopeName', width: 110 },
          {
            title: t.decision,
            render: (_: unknown, r) => (
              <span>
                {r.recognitionDecision ?? c.none}
                <div>
                  <Typography.Text type="secondary">{formatDate(r.recognisedOn)}</Typography.Text>
                </div>
              </span>
            ),
            width: 150,
          },
          {
            title: t.authors,
            render: (_: unknown, r) =>
              r.authors.map((a) => (
                <div key={a.personId}>
                  {a.fullName} ({a.share}%)
                </div>
              )),
          },
          {
            title: t.filterUsed,
            width: 220,
            render: (_: unknown, r) =>
              r.usedBy ? (
                <Tooltip title={t.usedFor(r.usedBy.awardName, r.usedBy.year, r.usedBy.personName)}>
                  <Tag color="orange">{t.used}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.usedBy.awardName} {r.usedBy.year}
                  </Typography.Text>
                </Tooltip>
              ) : (
                <Tag color="green">{t.unused}</Tag>
              ),
          },
          {
            title: '',
            width: 100,
            render: (_: unknown, r) =>
              q.data?.canWrite && !r.used ? (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t.edit} ${r.title}`}
                    onClick={() => setEditing(r)}
                  />
                  <Popconfirm
                    title={t.confirmDelete}
                    okText={c.delete}
                    cancelText={c.cancel}
                    onConfirm={async () => {
                      try {
                        await del.mutateAsync(r.id);
                        message.success(t.deleted);
                      } catch (e) {
                        message.error(errorMessage(e));
                      }
                    }}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${c.delete} ${r.title}`}
                    />
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing && orgId && (
        <InitiativeModal
          item={editing === 'new' ? null : editing}
          orgId={orgId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
