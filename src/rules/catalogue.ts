import { CITATIONS, type Citation } from './citations.ts';
import type { AwardCode, FormCode, IssuerLevel, RegimeCode, SubjectKind, TitleCode } from './types.ts';

/** How the money of one subject kind is computed. */
export type MoneyRule =
  | {
      readonly basis: 'coefficient';
      /** × mức lương cơ sở. */
      readonly coefficient: number;
      readonly citation: string;
      readonly verified: boolean;
    }
  | {
      readonly basis: 'multiple_of_individual';
      /** × the unrounded individual amount of the same form. */
      readonly multiplier: number;
      readonly citation: string;
      readonly verified: boolean;
    };

export type CatalogueRegimeEntry = {
  readonly issuers: readonly IssuerLevel[];
  readonly issuersCitation: string;
  readonly issuersVerified: boolean;
  /** An issuer whose power rests on another article than the rest (e.g. Luật 2022 Điều 80 khoản 1). */
  readonly issuerCitations?: Readonly<Partial<Record<IssuerLevel, Citation>>>;
  /** null: no money set by law (or not verified to exist) for that subject kind. */
  readonly money: Readonly<Partial<Record<SubjectKind, MoneyRule | null>>>;
};

/**
 * The time counted to reach a title (NĐ 152/2025 Điều 49 khoản 5 pays only the highest of titles
 * with the same counted time, and each title whose counted time differs). A title of year Y with
 * `years` n counts the years Y − n + 1 … Y.
 */
export type CountingPeriod = {
  readonly years: number;
  readonly citation: string;
  readonly verified: boolean;
};

export type CatalogueEntry = {
  readonly code: AwardCode;
  readonly category: 'title' | 'form';
  readonly name: string;
  readonly subjectKinds: readonly SubjectKind[];
  /** Order among awards of the same subject kind: a higher rank is a higher award. */
  readonly rank: number;
  readonly artefact: string;
  readonly citation: string;
  /** Titles only; null for forms (Giấy khen, Bằng khen), which are paid per achievement. */
  readonly period: CountingPeriod | null;
  /** null: the award does not exist in that regime. */
  readonly regimes: Readonly<Record<RegimeCode, CatalogueRegimeEntry | null>>;
};

const coef = (coefficient: number, cite: Citation): MoneyRule =>
  Object.freeze({ basis: 'coefficient', coefficient, citation: cite.text, verified: cite.verified });
const times = (multiplier: number, cite: Citation, verified = cite.verified): MoneyRule =>
  Object.freeze({ basis: 'multiple_of_individual', multiplier, citation: cite.text, verified });
const issued = (
  issuers: readonly IssuerLevel[],
  cite: Citation | string,
  money: Partial<Record<SubjectKind, MoneyRule | null>>,
  verified?: boolean,
  issuerCitations?: Partial<Record<IssuerLevel, Citation>>,
): CatalogueRegimeEntry =>
  Object.freeze({
    issuers: Object.freeze([
      ...issuers,
      ...(issuerCitations ? (Object.keys(issuerCitations) as IssuerLevel[]) : []),
    ]),
    issuersCitation: typeof cite === 'string' ? cite : cite.text,
    issuersVerified: verified ?? (typeof cite === 'string' ? false : cite.verified),
    ...(issuerCitations ? { issuerCitations: Object.freeze({ ...issuerCitations }) } : {}),
    money: Object.freeze(money),
  });

const period = (years: number, citation: string, verified: boolean): CountingPeriod =>
  Object.freeze({ years, citation, verified });
// A title recognised for one year's results; the law states "hằng năm" only for some titles.
const annual = (citation: string, verified: boolean) => period(1, citation, verified);
const ANNUAL_U = 'Danh hiệu xét theo kết quả từng năm (thực tiễn; chưa đối chiếu câu chữ “hằng năm”)';

