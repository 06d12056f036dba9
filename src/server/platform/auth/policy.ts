import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../http/errors';
import { hasPermissionAnywhere } from './actor';

/**
 * Every route declares who may call it in `config.policy`:
 *  - public:        anyone, no session needed (login, health, public pages)
 *  - authenticated: any logged-in user (their own profile, logout)
 *  - permission:    a logged-in user holding the permission on some organisation; the use case
 *                   then scopes its queries to the subtrees where the permission is held, so an
 *                   out-of-scope record answers 404 exactly like a missing one.
 * A route under /api without a policy makes the application refuse to start.
 */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'authenticated' }
  | { access: 'permission'; permission: string };

export const policy = {
  public: (): { policy: RoutePolicy } => ({ policy: { access: 'public' } }),
  authenticated: (): { policy: RoutePolicy } => ({ policy: { access: 'authenticated' } }),
  permission: (permission: string): { policy: RoutePolicy } => ({
    policy: { access: 'permission', permission },
  }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/** Routes registered by plugins we do not write (API documentation): public by design. */
const DOC_ROUTE = /^\/api\/docs(\/|$)|^\/api\/openapi\.json$/;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Collects every route with its policy; a route under /api without one is a start-up error. */
export function registerPolicyCollection(app: FastifyInstance, routes: RegisteredRoute[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    let p = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!p && DOC_ROUTE.test(route.url)) {
      p = { access: 'public' };
      route.config = { ...(route.config ?? {}), policy: p } as never;
    }
    if (!p)
      throw new Error(`Route ${methods.join(',')} ${route.url} has no authorization policy (config.policy)`);
    for (const method of methods) routes.push({ method, url: route.url, policy: p });
  });
}

/** onRequest check (after the session is loaded): 401 / CSRF 403 / permission 403. */
export function registerPolicyCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const p = request.routeOptions.config?.policy;
    if (!request.routeOptions.url?.startsWith('/api')) return;
    if (!p) throw new AppError('FORBIDDEN'); // fail closed (not-found handler has no policy)
    if (p.access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (STATE_CHANGING.has(request.method)) {
      const token = request.headers['x-csrf-token'];
      if (typeof token !== 'string' || token !== request.actor.csrfToken) throw new AppError('CSRF_INVALID');
    }
    if (p.access === 'permission' && !hasPermissionAnywhere(request.actor, p.permission)) {
      request.log.warn({ userId: request.actor.userId, permission: p.permission }, 'authorization denied');
      throw new AppError('FORBIDDEN');
    }
  });
}
