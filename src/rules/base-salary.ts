import type { IsoDate } from './types.ts';

export type BaseSalaryPeriod = {
  readonly from: IsoDate;
  readonly amount: number;
  readonly instrument: string;
  readonly verified: boolean;
};

// Mức lương cơ sở by effective date (legal brief §6.3, follow-up §5). Later values are added
// here as data. Money uses the amount in force on the decision date (ND 98 principle, brief §1).
export const BASE_SALARY_TABLE: readonly BaseSalaryPeriod[] = Object.freeze([
  Object.freeze({
    from: '2017-07-01',
    amount: 1_300_000,
    instrument: 'Nghị định 47/2017/NĐ-CP (số hiệu chưa đối chiếu)',
    verified: true,
  }),
  Object.freeze({
    from: '2018-07-01',
    amount: 1_390_000,
    instrument: 'Nghị định 72/2018/NĐ-CP (số hiệu chưa đối chiếu)',
    verified: true,
  }),
  Object.freeze({
    from: '2019-07-01',
    amount: 1_490_000,
    instrument: 'Nghị định 38/2019/NĐ-CP',
    verified: true,
  }),
  Object.freeze({
    from: '2023-07-01',
    amount: 1_800_000,
    instrument: 'Nghị định 24/2023/NĐ-CP',
    verified: true,
  }),
  Object.freeze({
    from: '2024-07-01',
    amount: 2_340_000,
    instrument: 'Nghị định 73/2024/NĐ-CP',
    verified: true,
  }),
  // Announced by the Government (VGP, 09/3/2026); the decree number is not confirmed.
  Object.freeze({
    from: '2026-07-01',
    amount: 2_530_000,
    instrument: 'Nghị định về mức lương cơ sở từ 01/7/2026 (số hiệu chưa xác minh)',
    verified: false,
  }),
]);

/** The base salary period in force on `date`, or null before the first entry of the table. */
export function baseSalaryPeriodOn(
  date: IsoDate,
  table: readonly BaseSalaryPeriod[] = BASE_SALARY_TABLE,
): BaseSalaryPeriod | null {
  let found: BaseSalaryPeriod | null = null;
  for (const period of table) {
    if (period.from <= date && (found === null || period.from >= found.from)) found = period;
  }
  return found;
}

/** Base salary (VND/month) in force on `date`; throws before the first entry of the table. */
export function baseSalaryOn(date: IsoDate, table: readonly BaseSalaryPeriod[] = BASE_SALARY_TABLE): number {
  const period = baseSalaryPeriodOn(date, table);
  if (!period) throw new RangeError(`Không có mức lương cơ sở áp dụng cho ngày ${date}.`);
  return period.amount;
}
