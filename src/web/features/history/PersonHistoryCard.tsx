/** A person's history (ratings, awards, initiatives, research, disciplines) and eligibility, for the staff detail page. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { viHistory } from '../../i18n/history';
import { errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { EligibilityPanel } from '../eligibility/EligibilityPanel';
import { OrgPicker } from '../organizations/OrgPicker';
import { useCreateDiscipline, useCreateResearch, useDeleteDiscipline, usePersonHistory } from './api';

const t = viHistory.person;
const c = viHistory.common;

function DisciplineModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const create = useCreateDiscipline();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t.addDiscipline}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setError(null);
        try {
          await create.mutateAsync({
            personId,
            form: v.form,
            fromDate: toIsoDate(v.fromDate)!,
            toDate: toIsoDate(v.toDate) ?? null,
            decision: v.decision || null,
            note: v.note || null,
          });
          onClose();
        } catch (e) {
          const rest = applyApiError(form, e);
          if (rest) setError(rest);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ form: 'khien_trach' }}>
        <Form.Item name="form" label={t.form} rules={[{ required: true }]}>
          <Select options={Object.entries(t.FORM).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="fromDate"
            label={t.fromDate}
            rules={[{ required: true, message: 'Chọn ngày bắt đầu' }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="toDate" label={t.toDate}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="decision" label={t.decision}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={viHistory.ratings.note}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResearchModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const create = useCreateResearch();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      width={640}
      title={t.addResearch}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setError(null);
        try {
          await create.mutateAsync({
            title: v.title,
            orgId: v.orgId,
            year: v.year,
            scope: v.scope,
            acceptedOn: toIsoDate(v.acceptedOn)!,
            acceptanceDecision: v.acceptanceDecision || null,
            members: [{ personId, role: v.role }],
          });
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
        initialValues={{ scope: 'unit', role: 'lead', year: new Date().getFullYear() }}
      >
        <Form.Item
          name="title"
          label={t.researchTitle}
          rules={[{ required: true, message: 'Nhập tên đề tài' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={viHistory.common.unit}
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <OrgPicker />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={viHistory.common.year} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="scope" label={viHistory.initiatives.scope} rules={[{ required: true }]}>
            <Select
              style={{ width: 150 }}
              options={Object.entries(viHistory.initiatives.SCOPE).map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="acceptedOn"
            label={t.acceptedOn}
            rules={[{ required: true, message: 'Chọn ngày nghiệm thu' }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="role" label={t.role}>
            <Select
              style={{ width: 150 }}
              options={Object.entries(t.ROLE).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="acceptanceDecision" label={t.acceptanceDecision}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PersonHistoryCard({ personId }: { personId: string }) {
  const { can } = useAuth();
  const q = usePersonHistory(can('history.read') ? personId : undefined);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [adding, setAdding] = useState<'discipline' | 'research' | null>(null);
  const del = useDeleteDiscipline();
  const { message } = AntApp.useApp();
  if (!can('history.read')) return null;
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const h = q.data;
  if (!h) return null;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />;
  return (
    <Card title={t.tab} style={{ marginTop: 16 }}>
      <Tabs
        items={[
          {
            key: 'awards',
            label: t.awards,
            children:
              h.awards.length === 0 ? (
                empty
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={h.awards}
                  columns={[
                    { title: viHistory.common.year, dataIndex: 'year', width: 70 },
                    { title: viHistory.eligibility.award, dataIndex: 'awardName' },
                    {
                      title: t.decision,
                      render: (_: unknown, a) =>
                        `${a.decisionNumber ?? ''}${a.decidedOn ? ` ngày ${formatDate(a.decidedOn)}` : ''}`,
                    },
                    {
                      title: viHistory.rules.authority,
                      dataIndex: 'issuer',
                      render: (v: string | null) => v ?? '',
                    },
                    {
                      title: '',
                      dataIndex: 'source',
                      width: 150,
                      render: (v: string) => <Tag>{t.source[v] ?? v}</Tag>,
                    },
                  ]}
                />
              ),
          },
          {
            key: 'ratings',
            label: t.ratings,
            children:
              h.ratings.length === 0 ? (
                empty
              ) : (
                <Table
                  size="small"
                  rowKey="year"
                  pagination={false}
                  dataSource={h.ratings}
                  columns={[
                    { title: viHistory.common.year, dataIndex: 'year', width: 70 },
                    { title: viHistory.ratings.rating, dataIndex: 'ratingName' },
                    {
                      title: viHistory.ratings.note,
                      dataIndex: 'note',
                      render: (v: string | null) => v ?? '',
                    },
                  ]}
                />
              ),
          },
          {
            key: 'initiatives',
            label: t.initiatives,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {h.canWrite && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('research')}>
                    {t.addResearch}
                  </Button>
                )}
                {h.initiatives.length === 0 && h.research.length === 0 && empty}
                {h.initiatives.map((i) => (
                  <div key={i.id}>
                    <Typography.Text strong>{i.title}</Typography.Text> ({i.year}, {i.scopeName}){' '}
                    {i.usedBy ? (
                      <Tag color="orange">
                        {viHistory.initiatives.usedFor(
                          i.usedBy.awardName,
                          i.usedBy.year,
                          i.usedBy.personName,
                        )}
                      </Tag>
                    ) : (
                      <Tag color="green">{viHistory.initiatives.unused}</Tag>
                    )}
                  </div>
                ))}
                {h.research.map((r) => (
                  <div key={r.id}>
                    {t.research}: <Typography.Text strong>{r.title}</Typography.Text> ({r.year})
                  </div>
                ))}
              </Space>
            ),
          },
          {
            key: 'disciplines',
            label: t.disciplines,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {h.canWrite && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('discipline')}>
                    {t.addDiscipline}
                  </Button>
                )}
                {h.disciplines.length === 0 ? (
                  empty
                ) : (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={h.disciplines}
                    columns={[
                      { title: t.disciplines, dataIndex: 'formName' },
                      {
                        title: viHistory.rules.validity,
                        render: (_: unknown, d) =>
                          `${formatDate(d.fromDate)} – ${d.toDate ? formatDate(d.toDate) : '…'}`,
                      },
                      { title: t.decision, dataIndex: 'decision', render: (v: string | null) => v ?? '' },
                      {
                        title: '',
                        width: 60,
                        render: (_: unknown, d) =>
                          h.canWrite ? (
                            <Popconfirm
                              title={t.confirmDeleteDiscipline}
                              okText={c.delete}
                              cancelText={c.cancel}
                              onConfirm={async () => {
                                try {
                                  await del.mutateAsync(d.id);
                                } catch (e) {
                                  message.error(errorMessage(e));
                                }
                              }}
                            >
                              <Button
                                size="small"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={`${c.delete} ${d.formName}`}
                              />
                            </Popconfirm>
                          ) : null,
                      },
                    ]}
                  />
                )}
              </Space>
            ),
          },
          ...(can('eligibility.read')
            ? [
                {
                  key: 'eligibility',
                  label: t.eligibility,
                  children: (
                    <Row gutter={[8, 8]}>
                      <Col span={24}>
                        <Space>
                          <label htmlFor="person-elig-year">{viHistory.eligibility.year}</label>
                          <InputNumber
                            id="person-elig-year"
                            min={2000}
                            max={2100}
                            value={year}
                            onChange={(v) => v && setYear(v)}
                          />
                        </Space>
                      </Col>
                      <Col span={24}>
                        <EligibilityPanel personId={personId} year={year} />
                      </Col>
                    </Row>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding === 'discipline' && <DisciplineModal personId={personId} onClose={() => setAdding(null)} />}
      {adding === 'research' && <ResearchModal personId={personId} onClose={() => setAdding(null)} />}
    </Card>
  );
}
