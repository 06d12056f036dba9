import {
  ArrowLeftOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Modal,
  Row,
  Skeleton,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { label, vi } from '../../i18n/vi';
import { ApiError } from '../../lib/api';
import { DATE_FORMAT, formatDate, todayVn, toIsoDate } from '../../lib/format';
import { applyApiError, type UnmappedError } from '../../lib/forms';
import { PersonHistoryCard } from '../history/PersonHistoryCard';
import { OrgPicker } from '../organizations/OrgPicker';
import { revealPersonalId, type StaffDetailT, useStaff, useTransferStaff, useUpdateStaff } from './api';
import { fromStaffDetail, StaffFormFields, type StaffFormValues, toStaffWrite } from './StaffFormFields';

function PersonalId({ staff }: { staff: StaffDetailT }) {
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { message } = AntApp.useApp();
  const s = vi.staff;
  if (!staff.personalIdMasked) return <>{s.noPersonalId}</>;
  const reveal = async () => {
    setLoading(true);
    try {
      const r = await revealPersonalId(staff.id);
      setValue(r.personalId ?? '');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  };
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <Typography.Text code data-testid="personal-id">
        {value ?? staff.personalIdMasked}
      </Typography.Text>
      {staff.canViewPersonalId &&
        (value === null ? (
          <Tooltip title={s.revealNote}>
            <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={() => void reveal()}>
              {s.revealPersonalId}
            </Button>
          </Tooltip>
        ) : (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setValue(null)}>
            {s.hidePersonalId}
          </Button>
        ))}
    </span>
  );
}

