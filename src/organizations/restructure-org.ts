import type { z } from 'zod';
import type { RestructureOrg } from '../contracts/organizations.ts';
import { conflict, invalid } from '../platform/errors.ts';
import { assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { Tx } from '../platform/db/client.ts';
import { closeOrgUnits, codeTakenOn, insertOrgEvent, insertOrgUnit } from './organizations.repository.ts';
import { isValidOn } from './org-directory.ts';

export type UnitMove = { fromOrgUnitIds: string[]; toOrgUnitId: string; effectiveDate: string };

/**
 * Other modules carry what they own across a restructure (people move to the successor); the
 * organizations module knows nothing of them (dependency inversion, DESIGN §2).
 */
export type RestructureCarrier = (tx: Tx, ctx: RequestCtx, moves: UnitMove[]) => Promise<void>;

export type RestructureResult = { successorIds: string[] };

/**
 * Merge, split or rename: the predecessors and their subtrees close on the effective date, the
 * successors open on it, and org_events link them, so the 2023 structure stays visible for 2023
 * (issue 2, item 4; the 2025 two-tier reform, legal-brief §11).
 */
export async function restructureOrg(
  ctx: RequestCtx,
  input: z.output<typeof RestructureOrg>,
  carriers: readonly RestructureCarrier[],
): Promise<RestructureResult> {
  const directory = await ctx.deps.directory.get();
  const predecessors = input.predecessorIds.map((id) => {
    const unit = directory.get(id);
    if (!unit) throw invalid('Đơn vị cần sắp xếp không tồn tại.');
    assertCanWrite(ctx.auth, id, 'đơn vị này');
    if (!isValidOn(unit, input.effectiveDate)) {
      throw conflict(`Đơn vị "${unit.name}" không còn hiệu lực vào ngày ${input.effectiveDate}.`);
    }
    return unit;
  });
  if (input.kind === 'merge' && predecessors.length < 2) throw invalid('Sáp nhập cần ít nhất hai đơn vị.');
  if (input.kind !== 'split' && input.successors.length !== 1)
    throw invalid('Sáp nhập, đổi tên tạo một đơn vị mới.');
  if (input.kind === 'split' && (predecessors.length !== 1 || input.successors.length < 2)) {
    throw invalid('Chia tách một đơn vị thành ít nhất hai đơn vị.');
  }
  for (const s of input.successors) {
    if (s.parentId) assertCanWrite(ctx.auth, s.parentId, 'đơn vị cấp trên');
  }

  const result = await ctx.deps.database.db.transaction(async (tx) => {
    for (const s of input.successors) {
      if (await codeTakenOn(tx, s.code, input.effectiveDate)) {
        throw conflict(`Mã đơn vị "${s.code}" đã được dùng vào ngày ${input.effectiveDate}.`);
      }
    }
    const closing = predecessors.flatMap((p) => directory.subtree(p.id));
    await closeOrgUnits(tx, closing, input.effectiveDate);
    const successorIds: string[] = [];
    for (const s of input.successors) {
      const row = await insertOrgUnit(tx, { ...s, validFrom: input.effectiveDate, placeName: s.name });
      successorIds.push(row.id);
      for (const p of predecessors) {
        await insertOrgEvent(tx, {
          kind: input.kind,
          effectiveDate: input.effectiveDate,
          predecessorId: p.id,
          successorId: row.id,
          legalBasis: input.legalBasis ?? null,
        });
      }
      await writeAudit(tx, ctx.actor, {
        chain: directory.bodyOf(s.parentId ?? predecessors[0]!.id)?.id ?? 'system',
        action: `org.${input.kind}`,
        entity: 'org_unit',
        entityId: row.id,
        orgUnitId: row.id,
        before: { predecessors: predecessors.map((p) => ({ id: p.id, code: p.code, name: p.name })) },
        after: { id: row.id, code: row.code, name: row.name, effectiveDate: input.effectiveDate },
      });
    }
    // A split leaves the people to be reassigned by hand; a merge or rename carries them.
    if (input.kind !== 'split') {
      const moves: UnitMove[] = [
        { fromOrgUnitIds: closing, toOrgUnitId: successorIds[0]!, effectiveDate: input.effectiveDate },
      ];
      for (const carry of carriers) await carry(tx, ctx, moves);
    }
    return { successorIds };
  });
  ctx.deps.directory.invalidate();
  return result;
}
