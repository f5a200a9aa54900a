import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import {
  detectConflicts,
  type Conflict,
  type ExistingAward,
  type NominationFacts,
} from './detect-conflicts.ts';
import { evaluateCollectives } from './evaluate-collectives.ts';
import { loadPersonFacts } from './load-person-facts.ts';
import { nominationVerdict, type Verdict } from './nomination-verdict.ts';

/** The part of a nomination the checks read (a stored row or one about to be inserted). */
export type CheckableNomination = {
  id?: string | undefined;
  orgUnitId: string;
  bodyOrgUnitId: string;
  year: number;
  kind: string;
  subjectKind: string;
  personId?: string | null | undefined;
  householdId?: string | null | undefined;
  subjectOrgUnitId?: string | null | undefined;
  awardCode: string;
};

/** Collective titles the rules judge from the collective's own facts. */
const COLLECTIVE_TITLES = new Set(['advanced_labour_collective', 'excellent_labour_collective']);

export function subjectKeyOf(
  n: Pick<CheckableNomination, 'subjectKind' | 'personId' | 'householdId' | 'subjectOrgUnitId'>,
): string {
  if (n.subjectKind === 'individual') return `person:${n.personId}`;
  if (n.subjectKind === 'household') return `household:${n.householdId}`;
  return `org:${n.subjectOrgUnitId}`;
}

/** The rules engine's verdict and the duplicate/conflict findings for one nomination. */
export async function checkNomination(
  db: DbOrTx,
  n: CheckableNomination,
): Promise<{ verdict: Verdict; conflicts: Conflict[] }> {
  const subjectKey = subjectKeyOf(n);
  const subjectCol =
    n.subjectKind === 'individual'
      ? sql`person_id = ${n.personId ?? null}`
      : n.subjectKind === 'household'
        ? sql`household_id = ${n.householdId ?? null}`
        : sql`subject_org_unit_id = ${n.subjectOrgUnitId ?? null}`;
  const [others, awards] = await Promise.all([
    queryRows<{
      id: string;
      year: number;
      kind: string;
      award_code: string;
      org_unit_id: string;
      body_org_unit_id: string;
      status: string;
    }>(
      db,
      sql`select id, year, kind, award_code, org_unit_id, body_org_unit_id, status from nominations
           where subject_kind = ${n.subjectKind} and ${subjectCol} and year = ${n.year}`,
    ),
    queryRows<{ year: number; award_code: string; decision_number: string | null }>(
      db,
      sql`select year, award_code, decision_number from award_records
           where subject_kind = ${n.subjectKind} and ${
             n.subjectKind === 'individual'
               ? sql`person_id = ${n.personId ?? null}`
               : n.subjectKind === 'household'
                 ? sql`household_id = ${n.householdId ?? null}`
                 : sql`org_unit_id = ${n.subjectOrgUnitId ?? null}`
           } and year = ${n.year} and revoked_at is null`,
    ),
  ]);
  const facts =
    n.subjectKind === 'individual' && n.personId
      ? (await loadPersonFacts(db, [n.personId], n.year)).get(n.personId)
      : undefined;
  const collective =
    n.subjectKind === 'collective' && n.subjectOrgUnitId && COLLECTIVE_TITLES.has(n.awardCode)
      ? (await evaluateCollectives(db, [n.subjectOrgUnitId], n.year)).get(n.subjectOrgUnitId)
      : undefined;
  const heads = new Set<string>();
  if (facts?.isLeader && facts.orgUnitId === n.orgUnitId) heads.add(subjectKey);

  const candidate: NominationFacts = { ...n, subjectKey };
  const otherFacts: NominationFacts[] = others.map((o) => ({
    id: o.id,
    subjectKey,
    year: o.year,
    kind: o.kind,
    awardCode: o.award_code,
    orgUnitId: o.org_unit_id,
    bodyOrgUnitId: o.body_org_unit_id,
    status: o.status,
  }));
  const existing: ExistingAward[] = awards.map((a) => ({
    subjectKey,
    year: a.year,
    awardCode: a.award_code,
    decisionNumber: a.decision_number,
  }));
  return {
    verdict: nominationVerdict({
      subjectKind: n.subjectKind,
      awardCode: n.awardCode,
      year: n.year,
      person: facts?.facts ?? null,
      collective: collective ?? null,
    }),
    conflicts: detectConflicts(candidate, otherFacts, existing, heads),
  };
}
