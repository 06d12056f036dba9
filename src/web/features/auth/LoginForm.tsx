import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/PageHeader';
import { vi } from '../../i18n/vi';
import { applyApiError, type UnmappedError } from '../../lib/forms';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginForm() {
  usePageTitle(vi.auth.loginTitle);
  const { user, login, sessionEnded } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ raw: unknown; mapped: UnmappedError } | null>(null);
  const next = safeNext(params.get('next'));

  if (user) return <Navigate to={user.mustChangePassword ? '/change-password' : next} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await login(values.username.trim(), values.password);
      navigate(signedIn.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (err) {
      form.setFieldValue('password', '');
      setError({ raw: err, mapped: applyApiError(form, err) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0 4px' }}>
            {vi.auth.loginTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{vi.auth.loginSubtitle}</Typography.Text>
        </div>
        {sessionEnded && !error && (
          <Alert type="warning" showIcon title={vi.auth.sessionEnded} style={{ marginBottom: 16 }} />
        )}
        {error && <ErrorAlert error={error.raw} extra={error.mapped.extra} />}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={submitting}
        >
          <Form.Item
            label={vi.auth.username}
            name="username"
            rules={[{ required: true, whitespace: true, message: vi.common.required(vi.auth.username) }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              autoCapitalize="none"
              spellCheck={false}
              size="large"
            />
          </Form.Item>
          <Form.Item
            label={vi.auth.password}
            name="password"
            rules={[{ required: true, message: vi.common.required(vi.auth.password) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {submitting ? vi.auth.loggingIn : vi.auth.login}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
