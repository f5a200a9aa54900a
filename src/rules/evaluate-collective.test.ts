import { describe, expect, it } from 'vitest';
import {
  createRuleContext,
  evaluateCollective,
  evaluateHousehold,
  type CollectiveYearFacts,
  type HouseholdYearFacts,
} from './index.ts';

const OLD = createRuleContext({ decisionDate: '2023-01-15' });
const ND98 = createRuleContext({ decisionDate: '2024-12-20' });
const ND152 = createRuleContext({ decisionDate: '2025-12-20' });

const collective = (over: Partial<CollectiveYearFacts> = {}): CollectiveYearFacts => ({
  collectiveId: 'C01',
  year: 2024,
  rating: 'excellent',
  memberCount: 100,
  advancedWorkerCount: 70,
  completedCount: 100,
  grassrootsFighterCount: 1,
  worstMemberDiscipline: null,
  ...over,
});
const codes = (r: { reasons: readonly { code: string }[] }) => r.reasons.map((x) => x.code);

describe('"Tập thể lao động xuất sắc" — Luật 2022 Điều 27 khoản 1', () => {
  it('Luật 2022 Điều 27 khoản 1 điểm c: collective with 70 % LĐTT, 100 % completing and one CSTĐCS is TTLĐXS', () => {
    const r = evaluateCollective(collective(), ND98);
    expect(r.excellentLabourCollective.eligible).toBe(true);
    expect(r.highestTitle).toBe('excellent_labour_collective');
  });

  it('Luật 2022 Điều 27 khoản 1 điểm c: collective with 69 % LĐTT is not TTLĐXS', () => {
    const r = evaluateCollective(collective({ advancedWorkerCount: 69 }), ND98);
    expect(r.excellentLabourCollective.eligible).toBe(false);
    expect(codes(r.excellentLabourCollective)).toEqual(['EXCELLENT_COLLECTIVE.ADVANCED_WORKER_RATIO']);
    expect(r.excellentLabourCollective.reasons[0]?.message).toContain('69 % (69/100)');
  });

  it('Luật 2022 Điều 27 khoản 1 điểm c: one member not completing tasks excludes TTLĐXS', () => {
    const r = evaluateCollective(collective({ completedCount: 99 }), ND98);
    expect(codes(r.excellentLabourCollective)).toEqual(['EXCELLENT_COLLECTIVE.NOT_ALL_COMPLETED']);
  });

  it('Luật 2022 Điều 27 khoản 1 điểm d: without a CSTĐCS the collective is not TTLĐXS', () => {
    const r = evaluateCollective(collective({ grassrootsFighterCount: 0 }), ND98);
    expect(codes(r.excellentLabourCollective)).toEqual(['EXCELLENT_COLLECTIVE.NO_GRASSROOTS_FIGHTER']);
  });

  it('Luật 2022 Điều 27 khoản 1 điểm a: a collective rated good is not TTLĐXS', () => {
    const r = evaluateCollective(collective({ rating: 'good' }), ND98);
    expect(r.excellentLabourCollective.eligible).toBe(false);
    expect(r.advancedLabourCollective.eligible).toBe(true);
  });

  it('the ratio check is exact for small collectives (3 of 4 members = 75 %, 2 of 3 = 66,7 %)', () => {
    expect(
      evaluateCollective(collective({ memberCount: 4, advancedWorkerCount: 3, completedCount: 4 }), ND98)
        .excellentLabourCollective.eligible,
    ).toBe(true);
    const r = evaluateCollective(
      collective({ memberCount: 3, advancedWorkerCount: 2, completedCount: 3 }),
      ND98,
    );
    expect(r.excellentLabourCollective.reasons[0]?.message).toContain('66,7 %');
  });
});

