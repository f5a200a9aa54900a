import { CITATIONS, type Citation } from './citations.ts';
import type {
  AbsenceKind,
  DisciplineForm,
  Rating,
  RegimeCode,
  RoundingMode,
  StaffCategory,
  TitleCode,
} from './types.ts';

/** A value the province may set, with the article that delegates (or fixes) it. */
export type Parameter<T> = {
  readonly value: T;
  readonly verified: boolean;
  readonly citation: string;
  readonly note?: string;
};

export type VotingRule = {
  readonly voteRequired: boolean;
  /** Share of approving votes needed; null = simple majority of the council's own rules. */
  readonly minApprovalRatio: number | null;
  readonly denominator: 'total_members' | 'present_members';
  readonly ballot: 'secret' | 'open' | 'unspecified';
};

export type CollectiveCriteria = {
  readonly minRating: Rating;
  readonly minAdvancedWorkerRatio: number;
  /** true: the share must be strictly greater ("trên 50 %"); false: at least ("ít nhất 70 %"). */
  readonly strictlyGreater: boolean;
  readonly allMembersCompleted: boolean;
  readonly minGrassrootsFighters: number;
  /** No member may be disciplined with this form or a more severe one; null = no such condition. */
  readonly noMemberDisciplinedFrom: DisciplineForm | null;
};

export type RegimeParameters = {
  readonly newHireMinMonths: Parameter<number>;
  /** Absences whose time counts as time worked. */
  readonly countedAbsences: Parameter<readonly AbsenceKind[]>;
  /** 'treatment' counts only for injuries in combat or rescue, certified (TT 01/2024). */
  readonly treatmentNeedsCertifiedInjury: Parameter<boolean>;
  /**
   * Counted months below which a person who is not a new hire is not considered; null = no such
   * minimum (the decrees exclude only new hires and the disciplined).
   */
  readonly minCountedMonths: Parameter<number | null>;
  /** Whether unpaid leave (and absences that do not count) is taken off the months worked. */
  readonly deductUncountedAbsences: Parameter<boolean>;
  /** Least severe discipline in the year that excludes "Lao động tiên tiến". */
  readonly disqualifyingDisciplineFrom: Parameter<DisciplineForm>;
  readonly eligibleStaffCategories: Parameter<readonly StaffCategory[]>;
  /** CSTĐCS at most this share of the unit's LĐTT count, rounded down; null = no quota. */
  readonly grassrootsFighterQuota: Parameter<number | null>;
  readonly advancedLabourCollective: Parameter<CollectiveCriteria>;
  readonly excellentLabourCollective: Parameter<CollectiveCriteria>;
  readonly voting: Readonly<Partial<Record<TitleCode, Parameter<VotingRule>>>>;
  readonly quorum: Parameter<{ readonly minPresentRatio: number; readonly forAwardsMinPresentRatio: number }>;
  readonly dossierHandlingWorkingDays: Parameter<number>;
  /** Cap of the reward fund as a share of recurrent budget spending. */
  readonly fundCapRatio: Parameter<number>;
  readonly rounding: Parameter<RoundingMode>;
  readonly titleRegistrationRequired: Parameter<boolean>;
};

export type ProvinceParameters = {
  readonly provinceCode: string;
  readonly year: number;
  readonly label: string;
  readonly regimes: Readonly<Record<RegimeCode, RegimeParameters>>;
};

const p = <T>(value: T, cite: Citation | string, verified?: boolean, note?: string): Parameter<T> =>
  Object.freeze({
    value,
    citation: typeof cite === 'string' ? cite : cite.text,
    verified: verified ?? (typeof cite === 'string' ? false : cite.verified),
    ...(note ? { note } : {}),
  });

