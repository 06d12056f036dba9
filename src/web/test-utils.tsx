/**
 * Helpers for the web component tests: the whole app (providers, auth, routes) in a memory
 * router, and a fetch double that answers by "METHOD /path".
 */
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppRoutes } from './app/App';
import { AuthProvider } from './app/auth';
import { createQueryClient, Providers } from './app/providers';
import { setCsrfToken } from './lib/api';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (req: Recorded) => Response | Promise<Response>;

export const json = (status: number, body: unknown) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

export const apiError = (status: number, code: string, message: string, details: unknown = null) =>
  json(status, { error: { code, message, details, requestId: 'req-test' } });

/** Replaces fetch; `routes` maps "GET /api/x" to a handler (a list is answered in turn). */
export function mockFetch(routes: Record<string, Handler | Handler[]>) {
  const requests: Recorded[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const req: Recorded = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? null),
    };
    requests.push(req);
    const key = `${req.method} ${req.path}`;
    const entry = queues.get(key);
    if (!entry) return apiError(404, 'ROUTE_NOT_FOUND', `no mock for ${key}`);
    const handler = Array.isArray(entry) ? (entry.length > 1 ? entry.shift()! : entry[0]!) : entry;
    return handler(req);
  });
  return requests;
}

export const TDKT_USER = {
  id: 'u-tdkt',
  username: 'tdkt',
  displayName: 'Nguyễn Kim Oanh',
  personId: null,
  mustChangePassword: false,
  roles: [
    {
      role: 'tdkt',
      roleName: 'Cán bộ thi đua – khen thưởng',
      orgId: 'org-so',
      orgName: 'Sở Y tế tỉnh Điện Biên',
    },
  ],
  permissions: [
    'org.read',
    'org.write',
    'staff.read',
    'staff.write',
    'staff.import',
    'staff.readPersonalId',
    'audit.read',
  ],
};

export const session = (user = TDKT_USER) => json(200, { user, csrfToken: 'csrf-test' });

export function renderApp(path: string) {
  setCsrfToken(null);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <Providers queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </MemoryRouter>
    </Providers>,
  );
}
