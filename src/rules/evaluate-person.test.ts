import { describe, expect, it } from 'vitest';
import {
  createRuleContext,
  defaultProvinceParameters,
  evaluatePerson,
  regimeFor,
  withRegimeParameters,
  type PersonYearFacts,
} from './index.ts';

const OLD = createRuleContext({ decisionDate: '2023-01-15' });
const ND98 = createRuleContext({ decisionDate: '2024-02-15' });
const ND152 = createRuleContext({ decisionDate: '2026-01-15' });

const person = (over: Partial<PersonYearFacts> = {}): PersonYearFacts => ({
  personId: 'P001',
  year: 2022,
  staffCategory: 'civil_servant',
  rating: 'good',
  hiredOn: '2015-03-01',
  ...over,
});

const codes = (r: { reasons: readonly { code: string }[] }) => r.reasons.map((x) => x.code);

describe('regimes by decision date (legal brief §1)', () => {
  it.each([
    ['2023-12-31', 'law2003_nd91'],
    ['2024-01-01', 'law2022_nd98'],
    ['2025-06-30', 'law2022_nd98'],
    ['2025-07-01', 'law2022_nd152'],
  ])('Luật 2022 Điều 94 / NĐ 152 Điều 59: a decision of %s follows %s', (date, code) => {
    expect(regimeFor(date).code).toBe(code);
  });

  it('an operator override wins over the decision date and the result records it', () => {
    expect(regimeFor('2024-01-20', 'law2003_nd91').code).toBe('law2003_nd91');
    const r = evaluatePerson(person({ year: 2023 }), { decisionDate: '2024-01-20', regime: 'law2003_nd91' });
    expect(r.regime).toBe('law2003_nd91');
  });
});

describe('"Lao động tiên tiến" — Luật 2003 (sđ 2013) Điều 24, Luật 2022 Điều 24 khoản 1', () => {
  it.each([
    ['excellent', true],
    ['good', true],
    ['completed', false],
    ['not_completed', false],
  ] as const)('Luật 2022 Điều 24 khoản 1 điểm a: rating %s gives eligible = %s', (rating, eligible) => {
    expect(evaluatePerson(person({ rating, year: 2024 }), ND98).advancedWorker.eligible).toBe(eligible);
    expect(evaluatePerson(person({ rating }), OLD).advancedWorker.eligible).toBe(eligible);
  });

  it('an eligible person carries the shared, frozen reason and no failure', () => {
    const a = evaluatePerson(person(), OLD);
    const b = evaluatePerson(person({ personId: 'P002' }), OLD);
    expect(a.advancedWorker).toBe(b.advancedWorker);
    expect(Object.isFrozen(a.advancedWorker.reasons)).toBe(true);
    expect(codes(a.advancedWorker)).toEqual(['ADVANCED_WORKER.MET']);
    expect(a.advancedWorker.reasons[0]?.citation).toContain('Điều 24');
  });

  it('a person not yet rated is not eligible and is told why', () => {
    expect(codes(evaluatePerson(person({ rating: null }), OLD).advancedWorker)).toEqual([
      'ADVANCED_WORKER.RATING_MISSING',
    ]);
  });

  it('Luật 2022 Điều 24 khoản 1 điểm b: lacking the spirit of participation excludes', () => {
    const r = evaluatePerson(person({ year: 2024, activeParticipation: false }), ND98);
    expect(codes(r.advancedWorker)).toEqual(['ADVANCED_WORKER.PARTICIPATION']);
  });
});