const C = CITATIONS;
const ALL_STAFF: readonly StaffCategory[] = Object.freeze([
  'cadre',
  'civil_servant',
  'public_employee',
  'part_time_official',
  'worker',
]);
const vote = (
  voteRequired: boolean,
  minApprovalRatio: number | null,
  ballot: VotingRule['ballot'],
  denominator: VotingRule['denominator'] = 'total_members',
): VotingRule => Object.freeze({ voteRequired, minApprovalRatio, denominator, ballot });

const OLD_ADVANCED_COLLECTIVE: CollectiveCriteria = Object.freeze({
  minRating: 'good',
  minAdvancedWorkerRatio: 0.5,
  strictlyGreater: true,
  allMembersCompleted: false,
  minGrassrootsFighters: 0,
  noMemberDisciplinedFrom: 'warning',
});
const BAC_NINH_ADVANCED_COLLECTIVE: CollectiveCriteria = Object.freeze({
  minRating: 'good',
  minAdvancedWorkerRatio: 0.7,
  strictlyGreater: false,
  allMembersCompleted: false,
  minGrassrootsFighters: 0,
  noMemberDisciplinedFrom: 'warning',
});
const OLD_EXCELLENT_COLLECTIVE: CollectiveCriteria = Object.freeze({
  minRating: 'excellent',
  minAdvancedWorkerRatio: 0.7,
  strictlyGreater: false,
  allMembersCompleted: true,
  minGrassrootsFighters: 1,
  noMemberDisciplinedFrom: 'warning',
});
const NEW_EXCELLENT_COLLECTIVE: CollectiveCriteria = Object.freeze({
  minRating: 'excellent',
  minAdvancedWorkerRatio: 0.7,
  strictlyGreater: false,
  allMembersCompleted: true,
  minGrassrootsFighters: 1,
  noMemberDisciplinedFrom: null,
});

const TEMPLATE_NOTE =
  'Mặc định theo mẫu Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh cho đến khi nhập quy định của tỉnh.';

function oldRegime(): RegimeParameters {
  return Object.freeze({
    newHireMinMonths: p(10, C.nd91Art10),
    countedAbsences: p<readonly AbsenceKind[]>(
      Object.freeze(['maternity', 'treatment', 'training']),
      'Thực tiễn áp dụng Nghị định 91/2017/NĐ-CP (quy định 40 ngày nghỉ đã bỏ)',
      false,
    ),
    treatmentNeedsCertifiedInjury: p(
      false,
      'Nghị định 91/2017/NĐ-CP (không có quy định riêng — chưa đối chiếu)',
      false,
    ),
    // NĐ 91 Điều 10 excludes only new hires of under 10 months and the disciplined (khiển trách
    // and above); the 40-working-day absence rule of NĐ 65/2014 was not carried over.
    minCountedMonths: p<number | null>(
      null,
      C.nd91Art10NoMinimum,
      true,
      'Quy định nghỉ từ 40 ngày làm việc trở lên của Nghị định 65/2014/NĐ-CP không còn.',
    ),
    deductUncountedAbsences: p(false, C.nd91Art10NoMinimum, true),
    disqualifyingDisciplineFrom: p<DisciplineForm>('reprimand', C.nd91Art10),
    eligibleStaffCategories: p(ALL_STAFF, C.law2013Art24, false),
    grassrootsFighterQuota: p<number | null>(
      0.15,
      C.nd91Art9K3,
      true,
      'Tối đa 15 %; tỉnh quy định tỷ lệ cụ thể.',
    ),
    advancedLabourCollective: p(OLD_ADVANCED_COLLECTIVE, C.law2013Art28),
    excellentLabourCollective: p(OLD_EXCELLENT_COLLECTIVE, C.law2013Art27),
    voting: Object.freeze({
      grassroots_emulation_fighter: p(
        vote(false, null, 'unspecified'),
        'Chưa tìm thấy quy định (Nghị định 91/2017/NĐ-CP)',
        false,
      ),
      provincial_emulation_fighter: p(vote(true, 0.9, 'secret'), C.nd91Art45K8),
      national_emulation_fighter: p(vote(true, 0.9, 'secret'), C.nd91Art45K8),
    }),
    quorum: p(
      Object.freeze({ minPresentRatio: 2 / 3, forAwardsMinPresentRatio: 2 / 3 }),
      'Chưa tìm thấy quy định cho Hội đồng cấp xã',
      false,
    ),
    dossierHandlingWorkingDays: p(
      10,
      'Thủ tục hành chính cấp xã (Ba Vì, Hà Nội) theo Nghị định 91/2017/NĐ-CP — mẫu',
      false,
    ),
    fundCapRatio: p(0.01, C.fundNd91, undefined, 'Tỉnh đồng bằng: 1,0 %; miền núi, hải đảo: 1,5 %.'),
    rounding: p<RoundingMode>(
      'nearest',
      C.nd91Art68K2,
      false,
      'Ví dụ 223.500 → 220.000 đồng cho thấy làm tròn gần nhất.',
    ),
    titleRegistrationRequired: p(
      true,
      'Luật Thi đua, khen thưởng 2003 (đăng ký thi đua là căn cứ xét)',
      false,
    ),
  });
}

