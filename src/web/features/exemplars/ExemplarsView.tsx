import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viRegister } from '../../i18n/vi';
import { applyApiError, type UnmappedError } from '../../lib/forms';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type ExemplarFilters,
  type ExemplarT,
  searchPeople,
  useCreateExemplar,
  useDeleteExemplar,
  useExemplars,
  useUpdateExemplar,
} from './api';

const t = viRegister.exemplars;

interface FormValues {
  kind: 'person' | 'collective';
  personId?: string;
  orgId?: string;
  year: number;
  title: string;
  story: string;
  published: boolean;
}

function PersonSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const onSearch = async (q: string) => {
    if (q.trim().length < 2) return;
    setLoading(true);
    try {
      const people = await searchPeople(q);
      setOptions(
        people.map((p) => ({ value: p.id, label: `${p.fullName}${p.org ? ` – ${p.org.name}` : ''}` })),
      );
    } finally {
      setLoading(false);
    }
  };
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: (q) => void onSearch(q) }}
      placeholder={t.personPlaceholder}
      options={options}
      loading={loading}
      notFoundContent={null}
    />
  );
}

function ExemplarModal({ editing, onClose }: { editing: ExemplarT | 'new'; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateExemplar();
  const update = useUpdateExemplar();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);
  const kind = Form.useWatch('kind', form);
  const isNew = editing === 'new';

  const submit = async (v: FormValues) => {
    setError(null);
    try {
      if (isNew) {
        await create.mutateAsync({
          ...(v.kind === 'person' ? { personId: v.personId } : { orgId: v.orgId }),
          year: v.year,
          title: v.title,
          story: v.story,
          published: v.published,
        });
      } else {
        await update.mutateAsync({
          id: editing.id,
          version: editing.version,
          year: v.year,
          title: v.title,
          story: v.story,
          published: v.published,
        });
      }
      message.success(t.saved);
      onClose();
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  return (
    <Modal
      open
      title={isNew ? t.add : t.edit}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={vi.common.save}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      destroyOnHidden
    >
      {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          isNew
            ? { kind: 'person', year: new Date().getFullYear() - 1, published: false }
            : {
                kind: editing.subject === 'individual' ? 'person' : 'collective',
                year: editing.year,
                title: editing.title,
                story: editing.story,
                published: editing.published,
              }
        }
      >
        {isNew ? (
          <>
            <Form.Item name="kind" label={t.subjectKind}>
              <Radio.Group
                options={[
                  { value: 'person', label: t.person },
                  { value: 'collective', label: t.collective },
                ]}
              />
            </Form.Item>
            {kind === 'collective' ? (
              <Form.Item
                name="orgId"
                label={t.collective}
                rules={[{ required: true, message: vi.common.requiredSelect(t.collective) }]}
              >
                <OrgPicker />
              </Form.Item>
            ) : (
              <Form.Item
                name="personId"
                label={t.person}
                rules={[{ required: true, message: vi.common.requiredSelect(t.person) }]}
              >
                <PersonSelect />
              </Form.Item>
            )}
          </>
        ) : (
          <p>
            <strong>{editing.person?.fullName ?? editing.collective?.name}</strong> – {editing.org.name}
          </p>
        )}
        <Form.Item
          name="year"
          label={t.year}
          rules={[{ required: true, message: vi.common.required(t.year) }]}
        >
          <InputNumber min={1945} max={2100} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t.titleField}
          rules={[{ required: true, whitespace: true, message: vi.common.required(t.titleField) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="story"
          label={t.story}
          rules={[{ required: true, whitespace: true, message: vi.common.required(t.story) }]}
        >
          <Input.TextArea rows={8} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="published" label={t.published} valuePropName="checked">
          <Switch />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function ExemplarsView() {
  usePageTitle(t.title);
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<ExemplarFilters>({ orgId: null, year: null, page: 1 });
  const list = useExemplars(filters);
  const update = useUpdateExemplar();
  const remove = useDeleteExemplar();
  const [editing, setEditing] = useState<ExemplarT | 'new' | null>(null);

  const columns: TableProps<ExemplarT>['columns'] = [
    { title: t.year, dataIndex: 'year', key: 'year', width: 70 },
    { title: t.titleField, dataIndex: 'title', key: 'title', width: 260 },
    {
      title: t.subjectKind,
      key: 'who',
      width: 220,
      render: (_, r) => r.person?.fullName ?? r.collective?.name,
    },
    { title: t.org, key: 'org', width: 220, render: (_, r) => r.org.name },
    {
      title: t.published,
      key: 'published',
      width: 130,
      render: (_, r) => (
        <Tag color={r.published ? 'green' : 'default'}>{r.published ? t.publishedTag : t.draftTag}</Tag>
      ),
    },
    {
      title: vi.common.actions,
      key: 'actions',
      width: 250,
      render: (_, r) => (
        <Space wrap>
          <Button size="small" onClick={() => setEditing(r)}>
            {vi.common.edit}
          </Button>
          <Button
            size="small"
            onClick={async () => {
              try {
                await update.mutateAsync({ id: r.id, version: r.version, published: !r.published });
              } catch (err) {
                message.error((err as Error).message);
              }
            }}
          >
            {r.published ? t.unpublish : t.publish}
          </Button>
          <Popconfirm
            title={t.deleteConfirm}
            okText={t.delete}
            cancelText={vi.common.cancel}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(r.id);
                message.success(t.deleted);
              } catch (err) {
                message.error((err as Error).message);
              }
            }}
          >
            <Button size="small" danger>
              {t.delete}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subTitle={t.subTitle}
        extra={
          <>
            <Link to="/bang-vang">
              <Button>{t.openBoard}</Button>
            </Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t.add}
            </Button>
          </>
        }
      />
      <Card>
        <Form layout="vertical" className="filters" component="div">
          <Form.Item label={t.org} htmlFor="ex-org" style={{ flex: '1 1 260px', minWidth: 220 }}>
            <OrgPicker
              id="ex-org"
              value={filters.orgId}
              onChange={(v) => setFilters({ ...filters, orgId: (v as string | null) ?? null, page: 1 })}
            />
          </Form.Item>
          <Form.Item label={t.filterYear} htmlFor="ex-year" style={{ flex: '0 1 120px', minWidth: 110 }}>
            <InputNumber
              id="ex-year"
              min={1945}
              max={2100}
              value={filters.year}
              onChange={(v) => setFilters({ ...filters, year: typeof v === 'number' ? v : null, page: 1 })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
        {list.error && <ErrorAlert error={list.error} />}
        <Table<ExemplarT>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1150 }}
          locale={{ emptyText: t.empty }}
          onChange={(p) => setFilters({ ...filters, page: p.current ?? 1 })}
          pagination={{
            current: filters.page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (n) => vi.common.total(n, t.unit),
          }}
        />
      </Card>
      {editing && <ExemplarModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
