import { Col, Drawer, Grid, Row } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader, usePageTitle } from '../../components/PageHeader';
import { vi } from '../../i18n/vi';
import { useOrganization } from './api';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgEventForm } from './OrgEventForm';
import { OrgTreePanel } from './OrgTreePanel';

export function OrganizationsView() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const includeInactive = params.get('inactive') === '1';
  const detail = useOrganization(id);
  const [eventOpen, setEventOpen] = useState(false);
  const detailRef = useRef<HTMLDivElement>(null);
  usePageTitle(detail.data?.name ?? vi.org.title);

  // on phones the detail sits below the tree: bring it into view after a selection
  useEffect(() => {
    if (id && !screens.lg) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [id, screens.lg]);

  const select = (orgId: string) =>
    navigate({ pathname: `/organizations/${orgId}`, search: params.toString() });
  const setIncludeInactive = (value: boolean) => {
    const next = new URLSearchParams(params);
    if (value) next.set('inactive', '1');
    else next.delete('inactive');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={vi.org.title} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xxl={7}>
          <OrgTreePanel
            selectedId={id}
            onSelect={select}
            includeInactive={includeInactive}
            onIncludeInactiveChange={setIncludeInactive}
          />
        </Col>
        <Col xs={24} lg={15} xxl={17}>
          <div ref={detailRef} style={{ scrollMarginTop: 72 }}>
            <OrgDetailPanel
              org={id ? detail.data : undefined}
              loading={Boolean(id) && detail.isLoading}
              error={detail.error}
              canWrite={can('org.write')}
              onApplyEvent={() => setEventOpen(true)}
            />
          </div>
        </Col>
      </Row>
      <Drawer
        title={vi.org.event.title}
        open={eventOpen}
        onClose={() => setEventOpen(false)}
        size={screens.md ? 640 : '100%'}
        destroyOnHidden
      >
        {detail.data && (
          <OrgEventForm
            org={detail.data}
            onCancel={() => setEventOpen(false)}
            onDone={({ organizationIds }) => {
              setEventOpen(false);
              const target = organizationIds[0];
              if (target && target !== id) select(target);
            }}
          />
        )}
      </Drawer>
    </>
  );
}
