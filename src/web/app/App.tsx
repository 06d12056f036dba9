import { Button, Result } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { usePageTitle } from '../components/PageHeader';
import { publicRoutes } from '../features/public/routes';
import { vi } from '../i18n/vi';
import { AuthProvider, useAuth } from './auth';
import { AppLayout, PageLoading } from './layouts/AppLayout';
import { Providers } from './providers';
import { type AppRoute, allowed, appRoutes, ChangePasswordPage, LoginPage } from './routes';

/** Signed-in users only; a forced password change comes before anything else. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

function Forbidden() {
  usePageTitle(vi.common.forbidden);
  return (
    <Result
      status="403"
      title={vi.common.forbidden}
      subTitle={vi.common.forbiddenText}
      extra={
        <Link to="/">
          <Button type="primary">{vi.common.goHome}</Button>
        </Link>
      }
    />
  );
}

function NotFound() {
  usePageTitle(vi.common.notFound);
  return (
    <Result
      status="404"
      title={vi.common.notFound}
      subTitle={vi.common.notFoundText}
      extra={
        <Link to="/">
          <Button type="primary">{vi.common.goHome}</Button>
        </Link>
      }
    />
  );
}

function Guarded({ route }: { route: AppRoute }) {
  const { can } = useAuth();
  if (!allowed(route, can)) return <Forbidden />;
  const Page = route.page;
  return <Page />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<PageLoading />}>
            <LoginPage />
          </Suspense>
        }
      />
      {publicRoutes()}
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {appRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={<Guarded route={route} />} />
        ))}
        <Route path="/change-password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </BrowserRouter>
    </Providers>
  );
}