function EditDrawer({
  staff,
  open,
  onClose,
  onReload,
}: {
  staff: StaffDetailT;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<StaffFormValues>();
  const update = useUpdateStaff(staff.id);
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const status = Form.useWatch('status', form) as 'active' | 'left' | undefined;
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);

  const submit = async (values: StaffFormValues) => {
    setError(null);
    const body = toStaffWrite(values, 'edit');
    if (body.status === staff.status) delete body.status;
    try {
      await update.mutateAsync({ ...body, version: staff.version });
      message.success(vi.common.saved);
      onClose();
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  const conflict = error?.raw instanceof ApiError && error.raw.isConflict;
  return (
    <Drawer
      title={vi.staff.editTitle}
      open={open}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{vi.common.cancel}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            {vi.common.save}
          </Button>
        </div>
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={vi.errors.conflictTitle}
          description={vi.errors.conflict}
          style={{ marginBottom: 16 }}
          action={
            <Button
              size="small"
              onClick={() => {
                onReload();
                onClose();
              }}
            >
              {vi.common.reload}
            </Button>
          }
        />
      ) : (
        error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />
      )}
      <Form<StaffFormValues>
        form={form}
        layout="vertical"
        initialValues={{ ...fromStaffDetail(staff), leftOn: todayVn() }}
        onFinish={submit}
        scrollToFirstError
      >
        <StaffFormFields mode="edit" status={status} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}

interface TransferValues {
  toOrgId?: string;
  fromDate?: ReturnType<typeof todayVn> | null;
  note?: string;
}

function TransferModal({
  staff,
  open,
  onClose,
}: {
  staff: StaffDetailT;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TransferValues>();
  const transfer = useTransferStaff(staff.id);
  const { message } = AntApp.useApp();
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);
  const s = vi.staff;

  const submit = async (values: TransferValues) => {
    setError(null);
    try {
      await transfer.mutateAsync({
        toOrgId: values.toOrgId ?? '',
        fromDate: toIsoDate(values.fromDate) ?? '',
        note: values.note?.trim() || undefined,
      });
      message.success(s.transferred);
      onClose();
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    }
  };

  return (
    <Modal
      title={s.transferTitle}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={s.transfer}
      cancelText={vi.common.cancel}
      confirmLoading={transfer.isPending}
      destroyOnHidden
    >
      {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
      <Form<TransferValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ fromDate: todayVn() }}
      >
        <Form.Item
          label={s.transferTo}
          name="toOrgId"
          rules={[
            { required: true, message: vi.common.requiredSelect(s.transferTo) },
            {
              validator: (_, v) =>
                v && v === staff.org?.id ? Promise.reject(new Error(s.transferSameOrg)) : Promise.resolve(),
            },
          ]}
        >
          <OrgPicker />
        </Form.Item>
        <Form.Item
          label={s.transferFrom}
          name="fromDate"
          rules={[{ required: true, message: vi.common.requiredSelect(s.transferFrom) }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={vi.common.dateFormatHint} />
        </Form.Item>
        <Form.Item label={s.transferNote} name="note">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function StaffDetailView() {
  const { id } = useParams();
  const staff = useStaff(id);
  const { can } = useAuth();
  const [editOpen, setEditOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const s = vi.staff;
  const f = s.fields;
  usePageTitle(staff.data?.fullName ?? s.detailTitle);

  const back = (
    <Link to="/staff">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {s.backToList}
      </Button>
    </Link>
  );
  if (staff.error) {
    return (
      <>
        {back}
        <ErrorAlert error={staff.error} />
      </>
    );
  }
  if (!staff.data) return <Skeleton active />;
  const d = staff.data;
  const canWrite = d.canEdit && can('staff.write');
  const memberships = [...d.memberships].sort((a, b) => (a.fromDate < b.fromDate ? 1 : -1));

  return (
    <>
      {back}
      <PageHeader
        title={d.fullName}
        subTitle={
          <>
            {d.staffCode} · {d.org?.name ?? vi.common.none}{' '}
            <Tag color={d.status === 'active' ? 'green' : 'default'}>{label(s.statuses, d.status)}</Tag>
          </>
        }
        extra={
          canWrite ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)}>
                {s.edit}
              </Button>
              {d.status === 'active' && (
                <Button icon={<SwapOutlined />} onClick={() => setTransferOpen(true)}>
                  {s.transfer}
                </Button>
              )}
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={s.profile}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                { key: 'code', label: f.staffCode, children: d.staffCode },
                { key: 'name', label: f.fullName, children: d.fullName },
                { key: 'birth', label: f.birthDate, children: formatDate(d.birthDate) || vi.common.none },
                { key: 'gender', label: f.gender, children: d.genderName ?? vi.common.none },
                { key: 'position', label: f.position, children: d.position ?? vi.common.none },
                { key: 'title', label: f.professionalTitle, children: d.professionalTitle ?? vi.common.none },
                { key: 'type', label: f.employmentType, children: d.employmentTypeName ?? vi.common.none },
                {
                  key: 'org',
                  label: f.org,
                  children: d.org ? (
                    <Link to={`/organizations/${d.org.id}`}>{d.org.name}</Link>
                  ) : (
                    vi.common.none
                  ),
                },
                { key: 'pid', label: f.personalId, children: <PersonalId staff={d} />, span: 'filled' },
                { key: 'email', label: f.email, children: d.email ?? vi.common.none },
                { key: 'phone', label: f.phone, children: d.phone ?? vi.common.none },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={s.memberships}>
            {memberships.length === 0 ? (
              <Typography.Text type="secondary">{s.noMemberships}</Typography.Text>
            ) : (
              <Timeline
                items={memberships.map((m) => ({
                  key: m.id,
                  color: m.toDate ? 'gray' : 'green',
                  content: (
                    <div>
                      <Link to={`/organizations/${m.orgId}?inactive=1`}>
                        <Typography.Text strong>{m.orgName}</Typography.Text>
                      </Link>
                      {!m.toDate && (
                        <Tag color="green" style={{ marginInlineStart: 8 }}>
                          {s.current}
                        </Tag>
                      )}
                      <div>
                        <Typography.Text type="secondary">
                          {s.membershipRange(formatDate(m.fromDate), m.toDate ? formatDate(m.toDate) : null)}
                        </Typography.Text>
                      </div>
                      {m.note && <div>{m.note}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <PersonHistoryCard personId={d.id} />
      {editOpen && (
        <EditDrawer
          staff={d}
          open={editOpen}
          onClose={() => setEditOpen(false)}
          onReload={() => void staff.refetch()}
        />
      )}
      {transferOpen && <TransferModal staff={d} open={transferOpen} onClose={() => setTransferOpen(false)} />}
    </>
  );
}
