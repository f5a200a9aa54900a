import { BASE_SALARY_TABLE, baseSalaryPeriodOn, type BaseSalaryPeriod } from './base-salary.ts';
import { CATALOGUE, type MoneyRule } from './catalogue.ts';
import { CITATIONS } from './citations.ts';
import { regimeFor } from './regimes.ts';
import type { AwardCode, IsoDate, Reason, RegimeCode, RoundingMode, SubjectKind } from './types.ts';
import { amountInWords, formatVnd } from './vnd.ts';

const ROUNDING_UNIT = 10_000;

/**
 * "Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng"
 * (NĐ 91 Điều 68 khoản 2; NĐ 98; NĐ 152 Điều 49 khoản 2). The mode is a provincial parameter:
 * 'nearest' reproduces the only example that tells the modes apart (223.500 → 220.000).
 */
export function roundReward(amount: number, mode: RoundingMode): number {
  if (amount <= 0) return 0;
  // Amounts are exact to the đồng here; the epsilon absorbs binary noise such as 223499.99999.
  const units = amount / ROUNDING_UNIT;
  switch (mode) {
    case 'nearest':
      return Math.floor(units + 0.5 + 1e-9) * ROUNDING_UNIT;
    case 'up':
      return Math.ceil(units - 1e-9) * ROUNDING_UNIT;
    case 'none':
      return Math.round(amount);
  }
}

/** coefficient × base salary, exact to the đồng (coefficients have at most 3 decimals). */
export function unroundedAmount(coefficient: number, baseSalary: number): number {
  if (coefficient <= 0 || baseSalary <= 0) return 0;
  return (Math.round(coefficient * 1000) * baseSalary) / 1000;
}

/** Money for a coefficient: never negative, non-decreasing in the coefficient. */
export function moneyFor(coefficient: number, baseSalary: number, rounding: RoundingMode): number {
  return roundReward(unroundedAmount(coefficient, baseSalary), rounding);
}

export type RewardAmountInput = {
  readonly award: AwardCode;
  readonly subjectKind: SubjectKind;
  readonly decisionDate: IsoDate;
  readonly regime?: RegimeCode | null;
  readonly rounding?: RoundingMode;
  readonly baseSalaryTable?: readonly BaseSalaryPeriod[];
};

export type RewardAmount = {
  readonly award: AwardCode;
  readonly subjectKind: SubjectKind;
  readonly regime: RegimeCode;
  readonly decisionDate: IsoDate;
  /** null when the law sets no amount (or none was verified) for this award and subject kind. */
  readonly amount: number | null;
  readonly unrounded: number | null;
  /** Effective coefficient × base salary (a collective Giấy khen: 2 × the individual coefficient). */
  readonly coefficient: number | null;
  readonly baseSalary: number | null;
  readonly baseSalaryFrom: IsoDate | null;
  readonly rounding: RoundingMode;
  readonly formatted: string | null;
  readonly inWords: string | null;
  readonly verified: boolean;
  readonly reasons: readonly Reason[];
};

/**
 * Reward money of one award on the decision date: coefficient × the base salary in force on that
 * date; a collective's (or household's) amount derived from the form's individual amount is
 * rounded from the unrounded individual amount times the multiplier (447.000 → 450.000).
 */
