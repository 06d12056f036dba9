/**
 * The application shell: a collapsible side menu on wide screens, a drawer menu on phones,
 * and a header with the user, their roles and units, "Đổi mật khẩu" and "Đăng xuất".
 */
import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Spin,
  Typography,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { NotificationBell } from '../../features/reports/NotificationBell';
import { vi } from '../../i18n/vi';
import { useAuth } from '../auth';
import { MENU_GROUPS, type MenuEntry, selectedMenuPath, visibleMenu } from '../routes';

const { Header, Sider, Content } = Layout;

function menuItems(entries: MenuEntry[]): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  for (const group of MENU_GROUPS) {
    const inGroup = entries.filter((e) => e.group === group.key);
    if (inGroup.length === 0) continue;
    const children = inGroup.map((e) => ({
      key: e.path,
      icon: e.icon,
      label: <Link to={e.path}>{e.label}</Link>,
    }));
    if (group.label) items.push({ type: 'group', key: `group-${group.key}`, label: group.label, children });
    else items.push(...children);
  }
  return items;
}

export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" description={vi.app.loading} />
    </div>
  );
}

export function AppLayout() {
  const { user, can, logout } = useAuth();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg === true;
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const entries = useMemo(() => visibleMenu(can), [can]);
  const selected = selectedMenuPath(location.pathname, entries);
  const items = useMemo(() => menuItems(entries), [entries]);

  if (!user) return null;

  const onLogout = async () => {
    await logout();
    message.success(vi.auth.loggedOut);
    navigate('/login', { replace: true });
  };

  const roleLines = user.roles.map((r) => vi.auth.roleAt(r.roleName, r.orgName));
  const firstRole = roleLines[0] ?? vi.auth.noRoles;
  const moreRoles = roleLines.length > 1 ? ` (+${roleLines.length - 1})` : '';

  const menu = (
    <Menu
      mode="inline"
      theme={isDesktop ? 'dark' : 'light'}
      selectedKeys={selected ? [selected] : []}
      items={items}
      // keyboard (Enter on an item) and clicks beside the link text navigate too
      onClick={({ key, domEvent }) => {
        setDrawerOpen(false);
        if (!(domEvent.target as HTMLElement).closest('a')) navigate(key);
      }}
      aria-label={vi.app.mainMenu}
    />
  );

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        type: 'group',
        label: (
          <div style={{ maxWidth: 300 }}>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{user.username}</Typography.Text>
            {roleLines.length === 0 ? (
              <div>{vi.auth.noRoles}</div>
            ) : (
              roleLines.map((line) => (
                <div key={line} style={{ whiteSpace: 'normal' }}>
                  {line}
                </div>
              ))
            )}
          </div>
        ),
      },
      { type: 'divider' },
      {
        key: 'password',
        icon: <KeyOutlined />,
        label: vi.auth.changePassword,
        onClick: () => navigate('/change-password'),
      },
      { key: 'logout', icon: <LogoutOutlined />, label: vi.auth.logout, onClick: () => void onLogout() },
    ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {vi.app.skipToContent}
      </a>
      {isDesktop && (
        <Sider
          collapsible
          collapsed={collapsed}
          width={240}
          collapsedWidth={64}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          trigger={null}
        >
          <Link to="/" className="app-sider-brand" aria-label={vi.app.title}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            {!collapsed && <span>{vi.app.name}</span>}
          </Link>
          <nav aria-label={vi.app.mainMenu}>{menu}</nav>
        </Sider>
      )}
      {!isDesktop && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title={vi.app.title}
          styles={{ body: { padding: 0 } }}
          closable={{ 'aria-label': vi.app.closeMenu }}
        >
          <nav aria-label={vi.app.mainMenu}>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Header className="app-header">
          {!isDesktop && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={vi.app.openMenu}
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
              <Link to="/" className="app-brand">
                <img src="/favicon.svg" alt="" />
                <span>{vi.app.name}</span>
              </Link>
            </>
          )}
          {isDesktop && (
            <>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={collapsed ? vi.app.expandMenu : vi.app.collapseMenu}
                aria-expanded={!collapsed}
                onClick={() => setCollapsed(!collapsed)}
              />
              <Typography.Text type="secondary">{vi.app.tagline}</Typography.Text>
            </>
          )}
          <div className="app-user">
            <NotificationBell />
            {screens.md ? (
              <>
                <div className="app-user-text">
                  <Typography.Text strong>{user.displayName}</Typography.Text>
                  <Typography.Text type="secondary" title={roleLines.join('\n')}>
                    {firstRole}
                    {moreRoles}
                  </Typography.Text>
                </div>
                <Button icon={<KeyOutlined />} onClick={() => navigate('/change-password')}>
                  {vi.auth.changePassword}
                </Button>
                <Button icon={<LogoutOutlined />} onClick={() => void onLogout()}>
                  {vi.auth.logout}
                </Button>
              </>
            ) : (
              <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
                <Button
                  type="text"
                  aria-label={vi.auth.userMenu(user.displayName)}
                  icon={<Avatar size="small" icon={<UserOutlined />} />}
                />
              </Dropdown>
            )}
          </div>
        </Header>
        {/* antd's Content is the <main> landmark */}
        <Content className="app-content" id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
