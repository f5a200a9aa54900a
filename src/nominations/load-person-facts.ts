import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import type {
  Absence,
  AbsenceKind,
  AwardCode,
  AwardHistoryEntry,
  Discipline,
  DisciplineForm,
  Initiative,
  InitiativeScope,
  PersonYearFacts,
  Rating,
  StaffCategory,
} from '../rules/index.ts';
import { uuidArray } from './nominations.repository.ts';

type PersonRow = {
  id: string;
  full_name: string;
  org_unit_id: string;
  staff_category: string;
  is_leader: boolean;
  hired_on: string | null;
  rating: string | null;
};

export type PersonFactsRow = {
  facts: PersonYearFacts;
  fullName: string;
  orgUnitId: string;
  isLeader: boolean;
};

/**
 * The facts the rules read for many people and one year, in six queries whatever the count
 * (the year-end pre-fill runs it for a whole ward).
 */
export async function loadPersonFacts(
  db: DbOrTx,
  personIds: readonly string[],
  year: number,
): Promise<Map<string, PersonFactsRow>> {
  const out = new Map<string, PersonFactsRow>();
  if (personIds.length === 0) return out;
  const ids = uuidArray(personIds);
  const people = await queryRows<PersonRow>(
    db,
    sql`select p.id, p.full_name, p.org_unit_id, p.staff_category, p.is_leader,
               (select min(e.start_date)::text from employments e where e.person_id = p.id) as hired_on,
               r.rating
          from people p left join ratings r on r.person_id = p.id and r.year = ${year}
         where p.id = any(${ids})`,
  );
  const [disc, inits, abs, awards] = await Promise.all([
    queryRows<{
      person_id: string;
      form: string;
      decided_on: string | null;
      from_date: string | null;
      to_date: string | null;
      pending: boolean;
    }>(
      db,
      sql`select person_id, form, decided_on::text, from_date::text, to_date::text, pending from disciplines where person_id = any(${ids})`,
    ),
    queryRows<{ person_id: string; scope: string; recognized_on: string; title: string }>(
      db,
      sql`select person_id, scope, recognized_on::text, title from initiatives where person_id = any(${ids})`,
    ),
    queryRows<{ person_id: string; kind: string; from_date: string; to_date: string }>(
      db,
      sql`select person_id, kind, from_date::text, to_date::text from absences where person_id = any(${ids})`,
    ),
    queryRows<{ person_id: string; year: number; award_code: string; revoked: boolean }>(
      db,
      sql`select person_id, year, award_code, revoked_at is not null as revoked from award_records
           where person_id = any(${ids}) and year < ${year}`,
    ),
  ]);
  const group = <T extends { person_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.person_id, [...(m.get(r.person_id) ?? []), r]);
    return m;
  };
  const d = group(disc);
  const i = group(inits);
  const a = group(abs);
  const h = group(awards);
  for (const p of people) {
    const disciplines: Discipline[] = (d.get(p.id) ?? [])
      .filter((x) => !x.pending && (x.decided_on ?? x.from_date))
      .map((x) => ({
        form: x.form as DisciplineForm,
        decidedOn: (x.decided_on ?? x.from_date)!,
        endsOn: x.to_date,
      }));
    const initiatives: Initiative[] = (i.get(p.id) ?? []).map((x) => ({
      scope: x.scope as InitiativeScope,
      year: Number(x.recognized_on.slice(0, 4)),
      title: x.title,
    }));
    const absences: Absence[] = (a.get(p.id) ?? []).map((x) => ({
      kind: x.kind as AbsenceKind,
      from: x.from_date,
      to: x.to_date,
    }));
    const history: AwardHistoryEntry[] = (h.get(p.id) ?? []).map((x) => ({
      year: x.year,
      award: x.award_code as AwardCode,
      revoked: x.revoked,
    }));
    out.set(p.id, {
      fullName: p.full_name,
      orgUnitId: p.org_unit_id,
      isLeader: p.is_leader,
      facts: {
        personId: p.id,
        fullName: p.full_name,
        collectiveId: p.org_unit_id,
        year,
        staffCategory: p.staff_category as StaffCategory,
        rating: (p.rating as Rating | null) ?? null,
        hiredOn: p.hired_on,
        pendingDiscipline: (d.get(p.id) ?? []).some((x) => x.pending),
        disciplines,
        initiatives,
        absences,
        history,
      },
    });
  }
  return out;
}
