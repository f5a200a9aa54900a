import { sql } from 'drizzle-orm';
import { assertCanWrite, canWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { queryRows } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { foldVietnamese, vietnameseNameSortKey } from '../platform/text/index.ts';
import { evaluatePerson } from '../rules/index.ts';
import { detectConflicts } from './detect-conflicts.ts';
import { evaluateCollectives } from './evaluate-collectives.ts';
import { loadPersonFacts } from './load-person-facts.ts';
import { nominationVerdict, ruleContextFor } from './nomination-verdict.ts';
import { insertNominations, uuidArray, type NewNomination } from './nominations.repository.ts';

export type PrefillOutcome = {
  created: { id: string; subjectName: string; awardCode: string }[];
  skipped: number;
  /** Collectives of the unit with no rating of their own for the year: not evaluated. */
  unratedCollectives: number;
};

/**
 * Year-end pre-fill (DESIGN §3, step 3): for every person of the unit and its sub-units, the rules
 * compute the highest title the body may grant (LĐTT or CSTĐCS, Luật TĐKT 2022, Điều 24, 26)
 * from the ratings and facts already entered, and a draft nomination is written for each, so
 * units confirm and submit instead of typing. Collectives of the unit whose own rating of the
 * year is recorded get the highest collective title the rules grant them (TTLĐTT, TTLĐXS: Luật
 * TĐKT 2022, Điều 27, 28), judged with their members' results. People and collectives already
 * proposed for that title that year are skipped; running it twice creates nothing new.
 */
export async function prefillCandidates(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<PrefillOutcome> {
  assertCanWrite(ctx.auth, orgUnitId, 'đơn vị');
  const directory = await ctx.deps.directory.get();
  const body = directory.bodyOf(orgUnitId);
  if (!body) throw notFound('cơ quan xét khen thưởng của đơn vị');
  const units = directory.subtree(orgUnitId).filter((id) => canWrite(ctx.auth, id));
  const db = ctx.deps.database.db;
  const people = await queryRows<{ id: string }>(
    db,
    sql`select id from people where org_unit_id = any(${uuidArray(units)})`,
  );
  const facts = await loadPersonFacts(
    db,
    people.map((p) => p.id),
    year,
  );
  const existing = await queryRows<{ person_id: string; award_code: string }>(
    db,
    sql`select person_id, award_code from nominations
         where subject_kind = 'individual' and year = ${year} and person_id = any(${uuidArray(people.map((p) => p.id))})`,
  );
  const taken = new Set(existing.map((e) => `${e.person_id}|${e.award_code}`));
  const rctx = ruleContextFor(year);
  const rows: NewNomination[] = [];
  let skipped = 0;
  for (const [personId, f] of facts) {
    const title = evaluatePerson(f.facts, rctx).highestTitle;
    if (!title) continue;
    if (taken.has(`${personId}|${title}`)) {
      skipped++;
      continue;
    }
    const subjectKey = `person:${personId}`;
    const conflicts = detectConflicts(
      { subjectKey, year, kind: 'regular', awardCode: title, orgUnitId: f.orgUnitId, bodyOrgUnitId: body.id },
      [],
      [],
      f.isLeader ? new Set([subjectKey]) : new Set(),
    );
    rows.push({
      orgUnitId: f.orgUnitId,
      bodyOrgUnitId: body.id,
      year,
      kind: 'regular',
      subjectKind: 'individual',
      personId,
      subjectName: f.fullName,
      subjectSortKey: vietnameseNameSortKey(f.fullName),
      subjectSearch: foldVietnamese(f.fullName),
      awardCode: title,
      origin: 'prefill',
      achievementSummary: '',
      verdict: nominationVerdict(
        { subjectKind: 'individual', awardCode: title, year, person: f.facts },
        rctx,
      ),
      conflicts,
      createdBy: ctx.auth.userId,
    });
  }
  const collectives = await collectiveCandidates(ctx, {
    units: units.filter((id) => directory.bodyOf(id)?.id !== id),
    year,
    bodyOrgUnitId: body.id,
    nameOf: (id) => directory.get(id)?.name ?? '',
  });
  rows.push(...collectives.rows);
  skipped += collectives.skipped;
  const created = await db.transaction(async (tx) => {
    const inserted = await insertNominations(tx, rows);
    for (const n of inserted) {
      await writeAudit(tx, ctx.actor, {
        chain: body.id,
        action: 'nomination.prefill',
        entity: 'nomination',
        entityId: n.id,
        orgUnitId: n.orgUnitId,
        after: {
          ...(n.personId ? { personId: n.personId } : { subjectOrgUnitId: n.subjectOrgUnitId }),
          awardCode: n.awardCode,
          year,
        },
      });
    }
    return inserted;
  });
  return {
    created: created.map((n) => ({ id: n.id, subjectName: n.subjectName, awardCode: n.awardCode })),
    skipped,
    unratedCollectives: collectives.unrated,
  };
}

/**
 * The collective candidates among some units: those with a rating of their own for the year that
 * the rules find eligible for a collective title, not yet proposed for it.
 */
async function collectiveCandidates(
  ctx: RequestCtx,
  input: { units: string[]; year: number; bodyOrgUnitId: string; nameOf: (id: string) => string },
): Promise<{ rows: NewNomination[]; skipped: number; unrated: number }> {
  const db = ctx.deps.database.db;
  const { year } = input;
  if (input.units.length === 0) return { rows: [], skipped: 0, unrated: 0 };
  const rated = await queryRows<{ org_unit_id: string }>(
    db,
    sql`select org_unit_id from collective_ratings where year = ${year} and org_unit_id = any(${uuidArray(input.units)})`,
  );
  const ratedIds = rated.map((r) => r.org_unit_id);
  const unrated = input.units.length - ratedIds.length;
  if (ratedIds.length === 0) return { rows: [], skipped: 0, unrated };
  const rctx = ruleContextFor(year);
  const [evaluations, existing] = await Promise.all([
    evaluateCollectives(db, ratedIds, year, rctx),
    queryRows<{ subject_org_unit_id: string; award_code: string }>(
      db,
      sql`select subject_org_unit_id, award_code from nominations
           where subject_kind = 'collective' and year = ${year} and subject_org_unit_id = any(${uuidArray(ratedIds)})`,
    ),
  ]);
  const taken = new Set(existing.map((e) => `${e.subject_org_unit_id}|${e.award_code}`));
  const rows: NewNomination[] = [];
  let skipped = 0;
  for (const id of ratedIds) {
    const evaluation = evaluations.get(id);
    const title = evaluation?.highestTitle;
    if (!evaluation || !title) continue;
    if (taken.has(`${id}|${title}`)) {
      skipped++;
      continue;
    }
    const name = input.nameOf(id);
    rows.push({
      orgUnitId: id,
      bodyOrgUnitId: input.bodyOrgUnitId,
      year,
      kind: 'regular',
      subjectKind: 'collective',
      subjectOrgUnitId: id,
      subjectName: name,
      subjectSortKey: foldVietnamese(name),
      subjectSearch: foldVietnamese(name),
      awardCode: title,
      origin: 'prefill',
      achievementSummary: '',
      verdict: nominationVerdict(
        { subjectKind: 'collective', awardCode: title, year, collective: evaluation },
        rctx,
      ),
      conflicts: [],
      createdBy: ctx.auth.userId,
    });
  }
  return { rows, skipped, unrated };
}
