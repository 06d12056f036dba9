import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { PageLoading } from '../../app/layouts/AppLayout';

const HonourBoardPage = lazy(() => import('../../pages/HonourBoardPage'));
const OpenRoundsPage = lazy(() => import('../../pages/PublicRoundsPage'));
const DisclosurePage = lazy(() => import('../../pages/PublicDisclosurePage'));

const PUBLIC_PAGES = [
  { path: '/bang-vang', Page: HonourBoardPage },
  { path: '/cong-khai', Page: OpenRoundsPage },
  { path: '/cong-khai/dot/:id', Page: DisclosurePage },
];

/** Public pages (no login), outside the signed-in shell: `{publicRoutes()}` inside <Routes>. */
export function publicRoutes() {
  return PUBLIC_PAGES.map(({ path, Page }) => (
    <Route
      key={path}
      path={path}
      element={
        <Suspense fallback={<PageLoading />}>
          <Page />
        </Suspense>
      }
    />
  ));
}
