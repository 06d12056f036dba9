import { DeleteOutlined, DownloadOutlined, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SIGNATURE_MODES } from '../../../contracts/decisions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi, viCouncils } from '../../i18n/vi';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate } from '../../lib/format';
import { type DecisionDetailT, useDecision, useDecisionMutation } from './api';

const t = viCouncils.decision;
const td = viCouncils.decisions;
type Awardee = DecisionDetailT['awardees'][number];

function EditDraft({ d, open, onClose }: { d: DecisionDetailT; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const save = useDecisionMutation((body: Record<string, unknown>) => api.patch(`/decisions/${d.id}`, body));
  return (
    <Modal
      open={open}
      width={720}
      title={t.editTitle}
      onCancel={onClose}
      okText={vi.common.save}
      cancelText={vi.common.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          subject: d.subject,
          decisionDate: dayjs(d.decisionDate),
          achievementText: d.achievementText,
          signerName: d.signerName,
          signerTitle: d.signerTitle,
          signatureMode: d.signatureMode ?? '',
          onBehalfOf: d.onBehalfOf ?? '',
          legalBases: d.legalBases.join('\n'),
          recipients: d.recipients.join('\n'),
        }}
        onFinish={async (v: Record<string, string> & { decisionDate: Dayjs }) => {
          const lines = (s: string) =>
            s
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean);
          await save.mutateAsync({
            version: d.version,
            subject: v.subject,
            decisionDate: v.decisionDate.format('YYYY-MM-DD'),
            achievementText: v.achievementText,
            signerName: v.signerName,
            signerTitle: v.signerTitle,
            signatureMode: v.signatureMode || null,
            onBehalfOf: v.signatureMode ? v.onBehalfOf || null : null,
            legalBases: lines(v.legalBases ?? ''),
            recipients: lines(v.recipients ?? ''),
          });
          message.success(t.saved);
          onClose();
        }}
      >
        <Form.Item name="subject" label={t.subject} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="decisionDate" label={t.date} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} aria-label={t.date} />
        </Form.Item>
        <Form.Item name="achievementText" label={td.columns.subject} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="signerName" label={td.signerName} rules={[{ required: true }]}>
            <Input maxLength={100} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="signerTitle" label={td.signerTitle} rules={[{ required: true }]}>
            <Input maxLength={100} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="signatureMode" label={td.signatureMode}>
            <Select
              style={{ width: 220 }}
              options={['', ...SIGNATURE_MODES].map((m) => ({ value: m, label: td.signatureModes[m] }))}
            />
          </Form.Item>
          <Form.Item name="onBehalfOf" label={td.onBehalfOf}>
            <Input maxLength={100} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="legalBases" label={t.legalBases}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="recipients" label="Nơi nhận">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DecisionDetailView({ id }: { id: string }) {
  const q = useDecision(id);
  const d = q.data;
  usePageTitle(d?.documentNumber ? `Quyết định ${d.documentNumber}` : td.title);
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const issue = useDecisionMutation((version: number) =>
    api.post<{ documentNumber: string }>(`/decisions/${id}/issue`, { version }),
  );
  const remove = useDecisionMutation(() => api.delete(`/decisions/${id}`));
  const correct = useDecisionMutation(() => api.post<{ id: string }>(`/decisions/${id}/corrections`));
  const removeAwardee = useDecisionMutation((awardeeId: string) =>
    api.delete(`/decisions/${id}/awardees/${awardeeId}`),
  );

  const download = async (key: string, path: string, fallback: string) => {
    setBusy(key);
    try {
      await api.download(path, undefined, fallback);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={
          d
            ? d.documentNumber
              ? `Quyết định số ${d.documentNumber}`
              : `${td.status.draft}: ${d.subject}`
            : td.title
        }
        subTitle={d?.orgName}
        extra={
          <>
            <Link to="/decisions">{t.back}</Link>
            {d?.abilities.issue && (
              <Button
                type="primary"
                onClick={() =>
                  modal.confirm({
                    title: t.issue,
                    content: t.issueConfirm,
                    okText: t.issue,
                    cancelText: vi.common.cancel,
                    onOk: async () => {
                      try {
                        const r = await issue.mutateAsync(d.version);
                        message.success(t.issued(r.documentNumber));
                      } catch (e) {
                        message.error(errorMessage(e));
                      }
                    },
                  })
                }
              >
                {t.issue}
              </Button>
            )}
            {d?.abilities.edit && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t.edit}
                </Button>
                <Popconfirm
                  title={t.deleteConfirm}
                  okText={vi.common.delete}
                  cancelText={vi.common.cancel}
                  onConfirm={async () => {
                    await remove.mutateAsync(undefined);
                    message.success(t.deleted);
                    navigate('/decisions');
                  }}
                >
                  <Button danger icon={<DeleteOutlined />}>
                    {t.deleteDraft}
                  </Button>
                </Popconfirm>
              </>
            )}
            {d?.abilities.correct && (
              <Popconfirm
                title={t.correctConfirm}
                okText={vi.common.confirm}
                cancelText={vi.common.cancel}
                onConfirm={async () => {
                  const r = await correct.mutateAsync(undefined);
                  navigate(`/decisions/${r.id}`);
                }}
              >
                <Button>{t.correct}</Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <ErrorAlert error={q.error ?? remove.error ?? correct.error} />
      {d && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {d.status === 'issued' && <Alert type="info" showIcon message={t.immutable} />}
          <Card size="small">
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                loading={busy === 'docx'}
                onClick={() => void download('docx', `/decisions/${id}/docx`, 'Quyết định.docx')}
              >
                {t.downloadDocx}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={busy === 'pdf'}
                onClick={() => void download('pdf', `/decisions/${id}/pdf`, 'Quyết định.pdf')}
              >
                {t.downloadPdf}
              </Button>
              {d.status === 'issued' && (
                <Button
                  icon={<SafetyCertificateOutlined />}
                  loading={busy === 'cert'}
                  onClick={() =>
                    void download('cert', `/decisions/${id}/certificates`, 'Bằng, giấy chứng nhận.pdf')
                  }
                >
                  {t.downloadCertificates}
                </Button>
              )}
            </Space>
          </Card>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t.number}>{d.documentNumber ?? td.draftNumber}</Descriptions.Item>
            <Descriptions.Item label={td.columns.status}>
              <Tag color={d.status === 'issued' ? 'green' : 'gold'}>{d.statusName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t.date}>{formatDate(d.decisionDate)}</Descriptions.Item>
            <Descriptions.Item label={t.achievementYear}>{d.achievementYear}</Descriptions.Item>
            <Descriptions.Item label={t.subject} span={2}>
              {d.subject}
            </Descriptions.Item>
            <Descriptions.Item label={t.signer} span={2}>
              {[
                d.signatureMode && d.onBehalfOf ? `${d.signatureMode} ${d.onBehalfOf}` : null,
                d.signerTitle,
                d.signerName,
              ]
                .filter(Boolean)
                .join(' – ')}
            </Descriptions.Item>
            <Descriptions.Item label={t.legalBases} span={2}>
              {d.legalBases.map((l) => (
                <div key={l}>{l}</div>
              ))}
            </Descriptions.Item>
            {d.correctsDecisionId && (
              <Descriptions.Item label={t.corrects} span={2}>
                <Link to={`/decisions/${d.correctsDecisionId}`}>{t.corrects}</Link>
              </Descriptions.Item>
            )}
            {d.correctedBy.length > 0 && (
              <Descriptions.Item label={t.correctedBy} span={2}>
                {d.correctedBy.map((c) => (
                  <Link key={c.id} to={`/decisions/${c.id}`} style={{ marginRight: 12 }}>
                    {c.documentNumber ?? td.draftNumber}
                  </Link>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card title={`${t.awardees} (${d.awardees.length})`} size="small">
            <Table<Awardee>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.awardees}
              scroll={{ x: 900 }}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={6}>
                    <strong>{t.total}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{viCouncils.vnd(d.totalAmount)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                </Table.Summary.Row>
              )}
              columns={[
                { title: 'TT', dataIndex: 'position', width: 48 },
                { title: t.name, dataIndex: 'name' },
                { title: t.position, dataIndex: 'positionTitle', render: (v: string | null) => v ?? '' },
                { title: t.unit, dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
                { title: t.award, dataIndex: 'awardName' },
                {
                  title: t.coefficient,
                  dataIndex: 'coefficient',
                  width: 80,
                  render: (v: string | null) => v ?? '',
                },
                {
                  title: t.amount,
                  dataIndex: 'amount',
                  width: 140,
                  align: 'right',
                  render: (v: number) => viCouncils.vnd(v),
                },
                {
                  title: vi.common.actions,
                  key: 'actions',
                  width: 180,
                  render: (_: unknown, a) =>
                    d.abilities.edit ? (
                      <Popconfirm
                        title={`${t.removeAwardee}: ${a.name}?`}
                        okText={vi.common.confirm}
                        cancelText={vi.common.cancel}
                        onConfirm={async () => {
                          try {
                            await removeAwardee.mutateAsync(a.id);
                            message.success(t.awardeeRemoved);
                          } catch (e) {
                            message.error(errorMessage(e));
                          }
                        }}
                      >
                        <Button size="small" danger aria-label={`${t.removeAwardee}: ${a.name}`}>
                          {t.removeAwardee}
                        </Button>
                      </Popconfirm>
                    ) : d.status === 'issued' ? (
                      <Button
                        size="small"
                        icon={<DownloadOutlined />}
                        aria-label={`${t.certificate}: ${a.name}`}
                        loading={busy === a.id}
                        onClick={() =>
                          void download(a.id, `/decisions/${id}/certificates/${a.id}`, `${t.certificate}.pdf`)
                        }
                      >
                        {t.certificate}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
        </Space>
      )}
      {d && editing && <EditDraft d={d} open={editing} onClose={() => setEditing(false)} />}
    </>
  );
}
