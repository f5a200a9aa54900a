import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  CITATIONS,
  checkSignerAuthority,
  createRuleContext,
  defaultProvinceParameters,
  evaluatePerson,
  payableForSamePeriod,
  regimeFor,
  rewardAmount,
  type AwardCode,
  type AwardRecord,
  type PersonYearFacts,
  type RegimeCode,
  type SubjectKind,
} from './index.ts';

// Table tests of the places where the engine departed from the article texts.

describe('Luật 2022 Điều 80 khoản 1 (NĐ 129/2025 Điều 59 reassigns only khoản 2–3): heads of provincial specialised agencies', () => {
  const awards: [AwardCode, SubjectKind][] = [
    ['advanced_labour_collective', 'collective'],
    ['grassroots_emulation_fighter', 'individual'],
    ['advanced_worker', 'individual'],
    ['certificate_of_merit', 'individual'],
    ['certificate_of_merit', 'collective'],
  ];
  const rows = ['2024-01-01', '2025-06-30', '2025-07-01', '2026-03-01'].flatMap((date) =>
    awards.map(([award, kind]) => [date, award, kind] as const),
  );
  it.each(rows)(
    'Luật 2022 Điều 80 khoản 1: on %s a head of a provincial department may award %s (%s)',
    (date, award, kind) => {
      const r = checkSignerAuthority(award, 'agency_head', kind, regimeFor(date).code);
      expect(r.allowed).toBe(true);
      expect(r.reason.citation).toBe(CITATIONS.law2022Art80K1.text);
      expect(r.reason.verified).toBe(true);
    },
  );

  it.each([
    ['2025-06-30', false],
    ['2025-07-01', true],
  ] as const)(
    'NĐ 129/2025 Điều 59: on %s the commune chairman may award "Chiến sĩ thi đua cơ sở": %s',
    (date, allowed) => {
      expect(
        checkSignerAuthority(
          'grassroots_emulation_fighter',
          'commune_chairman',
          'individual',
          regimeFor(date).code,
        ).allowed,
      ).toBe(allowed);
      expect(
        checkSignerAuthority(
          'advanced_labour_collective',
          'commune_chairman',
          'collective',
          regimeFor(date).code,
        ).allowed,
      ).toBe(allowed);
    },
  );

  it('Luật 2003 (sđ 2013): the old regime keeps the agency head, flagged unverified', () => {
    const r = checkSignerAuthority(
      'grassroots_emulation_fighter',
      'agency_head',
      'individual',
      'law2003_nd91',
    );
    expect(r.allowed).toBe(true);
    expect(r.reason.verified).toBe(false);
    expect(r.reason.citation).toBe(CITATIONS.oldAgencyHead.text);
  });

  it('Luật 2022 Điều 80 khoản 1 gives the agency head no "Gia đình văn hóa" and no provincial title', () => {
    for (const regime of ['law2022_nd98', 'law2022_nd152'] as const) {
      expect(checkSignerAuthority('cultural_family', 'agency_head', 'household', regime).allowed).toBe(false);
      expect(
        checkSignerAuthority('provincial_emulation_fighter', 'agency_head', 'individual', regime).allowed,
      ).toBe(false);
    }
  });
});