describe('months worked — NĐ 91/2017 Điều 10 (10 months) and TT 01/2024/TT-BNV Điều 1 khoản 5 điểm d (6 months)', () => {
  it('NĐ 91 Điều 10: hired 01/03/2022 works 10 months and is considered', () => {
    const r = evaluatePerson(person({ hiredOn: '2022-03-01' }), OLD);
    expect(r.countedMonths).toBe(10);
    expect(r.advancedWorker.eligible).toBe(true);
  });

  it('NĐ 91 Điều 10: hired 02/03/2022 works 9 full months and is not considered', () => {
    const r = evaluatePerson(person({ hiredOn: '2022-03-02' }), OLD);
    expect(r.advancedWorker.eligible).toBe(false);
    expect(codes(r.advancedWorker)).toEqual(['ADVANCED_WORKER.NEW_HIRE_TOO_RECENT']);
    expect(r.advancedWorker.reasons[0]?.message).toContain('02/03/2022');
    expect(r.advancedWorker.reasons[0]?.message).toContain('dưới 10 tháng');
  });

  it('TT 01/2024 Điều 1 khoản 5 điểm d: hired 01/07/2024 works 6 months and is considered', () => {
    expect(evaluatePerson(person({ year: 2024, hiredOn: '2024-07-01' }), ND98).advancedWorker.eligible).toBe(
      true,
    );
  });

  it('TT 01/2024 Điều 1 khoản 5 điểm d: hired 02/07/2024 works under 6 months and is not considered', () => {
    const r = evaluatePerson(person({ year: 2024, hiredOn: '2024-07-02' }), ND98);
    expect(codes(r.advancedWorker)).toEqual(['ADVANCED_WORKER.NEW_HIRE_TOO_RECENT']);
  });

  it('regime boundary 31/12/2023 vs 01/01/2024: 8 months in 2023 fails under NĐ 91 and passes under Luật 2022', () => {
    const facts = person({ year: 2023, hiredOn: '2023-05-01' });
    expect(evaluatePerson(facts, { decisionDate: '2023-12-31' }).advancedWorker.eligible).toBe(false);
    expect(evaluatePerson(facts, { decisionDate: '2024-01-01' }).advancedWorker.eligible).toBe(true);
  });

  it('NĐ 152 Điều 4 khoản 5: maternity leave counts as time worked and is noted', () => {
    const r = evaluatePerson(
      person({ year: 2025, absences: [{ kind: 'maternity', from: '2025-01-10', to: '2025-07-09' }] }),
      ND152,
    );
    expect(r.advancedWorker.eligible).toBe(true);
    expect(r.countedMonths).toBe(12);
    expect(codes(r.advancedWorker)).toContain('TIME.ABSENCE_COUNTED');
    expect(r.advancedWorker.reasons.find((x) => x.code === 'TIME.ABSENCE_COUNTED')?.citation).toContain(
      'Điều 4, khoản 5',
    );
  });

  it('TT 01/2024 Điều 1 khoản 5: certified injury treatment counts; ordinary treatment is deducted only where the province sets a minimum', () => {
    const long = { from: '2024-02-01', to: '2024-09-30' };
    const certified = evaluatePerson(
      person({ year: 2024, absences: [{ kind: 'treatment', certifiedInjury: true, ...long }] }),
      ND98,
    );
    const ordinary = evaluatePerson(person({ year: 2024, absences: [{ kind: 'treatment', ...long }] }), ND98);
    const withMinimum = createRuleContext({
      decisionDate: '2024-02-15',
      provinceParameters: withRegimeParameters(defaultProvinceParameters('AG', 2024), 'law2022_nd98', {
        minCountedMonths: { value: 6, citation: 'Quy định của tỉnh (thử)', verified: false },
        deductUncountedAbsences: { value: true, citation: 'Quy định của tỉnh (thử)', verified: false },
      }),
    });
    const ordinaryWithMinimum = evaluatePerson(
      person({ year: 2024, absences: [{ kind: 'treatment', ...long }] }),
      withMinimum,
    );
    expect(certified.advancedWorker.eligible).toBe(true);
    expect(ordinary.advancedWorker.eligible).toBe(true);
    expect(codes(ordinary.advancedWorker)).toContain('TIME.ABSENCE_NOT_DEDUCTED');
    expect(ordinaryWithMinimum.advancedWorker.eligible).toBe(false);
    expect(codes(ordinaryWithMinimum.advancedWorker)).toEqual(['ADVANCED_WORKER.INSUFFICIENT_TIME']);
    expect(ordinaryWithMinimum.advancedWorker.reasons[0]?.verified).toBe(false);
  });

  it('TT 01/2024 Điều 1 khoản 5: training time counts as time at the unit', () => {
    const r = evaluatePerson(
      person({ year: 2024, absences: [{ kind: 'training', from: '2024-01-01', to: '2024-10-31' }] }),
      ND98,
    );
    expect(r.advancedWorker.eligible).toBe(true);
  });

  it('NĐ 91 Điều 10: 8 months of unpaid leave exclude nobody — only new hires and the disciplined are excluded', () => {
    const r = evaluatePerson(
      person({ absences: [{ kind: 'unpaid', from: '2022-03-01', to: '2022-10-31' }] }),
      OLD,
    );
    expect(r.countedMonths).toBe(12);
    expect(r.advancedWorker.eligible).toBe(true);
    const note = r.advancedWorker.reasons.find((x) => x.code === 'TIME.ABSENCE_NOT_DEDUCTED');
    expect(note?.citation).toContain('Điều 10');
    expect(note?.verified).toBe(true);
  });
});

