import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyQuota,
  createRuleContext,
  evaluatePerson,
  evaluateUnit,
  moneyFor,
  quotaLimit,
  type AwardHistoryEntry,
  type PersonYearFacts,
  type Rating,
} from './index.ts';

const RUNS = { numRuns: 1000 };
const DECISION_DATES = [
  '2023-01-15',
  '2023-12-31',
  '2024-01-01',
  '2025-06-30',
  '2025-07-01',
  '2026-01-15',
] as const;

const isoInYear = (year: number) =>
  fc
    .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ m, d }) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const rating: fc.Arbitrary<Rating | null> = fc.constantFrom(
  'excellent',
  'good',
  'completed',
  'not_completed',
  null,
);

const personArb = (year: number, id: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 6 })) =>
  fc.record({
    personId: id,
    year: fc.constant(year),
    staffCategory: fc.constantFrom(
      'cadre',
      'civil_servant',
      'public_employee',
      'part_time_official',
      'worker',
    ),
    rating,
    hiredOn: fc.option(fc.oneof(isoInYear(year), isoInYear(year - 5)), { nil: undefined }),
    pendingDiscipline: fc.boolean(),
    female: fc.boolean(),
    collectiveId: fc.constantFrom('A', 'B', null),
    disciplines: fc.array(
      fc.record({
        form: fc.constantFrom(
          'reprimand',
          'warning',
          'salary_demotion',
          'demotion',
          'removal_from_post',
          'dismissal',
        ),
        decidedOn: fc.oneof(isoInYear(year), isoInYear(year - 1)),
      }),
      { maxLength: 2 },
    ),
    absences: fc.array(
      fc.record({
        kind: fc.constantFrom('maternity', 'treatment', 'training', 'unpaid'),
        from: isoInYear(year),
        to: isoInYear(year),
        certifiedInjury: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    initiatives: fc.array(
      fc.record({
        scope: fc.constantFrom('grassroots', 'province', 'national'),
        year: fc.integer({ min: year - 3, max: year }),
      }),
      { maxLength: 2 },
    ),
    history: fc.array(
      fc.record({
        year: fc.integer({ min: year - 5, max: year - 1 }),
        award: fc.constantFrom('grassroots_emulation_fighter', 'advanced_worker'),
        revoked: fc.boolean(),
        kind: fc.constantFrom('regular', 'thematic', 'unexpected'),
      }) as fc.Arbitrary<AwardHistoryEntry>,
      { maxLength: 5 },
    ),
  }) as fc.Arbitrary<PersonYearFacts>;

describe('properties (fast-check, 1000 runs each)', () => {
  it('pending discipline never yields an award, in any regime', () => {
    fc.assert(
      fc.property(personArb(2024), fc.constantFrom(...DECISION_DATES), (p, date) => {
        const r = evaluatePerson(
          { ...p, pendingDiscipline: true },
          createRuleContext({ decisionDate: date }),
        );
        return (
          !r.advancedWorker.eligible &&
          !r.grassrootsFighter.eligible &&
          !r.provincialFighterProposal.eligible &&
          r.highestTitle === null
        );
      }),
      RUNS,
    );
  });

  it('money is never negative and is monotone in the coefficient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom(1_390_000, 1_490_000, 1_800_000, 2_340_000, 2_530_000),
        fc.constantFrom('nearest', 'up', 'none') as fc.Arbitrary<'nearest' | 'up' | 'none'>,
        (a, b, base, mode) => {
          const [lo, hi] = a <= b ? [a / 1000, b / 1000] : [b / 1000, a / 1000];
          const mLo = moneyFor(lo, base, mode);
          const mHi = moneyFor(hi, base, mode);
          return mLo >= 0 && mHi >= 0 && mLo <= mHi;
        },
      ),
      RUNS,
    );
  });

  it('the quota never admits more than its ratio of the base', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 4 }),
            rating,
            initiativeScope: fc.constantFrom('grassroots', 'province', 'national', null),
            chain: fc.integer({ min: 1, max: 6 }),
            female: fc.boolean(),
          }),
          { selector: (c) => c.id, maxLength: 40 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        (candidates, ratio, base) => {
          const r = applyQuota(candidates, { title: 'grassroots_emulation_fighter', ratio, base });
          return (
            r.admitted.length <= ratio * base + 1e-9 &&
            r.admitted.length === Math.min(candidates.length, quotaLimit(ratio, base)) &&
            r.admitted.length + r.outside.length === candidates.length
          );
        },
      ),
      RUNS,
    );
  });

  it('evaluation is deterministic and does not depend on the input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(personArb(2022, fc.string({ minLength: 1, maxLength: 5 })), {
          selector: (p) => p.personId,
          maxLength: 15,
        }),
        fc.constantFrom(...DECISION_DATES),
        fc.integer(),
        (persons, date, seed) => {
          const shuffled = [...persons];
          let s = seed >>> 0;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            const t = shuffled[i];
            shuffled[i] = shuffled[j] as PersonYearFacts;
            shuffled[j] = t as PersonYearFacts;
          }
          const collectives = [
            { collectiveId: 'A', year: 2022, rating: 'excellent' as const },
            { collectiveId: 'B', year: 2022, rating: 'good' as const },
          ];
          const a = evaluateUnit({ unitId: 'U', year: 2022, persons, collectives }, { decisionDate: date });
          const b = evaluateUnit(
            { unitId: 'U', year: 2022, persons: shuffled, collectives: [...collectives].reverse() },
            { decisionDate: date },
          );
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          const single = persons[0];
          if (single) {
            expect(JSON.stringify(evaluatePerson(single, { decisionDate: date }))).toBe(
              JSON.stringify(evaluatePerson(single, createRuleContext({ decisionDate: date }))),
            );
          }
        },
      ),
      RUNS,
    );
  });
});
