import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors.ts';
import { hasAnyRole, type AccessPolicy, type AuthContext } from '../auth/access.ts';
import { resolveSession, sessionCookieName } from '../auth/sessions.ts';
import { REAUTH_MINUTES } from '../auth/two-factor.ts';
import type { AppDeps } from './context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
  }
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

export type RegisteredRoute = {
  method: string;
  url: string;
  access: AccessPolicy | undefined;
  /** The route's zod schemas (body, querystring, params, response), for tests that walk them. */
  schema: RouteOptions['schema'];
};

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
      routes.push({ method, url: route.url, access: route.config?.access, schema: route.schema });
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
  const cookie = sessionCookieName(deps.config.production);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const policy = req.routeOptions.config?.access;
    const token = req.cookies?.[cookie];
    if (token) {
      req.auth = await resolveSession(
        deps.database.db,
        await deps.directory.get(),
        token,
        deps.config.sessionIdleMinutes,
      );
    }
    if (!policy) {
      if (GUARDED.test(req.url))
        throw new AppError('not_found', 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.');
      return;
    }
    // Same-origin check for every state-changing request, sign-in included (login CSRF), on top
    // of SameSite=Strict cookies: a browser names the page's origin, and a cross-site page's
    // request is refused before anything runs (trust issue, item 5; ASVS 5.0 3.5.1).
    if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req)) {
      throw new AppError('forbidden', 'CSRF', 'Yêu cầu từ nguồn không hợp lệ đã bị từ chối.');
    }
    if ('public' in policy) return;
    if (!req.auth) throw new AppError('unauthenticated', 'AUTH.REQUIRED', 'Vui lòng đăng nhập.');
    if (!hasAnyRole(req.auth, policy.roles)) {
      throw new AppError('forbidden', 'FORBIDDEN', 'Vai trò của bạn không được phép thực hiện thao tác này.');
    }
    // Until the second factor is passed the session may call only the sign-in steps (trust
    // issue, item 3; ASVS 5.0 6.3.3): a stolen password alone reaches nothing.
    const state = req.auth.secondFactorState ?? 'none';
    if (state !== 'none' && !req.auth.secondFactor && !policy.beforeSecondFactor) {
      throw state === 'enrolment_required'
        ? new AppError(
            'unauthenticated',
            'AUTH.ENROLMENT_REQUIRED',
            'Tài khoản của bạn phải đăng ký xác thực hai lớp trước khi sử dụng.',
          )
        : new AppError(
            'unauthenticated',
            'AUTH.SECOND_FACTOR_REQUIRED',
            'Vui lòng nhập mã xác thực hai lớp.',
          );
    }
    if (policy.reauth) {
      const at = req.auth.reauthenticatedAt?.getTime() ?? 0;
      if (Date.now() - at > REAUTH_MINUTES * 60_000) {
        throw new AppError(
          'unauthenticated',
          'AUTH.REAUTH_REQUIRED',
          `Thao tác này cần xác nhận lại mật khẩu hoặc mã xác thực (trong vòng ${REAUTH_MINUTES} phút).`,
        );
      }
    }
  });
  return routes;
}

/**
 * A request is same-origin when its browser says so (`Sec-Fetch-Site`) and any `Origin` it sends
 * names this host. Non-browser clients (CLI, tests) send neither and pass: they carry no
 * ambient cookie of a victim.
 */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
