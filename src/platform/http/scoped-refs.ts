import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import { refRegistry, type RefKind, type RefMeta, type RefRule } from '../../contracts/common.ts';
import { AppError } from '../errors.ts';
import { requireAuth, type AuthContext } from '../auth/access.ts';
import type { AppDeps } from './context.ts';
import { clusterMatesOf, ownersOf } from './references.repository.ts';

/** A step into a value: an object key, or `*` for every element of an array or record. */
export type FieldPath = readonly string[];
export type RefField = { path: FieldPath; meta: RefMeta };
/**
 * `raw`: uuid fields that are not references; `named`: other string fields whose name says they
 * hold an id (ends in `Id` or `Ids`), which a future uuid would make a door too.
 */
export type SchemaIds = { refs: RefField[]; raw: FieldPath[]; named: FieldPath[] };

/** True when the last named step of a path ends in `Id` or `Ids` (`memberIds.*`, `personId`). */
function namesAnId(path: readonly string[]): boolean {
  const key = [...path].reverse().find((k) => k !== '*');
  return key !== undefined && /(^id|Id|Ids|^ids)$/.test(key);
}

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch'];

/**
 * Every uuid field of a schema, nested objects, arrays, records, unions and pipes included: the
 * scoped references (with their metadata) and the raw uuids. The hook resolves the first; the
 * coverage test (test/scoped-refs-coverage.test.ts) fails on any of the second that is not a listed
 * exception.
 */
export function idFieldsOf(schema: z.ZodType | undefined): SchemaIds {
  const out: SchemaIds = { refs: [], raw: [], named: [] };
  const seen = new Set<unknown>();
  const walk = (s: z.ZodType, path: string[]): void => {
    const meta = refRegistry.get(s);
    if (meta) {
      out.refs.push({ path, meta });
      return;
    }
    // zod 4's definition object: `type` names the schema kind, the rest its parts.
    const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === 'string') {
      if (def.format === 'uuid' || def.format === 'guid') out.raw.push(path);
      else if (namesAnId(path)) out.named.push(path);
      return;
    }
    if (WRAPPERS.includes(def.type)) return walk(def.innerType as z.ZodType, path);
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>))
          walk(child, [...path, key]);
        if (def.catchall) walk(def.catchall as z.ZodType, [...path, '*']);
        return;
      case 'array':
        return walk(def.element as z.ZodType, [...path, '*']);
      case 'set':
        return walk(def.valueType as z.ZodType, [...path, '*']);
      case 'record':
      case 'map':
        return walk(def.valueType as z.ZodType, [...path, '*']);
      case 'tuple':
        for (const item of def.items as z.ZodType[]) walk(item, [...path, '*']);
        if (def.rest) walk(def.rest as z.ZodType, [...path, '*']);
        return;
      case 'union':
        for (const option of def.options as z.ZodType[]) walk(option, path);
        return;
      case 'intersection':
        walk(def.left as z.ZodType, path);
        walk(def.right as z.ZodType, path);
        return;
      case 'pipe':
        walk(def.in as z.ZodType, path);
        walk(def.out as z.ZodType, path);
        return;
      case 'lazy': {
        if (seen.has(s)) return;
        seen.add(s);
        return walk((def.getter as () => z.ZodType)(), path);
      }
      default:
        return;
    }
  };
  if (schema) walk(schema, []);
  out.refs = dedupe(out.refs, (f) => `${f.path.join('.')}|${f.meta.kind}|${f.meta.rule ?? ''}`);
  out.raw = dedupe(out.raw, (p) => p.join('.'));
  out.named = dedupe(out.named, (p) => p.join('.'));
  return out;
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** The string values found at `path` in a parsed body or query (absent, null, non-strings skipped). */
export function valuesAt(value: unknown, path: FieldPath): string[] {
  if (path.length === 0) return typeof value === 'string' ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = path;
  if (head === '*') {
    const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
    return items.flatMap((item) => valuesAt(item, rest));
  }
  return valuesAt((value as Record<string, unknown>)[head as string], rest);
}

const WHAT: Record<RefKind, string> = {
  person: 'cán bộ',
  household: 'hộ gia đình',
  orgUnit: 'đơn vị',
  movement: 'phong trào thi đua',
  conference: 'hội nghị',
  registration: 'bản đăng ký thi đua',
  covenant: 'giao ước thi đua',
  nomination: 'hồ sơ đề nghị',
  awardRecord: 'khen thưởng',
  decision: 'quyết định',
  council: 'hội đồng',
  councilMember: 'thành viên hội đồng',
  calibration: 'thông số in',
  user: 'tài khoản',
  cluster: 'cụm thi đua',
  inspection: 'kế hoạch kiểm tra',
};

type Where = 'body' | 'query';
export type RouteRefs = { where: Where; field: RefField }[];

/** The references of a route's body and query, with the rule each is checked by. */
export function routeRefs(route: Pick<RouteOptions, 'method' | 'schema'>): RouteRefs {
  const schema = route.schema as { body?: z.ZodType; querystring?: z.ZodType } | undefined;
  return [
    ...idFieldsOf(schema?.body).refs.map((field) => ({ where: 'body' as const, field })),
    ...idFieldsOf(schema?.querystring).refs.map((field) => ({ where: 'query' as const, field })),
  ];
}

