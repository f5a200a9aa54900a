import { COMMUNE_LEVEL_KINDS, type OrgDirectory, type OrgUnitRow } from '../../organizations/index.ts';
import { assertCanRead } from '../../platform/auth/access.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { UnitInfo } from './summarize.ts';

/** Whether a unit existed at some time during the year. */
export function activeIn(u: Pick<OrgUnitRow, 'validFrom' | 'validTo'>, year: number): boolean {
  return u.validFrom <= `${year}-12-31` && (u.validTo === null || u.validTo > `${year}-01-01`);
}

const KIND_ORDER = ['agency', 'mass_organization', 'neighbourhood', 'school', 'enterprise', 'other'];

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/**
 * What a report about one body and year covers: every unit below it (and below the units merged
 * into it, whose history it inherits) that the caller may read; the body's direct units in that
 * year, which the tables break down by; and for any unit of the scope, the line it rolls up to.
 */
export type ReportScope = {
  body: OrgUnitRow;
  ids: string[];
  units: UnitInfo[];
  topOf: (orgUnitId: string) => string;
  unitIdsOf: (unitId: string) => string[];
};

export async function reportScope(ctx: RequestCtx, orgUnitId: string, year: number): Promise<ReportScope> {
  assertCanRead(ctx.auth, orgUnitId, 'đơn vị');
  const directory = await ctx.deps.directory.get();
  const body = directory.get(orgUnitId);
  if (!body) throw notFound('đơn vị');
  return scopeOf(directory, body, year, ctx.auth.readOrgIds);
}

export function scopeOf(
  directory: OrgDirectory,
  body: OrgUnitRow,
  year: number,
  readable: ReadonlySet<string>,
  lineKinds?: readonly string[],
): ReportScope {
  const ids = directory.subtreeWithPredecessors(body.id).filter((id) => readable.has(id));
  const candidates = lineKinds
    ? ids
        .map((id) => directory.get(id))
        .filter((u): u is OrgUnitRow => !!u && u.id !== body.id && lineKinds.includes(u.kind))
    : [
        ...directory.childrenOf(body.id),
        ...directory
          .predecessorsOf(body.id)
          .map((id) => directory.get(id))
          .filter((u): u is OrgUnitRow => !!u),
      ];
  const lines = candidates
    .filter((u) => activeIn(u, year) && readable.has(u.id))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name, 'vi'));
  const top = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const line of lines) {
    const sub = directory.subtreeWithPredecessors(line.id).filter((id) => readable.has(id));
    members.set(line.id, sub);
    for (const id of sub) if (!top.has(id)) top.set(id, line.id);
  }
  return {
    body,
    ids,
    units: lines.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    topOf: (id) => top.get(id) ?? body.id,
    unitIdsOf: (id) => members.get(id) ?? (id === body.id ? ids : []),
  };
}

/** Commune-level kinds: the bodies a district or province compares side by side. */
export const COMMUNE_KINDS: readonly string[] = COMMUNE_LEVEL_KINDS;
