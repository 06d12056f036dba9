import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { vi } from '../i18n/vi';

/** Sets the browser tab title: "<page> – thidua". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} – ${vi.app.name}` : vi.app.title;
  }, [title]);
}

/** The page's single h1, with its actions on the right (wrapping below on phones). */
export function PageHeader({
  title,
  extra,
  subTitle,
}: {
  title: ReactNode;
  extra?: ReactNode;
  subTitle?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      </div>
      {extra && <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{extra}</div>}
    </div>
  );
}