function defaultRule(method: string): RefRule {
  return method === 'GET' ? 'read' : 'write';
}

type Verdict = 'ok' | 'read_only' | 'outside';

type Scope = { auth: AuthContext; ancestors: () => Set<string>; clusterMates: () => Promise<Set<string>> };

async function verdictOf(scope: Scope, rule: RefRule, owners: readonly string[]): Promise<Verdict> {
  const { auth } = scope;
  const writable = owners.some((o) => auth.writeOrgIds.has(o));
  const readable = owners.some((o) => auth.readOrgIds.has(o));
  switch (rule) {
    case 'read':
      return readable || writable ? 'ok' : 'outside';
    case 'write':
      return writable ? 'ok' : readable ? 'read_only' : 'outside';
    case 'reference': {
      if (writable) return 'ok';
      const ancestors = scope.ancestors();
      if (owners.some((o) => ancestors.has(o))) return 'ok';
      return readable ? 'read_only' : 'outside';
    }
    case 'cluster': {
      if (writable) return 'ok';
      const mates = await scope.clusterMates();
      if (owners.some((o) => mates.has(o))) return 'ok';
      return readable ? 'read_only' : 'outside';
    }
  }
}

/**
 * Loads every scoped reference of a request through the caller's scope, before the use case
 * runs, with the rule of ids in paths: a record outside what the caller may read, or one that
 * exists nowhere, answers 404 (an officer of one ward cannot learn which ids exist in another);
 * one the caller may only read (a merged predecessor's, for a write) answers 403.
 */
export async function checkReferences(
  deps: AppDeps,
  auth: AuthContext,
  method: string,
  refs: RouteRefs,
  input: { body: unknown; query: unknown },
): Promise<void> {
  const wanted = new Map<RefKind, Map<string, { rule: RefRule; field: string }[]>>();
  for (const { where, field } of refs) {
    const rule = field.meta.rule ?? defaultRule(method);
    for (const id of valuesAt(input[where], field.path)) {
      const byId = wanted.get(field.meta.kind) ?? new Map<string, { rule: RefRule; field: string }[]>();
      byId.set(id, [...(byId.get(id) ?? []), { rule, field: [where, ...field.path].join('.') }]);
      wanted.set(field.meta.kind, byId);
    }
  }
  if (wanted.size === 0) return;
  const directory = await deps.directory.get();
  let ancestors: Set<string> | undefined;
  let mates: Promise<Set<string>> | undefined;
  const scope: Scope = {
    auth,
    ancestors: () => (ancestors ??= new Set(directory.ancestors(auth.orgUnitId).map((u) => u.id))),
    clusterMates: () => (mates ??= clusterMatesOf(deps.database.db, auth.orgUnitId)),
  };
  // Every field is checked, and every refusal named: the caller (and the attack test) sees
  // which fields were refused, not only the first.
  const refused: { field: string; kind: RefKind; verdict: Exclude<Verdict, 'ok'> }[] = [];
  for (const [kind, byId] of wanted) {
    const ids = [...byId.keys()];
    const owners =
      kind === 'orgUnit'
        ? new Map(ids.filter((id) => directory.get(id)).map((id) => [id, [id]]))
        : await ownersOf(deps.database.db, kind, ids);
    for (const [id, uses] of byId) {
      const own = owners.get(id);
      for (const use of uses) {
        // One's own person record is always one's own to name where reading is all that is asked.
        const self = kind === 'person' && use.rule === 'read' && auth.personId === id;
        const verdict = self ? 'ok' : own ? await verdictOf(scope, use.rule, own) : 'outside';
        if (verdict !== 'ok') refused.push({ field: use.field, kind, verdict });
      }
    }
  }
  const first = refused.find((r) => r.verdict === 'outside') ?? refused[0];
  if (!first) return;
  const details = { fields: refused.map((r) => ({ field: r.field, refused: r.verdict })) };
  if (first.verdict === 'outside') {
    throw new AppError('not_found', 'NOT_FOUND', `Không tìm thấy ${WHAT[first.kind]}.`, details);
  }
  throw new AppError(
    'forbidden',
    'FORBIDDEN',
    `Bạn chỉ được xem ${WHAT[first.kind]} này, không được dùng trong thao tác này.`,
    details,
  );
}

/**
 * Adds the reference check to every route whose body or query holds a scoped reference, as a
 * preHandler: after validation (the ids are well-formed uuids) and before the handler. Routes
 * cannot opt out; the coverage test makes sure every uuid field is a reference.
 */
export function installScopedReferences(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const refs = routeRefs(route);
    if (refs.length === 0) return;
    const check = async (req: FastifyRequest) => {
      const auth = requireAuth(req.auth);
      await checkReferences(deps, auth, req.method, refs, { body: req.body, query: req.query });
    };
    const existing = route.preHandler;
    route.preHandler = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : [check];
  });
}