describe('NĐ 152/2025 Điều 49 khoản 5: money for titles of the same and of different counted time', () => {
  const rec = (over: Partial<AwardRecord> & Pick<AwardRecord, 'id' | 'award'>): AwardRecord => ({
    subjectId: 'P1',
    subjectKind: 'individual',
    year: 2025,
    ...over,
  });

  it('Luật 2022 Điều 22 khoản 1 điểm a: "Chiến sĩ thi đua cấp tỉnh" counts three years, CSTĐCS one', () => {
    expect(CATALOGUE.provincial_emulation_fighter.period?.years).toBe(3);
    expect(CATALOGUE.provincial_emulation_fighter.period?.verified).toBe(true);
    expect(CATALOGUE.grassroots_emulation_fighter.period?.years).toBe(1);
    expect(CATALOGUE.advanced_worker.period?.years).toBe(1);
    expect(CATALOGUE.commune_certificate_of_merit.period).toBeNull();
  });

  it('NĐ 152 Điều 49 khoản 5: a person with CSTĐCS and CSTĐ cấp tỉnh for the same year is paid both', () => {
    const records = [
      rec({ id: 'R1', award: 'grassroots_emulation_fighter' }),
      rec({ id: 'R2', award: 'provincial_emulation_fighter' }),
    ];
    const r = payableForSamePeriod(records, 'law2022_nd152');
    expect(r.paid.map((x) => x.id)).toEqual(['R1', 'R2']);
    expect(r.unpaid).toEqual([]);
    expect(r.notes.map((n) => n.reason.code)).toEqual([
      'PRINCIPLE.DIFFERENT_PERIOD_PAID',
      'PRINCIPLE.DIFFERENT_PERIOD_PAID',
    ]);
    expect(r.notes[0]?.reason.citation).toBe(CITATIONS.nd152Art49K5Different.text);
    // The money of both titles, 1,0 and 3,0 × 2.340.000, on a decision of 2025-12-20.
    const total = r.paid
      .map(
        (x) =>
          rewardAmount({ award: x.award, subjectKind: 'individual', decisionDate: '2025-12-20' }).amount ?? 0,
      )
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(2_340_000 + 7_020_000);
  });

  it('NĐ 152 Điều 49 khoản 5: LĐTT, CSTĐCS and CSTĐ cấp tỉnh of 2025 pay CSTĐCS and CSTĐ cấp tỉnh, not LĐTT', () => {
    const r = payableForSamePeriod(
      [
        rec({ id: 'R1', award: 'advanced_worker' }),
        rec({ id: 'R2', award: 'grassroots_emulation_fighter' }),
        rec({ id: 'R3', award: 'provincial_emulation_fighter' }),
      ],
      'law2022_nd152',
    );
    expect(r.paid.map((x) => x.id)).toEqual(['R2', 'R3']);
    expect(r.unpaid.map((x) => x.record.id)).toEqual(['R1']);
    expect(r.unpaid[0]?.reason.code).toBe('PRINCIPLE.ONLY_HIGHEST_TITLE_PAID');
    expect(r.unpaid[0]?.reason.message).toContain('năm 2025');
  });

  it('NĐ 152 Điều 49 khoản 5: two titles of one person but different subjects or years never collide', () => {
    const r = payableForSamePeriod(
      [
        rec({ id: 'R1', award: 'advanced_worker', year: 2024 }),
        rec({ id: 'R2', award: 'grassroots_emulation_fighter', year: 2025 }),
        rec({ id: 'R3', award: 'advanced_worker', subjectId: 'P2' }),
      ],
      'law2022_nd152',
    );
    expect(r.paid.map((x) => x.id)).toEqual(['R1', 'R2', 'R3']);
    expect(r.notes).toEqual([]);
  });

  it('a record may state its own counted years (e.g. a title counted over two years)', () => {
    const r = payableForSamePeriod(
      [
        rec({ id: 'R1', award: 'advanced_worker', periodYears: 2 }),
        rec({ id: 'R2', award: 'grassroots_emulation_fighter' }),
      ],
      'law2022_nd152',
    );
    expect(r.paid.map((x) => x.id)).toEqual(['R1', 'R2']);
  });

  it.each([
    ['law2022_nd98', CITATIONS.nd98MoneyPrinciples.text],
    ['law2003_nd91', CITATIONS.nd91MoneyPrinciples.text],
  ] as const)(
    'NĐ 98 (press summary) and NĐ 91 (not read): %s pays both titles too, flagged unverified',
    (regime, citation) => {
      const r = payableForSamePeriod(
        [
          rec({ id: 'R1', award: 'grassroots_emulation_fighter' }),
          rec({ id: 'R2', award: 'provincial_emulation_fighter' }),
          rec({ id: 'R3', award: 'advanced_worker' }),
        ],
        regime,
      );
      expect(r.paid.map((x) => x.id)).toEqual(['R1', 'R2']);
      expect(r.notes[0]?.reason.citation).toBe(citation);
      expect(r.notes[0]?.reason.verified).toBe(false);
      expect(r.unpaid[0]?.reason.verified).toBe(false);
    },
  );
});