function newRegime(code: 'law2022_nd98' | 'law2022_nd152'): RegimeParameters {
  const nd152 = code === 'law2022_nd152';
  const nd98Vote = (ratio: number): Parameter<VotingRule> =>
    nd152
      ? p(
          vote(true, ratio, 'unspecified'),
          C.nd152Art6K2C,
          false,
          'Nghị định 98/2023/NĐ-CP hết hiệu lực; tỉnh quy định. Giữ tỷ lệ của Nghị định 98 làm mặc định.',
        )
      : p(vote(true, ratio, 'unspecified'), C.nd98Art30K7);
  return Object.freeze({
    newHireMinMonths: p(
      6,
      C.tt01Art1K5D,
      !nd152 ? true : false,
      nd152 ? 'Chưa có văn bản mới; giữ 6 tháng.' : undefined,
    ),
    countedAbsences: p<readonly AbsenceKind[]>(
      Object.freeze(['maternity', 'treatment', 'training']),
      nd152 ? `${C.nd152Art4K5.text}; ${C.tt01Art1K5.text}` : `${C.tt01Art1K5.text}; ${C.tt01Maternity.text}`,
      // Maternity rests on NĐ 152 Điều 4 khoản 5 (read); training and treatment only on a press
      // summary of TT 01/2024, so the list as a whole is unverified.
      false,
    ),
    treatmentNeedsCertifiedInjury: p(true, C.tt01Art1K5),
    // Only the new-hire clause (điểm d) of TT 01/2024 Điều 1 khoản 5 was read; no minimum for
    // others was found, so none is applied until the province sets one.
    minCountedMonths: p<number | null>(
      null,
      C.newNoMinimum,
      false,
      'Tỉnh có thể đặt số tháng tối thiểu (ví dụ 6) nếu quy định của tỉnh có.',
    ),
    deductUncountedAbsences: p(false, C.newNoMinimum, false),
    disqualifyingDisciplineFrom: p<DisciplineForm>('reprimand', C.tt01Discipline),
    eligibleStaffCategories: p(
      ALL_STAFF,
      C.law2022Art24K1,
      false,
      'Người hoạt động không chuyên trách được coi là người lao động.',
    ),
    grassrootsFighterQuota: p<number | null>(
      null,
      'Luật Thi đua, khen thưởng 2022, Điều 23 (không quy định tỷ lệ)',
      true,
    ),
    advancedLabourCollective: p(BAC_NINH_ADVANCED_COLLECTIVE, C.bacNinhQd86Art4K2B, false, TEMPLATE_NOTE),
    excellentLabourCollective: p(NEW_EXCELLENT_COLLECTIVE, C.law2022Art27K1),
    voting: Object.freeze({
      grassroots_emulation_fighter: nd98Vote(0.8),
      provincial_emulation_fighter: nd98Vote(0.9),
      national_emulation_fighter: nd98Vote(0.9),
      provincial_emulation_flag: nd98Vote(0.8),
      government_emulation_flag: nd98Vote(0.8),
      advanced_worker: p(vote(false, null, 'unspecified'), nd152 ? C.nd152Art6K2C : C.nd98Art30K7, !nd152),
      advanced_labour_collective: p(
        vote(false, null, 'unspecified'),
        nd152 ? C.nd152Art6K2C : C.nd98Art30K7,
        !nd152,
      ),
      excellent_labour_collective: p(
        vote(false, null, 'unspecified'),
        nd152 ? C.nd152Art6K2C : C.nd98Art30K7,
        !nd152,
      ),
    }),
    quorum: p(
      Object.freeze({ minPresentRatio: 2 / 3, forAwardsMinPresentRatio: 0.8 }),
      C.bacNinhQd86Art8,
      false,
      TEMPLATE_NOTE,
    ),
    dossierHandlingWorkingDays: p(20, C.tthcCanTho, false),
    fundCapRatio: p(
      0.01,
      nd152 ? C.nd152Art46K3B : C.fundNd98,
      undefined,
      'Tỉnh đồng bằng: 1,0 %; miền núi, hải đảo: 1,5 %.',
    ),
    rounding: p<RoundingMode>(
      'nearest',
      nd152 ? C.nd152Art49K2 : C.nd98Rounding,
      false,
      'Ví dụ 223.500 → 220.000 đồng cho thấy làm tròn gần nhất.',
    ),
    titleRegistrationRequired: p(
      false,
      // Read only in a secondary summary of the law (legal-brief §2, S15).
      'Luật Thi đua, khen thưởng 2022, Điều 7 (bỏ căn cứ đăng ký thi đua; chỉ đọc bản tóm tắt)',
      false,
    ),
  });
}

