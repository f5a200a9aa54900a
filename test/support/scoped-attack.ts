import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RefKind, RefMeta } from '../../src/contracts/common.ts';
import type { RegisteredRoute } from '../../src/platform/http/access-hook.ts';
import { REF_TABLES } from '../../src/platform/http/references.repository.ts';
import { routeRefs } from '../../src/platform/http/scoped-refs.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { DirectoryCache } from '../../src/organizations/index.ts';
import type { TestApp } from './test-app.ts';
import { sampleOf } from './sample-body.ts';

/**
 * Helpers of the cross-ward reference tests (test/scoped-refs-*.api.test.ts): sessions of the
 * demo accounts without a password round, records of a given kind owned by a given ward, the
 * caller's own records, a digest of every table, and a request built from a route's schema.
 */
export type Session = { username: string; roles: Role[]; orgUnitId: string; cookie: string };

/** A signed-in, second-factor-verified, just re-authenticated session of a demo account. */
export async function sessionOf(t: TestApp, username: string): Promise<Session> {
  const [user] = await t.database.query<{ id: string; roles: Role[]; org_unit_id: string }>(
    `select id, roles, org_unit_id from users where username = $1`,
    [username],
  );
  if (!user) throw new Error(`no demo account ${username}`);
  const token = randomBytes(24).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  await t.database.db.execute(
    sql`insert into sessions (token_hash, user_id, verified_at, reauthenticated_at)
        values (${hash}, ${user.id}, now(), now())`,
  );
  return { username, roles: user.roles, orgUnitId: user.org_unit_id, cookie: `tdkt_session=${token}` };
}

