import { describe, expect, it } from 'vitest';
import {
  applyQuota,
  checkBasisForHigherAward,
  checkOneAchievementOneForm,
  checkSignerAuthority,
  countsInChain,
  defaultProvinceParameters,
  evaluateUnit,
  payableForSamePeriod,
  withRegimeParameters,
  type AwardRecord,
  type PersonYearFacts,
} from './index.ts';

const person = (id: string, over: Partial<PersonYearFacts> = {}): PersonYearFacts => ({
  personId: id,
  year: 2022,
  staffCategory: 'civil_servant',
  rating: 'good',
  hiredOn: '2010-01-01',
  collectiveId: 'VP',
  ...over,
});

describe('quota — NĐ 91/2017 Điều 9 khoản 3 (CSTĐCS ≤ 15 % of LĐTT)', () => {
  it('NĐ 91 Điều 9 khoản 3: 20 LĐTT allow 3 CSTĐCS; the fourth candidate is outside with an explanation', () => {
    const persons = Array.from({ length: 20 }, (_, i) =>
      person(
        `P${String(i + 1).padStart(2, '0')}`,
        i < 4
          ? { rating: 'excellent', initiatives: [{ scope: i === 3 ? 'province' : 'grassroots', year: 2022 }] }
          : {},
      ),
    );
    const r = evaluateUnit({ unitId: 'MQ', year: 2022, persons }, { decisionDate: '2023-01-15' });
    expect(r.summary.advancedWorkers).toBe(20);
    expect(r.grassrootsFighterQuota.limit).toBe(3);
    expect(r.grassrootsFighterQuota.admitted).toEqual(['P04', 'P01', 'P02']);
    expect(r.grassrootsFighterQuota.outside).toEqual(['P03']);
    expect(r.grassrootsFighterQuota.ranking[3]?.explanation).toContain('ngoài chỉ tiêu 3 người');
    expect(r.grassrootsFighterQuota.reasons[0]?.citation).toContain('Điều 9, khoản 3');
  });

  it('Luật 2022 Điều 23: no quota by default in the new regime', () => {
    const persons = [
      person('A', { year: 2024, rating: 'excellent' }),
      person('B', { year: 2024, rating: 'excellent' }),
    ];
    const r = evaluateUnit({ unitId: 'MQ', year: 2024, persons }, { decisionDate: '2024-12-20' });
    expect(r.grassrootsFighterQuota.limit).toBeNull();
    expect(r.grassrootsFighterQuota.admitted).toEqual(['A', 'B']);
  });

  it('a province may set a quota in the new regime', () => {
    const params = withRegimeParameters(defaultProvinceParameters('AG', 2024), 'law2022_nd98', {
      grassrootsFighterQuota: { value: 0.5, verified: true, citation: 'Quy định của tỉnh' },
    });
    const persons = ['A', 'B', 'C'].map((id) => person(id, { year: 2024, rating: 'excellent' }));
    const r = evaluateUnit(
      { unitId: 'U', year: 2024, persons },
      { decisionDate: '2024-12-20', provinceParameters: params },
    );
    expect(r.grassrootsFighterQuota.admitted).toEqual(['A']);
  });

  it('NĐ 152 Điều 4 khoản 6: among equal candidates a woman comes first', () => {
    const r = applyQuota(
      [
        { id: 'A', rating: 'excellent', initiativeScope: null, chain: 1 },
        { id: 'B', rating: 'excellent', initiativeScope: null, chain: 1, female: true },
      ],
      { title: 'grassroots_emulation_fighter', ratio: 0.1, base: 10, preferWomen: true },
    );
    expect(r.admitted).toEqual(['B']);
  });
});

