import type { IsoDate, RegimeCode } from './types.ts';

export type Regime = {
  readonly code: RegimeCode;
  readonly name: string;
  /** First decision date of the regime (inclusive); null = open. */
  readonly from: IsoDate | null;
  /** Last decision date of the regime (inclusive); null = open. */
  readonly to: IsoDate | null;
  readonly legalBasis: readonly string[];
  readonly citation: string;
};

// Legal brief §1: the rule set is chosen by the date of the award decision.
export const REGIMES: Readonly<Record<RegimeCode, Regime>> = Object.freeze({
  law2003_nd91: Object.freeze({
    code: 'law2003_nd91',
    name: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP',
    from: null,
    to: '2023-12-31',
    legalBasis: Object.freeze([
      'Luật Thi đua, khen thưởng số 15/2003/QH11, sửa đổi, bổ sung 2005, 2009, 2013',
      'Nghị định 91/2017/NĐ-CP',
      'Thông tư 12/2019/TT-BNV',
    ]),
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 94 (Luật 2003 hết hiệu lực từ 01/01/2024)',
  }),
  law2022_nd98: Object.freeze({
    code: 'law2022_nd98',
    name: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
    from: '2024-01-01',
    to: '2025-06-30',
    legalBasis: Object.freeze([
      'Luật Thi đua, khen thưởng số 06/2022/QH15',
      'Nghị định 98/2023/NĐ-CP',
      'Thông tư 01/2024/TT-BNV',
    ]),
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 94 (hiệu lực từ 01/01/2024)',
  }),
  law2022_nd152: Object.freeze({
    code: 'law2022_nd152',
    name: 'Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP và Nghị định 129/2025/NĐ-CP',
    from: '2025-07-01',
    to: null,
    legalBasis: Object.freeze([
      'Luật Thi đua, khen thưởng số 06/2022/QH15',
      'Nghị định 152/2025/NĐ-CP',
      'Nghị định 129/2025/NĐ-CP',
      'Thông tư 15/2025/TT-BNV',
    ]),
    citation:
      'Nghị định 152/2025/NĐ-CP, Điều 59 (hiệu lực từ 01/7/2025; Nghị định 98/2023/NĐ-CP hết hiệu lực)',
  }),
});

export const REGIME_CODES: readonly RegimeCode[] = Object.freeze([
  'law2003_nd91',
  'law2022_nd98',
  'law2022_nd152',
]);

export function isRegimeCode(value: unknown): value is RegimeCode {
  return value === 'law2003_nd91' || value === 'law2022_nd98' || value === 'law2022_nd152';
}

/**
 * The regime in force on the decision date, unless the operator overrides it (the transition of
 * 2023 achievements decided in 2024 is an open question — legal brief §1, §13.10); the decision
 * must store the regime it used.
 */
export function regimeFor(decisionDate: IsoDate, override?: RegimeCode | null): Regime {
  if (override) return REGIMES[override];
  if (decisionDate <= '2023-12-31') return REGIMES.law2003_nd91;
  if (decisionDate <= '2025-06-30') return REGIMES.law2022_nd98;
  return REGIMES.law2022_nd152;
}
