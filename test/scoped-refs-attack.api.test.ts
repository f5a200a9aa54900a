import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefRule } from '../src/contracts/common.ts';
import type { RegisteredRoute } from '../src/platform/http/access-hook.ts';
import { routeRefs } from '../src/platform/http/scoped-refs.ts';
import type { Role } from '../src/platform/auth/roles.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { buildWorld, fixtureKeys, ROUTE_FIXTURES, type World } from './support/route-fixtures.ts';
import { setAt } from './support/sample-body.ts';
import {
  calibrationOf,
  digest,
  recordOf,
  refusedFields,
  send,
  sessionOf,
  tablesOf,
  validInput,
  type Session,
} from './support/scoped-attack.ts';

/**
 * Every route whose body or query names a record, for every demo account whose role may call it:
 * each reference in turn is filled with a record of the right kind from outside the action's
 * scope (another ward's, another province's) and with an id that exists nowhere. Each answer is a
 * 404 naming the refused field, and no table changes (an order-independent digest of every table
 * before and after each route's attacks). The other references of the request hold the caller's
 * own records, so the refused field is the reason. A route whose references a generated body
 * cannot reach would be listed in UNREACHABLE with its reason; today there is none.
 */
const UNREACHABLE: Record<string, string> = {};

/** Demo accounts, and the wards whose records are outside their scope besides the other province's. */
const ACCOUNTS: { username: string; siblings: (ids: TestApp['ids']) => string[] }[] = [
  { username: 'tdkt.myquy', siblings: (ids) => [ids.dongXuyen] },
  { username: 'chutich.myquy', siblings: (ids) => [ids.dongXuyen] },
  { username: 'hoidong.myquy', siblings: (ids) => [ids.dongXuyen] },
  { username: 'truongdonvi.myquy', siblings: (ids) => [ids.dongXuyen] },
  { username: 'tdkt.dongxuyen', siblings: (ids) => [ids.myQuy] },
  // Phường Long Xuyên reads its six merged predecessors, so only the other province is outside.
  { username: 'tdkt.longxuyen', siblings: () => [] },
  { username: 'captren.longxuyen', siblings: () => [] },
  { username: 'quantri', siblings: () => [] },
];

for (const driver of DRIVERS) {
  describe(`scoped references on every route on ${driver}`, () => {
    let t: TestApp;
    let world: World;
    let sessions: (Session & { siblings: string[] })[];
    let tables: string[];
    const outside = new Map<string, string | null>();

    beforeAll(async () => {
      t = await openTestApp(driver);
      world = await buildWorld(t);
      sessions = [];
      for (const a of ACCOUNTS)
        sessions.push({ ...(await sessionOf(t, a.username)), siblings: a.siblings(t.ids) });
      tables = await tablesOf(t);
      // The demo data has no certificate calibration: Đông Xuyên's and Mỹ Quý's officers save one.
      for (const s of sessions.filter((s) => ['tdkt.dongxuyen', 'tdkt.myquy'].includes(s.username)))
        await calibrationOf(t, s);
      // The outside records exist before the first digest: only the attacks are measured.
      const kinds = new Set(
        t.app.registeredRoutes.flatMap((r) => routeRefs(r).map((ref) => ref.field.meta.kind)),
      );
      for (const kind of kinds)
        for (const org of [world.other.orgUnitId, t.ids.dongXuyen, t.ids.myQuy])
          outside.set(`${kind}|${org}`, await recordOf(t, kind, org));
      // Every kind a route names has a record in each outside unit, so no reference is tried with a random id only.
      expect([...outside].filter(([, id]) => !id).map(([key]) => key)).toEqual([]);
    });
    afterAll(() => t.close());

    function pathOf(route: RegisteredRoute): string {
      return route.url.replace(/:([A-Za-z]+)/g, (_m, param: string) => {
        for (const key of fixtureKeys(route.method, route.url, param)) {
          const v = ROUTE_FIXTURES[key]?.(t, 'own', world);
          if (typeof v === 'string') return v;
        }
        return randomUUID();
      });
    }

    it('refuses each reference filled from outside the scope or with an id that exists nowhere, for each role, and changes nothing', async () => {
      const routes = t.app.registeredRoutes.filter(
        (r) => r.url.startsWith('/api/') && routeRefs(r).length > 0,
      );
      expect(routes.length).toBeGreaterThan(40);
      const unreachable: string[] = [];
      let attacks = 0;
      for (const route of routes) {
        const name = `${route.method} ${route.url}`;
        const roles = (route.access as { roles?: readonly Role[] | 'authenticated' } | undefined)?.roles;
        const callers = sessions.filter(
          (s) => roles === 'authenticated' || s.roles.some((r) => roles?.includes(r)),
        );
        expect(callers.length, `${name}: no demo account may call it`).toBeGreaterThan(0);
        const before = await digest(t, tables);
        for (const caller of callers) {
          const base = await validInput(t, route, caller);
          if (!base) {
            unreachable.push(`${name} (no valid body generated)`);
            continue;
          }
          for (const { where, field } of routeRefs(route)) {
            const rule: RefRule = field.meta.rule ?? (route.method === 'GET' ? 'read' : 'write');
            // Cluster actions may name the cluster's member wards: the sibling ward is one of them.
            const orgs = [world.other.orgUnitId, ...(rule === 'cluster' ? [] : caller.siblings)];
            const values: { label: string; id: string }[] = [
              { label: 'an id that exists nowhere', id: randomUUID() },
            ];
            for (const org of orgs) {
              const id = outside.get(`${field.meta.kind}|${org}`);
              if (id) values.push({ label: `the ${field.meta.kind} of unit ${org}`, id });
            }
            const fieldName = [where, ...field.path].join('.');
            for (const { label, id } of values) {
              const input = structuredClone(base);
              if (!setAt(input[where], field.path, id)) {
                unreachable.push(`${name} ${fieldName} (not in the generated ${where})`);
                break;
              }
              const res = await send(t, caller, route.method, pathOf(route), input);
              attacks++;
              const what = `${caller.username} ${name} ${fieldName} = ${label}: ${res.body}`;
              expect(res.statusCode, what).toBe(404);
              expect(refusedFields(res.body), what).toContainEqual({ field: fieldName, refused: 'outside' });
            }
          }
        }
        expect(await digest(t, tables), `${name} changed a table`).toEqual(before);
      }
      console.log(`scoped-refs attack on ${driver}: ${routes.length} routes, ${attacks} requests refused`);
      expect([...new Set(unreachable)].sort()).toEqual(Object.keys(UNREACHABLE).sort());
    });
  });
}
