import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { viRegister } from '../../i18n/vi';

const t = viRegister.public;

/** The frame of the public pages (no login): brand, links to the public pages and to sign in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const linkStyle = ({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 400 });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          flexWrap: 'wrap',
          height: 'auto',
          lineHeight: '48px',
          padding: '0 24px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Link to="/bang-vang" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <strong>{t.brand}</strong>
        </Link>
        <nav aria-label={t.publicLinks} style={{ display: 'flex', gap: 16, flex: 1 }}>
          <NavLink to="/bang-vang" style={linkStyle}>
            {t.honourBoard}
          </NavLink>
          <NavLink to="/cong-khai" end style={linkStyle}>
            {t.disclosure}
          </NavLink>
        </nav>
        <Link to="/login">{t.toLogin}</Link>
      </Layout.Header>
      <Layout.Content id="main" style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}

export function PublicTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
      {children}
    </Typography.Title>
  );
}
