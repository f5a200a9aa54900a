import { dayNumber } from './dates.ts';
import {
  DISCIPLINE_SEVERITY,
  defaultProvinceParameters,
  type ProvinceParameters,
  type RegimeParameters,
} from './province-parameters.ts';
import { regimeFor, type Regime } from './regimes.ts';
import type { IsoDate, Reason, RegimeCode, StaffCategory } from './types.ts';

export type EvaluationOptions = {
  readonly decisionDate: IsoDate;
  /** Operator override of the regime; the decision stores the regime it used. */
  readonly regime?: RegimeCode | null;
  readonly provinceCode?: string;
  readonly provinceParameters?: ProvinceParameters;
};

/** Per-context caches of results that depend only on a few inputs (e.g. a hire date). */
export type RuleMemo = {
  hiresYear: number;
  readonly hires: Map<string, { readonly months: number; readonly failure: Reason | null }>;
};

/** Everything the rules need for one decision, compiled once and reused for every subject. */
export type RuleContext = {
  readonly kind: 'rule_context';
  readonly decisionDate: IsoDate;
  readonly regime: Regime;
  readonly province: ProvinceParameters;
  readonly parameters: RegimeParameters;
  readonly newHireMinMonths: number;
  /** 0 when the regime sets no minimum for people who are not new hires. */
  readonly minCountedMonths: number;
  readonly deductUncountedAbsences: boolean;
  readonly countMaternity: boolean;
  readonly countTraining: boolean;
  readonly countTreatment: boolean;
  readonly treatmentNeedsCertifiedInjury: boolean;
  readonly disqualifyingSeverity: number;
  readonly staffAllowed: Readonly<Record<StaffCategory, boolean>>;
  readonly allStaffAllowed: boolean;
  /** Old regime: an initiative is mandatory for CSTĐCS (Luật 2003 sửa đổi 2013, Điều 23). */
  readonly initiativeMandatory: boolean;
  /** From 07/2025 đột xuất and chuyên đề awards are no basis for a higher award (NĐ 152 Điều 4). */
  readonly onlyRegularAwardsAsBasis: boolean;
  readonly memo: RuleMemo;
};

const cache = new WeakMap<EvaluationOptions, RuleContext>();

export function isRuleContext(value: RuleContext | EvaluationOptions): value is RuleContext {
  return (value as RuleContext).kind === 'rule_context';
}

export function createRuleContext(options: EvaluationOptions): RuleContext {
  const regime = regimeFor(options.decisionDate, options.regime ?? null);
  const province =
    options.provinceParameters ??
    defaultProvinceParameters(options.provinceCode ?? 'AG', Number(options.decisionDate.slice(0, 4)));
  const parameters = province.regimes[regime.code];
  const counted = parameters.countedAbsences.value;
  const allowed = parameters.eligibleStaffCategories.value;
  return Object.freeze({
    kind: 'rule_context',
    decisionDate: options.decisionDate,
    regime,
    province,
    parameters,
    newHireMinMonths: parameters.newHireMinMonths.value,
    minCountedMonths: parameters.minCountedMonths.value ?? 0,
    deductUncountedAbsences: parameters.deductUncountedAbsences.value,
    countMaternity: counted.includes('maternity'),
    countTraining: counted.includes('training'),
    countTreatment: counted.includes('treatment'),
    treatmentNeedsCertifiedInjury: parameters.treatmentNeedsCertifiedInjury.value,
    disqualifyingSeverity: DISCIPLINE_SEVERITY[parameters.disqualifyingDisciplineFrom.value],
    staffAllowed: Object.freeze({
      cadre: allowed.includes('cadre'),
      civil_servant: allowed.includes('civil_servant'),
      public_employee: allowed.includes('public_employee'),
      part_time_official: allowed.includes('part_time_official'),
      worker: allowed.includes('worker'),
    }),
    allStaffAllowed: (
      ['cadre', 'civil_servant', 'public_employee', 'part_time_official', 'worker'] as const
    ).every((c) => allowed.includes(c)),
    initiativeMandatory: regime.code === 'law2003_nd91',
    onlyRegularAwardsAsBasis: regime.code === 'law2022_nd152',
    memo: { hiresYear: Number.NaN, hires: new Map() },
  });
}

/** Accepts a compiled context or plain options (compiled once per options object). */
export function resolveContext(value: RuleContext | EvaluationOptions): RuleContext {
  if (isRuleContext(value)) return value;
  let ctx = cache.get(value);
  if (!ctx) {
    ctx = createRuleContext(value);
    cache.set(value, ctx);
  }
  return ctx;
}

export type YearBounds = {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly startDay: number;
  readonly endDay: number;
};

const yearBoundsCache = new Map<number, YearBounds>();

export function yearBounds(year: number): YearBounds {
  let b = yearBoundsCache.get(year);
  if (!b) {
    const y = String(year).padStart(4, '0');
    const start = `${y}-01-01`;
    const end = `${y}-12-31`;
    b = Object.freeze({ start, end, startDay: dayNumber(start), endDay: dayNumber(end) });
    yearBoundsCache.set(year, b);
  }
  return b;
}