const C = CITATIONS;
const OLD_ISSUERS_U = 'Thẩm quyền cấp huyện theo Luật 2003 (sửa đổi 2013) — chưa đối chiếu';
const PROVINCE_U = 'Luật Thi đua, khen thưởng 2022, Điều 80 (thẩm quyền cấp tỉnh — chưa đối chiếu)';
const PM_U = 'Thẩm quyền của Thủ tướng Chính phủ — chưa đối chiếu';
const unverifiedHousehold = (cite: Citation) => times(1.5, cite, false);

const entry = (e: CatalogueEntry): CatalogueEntry => Object.freeze(e);

// Legal brief §3, §4.4, §6.2 and follow-up §1 (which wins: commune Giấy khen 0.15 under ND 98,
// household Giấy khen 1.5 × the individual amount under ND 152).
export const CATALOGUE: Readonly<Record<AwardCode, CatalogueEntry>> = Object.freeze({
  advanced_worker: entry({
    code: 'advanced_worker',
    category: 'title',
    name: 'Lao động tiên tiến',
    subjectKinds: ['individual'],
    rank: 10,
    artefact: 'Không có giấy chứng nhận; công nhận trong quyết định',
    citation: C.law2022Art24K1.text,
    period: annual(ANNUAL_U, false),
    regimes: {
      law2003_nd91: issued(
        ['commune_chairman', 'district_chairman'],
        'Thủ tục hành chính cấp xã theo Nghị định 91/2017/NĐ-CP',
        { individual: coef(0.3, C.nd91Art69) },
        true,
        { agency_head: C.oldAgencyHead },
      ),
      law2022_nd98: issued(
        ['commune_chairman', 'district_chairman'],
        `${C.law2022Art80K2.text}; khoản 3`,
        { individual: coef(0.3, C.nd98Art54) },
        true,
        { agency_head: C.law2022Art80K1 },
      ),
      // NĐ 129/2025 Điều 59 reassigns only khoản 2 and 3 of Luật 2022 Điều 80: khoản 1 stands.
      law2022_nd152: issued(
        ['commune_chairman'],
        C.nd129Art59,
        { individual: coef(0.3, C.nd152Art50) },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
    },
  }),
  grassroots_emulation_fighter: entry({
    code: 'grassroots_emulation_fighter',
    category: 'title',
    name: 'Chiến sĩ thi đua cơ sở',
    subjectKinds: ['individual'],
    rank: 20,
    artefact: 'Bằng chứng nhận, khung',
    citation: C.law2022Art23.text,
    // One year each: Luật 2022 Điều 22 khoản 1 điểm a counts "03 lần liên tục" of this title.
    period: annual(`${C.law2022Art22.text} (mỗi lần “Chiến sĩ thi đua cơ sở” là một năm — suy ra)`, false),
    regimes: {
      law2003_nd91: issued(
        ['district_chairman'],
        OLD_ISSUERS_U,
        { individual: coef(1.0, C.nd91Art69) },
        undefined,
        { agency_head: C.oldAgencyHead },
      ),
      law2022_nd98: issued(
        ['district_chairman'],
        C.law2022Art80K2,
        { individual: coef(1.0, C.nd98Art54) },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
      law2022_nd152: issued(
        ['commune_chairman'],
        C.nd129Art59,
        { individual: coef(1.0, C.nd152Art50) },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
    },
  }),
  provincial_emulation_fighter: entry({
    code: 'provincial_emulation_fighter',
    category: 'title',
    name: 'Chiến sĩ thi đua cấp tỉnh',
    subjectKinds: ['individual'],
    rank: 30,
    artefact: 'Bằng chứng nhận, khung, huy hiệu, hộp',
    citation: C.law2022Art22.text,
    // Counted over the three consecutive years of "Chiến sĩ thi đua cơ sở" it is chosen from.
    period: period(3, C.law2022Art22.text, C.law2022Art22.verified),
    regimes: {
      law2003_nd91: issued(['province_chairman'], PROVINCE_U, { individual: coef(3.0, C.nd91Art69) }),
      law2022_nd98: issued(['province_chairman'], PROVINCE_U, { individual: coef(3.0, C.nd98Art54) }),
      law2022_nd152: issued(['province_chairman'], PROVINCE_U, { individual: coef(3.0, C.nd152Art50) }),
    },
  }),
  national_emulation_fighter: entry({
    code: 'national_emulation_fighter',
    category: 'title',
    name: 'Chiến sĩ thi đua toàn quốc',
    subjectKinds: ['individual'],
    rank: 40,
    artefact: 'Bằng chứng nhận, khung, huy hiệu, hộp',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 21',
    // Two consecutive provincial titles of three years each (derived; Điều 21 read only in summary).
    period: period(
      6,
      'Luật Thi đua, khen thưởng 2022, Điều 21 (02 lần liên tục Chiến sĩ thi đua cấp tỉnh — suy ra 06 năm)',
      false,
    ),
    regimes: {
      law2003_nd91: issued(['prime_minister'], PM_U, { individual: coef(4.5, C.nd91Art69) }),
      law2022_nd98: issued(['prime_minister'], PM_U, { individual: coef(4.5, C.nd98Art54) }),
      law2022_nd152: issued(['prime_minister'], PM_U, { individual: coef(4.5, C.nd152Art50) }),
    },
  }),
  advanced_labour_collective: entry({
    code: 'advanced_labour_collective',
    category: 'title',
    name: 'Tập thể lao động tiên tiến',
    subjectKinds: ['collective'],
    rank: 10,
    artefact: 'Không có bằng chứng nhận; công nhận trong quyết định',
    citation: C.law2022Art28K3.text,
    period: annual(ANNUAL_U, false),
    regimes: {
      law2003_nd91: issued(
        ['district_chairman'],
        OLD_ISSUERS_U,
        { collective: coef(0.8, C.nd91Art69) },
        undefined,
        { agency_head: C.oldAgencyHead },
      ),
      law2022_nd98: issued(
        ['district_chairman'],
        C.law2022Art80K2,
        { collective: coef(0.8, C.nd98Art54) },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
      law2022_nd152: issued(
        ['commune_chairman'],
        C.nd129Art59,
        { collective: coef(0.8, C.nd152Art50) },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
    },
  }),
  excellent_labour_collective: entry({
    code: 'excellent_labour_collective',
    category: 'title',
    name: 'Tập thể lao động xuất sắc',
    subjectKinds: ['collective'],
    rank: 20,
    artefact: 'Bằng chứng nhận, khung',
    citation: C.law2022Art27K1.text,
    period: annual(`${C.law2022Art27K1.text} (xét tặng hằng năm)`, true),
    regimes: {
      law2003_nd91: issued(['province_chairman'], PROVINCE_U, { collective: coef(1.5, C.nd91Art69) }),
      law2022_nd98: issued(['province_chairman'], PROVINCE_U, { collective: coef(1.5, C.nd98Art54) }),
      law2022_nd152: issued(['province_chairman'], PROVINCE_U, { collective: coef(1.5, C.nd152Art50) }),
    },
  }),
  provincial_emulation_flag: entry({
    code: 'provincial_emulation_flag',
    category: 'title',
    name: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
    subjectKinds: ['collective'],
    rank: 30,
    artefact: 'Cờ',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 26',
    period: annual(ANNUAL_U, false),
    regimes: {
      law2003_nd91: issued(['province_chairman'], PROVINCE_U, { collective: coef(8, C.nd91Art69) }),
      law2022_nd98: issued(['province_chairman'], PROVINCE_U, { collective: coef(8, C.nd98Art54) }),
      law2022_nd152: issued(['province_chairman'], PROVINCE_U, { collective: coef(8, C.nd152Art50) }),
    },
  }),
  government_emulation_flag: entry({
    code: 'government_emulation_flag',
    category: 'title',
    name: 'Cờ thi đua của Chính phủ',
    subjectKinds: ['collective'],
    rank: 40,
    artefact: 'Cờ',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 25',
    period: annual(ANNUAL_U, false),
    regimes: {
      law2003_nd91: issued(['prime_minister'], PM_U, { collective: coef(12, C.nd91Art69) }),
      law2022_nd98: issued(['prime_minister'], PM_U, { collective: coef(12, C.nd98Art54) }),
      law2022_nd152: issued(['prime_minister'], PM_U, { collective: coef(12, C.nd152Art50) }),
    },
  }),
  cultural_family: entry({
    code: 'cultural_family',
    category: 'title',
    name: 'Gia đình văn hóa',
    subjectKinds: ['household'],
    rank: 10,
    artefact: 'Giấy công nhận (chưa đối chiếu)',
    citation: C.nd86.text,
    period: annual(ANNUAL_U, false),
    regimes: {
      law2003_nd91: issued(['commune_chairman'], C.nd122, { household: null }),
      law2022_nd98: issued(['commune_chairman'], C.law2022Art80K3, { household: null }),
      law2022_nd152: issued(['commune_chairman'], C.nd129Art59, { household: null }),
    },
  }),
  cultural_neighbourhood: entry({
    code: 'cultural_neighbourhood',
    category: 'title',
    name: 'Thôn, tổ dân phố văn hóa',
    subjectKinds: ['collective'],
    rank: 10,
    artefact: 'Bằng chứng nhận, khung',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 30',
    period: annual('Luật Thi đua, khen thưởng 2022, Điều 30 (xét tặng hằng năm)', true),
    regimes: {
      law2003_nd91: issued(['district_chairman'], OLD_ISSUERS_U, { collective: coef(1.5, C.nd91Art69) }),
      law2022_nd98: issued(['district_chairman'], C.law2022Art80K2, { collective: coef(1.5, C.nd98Art54) }),
      law2022_nd152: issued(['commune_chairman'], C.nd129Art59, { collective: coef(1.5, C.nd152Art50) }),
    },
  }),
  exemplary_commune: entry({
    code: 'exemplary_commune',
    category: 'title',
    name: 'Xã, phường, thị trấn tiêu biểu',
    subjectKinds: ['collective'],
    rank: 20,
    artefact: 'Bằng chứng nhận, khung',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 29',
    period: annual('Luật Thi đua, khen thưởng 2022, Điều 29 (xét tặng hằng năm)', true),
    regimes: {
      law2003_nd91: null,
      law2022_nd98: issued(['province_chairman'], PROVINCE_U, { collective: coef(2.0, C.nd98Art54) }),
      law2022_nd152: issued(['province_chairman'], PROVINCE_U, { collective: coef(2.0, C.nd152Art50) }),
    },
  }),
  commune_certificate_of_merit: entry({
    code: 'commune_certificate_of_merit',
    category: 'form',
    name: 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
    subjectKinds: ['individual', 'collective', 'household'],
    rank: 5,
    artefact: 'Giấy khen, khung',
    citation: C.law2022Art75.text,
    period: null,
    regimes: {
      law2003_nd91: issued(
        ['commune_chairman'],
        'Thủ tục hành chính cấp xã theo Nghị định 91/2017/NĐ-CP',
        {
          individual: coef(0.15, C.nd91Art73K1D),
          collective: times(2, C.nd91Art73K2B),
          household: unverifiedHousehold(C.nd91Art73),
        },
        true,
      ),
      law2022_nd98: issued(['commune_chairman'], C.law2022Art80K3, {
        individual: coef(0.15, C.nd98Art58K1G),
        collective: times(2, C.nd98Art58K2CCommune),
        household: unverifiedHousehold(C.nd98Art58K1G),
      }),
      law2022_nd152: issued(['commune_chairman'], C.nd129Art59, {
        individual: coef(0.3, C.nd152Art54K1E),
        collective: times(2, C.nd152Art54Collective),
        household: times(1.5, C.nd152Art54Collective),
      }),
    },
  }),
  certificate_of_merit: entry({
    code: 'certificate_of_merit',
    category: 'form',
    name: 'Giấy khen (thủ trưởng cơ quan, Chủ tịch Ủy ban nhân dân cấp huyện)',
    subjectKinds: ['individual', 'collective', 'household'],
    rank: 6,
    artefact: 'Giấy khen, khung',
    citation: C.law2022Art75.text,
    period: null,
    regimes: {
      law2003_nd91: issued(
        ['district_chairman'],
        OLD_ISSUERS_U,
        {
          individual: coef(0.3, C.nd91Art73),
          collective: times(2, C.nd91Art73K2B),
          household: unverifiedHousehold(C.nd91Art73),
        },
        undefined,
        { agency_head: C.oldAgencyHead },
      ),
      law2022_nd98: issued(
        ['district_chairman'],
        C.law2022Art80K2,
        {
          individual: coef(0.3, C.nd98Art58K1E),
          collective: times(2, C.nd98Art58K2C),
          household: unverifiedHousehold(C.nd98Art58K1E),
        },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
      law2022_nd152: issued(
        [],
        C.law2022Art80K1,
        {
          individual: coef(0.3, C.nd152Art54K1E),
          collective: times(2, C.nd152Art54Collective),
          household: times(1.5, C.nd152Art54Collective),
        },
        undefined,
        { agency_head: C.law2022Art80K1 },
      ),
    },
  }),
  provincial_diploma_of_merit: entry({
    code: 'provincial_diploma_of_merit',
    category: 'form',
    name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    subjectKinds: ['individual', 'collective', 'household'],
    rank: 15,
    artefact: 'Bằng khen, khung',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 74',
    period: null,
    regimes: {
      law2003_nd91: issued(['province_chairman'], PROVINCE_U, {
        individual: coef(1.0, C.nd91Art73),
        collective: times(2, C.nd91Art73, false),
        household: unverifiedHousehold(C.nd91Art73),
      }),
      law2022_nd98: issued(['province_chairman'], PROVINCE_U, {
        individual: coef(1.0, C.nd98Art58K1B),
        collective: times(2, C.nd98Art58K1B, false),
        household: unverifiedHousehold(C.nd98Art58K1B),
      }),
      law2022_nd152: issued(['province_chairman'], PROVINCE_U, {
        individual: coef(1.5, C.nd152Art54),
        collective: times(2, C.nd152Art54Collective),
        household: times(1.5, C.nd152Art54Collective),
      }),
    },
  }),
  prime_minister_diploma_of_merit: entry({
    code: 'prime_minister_diploma_of_merit',
    category: 'form',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    subjectKinds: ['individual', 'collective', 'household'],
    rank: 35,
    artefact: 'Bằng khen, khung',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 71',
    period: null,
    regimes: {
      law2003_nd91: issued(['prime_minister'], PM_U, {
        individual: coef(3.5, C.nd91Art73),
        collective: times(2, C.nd91Art73, false),
        household: unverifiedHousehold(C.nd91Art73),
      }),
      law2022_nd98: issued(['prime_minister'], PM_U, {
        individual: coef(3.5, { text: 'Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm a', verified: false }),
        collective: times(2, C.nd98Art58K2C, false),
        household: unverifiedHousehold(C.nd98Art58K2C),
      }),
      law2022_nd152: issued(['prime_minister'], PM_U, {
        individual: coef(3.5, C.nd152Art54),
        collective: times(2, C.nd152Art54Collective),
        household: times(1.5, C.nd152Art54Collective),
      }),
    },
  }),
});

export const TITLE_CODES: readonly TitleCode[] = Object.freeze(
  (Object.keys(CATALOGUE) as AwardCode[]).filter((k): k is TitleCode => CATALOGUE[k].category === 'title'),
);
export const FORM_CODES: readonly FormCode[] = Object.freeze(
  (Object.keys(CATALOGUE) as AwardCode[]).filter((k): k is FormCode => CATALOGUE[k].category === 'form'),
);

export function isAwardCode(value: unknown): value is AwardCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CATALOGUE, value);
}

export function catalogueEntry(code: AwardCode): CatalogueEntry {
  return CATALOGUE[code];
}
