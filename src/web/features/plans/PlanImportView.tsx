import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { viPlans } from '../../i18n/vi';
import { errorMessage } from '../../lib/api';
import { OrgPicker } from '../organizations/OrgPicker';
import { useImportPlan } from './api';

const t = viPlans.import;

/** "Nhập từ văn bản": paste or upload a plan; the server reads it into a draft; then the editor shows what was recognised. */
export function PlanImportView() {
  usePageTitle(t.title);
  const [form] = Form.useForm<{ orgId: string; text?: string }>();
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const importPlan = useImportPlan();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    if (mode === 'upload' && !file) {
      setFileError(t.needFile);
      return;
    }
    try {
      const plan = await importPlan.mutateAsync(
        mode === 'upload' ? { orgId: v.orgId, file: file! } : { orgId: v.orgId, text: v.text ?? '' },
      );
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t.title}
        extra={
          <Link to="/plans">
            <Button icon={<ArrowLeftOutlined />}>{viPlans.detail.back}</Button>
          </Link>
        }
      />
      <Typography.Paragraph type="secondary">{t.subTitle}</Typography.Paragraph>
      <Card>
        <Form form={form} layout="vertical" style={{ maxWidth: 960 }}>
          <Form.Item name="orgId" label={t.org} rules={[{ required: true, message: t.needOrg }]}>
            <OrgPicker aria-label={t.org} />
          </Form.Item>
          <Form.Item>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              optionType="button"
              options={[
                { value: 'paste', label: t.modePaste },
                { value: 'upload', label: t.modeUpload },
              ]}
            />
          </Form.Item>
          {mode === 'paste' ? (
            <Form.Item
              name="text"
              label={t.text}
              rules={[{ required: true, whitespace: true, message: t.needText }]}
            >
              <Input.TextArea
                placeholder={t.textPlaceholder}
                autoSize={{ minRows: 12, maxRows: 24 }}
                spellCheck={false}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label={t.file}
              validateStatus={fileError ? 'error' : undefined}
              help={fileError ?? undefined}
              required
            >
              <Upload
                accept=".txt,.docx"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  setFileError(null);
                  return false;
                }}
                onRemove={() => setFile(null)}
                fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
              >
                <Button icon={<UploadOutlined />}>{t.chooseFile}</Button>
              </Upload>
            </Form.Item>
          )}
          <Space>
            <Button type="primary" onClick={() => void submit()} loading={importPlan.isPending}>
              {t.submit}
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
