import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { visibleMenu } from '../../app/routes';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi } from '../../i18n/vi';

export function Home() {
  usePageTitle(vi.menu.home);
  const { user, can } = useAuth();
  if (!user) return null;
  const links = visibleMenu(can).filter((e) => e.description);
  return (
    <>
      <PageHeader title={vi.home.greeting(user.displayName)} />
      <Typography.Paragraph style={{ maxWidth: 800 }}>{vi.home.intro}</Typography.Paragraph>
      <Card title={vi.home.yourRoles} style={{ marginBottom: 16 }}>
        {user.roles.length === 0 ? (
          <Typography.Text type="secondary">{vi.auth.noRoles}</Typography.Text>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {user.roles.map((r) => (
              <Tag
                key={`${r.role}-${r.orgId}`}
                color="blue"
                style={{ whiteSpace: 'normal', padding: '4px 8px' }}
              >
                {vi.auth.roleAt(r.roleName, r.orgName)}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      {links.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {vi.home.quickLinks}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {links.map((e) => (
              <Col key={e.path} xs={24} sm={12} xl={8}>
                <Link to={e.path} style={{ display: 'block', height: '100%' }}>
                  <Card hoverable style={{ height: '100%' }}>
                    <Card.Meta
                      avatar={<span style={{ fontSize: 24, color: '#1668dc' }}>{e.icon}</span>}
                      title={e.label}
                      description={e.description}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