const DEFAULT_REGIMES: Readonly<Record<RegimeCode, RegimeParameters>> = Object.freeze({
  law2003_nd91: oldRegime(),
  law2022_nd98: newRegime('law2022_nd98'),
  law2022_nd152: newRegime('law2022_nd152'),
});

const PROVINCE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  AG: 'An Giang (chưa nhập Quyết định 21/2024/QĐ-UBND; dùng mặc định của luật và mẫu Bắc Ninh)',
});

/**
 * Defaults of the parameters a province may set, for one province and year. Values the brief
 * marks unverified carry `verified: false`; An Giang's own regulation (QĐ 21/2024/QĐ-UBND) has
 * not been read, so every province gets the same documented defaults until it is entered.
 */
export function defaultProvinceParameters(provinceCode: string, year: number): ProvinceParameters {
  return Object.freeze({
    provinceCode,
    year,
    label: PROVINCE_LABELS[provinceCode] ?? `${provinceCode} (mặc định của luật và mẫu Bắc Ninh)`,
    regimes: DEFAULT_REGIMES,
  });
}

/** Replace some parameters of one regime (e.g. after entering the province's own regulation). */
export function withRegimeParameters(
  params: ProvinceParameters,
  regime: RegimeCode,
  changes: Partial<RegimeParameters>,
): ProvinceParameters {
  return Object.freeze({
    ...params,
    regimes: Object.freeze({
      ...params.regimes,
      [regime]: Object.freeze({ ...params.regimes[regime], ...changes }),
    }),
  });
}

export const DISCIPLINE_SEVERITY: Readonly<Record<DisciplineForm, number>> = Object.freeze({
  reprimand: 1,
  warning: 2,
  salary_demotion: 3,
  demotion: 4,
  removal_from_post: 5,
  dismissal: 6,
});

export const RATING_LEVEL: Readonly<Record<Rating, number>> = Object.freeze({
  not_completed: 0,
  completed: 1,
  good: 2,
  excellent: 3,
});
