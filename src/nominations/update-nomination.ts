import type { z } from 'zod';
import { assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { UpdateNomination } from '../contracts/nominations.ts';
import { isAwardCode } from '../rules/index.ts';
import { STALE_MESSAGE } from './apply-nomination-action.ts';
import { checkNomination } from './check-nomination.ts';
import { isEditable, isNominationStatus } from './nomination-status.ts';
import { getNomination, updateNominationIfStatus, type NominationRecord } from './nominations.repository.ts';

type Input = z.infer<typeof UpdateNomination>;

/** The proposing unit edits a draft or returned nomination; checks are recomputed. */
export async function updateNomination(ctx: RequestCtx, id: string, input: Input): Promise<NominationRecord> {
  const db = ctx.deps.database.db;
  const before = await getNomination(db, id);
  if (!before) throw notFound('hồ sơ đề nghị khen thưởng');
  assertCanWrite(ctx.auth, before.orgUnitId, 'hồ sơ đề nghị khen thưởng');
  if (before.status !== input.expectedStatus) throw conflict(STALE_MESSAGE, 'NOMINATION.STALE');
  if (!isNominationStatus(before.status) || !isEditable(before.status)) {
    throw conflict('Chỉ sửa được hồ sơ đang soạn hoặc bị trả lại.', 'NOMINATION.NOT_EDITABLE');
  }
  if (input.awardCode && !isAwardCode(input.awardCode)) {
    throw invalid('Danh hiệu, hình thức khen thưởng không có trong danh mục.', 'NOMINATION.UNKNOWN_AWARD');
  }
  const next = {
    awardCode: input.awardCode ?? before.awardCode,
    kind: input.kind ?? before.kind,
    movementId: input.movementId === undefined ? before.movementId : input.movementId,
    field: input.field === undefined ? before.field : input.field,
    achievementSummary: input.achievementSummary ?? before.achievementSummary,
  };
  const { verdict, conflicts } = await checkNomination(db, { ...before, ...next });
  return db.transaction(async (tx) => {
    const after = await updateNominationIfStatus(tx, id, input.expectedStatus, {
      ...next,
      verdict,
      conflicts,
    });
    if (!after) throw conflict(STALE_MESSAGE, 'NOMINATION.STALE');
    await writeAudit(tx, ctx.actor, {
      chain: before.bodyOrgUnitId,
      action: 'nomination.update',
      entity: 'nomination',
      entityId: id,
      orgUnitId: before.orgUnitId,
      before: {
        awardCode: before.awardCode,
        kind: before.kind,
        field: before.field,
        achievementSummary: before.achievementSummary,
      },
      after: next,
    });
    return after;
  });
}
