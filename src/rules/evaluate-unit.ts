import { resolveContext, type EvaluationOptions, type RuleContext } from './context.ts';
import { evaluateCollective, type CollectiveEvaluation } from './evaluate-collective.ts';
import { evaluateHousehold, type HouseholdEvaluation } from './evaluate-household.ts';
import { disciplineTouchesYear, evaluatePerson, type PersonEvaluation } from './evaluate-person.ts';
import { DISCIPLINE_SEVERITY } from './province-parameters.ts';
import { applyQuota, widestInitiativeScope, type QuotaResult } from './quota.ts';
import type {
  CollectiveYearFacts,
  DisciplineForm,
  HouseholdYearFacts,
  IsoDate,
  PersonYearFacts,
  RegimeCode,
} from './types.ts';

export type UnitFacts = {
  readonly unitId: string;
  readonly unitName?: string;
  readonly year: number;
  readonly persons: readonly PersonYearFacts[];
  readonly collectives?: readonly CollectiveYearFacts[];
  readonly households?: readonly HouseholdYearFacts[];
};

export type UnitEvaluation = {
  readonly unitId: string;
  readonly unitName: string | null;
  readonly year: number;
  readonly decisionDate: IsoDate;
  readonly regime: RegimeCode;
  readonly regimeName: string;
  readonly provinceCode: string;
  readonly persons: readonly PersonEvaluation[];
  readonly collectives: readonly CollectiveEvaluation[];
  readonly households: readonly HouseholdEvaluation[];
  readonly grassrootsFighterQuota: QuotaResult;
  readonly summary: {
    readonly persons: number;
    readonly advancedWorkers: number;
    readonly grassrootsFighterCandidates: number;
    readonly grassrootsFighterWithinQuota: number;
    readonly provincialFighterProposals: number;
    readonly advancedLabourCollectives: number;
    readonly excellentLabourCollectives: number;
    readonly culturalFamilies: number;
  };
};

const byId =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

function assertUnique(ids: readonly string[], what: string): void {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] === ids[i - 1]) throw new Error(`Mã ${what} bị trùng: ${ids[i] ?? ''}.`);
  }
}

/**
 * A unit's candidate list for one year: every person, collective and household evaluated, the
 * CSTĐCS quota applied, collective ratios derived from the members' results. The result is
 * ordered by id and does not depend on the order of the input.
 */
export function evaluateUnit(unit: UnitFacts, options: RuleContext | EvaluationOptions): UnitEvaluation {
  const ctx = resolveContext(options);
  const persons = [...unit.persons].sort(byId((p) => p.personId));
  assertUnique(
    persons.map((p) => p.personId),
    'cá nhân',
  );
  const evaluations = persons.map((p) => evaluatePerson(p, ctx));

  const advancedWorkers = evaluations.filter((e) => e.advancedWorker.eligible).length;
  const candidates = [];
  for (let i = 0; i < persons.length; i++) {
    const e = evaluations[i];
    const p = persons[i];
    if (!e || !p || !e.grassrootsFighter.eligible) continue;
    candidates.push({
      id: p.personId,
      rating: p.rating,
      initiativeScope: widestInitiativeScope(p.initiatives, p.year),
      chain: e.grassrootsFighterChain,
      female: p.female === true,
    });
  }
  const quotaParam = ctx.parameters.grassrootsFighterQuota;
  const quota = applyQuota(candidates, {
    title: 'grassroots_emulation_fighter',
    ratio: quotaParam.value,
    base: advancedWorkers,
    preferWomen: ctx.regime.code === 'law2022_nd152',
    citation: { text: quotaParam.citation, verified: quotaParam.verified },
  });
  const withinQuota = new Set(quota.admitted);

  // Member counts per collective, from the persons' results.
  type Counts = { n: number; aw: number; completed: number; gf: number; worst: DisciplineForm | null };
  const counts = new Map<string, Counts>();
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i];
    const e = evaluations[i];
    if (!p || !e || !p.collectiveId) continue;
    let c = counts.get(p.collectiveId);
    if (!c) {
      c = { n: 0, aw: 0, completed: 0, gf: 0, worst: null };
      counts.set(p.collectiveId, c);
    }
    c.n++;
    if (e.advancedWorker.eligible) c.aw++;
    if (p.rating !== null && p.rating !== 'not_completed') c.completed++;
    if (e.grassrootsFighter.eligible && withinQuota.has(p.personId)) c.gf++;
    for (const d of p.disciplines ?? []) {
      if (
        disciplineTouchesYear(d, p.year) &&
        (!c.worst || DISCIPLINE_SEVERITY[d.form] > DISCIPLINE_SEVERITY[c.worst])
      ) {
        c.worst = d.form;
      }
    }
  }
  const collectives = [...(unit.collectives ?? [])].sort(byId((c) => c.collectiveId));
  assertUnique(
    collectives.map((c) => c.collectiveId),
    'tập thể',
  );
  const collectiveResults = collectives.map((c) => {
    const derived = counts.get(c.collectiveId);
    const facts: CollectiveYearFacts = {
      ...c,
      memberCount: c.memberCount ?? derived?.n ?? 0,
      advancedWorkerCount: c.advancedWorkerCount ?? derived?.aw ?? 0,
      completedCount: c.completedCount ?? derived?.completed ?? 0,
      grassrootsFighterCount: c.grassrootsFighterCount ?? derived?.gf ?? 0,
      worstMemberDiscipline:
        c.worstMemberDiscipline !== undefined ? c.worstMemberDiscipline : (derived?.worst ?? null),
    };
    return evaluateCollective(facts, ctx);
  });
  const households = [...(unit.households ?? [])].sort(byId((h) => h.householdId));
  assertUnique(
    households.map((h) => h.householdId),
    'hộ gia đình',
  );
  const householdResults = households.map((h) => evaluateHousehold(h, ctx));

  return Object.freeze({
    unitId: unit.unitId,
    unitName: unit.unitName ?? null,
    year: unit.year,
    decisionDate: ctx.decisionDate,
    regime: ctx.regime.code,
    regimeName: ctx.regime.name,
    provinceCode: ctx.province.provinceCode,
    persons: Object.freeze(evaluations),
    collectives: Object.freeze(collectiveResults),
    households: Object.freeze(householdResults),
    grassrootsFighterQuota: quota,
    summary: Object.freeze({
      persons: evaluations.length,
      advancedWorkers,
      grassrootsFighterCandidates: candidates.length,
      grassrootsFighterWithinQuota: quota.admitted.length,
      provincialFighterProposals: evaluations.filter(
        (e) => e.provincialFighterProposal.eligible && withinQuota.has(e.personId),
      ).length,
      advancedLabourCollectives: collectiveResults.filter((c) => c.advancedLabourCollective.eligible).length,
      excellentLabourCollectives: collectiveResults.filter((c) => c.excellentLabourCollective.eligible)
        .length,
      culturalFamilies: householdResults.filter((h) => h.culturalFamily.eligible).length,
    }),
  });
}
