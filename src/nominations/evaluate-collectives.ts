import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import {
  evaluateUnit,
  type CollectiveEvaluation,
  type CollectiveYearFacts,
  type Rating,
  type RuleContext,
} from '../rules/index.ts';
import { loadPersonFacts } from './load-person-facts.ts';
import { ruleContextFor } from './nomination-verdict.ts';
import { uuidArray } from './nominations.repository.ts';

const RATINGS: readonly Rating[] = ['excellent', 'good', 'completed', 'not_completed'];
const asRating = (r: string | undefined): Rating | null =>
  r && (RATINGS as readonly string[]).includes(r) ? (r as Rating) : null;

/**
 * "Tập thể lao động tiên tiến / xuất sắc" of some collectives for one year: each collective's
 * own rating and conditions (collective_ratings) with its members' counts derived by the rules
 * from the members' own facts. A member is whoever held a post in the collective during the year
 * (employments), so a collective closed by a later merge is still judged on its year. A
 * collective without a rating is evaluated too, and fails with the reason that says so.
 */
export async function evaluateCollectives(
  db: DbOrTx,
  collectiveIds: readonly string[],
  year: number,
  rctx: RuleContext = ruleContextFor(year),
): Promise<Map<string, CollectiveEvaluation>> {
  const out = new Map<string, CollectiveEvaluation>();
  if (collectiveIds.length === 0) return out;
  const ids = uuidArray(collectiveIds);
  const [ratings, members] = await Promise.all([
    queryRows<{
      org_unit_id: string;
      rating: string;
      active_emulation: boolean;
      internal_unity: boolean;
      pending_discipline: boolean;
    }>(
      db,
      sql`select org_unit_id, rating, active_emulation, internal_unity, pending_discipline
            from collective_ratings where org_unit_id = any(${ids}) and year = ${year}`,
    ),
    // One collective per person: the post held last in the year.
    queryRows<{ person_id: string; org_unit_id: string }>(
      db,
      sql`select distinct on (person_id) person_id, org_unit_id from employments
           where org_unit_id = any(${ids}) and start_date <= ${`${year}-12-31`}::date
             and (end_date is null or end_date >= ${`${year}-01-01`}::date)
           order by person_id, start_date desc`,
    ),
  ]);
  const facts = await loadPersonFacts(
    db,
    members.map((m) => m.person_id),
    year,
  );
  const collectiveOf = new Map(members.map((m) => [m.person_id, m.org_unit_id]));
  const byId = new Map(ratings.map((r) => [r.org_unit_id, r]));
  const collectives: CollectiveYearFacts[] = collectiveIds.map((id) => {
    const r = byId.get(id);
    return {
      collectiveId: id,
      year,
      rating: asRating(r?.rating),
      activeEmulation: r?.active_emulation ?? true,
      internalUnity: r?.internal_unity ?? true,
      pendingDiscipline: r?.pending_discipline ?? false,
    };
  });
  const evaluation = evaluateUnit(
    {
      unitId: 'collectives',
      year,
      persons: [...facts].map(([personId, f]) => ({
        ...f.facts,
        collectiveId: collectiveOf.get(personId) ?? null,
      })),
      collectives,
    },
    rctx,
  );
  for (const c of evaluation.collectives) out.set(c.collectiveId, c);
  return out;
}
