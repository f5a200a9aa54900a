import { assertCanRead, assertCanWrite, canRead } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import { awardHistory, insertEnteredAwardRecord, type AwardRecordRow } from './decisions.repository.ts';

export type AwardHistoryEntryView = AwardRecordRow & { awardName: string };

/**
 * Every commendation of one person, household or collective across years — issued here, recorded
 * from the higher level, or entered/imported for the years before the system (issue 4 item 9).
 * A person sees their own; officers see their subtree.
 */
export async function getAwardHistory(
  ctx: RequestCtx,
  f: { personId?: string; householdId?: string; orgUnitId?: string },
): Promise<AwardHistoryEntryView[]> {
  if (!f.personId && !f.householdId && !f.orgUnitId)
    throw invalid('Chọn cá nhân, hộ gia đình hoặc tập thể.', 'HISTORY.SUBJECT_REQUIRED');
  if (f.orgUnitId) assertCanRead(ctx.auth, f.orgUnitId, 'tập thể');
  const rows = await awardHistory(
    ctx.deps.database.db,
    f.personId
      ? { personId: f.personId }
      : f.householdId
        ? { householdId: f.householdId }
        : { collectiveOrgUnitId: f.orgUnitId! },
  );
  const own = !!f.personId && ctx.auth.personId === f.personId;
  const visible = own
    ? rows
    : rows.filter(
        (r) =>
          canRead(ctx.auth, r.orgUnitId) ||
          (r.issuerOrgUnitId !== null && canRead(ctx.auth, r.issuerOrgUnitId)),
      );
  if (rows.length > 0 && visible.length === 0) throw notFound('khen thưởng');
  return visible.map((r) => ({
    ...r,
    awardName: isAwardCode(r.awardCode) ? catalogueEntry(r.awardCode).name : r.awardCode,
  }));
}

/** Enters a commendation of a year before the system (from the office's records). */
export async function enterAwardRecord(
  ctx: RequestCtx,
  input: {
    subjectKind: 'individual' | 'collective' | 'household';
    personId?: string | null;
    householdId?: string | null;
    orgUnitId: string;
    issuerName: string;
    year: number;
    awardCode: string;
    decisionNumber?: string | null;
    decisionDate?: string | null;
    amount?: number | null;
  },
): Promise<string> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'khen thưởng');
  if (!isAwardCode(input.awardCode))
    throw invalid(
      `Danh hiệu, hình thức “${input.awardCode}” không có trong danh mục.`,
      'HISTORY.UNKNOWN_AWARD',
    );
  return ctx.deps.database.db.transaction(async (tx) => {
    const id = await insertEnteredAwardRecord(tx, {
      subjectKind: input.subjectKind,
      personId: input.personId ?? null,
      householdId: input.householdId ?? null,
      orgUnitId: input.orgUnitId,
      issuerName: input.issuerName,
      year: input.year,
      awardCode: input.awardCode,
      decisionNumber: input.decisionNumber ?? null,
      decisionDate: input.decisionDate ?? null,
      amount: input.amount ?? null,
      source: 'entered',
    });
    const directory = await ctx.deps.directory.get();
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(input.orgUnitId)?.id ?? 'system',
      action: 'award_record.enter',
      entity: 'award_record',
      entityId: id,
      orgUnitId: input.orgUnitId,
      after: input,
    });
    return id;
  });
}
