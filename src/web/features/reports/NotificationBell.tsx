import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { viReports } from '../../i18n/vi';
import { formatDateTime } from '../../lib/format';
import { useMarkRead, useNotifications } from './api';

const t = viReports.bell;

/** The bell in the header: unread count, the latest notifications, mark read on open. */
export function NotificationBell() {
  const list = useNotifications();
  const mark = useMarkRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = list.data?.unread ?? 0;

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }}>
      {(list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {(list.data?.items ?? []).map((n) => (
            <li key={n.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <button
                type="button"
                style={{
                  all: 'unset',
                  boxSizing: 'border-box',
                  display: 'block',
                  width: '100%',
                  padding: '8px 12px',
                  cursor: 'pointer',
                  background: n.read ? undefined : '#e6f4ff',
                }}
                onClick={() => {
                  if (!n.read) mark.mutate(n.id);
                  if (n.link) {
                    setOpen(false);
                    navigate(n.link);
                  }
                }}
              >
                <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                <div>{n.body}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t.title}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => mark.mutate('all')}>
              {t.markAll}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t.label(unread)} />
      </Badge>
    </Popover>
  );
}