export function rewardAmount(input: RewardAmountInput): RewardAmount {
  const regime = regimeFor(input.decisionDate, input.regime ?? null).code;
  const rounding = input.rounding ?? 'nearest';
  const entry = CATALOGUE[input.award].regimes[regime];
  const base = {
    award: input.award,
    subjectKind: input.subjectKind,
    regime,
    decisionDate: input.decisionDate,
    rounding,
  };
  const none = (reason: Reason): RewardAmount =>
    Object.freeze({
      ...base,
      amount: null,
      unrounded: null,
      coefficient: null,
      baseSalary: null,
      baseSalaryFrom: null,
      formatted: null,
      inWords: null,
      verified: reason.verified,
      reasons: Object.freeze([reason]),
    });
  if (!entry) {
    return none({
      code: 'MONEY.AWARD_NOT_IN_REGIME',
      outcome: 'fail',
      message: `Hình thức “${CATALOGUE[input.award].name}” không có trong chế độ pháp lý áp dụng cho ngày quyết định.`,
      citation: CATALOGUE[input.award].citation,
      verified: true,
    });
  }
  const rule = entry.money[input.subjectKind];
  if (!rule) {
    return none({
      code: 'MONEY.NO_COEFFICIENT',
      outcome: 'note',
      message: `Chưa có mức tiền thưởng đã được xác minh cho “${CATALOGUE[input.award].name}” đối với đối tượng này.`,
      citation: CATALOGUE[input.award].citation,
      verified: false,
    });
  }
  const period = baseSalaryPeriodOn(input.decisionDate, input.baseSalaryTable ?? BASE_SALARY_TABLE);
  if (!period) {
    return none({
      code: 'MONEY.NO_BASE_SALARY',
      outcome: 'fail',
      message: 'Không có mức lương cơ sở áp dụng cho ngày quyết định.',
      citation: 'Bảng mức lương cơ sở',
      verified: true,
    });
  }
  let coefficient: number;
  let unrounded: number;
  let ruleVerified = rule.verified;
  const reasons: Reason[] = [];
  if (rule.basis === 'coefficient') {
    coefficient = rule.coefficient;
    unrounded = unroundedAmount(rule.coefficient, period.amount);
  } else {
    const individual: MoneyRule | null | undefined = entry.money.individual;
    if (!individual || individual.basis !== 'coefficient') {
      return none({
        code: 'MONEY.NO_INDIVIDUAL_BASE',
        outcome: 'fail',
        message: 'Không có mức tiền thưởng cá nhân làm căn cứ tính.',
        citation: rule.citation,
        verified: false,
      });
    }
    ruleVerified = ruleVerified && individual.verified;
    coefficient = individual.coefficient * rule.multiplier;
    unrounded = unroundedAmount(individual.coefficient, period.amount) * rule.multiplier;
    reasons.push({
      code: 'MONEY.MULTIPLE_OF_INDIVIDUAL',
      outcome: 'note',
      message: `Mức thưởng bằng ${String(rule.multiplier).replace('.', ',')} lần mức tiền thưởng của cá nhân (${formatVnd(unrounded / rule.multiplier)} đồng trước khi làm tròn).`,
      citation: rule.citation,
      verified: rule.verified,
    });
  }
  const amount = roundReward(unrounded, rounding);
  reasons.unshift({
    code: 'MONEY.COEFFICIENT',
    outcome: 'pass',
    message: `Hệ số ${String(coefficient).replace('.', ',')} × mức lương cơ sở ${formatVnd(period.amount)} đồng (áp dụng từ ${period.from.slice(8, 10)}/${period.from.slice(5, 7)}/${period.from.slice(0, 4)}) = ${formatVnd(unrounded)} đồng.`,
    citation: rule.citation,
    verified: ruleVerified && period.verified,
  });
  if (rounding !== 'none') {
    reasons.push({
      code: 'MONEY.ROUNDING',
      outcome: 'note',
      message:
        rounding === 'nearest'
          ? `Làm tròn đến hàng chục nghìn đồng gần nhất: ${formatVnd(amount)} đồng.`
          : `Làm tròn lên hàng chục nghìn đồng: ${formatVnd(amount)} đồng.`,
      citation:
        regime === 'law2003_nd91'
          ? CITATIONS.nd91Art68K2.text
          : regime === 'law2022_nd98'
            ? CITATIONS.nd98Rounding.text
            : CITATIONS.nd152Art49K2.text,
      // The wording is verified; whether "lên" means up or nearest is not (follow-up §4).
      verified: false,
    });
  }
  return Object.freeze({
    ...base,
    amount,
    unrounded,
    coefficient,
    baseSalary: period.amount,
    baseSalaryFrom: period.from,
    formatted: formatVnd(amount),
    inWords: amountInWords(amount),
    verified: ruleVerified && period.verified,
    reasons: Object.freeze(reasons.map((r) => Object.freeze(r))),
  });
}

/**
 * The unverified citations that decided an amount. The rounding mode counts only where "up" and
 * "nearest" give different amounts: otherwise the open question changes nothing.
 */
export function unverifiedMoneyCitations(money: RewardAmount): string[] {
  const out = new Set<string>();
  for (const r of money.reasons) {
    if (r.verified) continue;
    if (
      r.code === 'MONEY.ROUNDING' &&
      money.unrounded !== null &&
      roundReward(money.unrounded, 'up') === roundReward(money.unrounded, 'nearest')
    )
      continue;
    out.add(r.citation);
  }
  return [...out];
}
