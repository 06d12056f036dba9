import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { DEFAULT_YEARLY_TEMPLATE } from '../../../domain/reports/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viReports } from '../../i18n/vi';
import { api } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/format';
import { OrgPicker } from '../organizations/OrgPicker';
import type { ReportRequestDetailT } from './api';

const t = viReports.form;
const kinds = viReports.reports.periodKinds;

/** The request form with its template builder (figure fields and narrative sections). */
/** "Báo cáo … năm 2026" → "Báo cáo … năm 2027" (every 4-digit year in the title moves on by one). */
export function nextYearTitle(title: string): string {
  return title.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + 1));
}

export function ReportRequestForm() {
  usePageTitle(t.title);
  const [form] = Form.useForm();
  // "Sao chép cho năm sau": prefill from an earlier request, one year on
  const [params] = useSearchParams();
  const from = params.get('from');
  const source = useQuery({
    queryKey: ['reports', 'detail', from],
    queryFn: () => api.get<ReportRequestDetailT>(`/reports/${from}`),
    enabled: !!from,
  });
  useEffect(() => {
    const d = source.data;
    if (!d) return;
    form.setFieldsValue({
      orgId: d.org.id,
      title: nextYearTitle(d.title),
      periodKind: d.periodKind,
      periodYear: d.periodYear + 1,
      dueOn: fromIsoDate(d.dueOn)?.add(1, 'year') ?? null,
      note: d.note,
      template: d.template,
    });
  }, [source.data, form]);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<ReportRequestDetailT>('/reports', body),
    onSuccess: (r) => {
      message.success(t.created);
      void qc.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${r.id}`);
    },
  });
  const required = [{ required: true, message: t.required }];
  return (
    <>
      <PageHeader title={t.title} />
      <ErrorAlert error={source.error ?? create.error} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 980 }}
        initialValues={{
          periodKind: 'year',
          periodYear: new Date().getFullYear(),
          template: DEFAULT_YEARLY_TEMPLATE,
        }}
        onFinish={(v) =>
          create.mutate({
            orgId: v.orgId,
            title: v.title,
            periodKind: v.periodKind,
            periodYear: v.periodYear,
            dueOn: toIsoDate(v.dueOn),
            note: v.note || null,
            template: {
              fields: (v.template?.fields ?? []).map((f: { unit?: string }) => ({
                ...f,
                unit: f.unit ?? '',
              })),
              sections: v.template?.sections ?? [],
            },
            ...(v.targetOrgIds?.length ? { targetOrgIds: v.targetOrgIds } : {}),
          })
        }
      >
        <Form.Item name="orgId" label={t.org} rules={required}>
          <OrgPicker aria-label={t.org} />
        </Form.Item>
        <Form.Item name="title" label={viReports.reports.requestTitle} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="periodKind" label={t.periodKind} rules={required}>
            <Select
              style={{ width: 180 }}
              options={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="periodYear" label={t.periodYear} rules={required}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="dueOn" label={viReports.reports.dueOn} rules={required}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="targetOrgIds" label={t.targets} extra={t.targetsHelp}>
          <OrgPicker multiple aria-label={t.targets} />
        </Form.Item>
        <Form.Item name="note" label={t.note}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Card
          title={t.template}
          size="small"
          style={{ marginBottom: 16 }}
          extra={
            <Button size="small" onClick={() => form.setFieldValue('template', DEFAULT_YEARLY_TEMPLATE)}>
              {t.useDefault}
            </Button>
          }
        >
          <h3 style={{ fontSize: 15 }}>{t.fields}</h3>
          <Form.List name={['template', 'fields']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'code']} label={t.fieldCode} rules={required}>
                      <Input style={{ width: 170 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} label={t.fieldLabel} rules={required}>
                      <Input style={{ width: 330 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']} label={t.fieldUnit}>
                      <Input style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'aggregate']} label={t.fieldAggregate} rules={required}>
                      <Select
                        style={{ width: 130 }}
                        options={Object.entries(t.aggregates).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t.remove}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ aggregate: 'sum', unit: '' })}>
                  {t.addField}
                </Button>
              </>
            )}
          </Form.List>
          <h3 style={{ fontSize: 15, marginTop: 16 }}>{t.sections}</h3>
          <Form.List name={['template', 'sections']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'code']} label={t.sectionCode} rules={required}>
                      <Input style={{ width: 170 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} label={t.sectionTitle} rules={required}>
                      <Input style={{ width: 480 }} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t.remove}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t.addSection}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t.submit}
        </Button>
      </Form>
    </>
  );
}