describe('discipline — NĐ 91/2017 Điều 10; NĐ 98 Điều 4; NĐ 152 Điều 4 khoản 4', () => {
  it('NĐ 91 Điều 10: a reprimand decided in the year excludes "Lao động tiên tiến"', () => {
    const r = evaluatePerson(person({ disciplines: [{ form: 'reprimand', decidedOn: '2022-05-10' }] }), OLD);
    expect(codes(r.advancedWorker)).toEqual(['ADVANCED_WORKER.DISCIPLINED']);
    expect(r.advancedWorker.reasons[0]?.message).toContain('khiển trách');
    expect(r.advancedWorker.reasons[0]?.citation).toContain('Điều 10');
  });

  it('NĐ 152 Điều 4 khoản 4: a disciplinary period running into the year excludes it; one that ended before does not', () => {
    const into = person({
      year: 2026,
      disciplines: [{ form: 'warning', decidedOn: '2025-06-01', endsOn: '2026-05-31' }],
    });
    const before = person({
      year: 2026,
      disciplines: [{ form: 'warning', decidedOn: '2024-06-01', endsOn: '2025-05-31' }],
    });
    expect(evaluatePerson(into, ND152).advancedWorker.eligible).toBe(false);
    expect(evaluatePerson(before, ND152).advancedWorker.eligible).toBe(true);
  });

  it('NĐ 98 Điều 4: pending discipline blocks every title and proposal', () => {
    const r = evaluatePerson(
      person({
        year: 2024,
        rating: 'excellent',
        pendingDiscipline: true,
        initiatives: [{ scope: 'province', year: 2024 }],
      }),
      ND98,
    );
    expect(r.advancedWorker.eligible).toBe(false);
    expect(r.grassrootsFighter.eligible).toBe(false);
    expect(r.provincialFighterProposal.eligible).toBe(false);
    expect(codes(r.advancedWorker)).toContain('PERSON.PENDING_DISCIPLINE');
  });

  it('every failing reason is listed, not only the first', () => {
    const r = evaluatePerson(
      person({
        rating: 'completed',
        hiredOn: '2022-06-01',
        disciplines: [{ form: 'warning', decidedOn: '2022-09-01' }],
      }),
      OLD,
    );
    expect(codes(r.advancedWorker)).toEqual([
      'ADVANCED_WORKER.RATING_BELOW_GOOD',
      'ADVANCED_WORKER.NEW_HIRE_TOO_RECENT',
      'ADVANCED_WORKER.DISCIPLINED',
    ]);
  });
});

describe('"Chiến sĩ thi đua cơ sở" — Luật 2003 (sđ 2013) Điều 23; Luật 2022 Điều 23', () => {
  it('Luật 2003 (sđ 2013) Điều 23: excellent without an initiative is not CSTĐCS in the old regime', () => {
    const r = evaluatePerson(person({ rating: 'excellent' }), OLD);
    expect(r.grassrootsFighter.eligible).toBe(false);
    expect(codes(r.grassrootsFighter)).toEqual(['GRASSROOTS_FIGHTER.NO_INITIATIVE']);
  });

  it('Luật 2022 Điều 23 khoản 2: excellent without an initiative is CSTĐCS in the new regime', () => {
    const r = evaluatePerson(person({ year: 2024, rating: 'excellent' }), ND98);
    expect(r.grassrootsFighter.eligible).toBe(true);
    expect(r.highestTitle).toBe('grassroots_emulation_fighter');
  });

  it('Luật 2022 Điều 23 khoản 2: good with a recognised initiative is CSTĐCS', () => {
    const r = evaluatePerson(
      person({ year: 2024, initiatives: [{ scope: 'grassroots', year: 2024 }] }),
      ND98,
    );
    expect(codes(r.grassrootsFighter)).toEqual(['GRASSROOTS_FIGHTER.MET_INITIATIVE']);
  });

  it('Luật 2022 Điều 23 khoản 1: not LĐTT means not CSTĐCS', () => {
    const r = evaluatePerson(
      person({ year: 2024, rating: 'completed', initiatives: [{ scope: 'national', year: 2024 }] }),
      ND98,
    );
    expect(codes(r.grassrootsFighter)).toEqual(['GRASSROOTS_FIGHTER.NOT_ADVANCED_WORKER']);
  });

  it('an initiative of another year does not count', () => {
    expect(
      evaluatePerson(person({ initiatives: [{ scope: 'grassroots', year: 2021 }] }), OLD).grassrootsFighter
        .eligible,
    ).toBe(false);
  });
});

