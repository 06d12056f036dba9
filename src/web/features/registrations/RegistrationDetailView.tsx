import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { vi, viProposals } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import { type RegistrationDetailT, useCommendationMutation, useRegistration } from '../proposals/api';
import { COLLECTIVE_CODES, INDIVIDUAL_CODES, PersonSearch } from '../proposals/ProposalsView';
import { BOARD_COLORS } from './RegistrationsView';

const t = viProposals.registrations;
const tp = viProposals.proposals;

interface Row {
  key: string;
  kind: 'person' | 'org';
  personId?: string;
  orgId?: string;
  name: string;
  awardCode: string;
  note?: string | null;
}

function AddRow({
  kind,
  onAdd,
  onClose,
}: {
  kind: 'person' | 'org' | null;
  onAdd: (r: Row) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ subject: string; awardCode: string; note?: string }>();
  const codes = kind === 'org' ? COLLECTIVE_CODES : INDIVIDUAL_CODES;
  return (
    <Modal
      open={!!kind}
      title={kind === 'org' ? t.addCollective : t.addPerson}
      okText={vi.common.add}
      cancelText={vi.common.cancel}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          onAdd({
            key: `${v.subject}/${v.awardCode}`,
            kind: kind!,
            ...(kind === 'org' ? { orgId: v.subject } : { personId: v.subject }),
            name: '',
            awardCode: v.awardCode,
            note: v.note ?? null,
          });
          onClose();
        }}
      >
        <Form.Item
          name="subject"
          label={kind === 'org' ? t.orgField : t.personField}
          rules={[
            {
              required: true,
              message: vi.common.requiredSelect(kind === 'org' ? t.orgField : t.personField),
            },
          ]}
        >
          {kind === 'org' ? (
            <OrgPicker aria-label={t.orgField} />
          ) : (
            <PersonSearch aria-label={t.personField} />
          )}
        </Form.Item>
        <Form.Item
          name="awardCode"
          label={t.award}
          rules={[{ required: true, message: vi.common.requiredSelect(t.award) }]}
        >
          <Select
            aria-label={t.award}
            options={codes.map((c) => ({ value: c, label: viProposals.awardOption(c) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t.note}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RegistrationDetailView({ id }: { id: string }) {
  const q = useRegistration(id);
  const r = q.data;
  usePageTitle(r ? `${t.title} ${r.year} – ${r.org.name}` : t.title);
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState<'person' | 'org' | null>(null);
  const [pending, setPending] = useState<RegistrationDetailT['actions'][number] | null>(null);
  useEffect(() => {
    if (!r) return;
    setRows(
      r.items.map((i) => ({
        key: i.id,
        kind: i.kind,
        ...(i.personId ? { personId: i.personId } : {}),
        ...(i.orgId ? { orgId: i.orgId } : {}),
        name: i.name,
        awardCode: i.awardCode,
        note: i.note,
      })),
    );
    setDirty(false);
  }, [r]);
  const save = useCommendationMutation((body: unknown) =>
    api.put<RegistrationDetailT>(`/registrations/${id}/items`, body),
  );
  const act = useCommendationMutation((body: { action: string; reason?: string; version: number }) =>
    api.post<RegistrationDetailT>(`/registrations/${id}/transitions`, body),
  );
  if (q.isLoading) return <Spin />;
  if (!r) return <ErrorAlert error={q.error} />;
  const run = async (a: RegistrationDetailT['actions'][number], reason?: string) => {
    await act.mutateAsync({ action: a.action, version: r.version, ...(reason ? { reason } : {}) });
    message.success(tp.done(a.name));
    setPending(null);
  };
  return (
    <>
      <PageHeader
        title={`${t.title} ${r.year} – ${r.org.name}`}
        subTitle={<Tag color={BOARD_COLORS[r.status]}>{r.statusName}</Tag>}
        extra={
          <Space wrap>
            <Link to="/registrations">{vi.common.back}</Link>
            <Button
              onClick={() =>
                void api.download(`/registrations/${id}/document`, undefined, 'Bản đăng ký thi đua.docx')
              }
            >
              {t.downloadDocx}
            </Button>
          </Space>
        }
      />
      {r.status === 'returned' && r.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={tp.returnedBanner}
          description={`${t.returnReason}: ${r.returnReason}`}
        />
      )}
      <ErrorAlert error={save.error ?? act.error} />
      <Card
        title={t.items}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          r.canEdit && (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setAdding('person')}>
                {t.addPerson}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setAdding('org')}>
                {t.addCollective}
              </Button>
              <Button
                type="primary"
                disabled={!dirty}
                loading={save.isPending}
                onClick={async () => {
                  await save.mutateAsync({
                    version: r.version,
                    items: rows.map((x) => ({
                      ...(x.personId ? { personId: x.personId } : { orgId: x.orgId }),
                      awardCode: x.awardCode,
                      note: x.note ?? null,
                    })),
                  });
                  message.success(t.saved);
                }}
              >
                {t.saveItems}
              </Button>
            </Space>
          )
        }
      >
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t.noItems }}
          columns={[
            {
              title: tp.subjectKind,
              width: 100,
              render: (_, x) => (x.kind === 'org' ? tp.collective : tp.person),
            },
            {
              title: tp.nominee,
              render: (_, x) => x.name || <Typography.Text type="secondary">{t.unsaved}</Typography.Text>,
            },
            { title: t.award, render: (_, x) => viProposals.awardNames[x.awardCode] ?? x.awardCode },
            { title: t.note, dataIndex: 'note' },
            ...(r.canEdit
              ? [
                  {
                    title: vi.common.actions,
                    width: 90,
                    render: (_: unknown, x: Row) => (
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t.removeRow}
                        onClick={() => {
                          setRows(rows.filter((y) => y.key !== x.key));
                          setDirty(true);
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={tp.actions} size="small" style={{ marginBottom: 16 }}>
        {r.actions.length === 0 ? (
          <Typography.Text type="secondary">{tp.noActions}</Typography.Text>
        ) : (
          <Space wrap>
            {r.actions.map((a) => (
              <Button
                key={a.action}
                type={a.requiresReason ? 'default' : 'primary'}
                danger={a.requiresReason}
                disabled={dirty}
                onClick={() => {
                  if (a.requiresReason) {
                    setPending(a);
                  } else void run(a).catch(() => {});
                }}
              >
                {a.name}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Card title={t.history} size="small">
        <Timeline
          items={r.events.map((e) => ({
            key: e.id,
            content: (
              <div>
                <strong>{e.actionName}</strong>
                {' → '}
                {viProposals.registrationStates[e.toStatus] ?? e.toStatus}
                <div>
                  <Typography.Text type="secondary">{`${e.actorName ?? ''} · ${formatDateTime(e.at)}`}</Typography.Text>
                </div>
                {e.reason && <div>{`${tp.reason}: ${e.reason}`}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <AddRow
        kind={adding}
        onClose={() => setAdding(null)}
        onAdd={(row) => {
          if (!rows.some((x) => x.key === row.key)) {
            setRows([...rows, row]);
            setDirty(true);
          }
        }}
      />
      <ReasonModal
        action={pending}
        loading={act.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(reason) => pending && void run(pending, reason).catch(() => {})}
      />
    </>
  );
}