describe('absences — NĐ 91/2017 Điều 10, TT 01/2024/TT-BNV, NĐ 152/2025', () => {
  const person = (year: number, over: Partial<PersonYearFacts> = {}): PersonYearFacts => ({
    personId: 'P1',
    year,
    staffCategory: 'civil_servant',
    rating: 'good',
    hiredOn: '2015-03-01',
    ...over,
  });
  const cases: [RegimeCode, string, number, boolean][] = [
    ['law2003_nd91', '2023-01-15', 2022, true],
    ['law2022_nd98', '2025-01-15', 2024, false],
    ['law2022_nd152', '2026-01-15', 2025, false],
  ];

  it.each(cases)(
    'NĐ 91 Điều 10 / TT 01/2024 Điều 1 khoản 5: %s sets no counted-months minimum for a person who is not a new hire (verified %s)',
    (regime, date, _year, verified) => {
      const p = defaultProvinceParameters('AG', Number(date.slice(0, 4))).regimes[regime];
      expect(p.minCountedMonths.value).toBeNull();
      expect(p.minCountedMonths.verified).toBe(verified);
      expect(p.deductUncountedAbsences.value).toBe(false);
      expect(p.deductUncountedAbsences.verified).toBe(verified);
    },
  );

  it.each(cases)(
    'NĐ 91 Điều 10: under %s nine months of unpaid leave exclude nobody',
    (_regime, date, year) => {
      const r = evaluatePerson(
        person(year, { absences: [{ kind: 'unpaid', from: `${year}-02-01`, to: `${year}-10-31` }] }),
        createRuleContext({ decisionDate: date }),
      );
      expect(r.advancedWorker.eligible).toBe(true);
    },
  );

  it.each([
    ['2022-03-01', true],
    ['2022-03-02', false],
    ['2022-02-28', true],
  ] as const)(
    'NĐ 91 Điều 10: recruited on %s (10 months by 31/12 or not) — eligible %s',
    (hiredOn, eligible) => {
      const r = evaluatePerson(person(2022, { hiredOn }), createRuleContext({ decisionDate: '2023-01-15' }));
      expect(r.advancedWorker.eligible).toBe(eligible);
      if (!eligible) expect(r.advancedWorker.reasons[0]?.code).toBe('ADVANCED_WORKER.NEW_HIRE_TOO_RECENT');
    },
  );

  it('NĐ 91 Điều 10: a reprimand (khiển trách) in the year excludes', () => {
    const r = evaluatePerson(
      person(2022, { disciplines: [{ form: 'reprimand', decidedOn: '2022-05-01' }] }),
      createRuleContext({ decisionDate: '2023-01-15' }),
    );
    expect(r.advancedWorker.eligible).toBe(false);
    expect(r.advancedWorker.reasons[0]?.citation).toBe(CITATIONS.nd91Art10.text);
  });
});

describe('verified flags that claimed too much (legal-followup §1.2)', () => {
  it('NĐ 98 Điều 58 khoản 2 điểm c: the collective commune Giấy khen ×2 is an inference', () => {
    const r = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'collective',
      decisionDate: '2024-12-20',
    });
    expect(r.amount).toBe(700_000);
    expect(r.verified).toBe(false);
    expect(r.reasons.find((x) => x.code === 'MONEY.MULTIPLE_OF_INDIVIDUAL')?.citation).toBe(
      CITATIONS.nd98Art58K2CCommune.text,
    );
  });

  it('NĐ 152 Điều 50: CSTĐCS money rests on the quoted text and stays verified', () => {
    const r = rewardAmount({
      award: 'grassroots_emulation_fighter',
      subjectKind: 'individual',
      decisionDate: '2025-12-20',
    });
    expect(r.amount).toBe(2_340_000);
    expect(r.verified).toBe(true);
  });
});
