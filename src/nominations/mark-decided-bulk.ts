import { and, eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../platform/audit/audit.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { conflict, invalid } from '../platform/errors.ts';
import { STALE_MESSAGE } from './apply-nomination-action.ts';
import { transition } from './nomination-status.ts';
import { uuidArray, type NominationRecord } from './nominations.repository.ts';
import { nominations } from './nominations.schema.ts';

/**
 * approved → decided for every nomination of an issued decision, set-based: one UPDATE guarded by
 * the expected status and one audit row per body chain listing the ids. Moving 1,000 nominations
 * one by one (select + update + audit each) took ~48 s on PGlite; this is one round trip.
 *
 * All or nothing: if any id is missing or not `approved` (someone moved it meanwhile), the update
 * count differs from the id count and the caller's transaction is aborted with a 409
 * (NOMINATION.STALE), so no decision is issued on a half-moved list.
 */
export async function markNominationsDecidedBulk(
  tx: DbOrTx,
  actor: AuditActor,
  ids: readonly string[],
  decisionId: string,
): Promise<NominationRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (!decisionId) throw invalid('Thiếu quyết định khen thưởng.', 'NOMINATION.DECISION_REQUIRED');
  // The pure status machine stays the single source of truth for what 'decide' may do.
  const step = transition('approved', 'decide');
  if (!step.ok) throw new Error(`status machine forbids approved → decide: ${step.message}`);

  const moved = await tx
    .update(nominations)
    .set({ status: step.to, decisionId, updatedAt: new Date() })
    .where(and(sql`${nominations.id} = any(${uuidArray(unique)})`, eq(nominations.status, 'approved')))
    .returning();
  if (moved.length !== unique.length) {
    const movedIds = new Set(moved.map((n) => n.id));
    throw conflict(STALE_MESSAGE, 'NOMINATION.STALE', {
      notApproved: unique.filter((id) => !movedIds.has(id)),
    });
  }

  const byChain = new Map<string, NominationRecord[]>();
  for (const n of moved) {
    const list = byChain.get(n.bodyOrgUnitId);
    if (list) list.push(n);
    else byChain.set(n.bodyOrgUnitId, [n]);
  }
  for (const [chain, rows] of byChain) {
    await writeAudit(tx, actor, {
      chain,
      action: 'nomination.decide_bulk',
      entity: 'nomination',
      entityId: null,
      orgUnitId: chain,
      before: { status: 'approved' },
      after: { status: step.to, decisionId, count: rows.length, ids: rows.map((n) => n.id).sort() },
    });
  }
  return moved;
}