describe('"Tập thể lao động tiên tiến" — Luật 2003 (sđ 2013) Điều 28; Luật 2022 Điều 28 khoản 3 (province, Bắc Ninh template)', () => {
  it('Luật 2003 (sđ 2013) Điều 28: exactly 50 % LĐTT is not "trên 50 %"', () => {
    const r = evaluateCollective(
      collective({ year: 2022, rating: 'good', memberCount: 10, advancedWorkerCount: 5 }),
      OLD,
    );
    expect(codes(r.advancedLabourCollective)).toEqual(['ADVANCED_COLLECTIVE.ADVANCED_WORKER_RATIO']);
    expect(r.advancedLabourCollective.reasons[0]?.message).toContain('chưa trên 50 %');
  });

  it('Luật 2003 (sđ 2013) Điều 28: 6 of 10 LĐTT is TTLĐTT in the old regime but not under the Bắc Ninh template', () => {
    const facts = collective({ year: 2022, rating: 'good', memberCount: 10, advancedWorkerCount: 6 });
    expect(evaluateCollective(facts, OLD).advancedLabourCollective.eligible).toBe(true);
    const r = evaluateCollective({ ...facts, year: 2025 }, ND152);
    expect(r.advancedLabourCollective.eligible).toBe(false);
    expect(r.advancedLabourCollective.reasons[0]?.verified).toBe(false);
    expect(r.advancedLabourCollective.reasons[0]?.citation).toContain('Bắc Ninh');
  });

  it('Luật 2003 (sđ 2013) Điều 28: a member disciplined with a warning excludes the collective; a reprimand does not', () => {
    const base = collective({ year: 2022, rating: 'good' });
    expect(
      evaluateCollective({ ...base, worstMemberDiscipline: 'warning' }, OLD).advancedLabourCollective
        .eligible,
    ).toBe(false);
    expect(
      evaluateCollective({ ...base, worstMemberDiscipline: 'reprimand' }, OLD).advancedLabourCollective
        .eligible,
    ).toBe(true);
  });

  it('TT 15/2025/TT-BNV: a collective dissolved by the reorganisation is not awarded', () => {
    const r = evaluateCollective(collective({ year: 2025, dissolved: true }), ND152);
    expect(codes(r.advancedLabourCollective)).toContain('ADVANCED_COLLECTIVE.DISSOLVED');
  });

  it('NĐ 152 Điều 4 khoản 4: a collective under investigation is not awarded', () => {
    const r = evaluateCollective(collective({ year: 2025, pendingDiscipline: true }), ND152);
    expect(r.highestTitle).toBeNull();
  });
});

describe('"Gia đình văn hóa" — NĐ 86/2023 checklist', () => {
  const household = (criteria: Partial<HouseholdYearFacts['criteria']> = {}): HouseholdYearFacts => ({
    householdId: 'H01',
    year: 2024,
    criteria: { lawCompliance: true, emulationParticipation: true, happyFamily: true, ...criteria },
  });

  it('NĐ 86/2023: a household meeting the three criteria is "Gia đình văn hóa"', () => {
    const r = evaluateHousehold(household(), ND98);
    expect(r.culturalFamily.eligible).toBe(true);
    expect(r.checklist.every((c) => c.met)).toBe(true);
    expect(r.culturalFamily.reasons[0]?.citation).toContain('86/2023');
  });

  it('NĐ 86/2023: a household missing one criterion is not, and the missing criterion is named', () => {
    const r = evaluateHousehold(household({ emulationParticipation: false }), ND98);
    expect(r.culturalFamily.eligible).toBe(false);
    expect(r.culturalFamily.reasons.filter((x) => x.outcome === 'fail').map((x) => x.message)).toEqual([
      expect.stringContaining('phong trào thi đua'),
    ]);
  });

  it('before 30/01/2024 the citation is NĐ 122/2018, flagged unverified', () => {
    const r = evaluateHousehold(household(), OLD);
    expect(r.culturalFamily.reasons[0]?.citation).toContain('122/2018');
    expect(r.culturalFamily.reasons[0]?.verified).toBe(false);
  });
});
