import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Segmented,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { BarChart } from '../../components/charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viIndicators } from '../../i18n/vi';
import { formatDate, fromIsoDate, toIsoDate } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useDebounced } from '../../lib/useDebounced';
import { ImportPanel } from '../indicators/ImportPanel';
import { useDefaultOrg, YearSelect } from '../indicators/IndicatorsView';
import { OrgPicker } from '../organizations/OrgPicker';
import {
  type SkillsListItemT,
  useDeleteCompletion,
  useInvalidateSkills,
  usePutCompletion,
  useSkills,
  useSkillsSummary,
} from './api';

const s = viIndicators.skills;
const c = viIndicators.common;

function RecordModal({ person, onClose }: { person: SkillsListItemT | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const put = usePutCompletion();
  const submit = async (v: { completedOn: unknown; certificateNumber?: string; note?: string }) => {
    try {
      await put.mutateAsync({
        personId: person!.personId,
        completedOn: toIsoDate(v.completedOn as never)!,
        certificateNumber: v.certificateNumber || null,
        note: v.note || null,
      });
      message.success(c.saved);
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Modal
      open={!!person}
      title={person ? s.recordTitle(person.fullName) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={c.save}
      cancelText={c.cancel}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          completedOn: fromIsoDate(person?.completedOn),
          certificateNumber: person?.certificateNumber ?? '',
          note: person?.note ?? '',
        }}
      >
        <Form.Item
          name="completedOn"
          label={s.completedOn}
          rules={[{ required: true, message: 'Chọn ngày hoàn thành' }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="certificateNumber" label={s.certificateNumber}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label={viIndicators.indicators.note}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DigitalSkillsView() {
  usePageTitle(s.title);
  const { can } = useAuth();
  const [orgId, setOrgId] = useDefaultOrg();
  const [year, setYear] = useState(new Date().getFullYear());
  const [status, setStatus] = useState('all');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(text, 300);
  const list = useSkills({ orgId, status, q, page });
  const summary = useSkillsSummary(orgId, year);
  const del = useDeleteCompletion();
  const invalidate = useInvalidateSkills();
  const [editing, setEditing] = useState<SkillsListItemT | null>(null);
  const canWrite = can('digitalSkills.write');
  return (
    <>
      <PageHeader title={s.title} subTitle={s.subTitle} />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="ds-org">{c.org}</label>
        <div style={{ width: 360 }}>
          <OrgPicker
            id="ds-org"
            aria-label={c.org}
            value={orgId}
            onChange={(v) => {
              setOrgId(v as string | null);
              setPage(1);
            }}
            allowClear={false}
          />
        </div>
        <label htmlFor="ds-year">{c.year}</label>
        <YearSelect id="ds-year" value={year} onChange={setYear} />
      </Space>
      <ErrorAlert error={summary.error ?? list.error ?? del.error} />
      {summary.data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap size="large" align="center">
            <Typography.Text>
              {s.staff}: <b>{summary.data.staff.toLocaleString('vi-VN')}</b>
            </Typography.Text>
            <Typography.Text>
              {s.certified}: <b>{summary.data.certified.toLocaleString('vi-VN')}</b>
            </Typography.Text>
            <Progress
              type="circle"
              size={64}
              percent={Math.round(summary.data.percent ?? 0)}
              aria-label={s.percent}
            />
          </Space>
          {summary.data.units.length > 0 && (
            <BarChart
              title={`${s.byUnit} (%) – ${year}`}
              orientation="horizontal"
              data={summary.data.units
                .filter((u) => u.percent !== null)
                .map((u) => ({ label: u.orgName, value: u.percent as number }))}
              format={(v) => `${v.toLocaleString('vi-VN')} %`}
            />
          )}
        </Card>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={s.filter}
          value={status}
          onChange={(v) => {
            setStatus(String(v));
            setPage(1);
          }}
          options={Object.entries(s.filters).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          aria-label={s.search}
          placeholder={s.search}
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          style={{ width: 300 }}
        />
      </Space>
      <Table<SkillsListItemT>
        rowKey="personId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: s.staffCode, dataIndex: 'staffCode', width: 120 },
          { title: s.fullName, dataIndex: 'fullName' },
          { title: c.org, dataIndex: 'orgName' },
          {
            title: s.completedOn,
            dataIndex: 'completedOn',
            width: 140,
            render: (v: string | null) => formatDate(v),
          },
          { title: s.certificateNumber, dataIndex: 'certificateNumber', width: 160 },
          ...(canWrite
            ? [
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, r: SkillsListItemT) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {r.completedOn ? s.edit : s.record}
                      </Button>
                      {r.completedOn && (
                        <Popconfirm title={s.removeConfirm} onConfirm={() => del.mutate(r.personId)}>
                          <Button size="small" danger>
                            {s.remove}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <Card size="small" title={s.importTitle} style={{ marginTop: 16 }}>
          <ImportPanel
            base="/digital-skills"
            templateName="Mẫu Bình dân học vụ số.xlsx"
            hint={s.importHint}
            onDone={invalidate}
          />
        </Card>
      )}
      <RecordModal person={editing} onClose={() => setEditing(null)} />
    </>
  );
}
