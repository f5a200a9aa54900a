import type { z } from 'zod';
import { sql } from 'drizzle-orm';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { queryRows } from '../platform/db/client.ts';
import { invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { RecordCollectiveRating } from '../contracts/nominations.ts';
import { collectiveRatings } from './nominations.schema.ts';
import { uuidArray } from './nominations.repository.ts';

export type CollectiveRatingRow = {
  org_unit_id: string;
  year: number;
  rating: 'excellent' | 'good' | 'completed' | 'not_completed';
  active_emulation: boolean;
  internal_unity: boolean;
  pending_discipline: boolean;
};

/**
 * Records (or corrects) a collective's own rating of a year, which the rules read for the
 * collective titles. A body rates its own units, not itself (its rating is its superior's).
 */
export async function recordCollectiveRating(
  ctx: RequestCtx,
  input: z.infer<typeof RecordCollectiveRating>,
): Promise<void> {
  const directory = await ctx.deps.directory.get();
  const unit = directory.get(input.orgUnitId);
  if (!unit) throw notFound('tập thể');
  const body = directory.bodyOf(input.orgUnitId);
  if (!body || body.id === unit.id) {
    throw invalid(
      'Chỉ xếp loại các tập thể trực thuộc; cơ quan cấp xã do cấp trên xếp loại.',
      'COLLECTIVE_RATING.BODY',
    );
  }
  assertCanWrite(ctx.auth, input.orgUnitId, 'tập thể');
  const db = ctx.deps.database.db;
  await db.transaction(async (tx) => {
    const before = await queryRows<CollectiveRatingRow>(
      tx,
      sql`select org_unit_id, year, rating, active_emulation, internal_unity, pending_discipline
            from collective_ratings where org_unit_id = ${input.orgUnitId} and year = ${input.year}`,
    );
    const values = {
      rating: input.rating,
      activeEmulation: input.activeEmulation,
      internalUnity: input.internalUnity,
      pendingDiscipline: input.pendingDiscipline,
      recordedBy: ctx.auth.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(collectiveRatings)
      .values({ orgUnitId: input.orgUnitId, year: input.year, ...values })
      .onConflictDoUpdate({ target: [collectiveRatings.orgUnitId, collectiveRatings.year], set: values });
    await writeAudit(tx, ctx.actor, {
      chain: body.id,
      action: 'collective_rating.record',
      entity: 'org_unit',
      entityId: input.orgUnitId,
      orgUnitId: input.orgUnitId,
      before: before[0] ?? null,
      after: input,
    });
  });
}

/** The ratings of a year of the collectives under a unit that the caller may read. */
export async function listCollectiveRatings(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<(CollectiveRatingRow & { org_unit_name: string })[]> {
  assertCanRead(ctx.auth, orgUnitId, 'đơn vị');
  const directory = await ctx.deps.directory.get();
  const units = directory.subtree(orgUnitId).filter((id) => ctx.auth.readOrgIds.has(id));
  const rows = await queryRows<CollectiveRatingRow>(
    ctx.deps.database.db,
    sql`select org_unit_id, year, rating, active_emulation, internal_unity, pending_discipline
          from collective_ratings where year = ${year} and org_unit_id = any(${uuidArray(units)})`,
  );
  return rows
    .map((r) => ({ ...r, org_unit_name: directory.get(r.org_unit_id)?.name ?? '' }))
    .sort((a, b) => a.org_unit_name.localeCompare(b.org_unit_name, 'vi'));
}
