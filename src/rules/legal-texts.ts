// The texts a document cites as its legal bases (căn cứ ban hành), chosen by the document's date and
// regime: the law on local government in force that day, the emulation law with its decree, and the
// province's own regulation. Every generated document takes its bases from here, so a decision of
// 22/12/2023 cites Luật TĐKT 2003 and NĐ 91/2017, never a text that did not yet exist.
import { regimeFor, type Regime } from './regimes.ts';
import type { IsoDate, RegimeCode } from './types.ts';

export type LegalText = {
  /** As written after "Căn cứ" in a decision, without the closing semicolon. */
  readonly basis: string;
  /** Short form for a footer line or a table cell: "Nghị định số 91/2017/NĐ-CP". */
  readonly short: string;
  /** Number and symbol, to check a document against ("91/2017/NĐ-CP"). */
  readonly symbol: string;
  /** First day the text applies (inclusive); null = long before the system's first year. */
  readonly from: IsoDate | null;
  /** Last day (inclusive); null = still in force. */
  readonly to: IsoDate | null;
  /** false where the date or title has not been checked against the published text. */
  readonly verified: boolean;
};

const t = (text: LegalText): LegalText => Object.freeze(text);

/**
 * Luật Tổ chức chính quyền địa phương: the text a commune's decision cites for its chairman's power.
 * 77/2015/QH13 (in force 01/01/2016) as amended by 47/2019/QH14 (in force 01/7/2020); replaced by
 * 65/2025/QH15 (passed 19/02/2025, in force 01/3/2025), itself replaced by 72/2025/QH15, passed
 * 16/6/2025 (legal brief §11, S94) — in force on passing (date not read in the brief: unverified).
 */
export const LOCAL_GOVERNMENT_LAWS: readonly LegalText[] = Object.freeze([
  t({
    basis: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
    short: 'Luật Tổ chức chính quyền địa phương năm 2015',
    symbol: '77/2015/QH13',
    from: null,
    to: '2020-06-30',
    verified: false,
  }),
  t({
    basis:
      'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
    short: 'Luật Tổ chức chính quyền địa phương năm 2015 (sửa đổi, bổ sung năm 2019)',
    symbol: '77/2015/QH13',
    from: '2020-07-01',
    to: '2025-02-28',
    verified: false,
  }),
  t({
    basis: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025',
    short: 'Luật Tổ chức chính quyền địa phương số 65/2025/QH15',
    symbol: '65/2025/QH15',
    from: '2025-03-01',
    to: '2025-06-15',
    verified: false,
  }),
  t({
    basis: 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
    short: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15',
    symbol: '72/2025/QH15',
    from: '2025-06-16',
    to: null,
    verified: false,
  }),
]);

const LAW_2003 = t({
  basis:
    'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013',
  short: 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)',
  symbol: '15/2003/QH11',
  from: null,
  to: '2023-12-31',
  verified: true,
});
const LAW_2022 = t({
  basis: 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
  short: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
  symbol: '06/2022/QH15',
  from: '2024-01-01',
  to: null,
  verified: true,
});

/** The emulation law and its implementing decree, per regime (legal brief §1). */
export const EMULATION_TEXTS: Readonly<Record<RegimeCode, readonly LegalText[]>> = Object.freeze({
  law2003_nd91: Object.freeze([
    LAW_2003,
    t({
      basis:
        'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
      short: 'Nghị định số 91/2017/NĐ-CP',
      symbol: '91/2017/NĐ-CP',
      from: null,
      to: '2023-12-31',
      verified: true,
    }),
  ]),
  law2022_nd98: Object.freeze([
    LAW_2022,
    t({
      basis:
        'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
      short: 'Nghị định số 98/2023/NĐ-CP',
      symbol: '98/2023/NĐ-CP',
      from: '2024-01-01',
      to: '2025-06-30',
      verified: true,
    }),
  ]),
  law2022_nd152: Object.freeze([
    LAW_2022,
    t({
      basis:
        'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
      short: 'Nghị định số 152/2025/NĐ-CP',
      symbol: '152/2025/NĐ-CP',
      from: '2025-07-01',
      to: null,
      verified: true,
    }),
  ]),
});

/**
 * The province's own regulation on emulation and commendation, by province code. An Giang:
 * QĐ 21/2024/QĐ-UBND of 26/6/2024, in force 10/7/2024 (legal brief §1, S65: header read, content
 * not). Whether it still applies to the province formed on 01/7/2025 is not settled: unverified.
 */
export const PROVINCE_REGULATIONS: Readonly<Record<string, readonly LegalText[]>> = Object.freeze({
  AG: Object.freeze([
    t({
      basis:
        'Quyết định số 21/2024/QĐ-UBND ngày 26 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh An Giang ban hành Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng trên địa bàn tỉnh An Giang',
      short: 'Quyết định số 21/2024/QĐ-UBND của UBND tỉnh An Giang',
      symbol: '21/2024/QĐ-UBND',
      from: '2024-07-10',
      to: null,
      verified: false,
    }),
  ]),
});

function inForce(text: LegalText, date: IsoDate): boolean {
  return (text.from === null || text.from <= date) && (text.to === null || date <= text.to);
}

export type DocumentLegalBases = {
  readonly regime: Regime;
  /** In the order a decision cites them: local government, emulation law, decree, province. */
  readonly texts: readonly LegalText[];
  /** "Luật Thi đua, khen thưởng năm 2003 (…) và Nghị định số 91/2017/NĐ-CP": for a footer line. */
  readonly shortLine: string;
};

/**
 * The legal bases of a document dated `date`. The regime is the one stored on the decision when the
 * operator chose it (transition of a dossier lodged under the earlier regime, NĐ 152/2025 Điều 60),
 * else the one in force that day. The province's regulation is cited only for a regime it was made
 * under: a regulation of 2024 implements Luật 2022, not Luật 2003.
 */
export function documentLegalBases(
  date: IsoDate,
  override: RegimeCode | null | undefined,
  provinceCode: string | null | undefined,
): DocumentLegalBases {
  const regime = regimeFor(date, override ?? null);
  const local = LOCAL_GOVERNMENT_LAWS.filter((l) => inForce(l, date));
  const emulation = EMULATION_TEXTS[regime.code];
  const province =
    regime.code === 'law2003_nd91'
      ? []
      : (PROVINCE_REGULATIONS[provinceCode ?? ''] ?? []).filter((l) => inForce(l, date));
  const shortLine = emulation.map((e) => e.short).join(' và ');
  return Object.freeze({
    regime,
    texts: Object.freeze([...local, ...emulation, ...province]),
    shortLine,
  });
}
