import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginRequest, Me } from '../../contracts/auth.ts';
import { Ok } from '../../contracts/common.ts';
import { notFound } from '../errors.ts';
import type { AppDeps } from '../http/context.ts';
import { requireAuth } from './access.ts';
import { LoginResponse } from '../../contracts/security.ts';
import { login, logout, sessionCookieName, sessionCookieOptions } from './sessions.ts';
import { usersRoutes } from './users.routes.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';

export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookie = sessionCookieName(deps.config.production);

  r.post(
    '/api/v1/auth/login',
    {
      config: {
        access: { public: true, reason: 'sign-in' },
        // Per address; the per-account lock is in `login` (5 failures → 15 minutes).
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
      schema: { body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (req, reply) => {
      const result = await login(deps.database.db, req.body.username, req.body.password, req.ip);
      reply.setCookie(cookie, result.token, sessionCookieOptions(deps.config.production));
      return { ok: true as const, userId: result.userId, secondFactor: result.secondFactor };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true } },
      schema: { response: { 200: Ok } },
    },
    async (req, reply) => {
      const token = req.cookies[cookie];
      if (token) await logout(deps.database.db, token);
      reply.clearCookie(cookie, sessionCookieOptions(deps.config.production));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      config: { access: { roles: 'authenticated', scope: 'self', beforeSecondFactor: true } },
      schema: { response: { 200: Me } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const directory = await deps.directory.get();
      const unit = directory.get(auth.orgUnitId);
      if (!unit) throw notFound('đơn vị của tài khoản');
      return {
        userId: auth.userId,
        username: auth.username,
        displayName: auth.displayName,
        roles: [...auth.roles],
        orgUnit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
        personId: auth.personId,
        secondFactorRequired: (auth.secondFactorState ?? 'none') !== 'none',
        secondFactorPassed: auth.secondFactor,
      };
    },
  );

  await twoFactorRoutes(app, deps);
  await usersRoutes(app, deps);
}
