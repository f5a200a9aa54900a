import { writeAudit } from '../platform/audit/audit.ts';
import type { RestructureCarrier } from '../organizations/index.ts';
import { carryEmployments } from './people.repository.ts';

/** A merge or rename carries the people of the closed units to the successor (issue 2, item 4). */
export const carryPeople: RestructureCarrier = async (tx, ctx, moves) => {
  for (const move of moves) {
    const moved = await carryEmployments(tx, move.fromOrgUnitIds, move.toOrgUnitId, move.effectiveDate);
    await writeAudit(tx, ctx.actor, {
      chain: move.toOrgUnitId,
      action: 'people.carry',
      entity: 'org_unit',
      entityId: move.toOrgUnitId,
      orgUnitId: move.toOrgUnitId,
      after: { moved, from: move.fromOrgUnitIds.length, effectiveDate: move.effectiveDate },
    });
  }
};
