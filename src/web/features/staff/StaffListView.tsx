import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { label, vi } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatDate, todayVn } from '../../lib/format';
import { applyApiError, type UnmappedError } from '../../lib/forms';
import { useDebounced } from '../../lib/useDebounced';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type StaffFilters,
  type StaffItem,
  type StaffSort,
  type StaffStatusFilter,
  staffQuery,
  useCreateStaff,
  useStaffList,
} from './api';
import { StaffFormFields, type StaffFormValues, toStaffWrite } from './StaffFormFields';

const SORTS: StaffSort[] = ['name', '-name', 'code', '-code', 'birthDate', '-birthDate'];
const STATUSES: StaffStatusFilter[] = ['active', 'left', 'all'];
const PAGE_SIZES = [20, 50, 100];

/** Filters live in the URL, so a list can be bookmarked and the back button restores it. */
function useFiltersFromUrl(): [StaffFilters, (patch: Partial<StaffFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<StaffFilters>(() => {
    const sort = params.get('sort') as StaffSort | null;
    const status = params.get('status') as StaffStatusFilter | null;
    const page = Number(params.get('page'));
    const pageSize = Number(params.get('size'));
    return {
      q: params.get('q') ?? '',
      orgId: params.get('org'),
      includeSubunits: params.get('sub') !== '0',
      status: status && STATUSES.includes(status) ? status : 'active',
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
      sort: sort && SORTS.includes(sort) ? sort : 'name',
    };
  }, [params]);
  const update = (patch: Partial<StaffFilters>) => {
    const next = { ...filters, ...patch };
    // any change other than paging starts again at page 1
    if (!('page' in patch)) next.page = 1;
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.orgId) p.set('org', next.orgId);
    if (!next.includeSubunits) p.set('sub', '0');
    if (next.status !== 'active') p.set('status', next.status);
    if (next.page !== 1) p.set('page', String(next.page));
    if (next.pageSize !== 20) p.set('size', String(next.pageSize));
    if (next.sort !== 'name') p.set('sort', next.sort);
    setParams(p, { replace: true });
  };
  return [filters, update];
}

function sortOrder(sort: StaffSort, field: 'name' | 'code' | 'birthDate') {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

function CreateStaffModal({
  open,
  onClose,
  defaultOrgId,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId: string | null;
}) {
  const [form] = Form.useForm<StaffFormValues>();
  const create = useCreateStaff();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);

  const submit = async (values: StaffFormValues) => {
    setError(null);
    try {
      const created = await create.mutateAsync(toStaffWrite(values, 'create'));
      message.success(vi.staff.added);
      onClose();
      navigate(`/staff/${created.id}`);
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  return (
    <Modal
      title={vi.staff.add}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={vi.common.save}
      cancelText={vi.common.cancel}
      confirmLoading={create.isPending}
      width={760}
      destroyOnHidden
    >
      {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
      <Form<StaffFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgId: defaultOrgId ?? undefined, fromDate: todayVn() }}
        scrollToFirstError
      >
        <StaffFormFields mode="create" />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function StaffListView() {
  usePageTitle(vi.staff.title);
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [filters, update] = useFiltersFromUrl();
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebounced(search, 350);
  const list = useStaffList(filters);
  const [exporting, setExporting] = useState(false);
  const [createOpen, setCreateOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the typed text settles; `update` and `filters` are read at that moment
  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
  }, [debounced]);

  const s = vi.staff;
  const f = s.fields;

  const columns: TableProps<StaffItem>['columns'] = [
    {
      title: f.staffCode,
      dataIndex: 'staffCode',
      key: 'code',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(filters.sort, 'code'),
    },
    {
      title: f.fullName,
      dataIndex: 'fullName',
      key: 'name',
      width: 200,
      sorter: true,
      sortOrder: sortOrder(filters.sort, 'name'),
      render: (name: string, row) => <Link to={`/staff/${row.id}`}>{name}</Link>,
    },
    {
      title: f.birthDate,
      dataIndex: 'birthDate',
      key: 'birthDate',
      width: 115,
      sorter: true,
      sortOrder: sortOrder(filters.sort, 'birthDate'),
      render: (v: string | null) => formatDate(v),
    },
    { title: f.gender, dataIndex: 'genderName', key: 'gender', width: 80 },
    { title: f.org, key: 'org', width: 220, render: (_, row) => row.org?.name ?? vi.common.none },
    { title: f.position, dataIndex: 'position', key: 'position', width: 160 },
    { title: f.professionalTitle, dataIndex: 'professionalTitle', key: 'professionalTitle', width: 180 },
    { title: f.employmentType, dataIndex: 'employmentTypeName', key: 'employmentType', width: 140 },
    { title: f.personalId, dataIndex: 'personalIdMasked', key: 'personalId', width: 130 },
    {
      title: f.status,
      dataIndex: 'status',
      key: 'status',
      width: 120,
      render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{label(s.statuses, v)}</Tag>,
    },
  ];

  const onTableChange: TableProps<StaffItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey as 'name' | 'code' | 'birthDate' | undefined;
      const sort: StaffSort = !key || !one?.order ? 'name' : one.order === 'descend' ? `-${key}` : key;
      update({ sort });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await api.download(
        '/staff/export',
        staffQuery({ ...filters, page: undefined, pageSize: undefined }),
        'Danh sach nhan su.xlsx',
      );
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={s.title}
        extra={
          <>
            {can('staff.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
                {s.add}
              </Button>
            )}
            {can('staff.import') && (
              <Link to="/staff/import">
                <Button icon={<ImportOutlined />}>{s.import}</Button>
              </Link>
            )}
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting}>
              {exporting ? s.exporting : s.export}
            </Button>
          </>
        }
      />
      <Card>
        <Form layout="vertical" className="filters" component="div">
          <Form.Item
            label={s.searchLabel}
            htmlFor="staff-search"
            style={{ flex: '1 1 260px', minWidth: 220 }}
          >
            <Input.Search
              id="staff-search"
              allowClear
              placeholder={s.searchPlaceholder}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => update({ q: v })}
              enterButton={vi.common.search}
            />
          </Form.Item>
          <Form.Item label={s.orgFilter} htmlFor="staff-org" style={{ flex: '1 1 260px', minWidth: 220 }}>
            <OrgPicker
              id="staff-org"
              value={filters.orgId}
              onChange={(v) => update({ orgId: (v as string | null) ?? null })}
              placeholder={s.orgFilterPlaceholder}
            />
          </Form.Item>
          <Form.Item
            label={s.statusFilter}
            htmlFor="staff-status"
            style={{ flex: '0 1 170px', minWidth: 150 }}
          >
            <Select
              id="staff-status"
              value={filters.status}
              onChange={(v: StaffStatusFilter) => update({ status: v })}
              options={STATUSES.map((v) => ({ value: v, label: s.statuses[v] }))}
            />
          </Form.Item>
          <Form.Item style={{ flex: '0 0 auto' }}>
            <Checkbox
              checked={filters.includeSubunits}
              disabled={!filters.orgId}
              onChange={(e) => update({ includeSubunits: e.target.checked })}
            >
              {s.includeSubunits}
            </Checkbox>
          </Form.Item>
        </Form>
        {list.error && <ErrorAlert error={list.error} />}
        <Table<StaffItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          scroll={{ x: 1400 }}
          locale={{ emptyText: s.empty }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => vi.common.total(total, s.unit),
            responsive: true,
          }}
        />
      </Card>
      {createOpen && (
        <CreateStaffModal
          open={createOpen}
          onClose={() => setCreateOpen(false)}
          defaultOrgId={filters.orgId}
        />
      )}
    </>
  );
}
