import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viReports } from '../../i18n/vi';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { reportKeys, type SubmissionT, useReportRequest, useSubmission } from './api';

const t = viReports.submission;
const r = viReports.reports;

/** A unit's report: figures and narrative, saved as a draft, then submitted (read-only after). */
export function SubmissionView() {
  const { id = '', orgId = '' } = useParams();
  const req = useReportRequest(id);
  const sub = useSubmission(id, orgId);
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  usePageTitle(t.title);

  useEffect(() => {
    if (sub.data) form.setFieldsValue({ figures: sub.data.figures, narrative: sub.data.narrative });
  }, [sub.data, form]);

  const after = (x: SubmissionT) => {
    qc.setQueryData(reportKeys.submission(id, orgId), x);
    void qc.invalidateQueries({ queryKey: reportKeys.board(id) });
    void qc.invalidateQueries({ queryKey: reportKeys.list({}) });
  };
  const values = () => {
    const v = form.getFieldsValue();
    const figures: Record<string, number | null> = {};
    for (const f of req.data?.template.fields ?? []) figures[f.code] = v.figures?.[f.code] ?? null;
    const narrative: Record<string, string> = {};
    for (const s of req.data?.template.sections ?? []) narrative[s.code] = v.narrative?.[s.code] ?? '';
    return { figures, narrative };
  };
  const save = useMutation({
    mutationFn: () =>
      api.put<SubmissionT>(`/reports/${id}/submissions/${orgId}`, {
        version: sub.data!.version,
        ...values(),
      }),
    onSuccess: (x) => {
      message.success(t.saved);
      after(x);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await api.put<SubmissionT>(`/reports/${id}/submissions/${orgId}`, {
        version: sub.data!.version,
        ...values(),
      });
      return api.post<SubmissionT>(`/reports/${id}/submissions/${orgId}/submit`, { version: saved.version });
    },
    onSuccess: (x) => {
      message.success(t.submitted);
      after(x);
    },
  });

  const s = sub.data;
  const d = req.data;
  const editable = s?.canEdit === true;
  return (
    <>
      <PageHeader
        title={s ? `${t.title}: ${s.org.name}` : t.title}
        subTitle={d ? `${d.title} · ${d.periodLabel}` : undefined}
        extra={<Link to={`/reports/${id}`}>{t.back}</Link>}
      />
      <ErrorAlert error={req.error ?? sub.error ?? save.error ?? submit.error} />
      {s && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Tag color={r.statusColors[s.boardStatus]}>{r.statusNames[s.boardStatus]}</Tag>
          {s.status === 'submitted' ? (
            <span>
              {t.readOnly} {formatDateTime(s.submittedAt)}
            </span>
          ) : (
            <Tag>{t.draft}</Tag>
          )}
        </Space>
      )}
      {s && editable && (s.missing.fields.length > 0 || s.missing.sections.length > 0) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t.missing(s.missing.fields.length, s.missing.sections.length)}
        />
      )}
      {d && s && (
        <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 980 }}>
          <Card size="small" title={t.figures} style={{ marginBottom: 16 }}>
            <Space wrap size="large" align="start">
              {d.template.fields.map((f) => (
                <Form.Item
                  key={f.code}
                  name={['figures', f.code]}
                  label={`${f.label}${f.unit ? ` (${f.unit})` : ''}`}
                >
                  <InputNumber style={{ width: 220 }} decimalSeparator="," />
                </Form.Item>
              ))}
            </Space>
          </Card>
          <Card size="small" title={t.narrative} style={{ marginBottom: 16 }}>
            {d.template.sections.map((sec) => (
              <Form.Item key={sec.code} name={['narrative', sec.code]} label={sec.title}>
                <Input.TextArea rows={4} maxLength={20_000} />
              </Form.Item>
            ))}
          </Card>
          {editable && (
            <Space>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t.save}
              </Button>
              <Popconfirm title={t.submitConfirm} onConfirm={() => submit.mutate()} okText={t.submit}>
                <Button type="primary" loading={submit.isPending}>
                  {t.submit}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </Form>
      )}
    </>
  );
}