describe('proposal for "Chiến sĩ thi đua cấp tỉnh" — Luật 2022 Điều 22; NĐ 91 Điều 9 khoản 2 (03 consecutive CSTĐCS)', () => {
  const chainFacts = (over: Partial<PersonYearFacts> = {}) =>
    person({
      year: 2024,
      rating: 'excellent',
      initiatives: [{ scope: 'province', year: 2023 }],
      history: [
        { year: 2023, award: 'grassroots_emulation_fighter' },
        { year: 2022, award: 'grassroots_emulation_fighter' },
        { year: 2022, award: 'advanced_worker' },
      ],
      ...over,
    });

  it('Luật 2022 Điều 22: 3 consecutive CSTĐCS and a provincial initiative may be proposed', () => {
    const r = evaluatePerson(chainFacts(), ND98);
    expect(r.grassrootsFighterChain).toBe(3);
    expect(r.provincialFighterProposal.eligible).toBe(true);
  });

  it('Luật 2022 Điều 22: a gap breaks the chain', () => {
    const r = evaluatePerson(
      chainFacts({
        history: [
          { year: 2023, award: 'grassroots_emulation_fighter' },
          { year: 2021, award: 'grassroots_emulation_fighter' },
        ],
      }),
      ND98,
    );
    expect(r.grassrootsFighterChain).toBe(2);
    expect(codes(r.provincialFighterProposal)).toEqual(['PROVINCIAL_FIGHTER.CHAIN_TOO_SHORT']);
  });

  it('Luật 2022 Chương VII: a revoked CSTĐCS does not count in the chain and is noted', () => {
    const r = evaluatePerson(
      chainFacts({
        history: [
          { year: 2023, award: 'grassroots_emulation_fighter', revoked: true },
          { year: 2022, award: 'grassroots_emulation_fighter' },
        ],
      }),
      ND98,
    );
    expect(r.provincialFighterProposal.eligible).toBe(false);
    expect(codes(r.provincialFighterProposal)).toEqual([
      'PROVINCIAL_FIGHTER.CHAIN_TOO_SHORT',
      'PROVINCIAL_FIGHTER.AWARD_NOT_COUNTED',
    ]);
  });

  it('Luật 2022 Điều 22: without a provincial-scope initiative the chain is not enough', () => {
    const r = evaluatePerson(chainFacts({ initiatives: [{ scope: 'grassroots', year: 2024 }] }), ND98);
    expect(codes(r.provincialFighterProposal)).toEqual(['PROVINCIAL_FIGHTER.NO_PROVINCIAL_INITIATIVE']);
  });

  it('NĐ 152 Điều 4: from 01/07/2025 a thematic award is no basis; before it still counts', () => {
    const facts = chainFacts({
      year: 2025,
      initiatives: [{ scope: 'province', year: 2025 }],
      history: [
        { year: 2024, award: 'grassroots_emulation_fighter', kind: 'thematic' },
        { year: 2023, award: 'grassroots_emulation_fighter' },
      ],
    });
    expect(evaluatePerson(facts, { decisionDate: '2025-06-30' }).provincialFighterProposal.eligible).toBe(
      true,
    );
    expect(evaluatePerson(facts, { decisionDate: '2025-07-01' }).provincialFighterProposal.eligible).toBe(
      false,
    );
  });
});

describe('Phường Mỹ Quý, "Lao động tiên tiến" năm 2022 decided early 2023 (old regime)', () => {
  // 70 officials: 64 meet Luật 2003 (sđ 2013) Điều 24 and NĐ 91 Điều 10; 6 fail for the typical reasons.
  const officials: PersonYearFacts[] = Array.from({ length: 70 }, (_, i) =>
    person({ personId: `MQ${String(i + 1).padStart(3, '0')}`, rating: i % 5 === 0 ? 'excellent' : 'good' }),
  );
  const failing: Record<string, Partial<PersonYearFacts>> = {
    MQ010: { rating: 'not_completed' },
    MQ020: { rating: 'completed' },
    MQ030: { disciplines: [{ form: 'reprimand', decidedOn: '2022-08-15' }] },
    MQ040: { hiredOn: '2022-04-01' },
    MQ050: { hiredOn: '2022-09-15' },
    MQ060: { pendingDiscipline: true },
  };
  const facts = officials.map((o) => ({ ...o, ...(failing[o.personId] ?? {}) }));

  it('exactly 64 of 70 qualify and each of the 6 others has a Vietnamese reason with its article', () => {
    const ctx = createRuleContext({ decisionDate: '2023-01-16', provinceCode: 'AG' });
    expect(ctx.regime.code).toBe('law2003_nd91');
    const results = facts.map((f) => evaluatePerson(f, ctx));
    expect(results.filter((r) => r.advancedWorker.eligible)).toHaveLength(64);
    const rejected = results.filter((r) => !r.advancedWorker.eligible);
    expect(rejected.map((r) => r.personId)).toEqual(Object.keys(failing));
    for (const r of rejected) {
      expect(r.advancedWorker.reasons[0]?.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
      expect(r.advancedWorker.reasons[0]?.citation.length).toBeGreaterThan(10);
    }
  });
});
