import { CopyOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Space, Typography } from 'antd';
import { vi } from '../i18n/vi';

/** Shows a one-time password once, with a copy button. It is never stored in the browser. */
export function OneTimePasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  const { message } = AntApp.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password ?? '');
      message.success(vi.common.copied);
    } catch {
      // clipboard blocked (http, permissions): the user can still select the text
    }
  };
  return (
    <Modal
      title={vi.accounts.oneTimeTitle}
      open={password !== null}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {vi.common.close}
        </Button>
      }
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={vi.accounts.oneTimeText(username)} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{vi.accounts.oneTimeLabel}</Typography.Text>
      <Space.Compact style={{ display: 'flex', marginTop: 4 }}>
        <Typography.Text
          className="one-time-password"
          data-testid="one-time-password"
          style={{
            flex: 1,
            padding: '4px 12px',
            border: '1px solid #d9d9d9',
            borderRadius: '6px 0 0 6px',
            userSelect: 'all',
          }}
        >
          {password}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} style={{ height: 'auto' }}>
          {vi.common.copy}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
