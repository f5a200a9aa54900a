// Plain data shared by every rule. Dates are ISO strings 'YYYY-MM-DD'; names follow the
// project glossary (shared/domain/glossary.md).

export type IsoDate = string;

export type RegimeCode = 'law2003_nd91' | 'law2022_nd98' | 'law2022_nd152';

export type Rating = 'excellent' | 'good' | 'completed' | 'not_completed';

export type DisciplineForm =
  'reprimand' | 'warning' | 'salary_demotion' | 'demotion' | 'removal_from_post' | 'dismissal';

export type AbsenceKind = 'maternity' | 'treatment' | 'training' | 'unpaid';

export type InitiativeScope = 'grassroots' | 'province' | 'national';

export type StaffCategory = 'cadre' | 'civil_servant' | 'public_employee' | 'part_time_official' | 'worker';

export type SubjectKind = 'individual' | 'collective' | 'household';

export type CommendationKind = 'regular' | 'thematic' | 'unexpected' | 'dedication' | 'seniority' | 'foreign';

export type TitleCode =
  | 'advanced_worker'
  | 'grassroots_emulation_fighter'
  | 'provincial_emulation_fighter'
  | 'national_emulation_fighter'
  | 'advanced_labour_collective'
  | 'excellent_labour_collective'
  | 'provincial_emulation_flag'
  | 'government_emulation_flag'
  | 'cultural_family'
  | 'cultural_neighbourhood'
  | 'exemplary_commune';

export type FormCode =
  | 'commune_certificate_of_merit'
  | 'certificate_of_merit'
  | 'provincial_diploma_of_merit'
  | 'prime_minister_diploma_of_merit';

export type AwardCode = TitleCode | FormCode;

export type IssuerLevel =
  | 'commune_chairman'
  | 'district_chairman'
  | 'province_chairman'
  | 'prime_minister'
  // Heads of provincial departments, units under ministries, enterprises (Luật 2022 Điều 75 khoản 1 a–c).
  | 'agency_head';

export type RoundingMode = 'nearest' | 'up' | 'none';

/** One reason attached to a result: a stable code, a Vietnamese sentence, the article it rests on. */
export type Reason = {
  readonly code: string;
  readonly outcome: 'pass' | 'fail' | 'note';
  readonly message: string;
  readonly citation: string;
  /** false when the brief marks the rule or its article as unverified. */
  readonly verified: boolean;
};

export type Discipline = {
  readonly form: DisciplineForm;
  /** Date of the disciplinary decision. */
  readonly decidedOn: IsoDate;
  /** Last day of the disciplinary period; when absent a default period per form is assumed. */
  readonly endsOn?: IsoDate | null;
};

export type Absence = {
  readonly kind: AbsenceKind;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** For 'treatment': injured in combat or while rescuing people or property, certified by a
   * medical facility at district level or above (TT 01/2024/TT-BNV). */
  readonly certifiedInjury?: boolean;
};

export type Initiative = {
  readonly scope: InitiativeScope;
  /** Year in which the initiative (or accepted research project) was recognised. */
  readonly year: number;
  readonly title?: string;
};

export type AwardHistoryEntry = {
  readonly year: number;
  readonly award: AwardCode;
  readonly revoked?: boolean;
  readonly kind?: CommendationKind;
};

export type PersonYearFacts = {
  readonly personId: string;
  readonly fullName?: string;
  /** The collective (phòng, ban, đoàn thể …) the person belongs to for collective ratios. */
  readonly collectiveId?: string | null;
  readonly year: number;
  readonly staffCategory: StaffCategory;
  /** Quality rating of the year; null when not rated yet. */
  readonly rating: Rating | null;
  /** Start of continuous service at the agency (Bộ Nội vụ counts contract time before appointment). */
  readonly hiredOn?: IsoDate | null;
  readonly leftOn?: IsoDate | null;
  readonly absences?: readonly Absence[];
  readonly disciplines?: readonly Discipline[];
  /** Discipline, investigation, inspection or complaint under consideration. */
  readonly pendingDiscipline?: boolean;
  /** Spirit of self-reliance, solidarity and active participation (Luật 2022 Điều 24 khoản 1 điểm b); default true. */
  readonly activeParticipation?: boolean;
  readonly initiatives?: readonly Initiative[];
  /** Titles and forms of earlier years (the chain of CSTĐCS). */
  readonly history?: readonly AwardHistoryEntry[];
  readonly female?: boolean;
};

export type CollectiveYearFacts = {
  readonly collectiveId: string;
  readonly name?: string;
  readonly year: number;
  readonly rating: Rating | null;
  /** Regular, practical and effective emulation movement; default true. */
  readonly activeEmulation?: boolean;
  /** Internal unity, compliance with the law; default true. */
  readonly internalUnity?: boolean;
  readonly pendingDiscipline?: boolean;
  /** Dissolved by the 2025 reorganisation: no award (TT 15/2025/TT-BNV). */
  readonly dissolved?: boolean;
  /** Member counts; evaluateUnit derives them from the persons when absent. */
  readonly memberCount?: number;
  readonly advancedWorkerCount?: number;
  readonly completedCount?: number;
  readonly grassrootsFighterCount?: number;
  /** Most severe discipline of any member in the year, or null. */
  readonly worstMemberDiscipline?: DisciplineForm | null;
  readonly history?: readonly AwardHistoryEntry[];
  readonly femaleShare?: number;
};

export type CulturalFamilyCriteria = {
  /** Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước. */
  readonly lawCompliance: boolean;
  /** Tích cực tham gia phong trào thi đua của địa phương. */
  readonly emulationParticipation: boolean;
  /** Gia đình no ấm, tiến bộ, hạnh phúc, văn minh; đoàn kết, tương trợ. */
  readonly happyFamily: boolean;
};

export type HouseholdYearFacts = {
  readonly householdId: string;
  readonly headName?: string;
  readonly year: number;
  readonly criteria: CulturalFamilyCriteria;
  readonly pendingDiscipline?: boolean;
};
