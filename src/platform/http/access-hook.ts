import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors.ts';
import { hasAnyRole, type AccessPolicy, type AuthContext } from '../auth/access.ts';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppDeps } from './context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
  }
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

export type RegisteredRoute = { method: string; url: string; access: AccessPolicy | undefined };

/**
 * Paths whose routes must declare a policy. The web app's static files and the OpenAPI page
 * (/api/docs) are public by nature.
 */
const GUARDED = /^\/(api\/v1|verify)(\/|$)/;

/**
 * Deny by default: collects every route, makes `ready()` fail when a guarded route declares no
 * policy, and checks session and roles before validation so a forbidden caller learns nothing
 * about the body it would have to send. Org scope is checked by the use case on the rows it
 * loads (DESIGN §2 rule 4).
 */
export function installAccessControl(app: FastifyInstance, deps: AppDeps): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => GUARDED.test(r.url) && !r.access);
    if (missing.length > 0) {
      throw new Error(
        `Route(s) without an access policy: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}. ` +
          'Every route must declare config.access (DESIGN §2 rule 5).',
      );
    }
  });
  app.decorateRequest('auth', undefined);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const policy = req.routeOptions.config?.access;
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      req.auth = await resolveSession(
        deps.database.db,
        await deps.directory.get(),
        token,
        deps.config.sessionIdleMinutes,
      );
    }
    if (!policy) {
      if (GUARDED.test(req.url)) throw new AppError('not_found', 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.');
      return;
    }
    if ('public' in policy) return;
    if (!req.auth) throw new AppError('unauthenticated', 'AUTH.REQUIRED', 'Vui lòng đăng nhập.');
    if (!hasAnyRole(req.auth, policy.roles)) {
      throw new AppError('forbidden', 'FORBIDDEN', 'Vai trò của bạn không được phép thực hiện thao tác này.');
    }
    // Same-origin check for state-changing requests, on top of SameSite=Strict cookies.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const origin = req.headers.origin;
      if (origin && new URL(origin).host !== req.headers.host) {
        throw new AppError('forbidden', 'CSRF', 'Yêu cầu từ nguồn không hợp lệ đã bị từ chối.');
      }
    }
  });
  return routes;
}
