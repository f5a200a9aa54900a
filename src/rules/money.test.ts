import { describe, expect, it } from 'vitest';
import { amountInWords, baseSalaryOn, formatVnd, rewardAmount, roundReward } from './index.ts';

describe('base salary in force on the decision date', () => {
  it.each([
    ['2019-06-30', 1_390_000],
    ['2019-07-01', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2026-06-30', 2_340_000],
    ['2026-07-01', 2_530_000],
  ])('on %s the base salary is %i', (date, amount) => {
    expect(baseSalaryOn(date)).toBe(amount);
  });

  it('refuses a date before the first entry of the table', () => {
    expect(() => baseSalaryOn('2010-01-01')).toThrow(/lương cơ sở/);
  });
});

describe('worked examples of the brief (NĐ 91/2017 Điều 68, 69, 73)', () => {
  it('NĐ 91 Điều 69: "Lao động tiên tiến" 0.3 × 1,490,000 = 447,000 is paid 450,000 đồng', () => {
    const r = rewardAmount({
      award: 'advanced_worker',
      subjectKind: 'individual',
      decisionDate: '2023-01-15',
    });
    expect(r.unrounded).toBe(447_000);
    expect(r.amount).toBe(450_000);
    expect(r.inWords).toBe('Bốn trăm năm mươi nghìn đồng');
  });

  it('NĐ 91 Điều 73 khoản 1 điểm d: commune Giấy khen in late 2023 pays 270,000 to an individual', () => {
    const r = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'individual',
      decisionDate: '2023-12-20',
    });
    expect(r.amount).toBe(270_000);
    expect(r.formatted).toBe('270.000');
    expect(r.inWords).toBe('Hai trăm bảy mươi nghìn đồng');
    expect(r.regime).toBe('law2003_nd91');
  });

  it('NĐ 91 Điều 73 khoản 2 điểm b: commune Giấy khen in late 2023 pays 540,000 to a collective', () => {
    const r = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'collective',
      decisionDate: '2023-12-20',
    });
    expect(r.amount).toBe(540_000);
    expect(r.coefficient).toBeCloseTo(0.3, 10);
  });

  it('NĐ 91 Điều 68 khoản 2: 223,500 rounds to 220,000 (nearest) and the collective 447,000 to 450,000', () => {
    const ind = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'individual',
      decisionDate: '2023-06-30',
    });
    const coll = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'collective',
      decisionDate: '2023-06-30',
    });
    expect([ind.unrounded, ind.amount]).toEqual([223_500, 220_000]);
    expect([coll.unrounded, coll.amount]).toEqual([447_000, 450_000]);
  });

  it('the collective amount is rounded from twice the unrounded individual amount, not doubled after rounding', () => {
    const coll = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'collective',
      decisionDate: '2023-06-30',
    });
    expect(coll.amount).not.toBe(2 * 220_000);
  });

  it('rounding up to tens of thousands gives 230,000 for 223,500 when the province chooses it', () => {
    expect(roundReward(223_500, 'up')).toBe(230_000);
    expect(roundReward(220_000, 'up')).toBe(220_000);
    expect(roundReward(225_000, 'nearest')).toBe(230_000);
    expect(roundReward(702_000, 'none')).toBe(702_000);
  });
});

describe('Giấy khen of the commune chairman by regime (follow-up §1)', () => {
  it.each([
    ['2023-12-31', 'law2003_nd91', 270_000],
    ['2024-01-01', 'law2022_nd98', 270_000],
    ['2024-06-30', 'law2022_nd98', 270_000],
    ['2024-07-01', 'law2022_nd98', 350_000],
    ['2025-06-30', 'law2022_nd98', 350_000],
    ['2025-07-01', 'law2022_nd152', 700_000],
  ])(
    'NĐ 98 Điều 58 khoản 1 điểm g / NĐ 152 Điều 54 khoản 1 điểm e: decided %s under %s pays %i',
    (date, regime, amount) => {
      const r = rewardAmount({
        award: 'commune_certificate_of_merit',
        subjectKind: 'individual',
        decisionDate: date,
      });
      expect(r.regime).toBe(regime);
      expect(r.amount).toBe(amount);
    },
  );

  it('NĐ 152 Điều 54: a household receives 1.5 × the individual amount (1,053,000 → 1,050,000)', () => {
    const r = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'household',
      decisionDate: '2025-08-01',
    });
    expect(r.unrounded).toBe(1_053_000);
    expect(r.amount).toBe(1_050_000);
    // The ×1,5 is read only in a TVPL summary table, and 0,3 only in the press: not verified.
    expect(r.verified).toBe(false);
  });

  it('the household multiplier before 07/2025 is applied but flagged unverified', () => {
    const r = rewardAmount({
      award: 'commune_certificate_of_merit',
      subjectKind: 'household',
      decisionDate: '2024-08-01',
    });
    expect(r.verified).toBe(false);
  });

  it('"Gia đình văn hóa" has no verified money and says so', () => {
    const r = rewardAmount({
      award: 'cultural_family',
      subjectKind: 'household',
      decisionDate: '2025-08-01',
    });
    expect(r.amount).toBeNull();
    expect(r.reasons[0]?.code).toBe('MONEY.NO_COEFFICIENT');
  });

  it('provincial Bằng khen is 1.0 before and 1.5 from 01/07/2025 (NĐ 152 Điều 54 khoản 1 điểm b)', () => {
    expect(
      rewardAmount({
        award: 'provincial_diploma_of_merit',
        subjectKind: 'individual',
        decisionDate: '2025-06-30',
      }).amount,
    ).toBe(2_340_000);
    expect(
      rewardAmount({
        award: 'provincial_diploma_of_merit',
        subjectKind: 'individual',
        decisionDate: '2025-07-01',
      }).amount,
    ).toBe(3_510_000);
  });

  it('"Xã, phường tiêu biểu" does not exist before 2024', () => {
    const r = rewardAmount({
      award: 'exemplary_commune',
      subjectKind: 'collective',
      decisionDate: '2023-05-01',
    });
    expect(r.amount).toBeNull();
    expect(r.reasons[0]?.code).toBe('MONEY.AWARD_NOT_IN_REGIME');
  });
});

describe('amounts in Vietnamese words and with thousands separators', () => {
  it.each([
    [0, 'Không đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [270_000, 'Hai trăm bảy mươi nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [1_404_000, 'Một triệu bốn trăm linh bốn nghìn đồng'],
    [14_400_000, 'Mười bốn triệu bốn trăm nghìn đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [1_000_005_000_000, 'Một nghìn tỷ không trăm linh năm triệu đồng'],
  ])('%i is written "%s"', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it.each([
    [270_000, '270.000'],
    [1_404_000, '1.404.000'],
    [999, '999'],
    [-1_000, '-1.000'],
  ])('%i is formatted %s', (n, text) => {
    expect(formatVnd(n)).toBe(text);
  });
});
