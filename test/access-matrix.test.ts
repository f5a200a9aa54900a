import { randomBytes, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../src/platform/auth/roles.ts';
import type { AccessPolicy } from '../src/platform/auth/access.ts';
import { insertUser } from '../src/platform/auth/users.repository.ts';
import { openTestApp, type TestApp } from './support/test-app.ts';
import { buildWorld, fixtureKeys, ROUTE_FIXTURES, type Side, type World } from './support/route-fixtures.ts';

/**
 * Every registered /api/v1 route × every role × own and other organization (issue 2, acceptance):
 * a role the policy does not name gets 403; a role it names passes the gate (neither 401 nor
 * 403) on its own ward's entities; nobody gets a 2xx on another province's entities. A route
 * whose path parameter has no fixture fails the test, so a new route cannot go unchecked.
 */
describe('access matrix', () => {
  let t: TestApp;
  let world: World;
  const tokens = new Map<Role, string>();
  const userIds = new Map<Role, string>();

  beforeAll(async () => {
    t = await openTestApp('pglite');
    world = await buildWorld(t);
    // One user per single role, each with a session made directly (no password hashing per call).
    for (const role of ROLES) {
      const orgUnitId =
        role === 'admin'
          ? t.ids.province
          : role === 'superior_viewer'
            ? t.ids.city
            : role === 'unit_head'
              ? t.ids.myQuyUnits['MQ-PN']!
              : t.ids.myQuy;
      const userId = await insertUser(t.database.db, {
        username: `matrix.${role}`,
        displayName: `Matrix ${role}`,
        password: 'matrix-password-123',
        roles: [role],
        orgUnitId,
        personId: role === 'staff' ? t.ids.chairmanPersonId : null,
      });
      const token = randomBytes(24).toString('base64url');
      tokens.set(role, token);
      userIds.set(role, userId);
    }
  });
  afterAll(() => t.close());

  async function ensureSession(role: Role): Promise<string> {
    const token = tokens.get(role)!;
    const userId = userIds.get(role)!;
    const hash = createHash('sha256').update(token).digest('hex');
    await t.database.db.execute(
      sql`insert into sessions (token_hash, user_id, verified_at, reauthenticated_at) values (${hash}, ${userId}, now(), now())
          on conflict (token_hash) do update set last_seen_at = now(), verified_at = now(), reauthenticated_at = now()`,
    );
    return `tdkt_session=${token}`;
  }

  async function resolveUrl(method: string, url: string, side: Side): Promise<string> {
    let out = url;
    for (const match of url.matchAll(/:([A-Za-z0-9_]+)/g)) {
      const param = match[1]!;
      const key = fixtureKeys(method, url, param).find((k) => k in ROUTE_FIXTURES);
      if (!key)
        throw new Error(
          `No fixture for ":${param}" of ${method} ${url}: add one in test/support/route-fixtures.ts`,
        );
      out = out.replace(`:${param}`, encodeURIComponent(await ROUTE_FIXTURES[key]!(t, side, world)));
    }
    return out;
  }

  it('covers every route with a policy and fixtures', async () => {
    const api = t.app.registeredRoutes.filter(
      (r) => r.url.startsWith('/api/v1') || r.url.startsWith('/verify'),
    );
    expect(api.length).toBeGreaterThan(5);
    for (const route of api) {
      expect(route.access, `${route.method} ${route.url} has no access policy`).toBeDefined();
      for (const side of ['own', 'other'] as const) await resolveUrl(route.method, route.url, side);
    }
  });

  it('answers every route × role × organization as its policy says', async () => {
    const api = t.app.registeredRoutes.filter(
      (r) => (r.url.startsWith('/api/v1') || r.url.startsWith('/verify')) && r.url !== '/api/v1/auth/logout',
    );
    const failures: string[] = [];
    for (const route of api) {
      const policy = route.access as AccessPolicy;
      for (const role of ROLES) {
        for (const side of ['own', 'other'] as const) {
          const cookie = await ensureSession(role);
          const url = await resolveUrl(route.method, route.url, side);
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: { cookie },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          });
          const where = `${route.method} ${route.url} as ${role} on ${side} org → ${res.statusCode}`;
          if ('public' in policy) {
            if (res.statusCode === 401 || res.statusCode === 403)
              failures.push(`${where} (public route refused)`);
            continue;
          }
          const allowed = policy.roles === 'authenticated' || policy.roles.includes(role);
          if (!allowed && res.statusCode !== 403) failures.push(`${where} (expected 403)`);
          // A write route may still answer 403 to a read-only holder of an allowed role on that unit.
          const refused = res.statusCode === 401 || (res.statusCode === 403 && route.method === 'GET');
          if (allowed && side === 'own' && refused) failures.push(`${where} (role allowed but refused)`);
          if (side === 'other' && route.url.includes(':') && policy.scope !== 'none' && res.statusCode < 300)
            failures.push(`${where} (other province readable)`);
          if (res.statusCode >= 500) failures.push(`${where} (server error)`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every guarded route without a session', async () => {
    const guarded = t.app.registeredRoutes.filter(
      (r) => r.url.startsWith('/api/v1') && r.access && !('public' in r.access),
    );
    for (const route of guarded) {
      const url = await resolveUrl(route.method, route.url, 'own');
      const res = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
