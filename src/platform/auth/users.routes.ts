import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../contracts/common.ts';
import { AccountChanged, PasswordChange, PasswordReset, UserList, UserPatch } from '../../contracts/users.ts';
import type { AppDeps } from '../http/context.ts';
import { ctxOf } from '../http/request-ctx.ts';
import { requireAuth } from './access.ts';
import { administerAccount, changeOwnPassword, type AccountChange } from './accounts.ts';
import { sessionCookieName, sessionCookieOptions } from './sessions.ts';
import { listUsersOf } from './users.repository.ts';

const UserParams = z.object({ userId: Uuid });

/** Account administration and the user's own password. */
export async function usersRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const cookie = sessionCookieName(deps.config.production);

  r.get(
    '/api/v1/users',
    {
      config: { access: { roles: ['admin'], scope: 'org' } },
      schema: { response: { 200: UserList } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const rows = await listUsersOf(db, [...auth.writeOrgIds]);
      return {
        items: rows.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles: u.roles,
          orgUnitId: u.orgUnitId,
          disabled: u.disabled,
          totpEnabled: u.totpEnabled,
          lockedUntil:
            u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
        })),
      };
    },
  );

  r.patch(
    '/api/v1/users/:userId',
    {
      config: { access: { roles: ['admin'], scope: 'org', reauth: true } },
      schema: { params: UserParams, body: UserPatch, response: { 200: AccountChanged } },
    },
    async (req) => {
      const changes: AccountChange[] = [];
      if (req.body.roles !== undefined) changes.push({ kind: 'roles', roles: req.body.roles });
      if (req.body.orgUnitId !== undefined) changes.push({ kind: 'org', orgUnitId: req.body.orgUnitId });
      if (req.body.disabled !== undefined) changes.push({ kind: 'disabled', disabled: req.body.disabled });
      const { endedSessions } = await administerAccount(ctxOf(req, deps), req.params.userId, changes);
      return { ok: true as const, endedSessions };
    },
  );

  r.post(
    '/api/v1/users/:userId/password',
    {
      config: { access: { roles: ['admin'], scope: 'org', reauth: true } },
      schema: { params: UserParams, body: PasswordReset, response: { 200: AccountChanged } },
    },
    async (req) => {
      const { endedSessions } = await administerAccount(ctxOf(req, deps), req.params.userId, [
        { kind: 'password', password: req.body.password },
      ]);
      return { ok: true as const, endedSessions };
    },
  );

  r.post(
    '/api/v1/users/:userId/two-factor/reset',
    {
      config: { access: { roles: ['admin'], scope: 'org', reauth: true } },
      schema: { params: UserParams, response: { 200: AccountChanged } },
    },
    async (req) => {
      const { endedSessions } = await administerAccount(ctxOf(req, deps), req.params.userId, [
        { kind: 'second_factor_reset' },
      ]);
      return { ok: true as const, endedSessions };
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      config: {
        access: { roles: 'authenticated', scope: 'self' },
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
      schema: { body: PasswordChange, response: { 200: AccountChanged } },
    },
    async (req, reply) => {
      const auth = requireAuth(req.auth);
      const { token, endedSessions } = await changeOwnPassword(
        db,
        auth.userId,
        req.body.currentPassword,
        req.body.newPassword,
      );
      reply.setCookie(cookie, token, sessionCookieOptions(deps.config.production));
      return { ok: true as const, endedSessions };
    },
  );
}