/** Every base table but the sessions, for `digest`. */
export async function tablesOf(t: TestApp): Promise<string[]> {
  const rows = await t.database.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions'
      order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Row count and an order-independent digest of each table: equal digests, nothing changed. */
export async function digest(t: TestApp, tables: readonly string[]): Promise<Record<string, string>> {
  const parts = tables.map(
    (name) =>
      `(select count(*) || ':' || coalesce(md5(string_agg(md5(_r::text), '' order by md5(_r::text))), '') from "${name}" _r) as "${name}"`,
  );
  const [row] = await t.database.query<Record<string, string>>(`select ${parts.join(', ')}`);
  return row!;
}

/**
 * A record of `kind` owned by `orgUnitId`: an existing one, or else a copy of any row of its
 * table made for that unit (unique text keys and the year changed). A cluster is always a new
 * one organised by the unit, with no member, so that it belongs to nobody else.
 */
export async function recordOf(
  t: TestApp,
  kind: RefKind,
  orgUnitId: string,
  extra: Record<string, unknown> = {},
): Promise<string | null> {
  if (kind === 'orgUnit') return orgUnitId;
  if (kind !== 'cluster' && Object.keys(extra).length === 0) {
    const [existing] = await t.database.query<{ id: string }>(
      `select id from "${REF_TABLES[kind]}" where org_unit_id = $1 order by id limit 1`,
      [orgUnitId],
    );
    if (existing) return existing.id;
  }
  const id = randomUUID();
  const overrides: Record<string, unknown> = { id };
  let table: string;
  if (kind === 'cluster') {
    table = 'emulation_clusters';
    Object.assign(overrides, { organiser_id: orgUnitId, head_id: null, deputy_id: null });
    overrides.name = `Cụm ngoài phạm vi ${id}`;
  } else {
    table = REF_TABLES[kind];
    overrides.org_unit_id = orgUnitId;
    if (kind === 'person') overrides.citizen_id = null;
    if (kind === 'awardRecord')
      Object.assign(overrides, { issuer_org_unit_id: orgUnitId, decision_item_id: null });
    if (kind === 'councilMember') overrides.user_id = null;
  }
  const columns = await t.database.query<{ name: string; type: string }>(
    `select column_name as name, data_type as type from information_schema.columns
      where table_schema = 'public' and table_name = $1`,
    [table],
  );
  for (const { name, type } of columns) {
    if (type === 'text' && ['code', 'username', 'token', 'number'].includes(name))
      overrides[name] ??= `NGOAI-${id}`;
    if (type === 'integer' && name === 'year') overrides.year = 1999;
  }
  Object.assign(overrides, extra);
  const [source] = await t.database.query<{ id: string }>(`select id from "${table}" order by id limit 1`);
  if (!source) return null;
  await t.database.query(
    `insert into "${table}" select (jsonb_populate_record(null::"${table}", to_jsonb(s) || $1::jsonb)).*
       from "${table}" s where s.id = $2`,
    [JSON.stringify(overrides), source.id],
  );
  return id;
}

/** One record of `kind` in the caller's own subtree (its own unit for an org unit), or null. */
export async function ownOf(t: TestApp, session: Session, kind: RefKind): Promise<string | null> {
  if (kind === 'orgUnit') return session.orgUnitId;
  const directory = await new DirectoryCache(t.database.db, 0).get();
  const subtree = directory.subtree(session.orgUnitId);
  const found =
    kind === 'cluster'
      ? await t.database.query<{ id: string }>(
          `select cluster_id as id from emulation_cluster_members where org_unit_id = any($1::uuid[]) limit 1`,
          [subtree],
        )
      : await t.database.query<{ id: string }>(
          `select id from "${REF_TABLES[kind]}" where org_unit_id = any($1::uuid[]) order by id limit 1`,
          [subtree],
        );
  return found[0]?.id ?? null;
}

export type Input = { body: unknown; query: unknown };

/**
 * A body and query the route's schemas accept, each reference holding one of the caller's own
 * records of its kind (a random id where the caller has none). Undefined when none was found.
 */
export async function validInput(
  t: TestApp,
  route: RegisteredRoute,
  caller: Session,
): Promise<Input | undefined> {
  const own = new Map<RefMeta, string>();
  for (const { field } of routeRefs(route)) {
    if (!own.has(field.meta)) own.set(field.meta, (await ownOf(t, caller, field.meta.kind)) ?? randomUUID());
  }
  const ref = (meta: RefMeta) => own.get(meta) ?? randomUUID();
  const schema = route.schema as { body?: z.ZodType; querystring?: z.ZodType };
  const input = {
    body: schema.body ? sampleOf(schema.body, ref) : undefined,
    query: schema.querystring ? sampleOf(schema.querystring, ref) : undefined,
  };
  if ((schema.body && input.body === undefined) || (schema.querystring && input.query === undefined))
    return undefined;
  return input;
}

/** Sends `input` to `url` as `caller`. */
export async function send(t: TestApp, caller: Session, method: string, url: string, input: Input) {
  const qs =
    input.query === undefined
      ? ''
      : '?' +
        new URLSearchParams(
          Object.entries(input.query as Record<string, unknown>).map(([k, v]): [string, string] => [
            k,
            String(v),
          ]),
        ).toString();
  return t.app.inject({
    method: method as 'GET',
    url: url + qs,
    headers: { cookie: caller.cookie },
    ...(input.body === undefined ? {} : { payload: input.body as object }),
  });
}

/** The fields a reference refusal names, from its `details`. */
export function refusedFields(body: string): { field: string; refused: string }[] | undefined {
  try {
    return (JSON.parse(body) as { details?: { fields?: { field: string; refused: string }[] } }).details
      ?.fields;
  } catch {
    return undefined;
  }
}

/**
 * A certificate calibration of the session's unit, saved through the API as its officer would
 * (the demo data has none).
 */
export async function calibrationOf(t: TestApp, session: Session): Promise<string> {
  const route = t.app.registeredRoutes.find(
    (r) => r.method === 'PUT' && r.url === '/api/v1/certificates/calibrations/:orgUnitId',
  );
  if (!route) throw new Error('no calibration route');
  const input = await validInput(t, route, session);
  if (!input) throw new Error('no valid calibration body');
  const res = await send(t, session, 'PUT', `/api/v1/certificates/calibrations/${session.orgUnitId}`, input);
  if (res.statusCode !== 200) throw new Error(`calibration: ${res.statusCode} ${res.body}`);
  const [row] = await t.database.query<{ id: string }>(
    `select id from certificate_calibrations where org_unit_id = $1 limit 1`,
    [session.orgUnitId],
  );
  return row!.id;
}