describe('unit candidate list', () => {
  it('derives collective ratios from the members and uses only CSTĐCS within the quota', () => {
    const persons = [
      ...Array.from({ length: 7 }, (_, i) =>
        person(`A${i}`, { year: 2024, rating: i === 0 ? 'excellent' : 'good' }),
      ),
      ...Array.from({ length: 3 }, (_, i) => person(`B${i}`, { year: 2024, rating: 'completed' })),
    ];
    const r = evaluateUnit(
      {
        unitId: 'MQ',
        year: 2024,
        persons,
        collectives: [{ collectiveId: 'VP', year: 2024, rating: 'excellent' }],
      },
      { decisionDate: '2024-12-20' },
    );
    const vp = r.collectives[0];
    expect(vp?.memberCount).toBe(10);
    expect(vp?.advancedWorkerCount).toBe(7);
    expect(vp?.excellentLabourCollective.eligible).toBe(true);
    expect(r.summary.excellentLabourCollectives).toBe(1);
  });

  it('refuses duplicate person ids', () => {
    expect(() =>
      evaluateUnit(
        { unitId: 'U', year: 2022, persons: [person('A'), person('A')] },
        { decisionDate: '2023-01-15' },
      ),
    ).toThrow(/trùng/);
  });
});

describe('principles', () => {
  const rec = (over: Partial<AwardRecord>): AwardRecord => ({
    id: 'R1',
    subjectId: 'P1',
    subjectKind: 'individual',
    award: 'advanced_worker',
    year: 2024,
    ...over,
  });

  it('Luật 2022 Điều 5: one achievement with two forms is a violation', () => {
    const v = checkOneAchievementOneForm([
      rec({ id: 'R1', award: 'commune_certificate_of_merit', achievementId: 'ACH-1' }),
      rec({ id: 'R2', award: 'certificate_of_merit', achievementId: 'ACH-1' }),
      rec({ id: 'R3', award: 'commune_certificate_of_merit', achievementId: 'ACH-2' }),
    ]);
    expect(v).toHaveLength(1);
    expect(v[0]?.recordIds).toEqual(['R1', 'R2']);
    expect(v[0]?.reason.citation).toContain('Điều 5');
  });

  it('NĐ 152 Điều 49 khoản 5: LĐTT and CSTĐCS for the same year pay only CSTĐCS; a Giấy khen is paid apart', () => {
    const r = payableForSamePeriod(
      [
        rec({ id: 'R1', award: 'advanced_worker' }),
        rec({ id: 'R2', award: 'grassroots_emulation_fighter' }),
        rec({ id: 'R3', award: 'commune_certificate_of_merit' }),
      ],
      'law2022_nd152',
    );
    expect(r.paid.map((x) => x.id)).toEqual(['R2', 'R3']);
    expect(r.unpaid.map((x) => x.record.id)).toEqual(['R1']);
    expect(r.unpaid[0]?.reason.citation).toContain('Điều 49, khoản 5');
  });

  it('NĐ 152 Điều 4: đột xuất is no basis for a higher award from 01/07/2025, and a revoked award never is', () => {
    expect(
      checkBasisForHigherAward(
        { year: 2024, award: 'commune_certificate_of_merit', kind: 'unexpected' },
        'law2022_nd98',
      ),
    ).toBeNull();
    expect(
      checkBasisForHigherAward(
        { year: 2025, award: 'commune_certificate_of_merit', kind: 'unexpected' },
        'law2022_nd152',
      )?.code,
    ).toBe('PRINCIPLE.NON_REGULAR_NOT_BASIS');
    expect(
      checkBasisForHigherAward(
        { year: 2022, award: 'grassroots_emulation_fighter', revoked: true },
        'law2003_nd91',
      )?.code,
    ).toBe('PRINCIPLE.REVOKED_NOT_BASIS');
    expect(
      countsInChain({ year: 2022, award: 'grassroots_emulation_fighter', revoked: true }, 'law2003_nd91'),
    ).toBe(false);
  });

  it.each([
    ['grassroots_emulation_fighter', 'law2022_nd98', false],
    ['grassroots_emulation_fighter', 'law2022_nd152', true],
    ['advanced_labour_collective', 'law2022_nd152', true],
    ['advanced_worker', 'law2003_nd91', true],
    ['cultural_family', 'law2022_nd98', true],
    ['provincial_diploma_of_merit', 'law2022_nd152', false],
  ] as const)(
    'Luật 2022 Điều 80 / NĐ 129/2025 Điều 59: the commune chairman may grant %s under %s: %s',
    (award, regime, allowed) => {
      const subject =
        award === 'advanced_labour_collective'
          ? 'collective'
          : award === 'cultural_family'
            ? 'household'
            : 'individual';
      expect(checkSignerAuthority(award, 'commune_chairman', subject, regime).allowed).toBe(allowed);
    },
  );
});
