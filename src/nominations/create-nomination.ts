import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { CreateNomination } from '../contracts/nominations.ts';
import { isAwardCode } from '../rules/index.ts';
import { checkNomination } from './check-nomination.ts';
import { insertNominations, type NominationRecord } from './nominations.repository.ts';
import { resolveSubject } from './resolve-subject.ts';

/**
 * A unit drafts a nomination. The body that decides it is the proposing unit's issuing body
 * (UBND phường …); the rules' verdict and the duplicate check are stored with it at once.
 */
export async function createNomination(ctx: RequestCtx, input: CreateNomination): Promise<NominationRecord> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'đơn vị đề nghị');
  if (!isAwardCode(input.awardCode)) {
    throw invalid('Danh hiệu, hình thức khen thưởng không có trong danh mục.', 'NOMINATION.UNKNOWN_AWARD');
  }
  const directory = await ctx.deps.directory.get();
  const body = directory.bodyOf(input.orgUnitId);
  if (!body) throw notFound('cơ quan xét khen thưởng của đơn vị');
  const db = ctx.deps.database.db;
  const subject = await resolveSubject(db, input);
  assertCanRead(ctx.auth, subject.orgUnitId, 'đối tượng được đề nghị');
  const values = {
    orgUnitId: input.orgUnitId,
    bodyOrgUnitId: body.id,
    year: input.year,
    kind: input.kind,
    subjectKind: input.subjectKind,
    personId: input.subjectKind === 'individual' ? (input.personId ?? null) : null,
    householdId: input.subjectKind === 'household' ? (input.householdId ?? null) : null,
    subjectOrgUnitId: input.subjectKind === 'collective' ? (input.subjectOrgUnitId ?? null) : null,
    awardCode: input.awardCode,
    movementId: input.movementId ?? null,
    field: input.field ?? null,
    achievementSummary: input.achievementSummary,
  };
  const { verdict, conflicts } = await checkNomination(db, values);
  return db.transaction(async (tx) => {
    const [row] = await insertNominations(tx, [
      {
        ...values,
        subjectName: subject.name,
        subjectSortKey: subject.sortKey,
        subjectSearch: subject.search,
        verdict,
        conflicts,
        createdBy: ctx.auth.userId,
      },
    ]);
    await writeAudit(tx, ctx.actor, {
      chain: body.id,
      action: 'nomination.create',
      entity: 'nomination',
      entityId: row!.id,
      orgUnitId: input.orgUnitId,
      after: {
        ...values,
        subjectName: subject.name,
        eligible: verdict.eligible,
        conflicts: conflicts.map((c) => c.code),
      },
    });
    return row!;
  });
}
