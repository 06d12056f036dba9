import { Alert, App as AntApp, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi } from '../../i18n/vi';
import { api } from '../../lib/api';
import { applyApiError, type UnmappedError } from '../../lib/forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const MIN_PASSWORD_LENGTH = 8;

export function ChangePasswordForm() {
  usePageTitle(vi.auth.changePassword);
  const { user, refresh } = useAuth();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);
  const forced = user?.mustChangePassword === true;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await api.post('/auth/change-password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success(vi.auth.passwordChanged);
      await refresh();
      form.resetFields();
      navigate('/', { replace: true });
    } catch (err) {
      setError({ raw: err, mapped: applyApiError(form, err) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageHeader title={vi.auth.changePassword} />
      <Card style={{ maxWidth: 520 }}>
        {forced && (
          <Alert
            type="warning"
            showIcon
            title={vi.auth.mustChangeTitle}
            description={vi.auth.mustChangeText}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
          <Form.Item
            label={vi.auth.currentPassword}
            name="currentPassword"
            rules={[{ required: true, message: vi.common.required(vi.auth.currentPassword) }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={vi.auth.newPassword}
            name="newPassword"
            extra={vi.auth.passwordHint}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: vi.common.required(vi.auth.newPassword) },
              { min: MIN_PASSWORD_LENGTH, message: vi.auth.passwordTooShort },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error(vi.auth.passwordSameAsOld))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={vi.auth.confirmPassword}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: vi.common.required(vi.auth.confirmPassword) },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(vi.auth.passwordMismatch)),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {vi.auth.changePassword}
          </Button>
        </Form>
      </Card>
    </>
  );
}
