import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp, type App } from '../src/app.ts';
import { Ref } from '../src/contracts/common.ts';
import type { RegisteredRoute } from '../src/platform/http/access-hook.ts';
import { idFieldsOf, routeRefs } from '../src/platform/http/scoped-refs.ts';
import { loadConfig } from '../src/platform/config.ts';
import { DirectoryCache } from '../src/organizations/index.ts';
import { TEST_DIR } from './support/env.ts';
import { openTestApp, type TestApp } from './support/test-app.ts';

/**
 * Every id a request body or query carries is a scoped reference, resolved through the caller's
 * scope by one hook (src/platform/http/scoped-refs.ts). This test walks every registered route's
 * body and query schema — nested objects, arrays, records, unions, optional and nullable parts —
 * and derives each field that holds an id: a uuid-format string, or a string field whose name ends
 * in `Id`/`Ids`. Each must be a `Ref` or appear below with the reason it names no record the
 * caller could reach outside their scope. A new route with a raw id field fails here.
 */
const EXCEPTIONS: Record<string, string> = {
  // The citizen identity card number (CCCD, 12 digits) the person holds, not a record here.
  'POST /api/v1/people body.citizenId': 'a CCCD number, not a record id',
  // Criteria items and groups are keys inside the cluster's own criteria table (a JSON document),
  // not records of another organization.
  'PUT /api/v1/clusters/:clusterId/criteria body.groups.*.id': 'key inside the cluster’s own table',
  'PUT /api/v1/clusters/:clusterId/criteria body.groups.*.items.*.id': 'key inside the cluster’s own table',
};

type Finding = { route: string; field: string; why: 'raw uuid' | 'id by name' };

/** The id fields of the routes' bodies and queries that are neither references nor exceptions. */
function uncovered(
  routes: readonly Pick<RegisteredRoute, 'method' | 'url' | 'schema'>[],
  exceptions: Record<string, string>,
): Finding[] {
  const out: Finding[] = [];
  for (const route of routes) {
    const schema = route.schema as { body?: z.ZodType; querystring?: z.ZodType } | undefined;
    for (const [where, part] of [
      ['body', schema?.body],
      ['query', schema?.querystring],
    ] as const) {
      const ids = idFieldsOf(part);
      const name = `${route.method} ${route.url}`;
      for (const [why, paths] of [
        ['raw uuid', ids.raw],
        ['id by name', ids.named],
      ] as const) {
        for (const path of paths) {
          const field = [where, ...path].join('.');
          if (!exceptions[`${name} ${field}`]) out.push({ route: name, field, why });
        }
      }
    }
  }
  return out;
}

describe('scoped references cover every id field of every route', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  beforeAll(async () => {
    t = await openTestApp('pglite');
    routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/'));
  });
  afterAll(() => t.close());

  it('finds no raw uuid and no id-named field outside the listed exceptions', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(uncovered(routes, EXCEPTIONS)).toEqual([]);
  });

  it('lists only exceptions that still exist (a stale one hides nothing)', () => {
    const all = uncovered(routes, {}).map((f) => `${f.route} ${f.field}`);
    for (const key of Object.keys(EXCEPTIONS)) expect(all).toContain(key);
  });

  it('walks nested objects, arrays, unions and optional parts to the references', () => {
    const schema = z.object({
      a: Ref('person'),
      b: z.array(z.object({ c: Ref('movement').optional() })),
      d: z.union([z.object({ e: Ref('decision') }), z.object({ f: z.uuid().nullable() })]),
      g: z.record(z.string(), z.object({ otherIds: z.array(z.string()) })),
    });
    const ids = idFieldsOf(schema);
    expect(ids.refs.map((r) => `${r.path.join('.')}:${r.meta.kind}`)).toEqual([
      'a:person',
      'b.*.c:movement',
      'd.e:decision',
    ]);
    expect(ids.raw).toEqual([['d', 'f']]);
    expect(ids.named).toEqual([['g', '*', 'otherIds', '*']]);
  });

  it('reports a synthetic route with a raw uuid body field, and the hook resolves its Ref twin', async () => {
    // A separate app, so the shared one keeps only the real routes.
    const app: App = await buildApp({
      config: { ...loadConfig({}), dataDir: path.join(TEST_DIR, 'unused') },
      database: t.database,
      directory: new DirectoryCache(t.database.db, 0),
    });
    const write = { access: { roles: ['officer' as const], scope: 'org' as const } };
    app.post(
      '/api/v1/synthetic/raw',
      { config: write, schema: { body: z.object({ items: z.array(z.object({ personId: z.uuid() })) }) } },
      async () => ({ ok: true }),
    );
    app.post(
      '/api/v1/synthetic/named',
      { config: write, schema: { querystring: z.object({ movementId: z.string().max(64).optional() }) } },
      async () => ({ ok: true }),
    );
    app.post(
      '/api/v1/synthetic/ref',
      { config: write, schema: { body: z.object({ personId: Ref('person') }) } },
      async () => ({ ok: true }),
    );
    await app.ready();
    const synthetic = app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/synthetic/'));
    expect(uncovered(synthetic, EXCEPTIONS)).toEqual([
      { route: 'POST /api/v1/synthetic/raw', field: 'body.items.*.personId', why: 'raw uuid' },
      { route: 'POST /api/v1/synthetic/named', field: 'query.movementId', why: 'id by name' },
    ]);
    // The whole set of routes with the synthetic ones added is not clean: the checker fails on it.
    expect(uncovered(app.registeredRoutes, EXCEPTIONS).length).toBe(2);
    // The Ref twin is covered and carries its kind to the hook.
    const ref = synthetic.find((r) => r.url.endsWith('/ref'))!;
    expect(routeRefs(ref).map((r) => `${r.where}.${r.field.path.join('.')}:${r.field.meta.kind}`)).toEqual([
      'body.personId:person',
    ]);
    await app.close();
  });
});
