// Public API of the legal rules engine: pure functions over plain data, no I/O. Other modules
// import only from here.

export const RULES_VERSION = '2026.12.1';

export type {
  Absence,
  AbsenceKind,
  AwardCode,
  AwardHistoryEntry,
  CollectiveYearFacts,
  CommendationKind,
  CulturalFamilyCriteria,
  Discipline,
  DisciplineForm,
  FormCode,
  HouseholdYearFacts,
  Initiative,
  InitiativeScope,
  IsoDate,
  IssuerLevel,
  PersonYearFacts,
  Rating,
  Reason,
  RegimeCode,
  RoundingMode,
  StaffCategory,
  SubjectKind,
  TitleCode,
} from './types.ts';
export { REGIMES, REGIME_CODES, isRegimeCode, regimeFor, type Regime } from './regimes.ts';
export {
  EMULATION_TEXTS,
  LOCAL_GOVERNMENT_LAWS,
  PROVINCE_REGULATIONS,
  documentLegalBases,
  type DocumentLegalBases,
  type LegalText,
} from './legal-texts.ts';
export {
  CATALOGUE,
  FORM_CODES,
  TITLE_CODES,
  catalogueEntry,
  isAwardCode,
  type CatalogueEntry,
  type CatalogueRegimeEntry,
  type MoneyRule,
} from './catalogue.ts';
export { CITATIONS, type Citation } from './citations.ts';
export { unverifiedRule, unverifiedCitationsWithoutNote, type UnverifiedRule } from './unverified.ts';
export {
  DISCIPLINE_SEVERITY,
  RATING_LEVEL,
  defaultProvinceParameters,
  withRegimeParameters,
  type CollectiveCriteria,
  type Parameter,
  type ProvinceParameters,
  type RegimeParameters,
  type VotingRule,
} from './province-parameters.ts';
export { createRuleContext, type EvaluationOptions, type RuleContext } from './context.ts';
export {
  PROVINCIAL_FIGHTER_CHAIN,
  evaluatePerson,
  type PersonEvaluation,
  type TitleOutcome,
} from './evaluate-person.ts';
export { evaluateCollective, type CollectiveEvaluation } from './evaluate-collective.ts';
export {
  CULTURAL_FAMILY_CHECKLIST,
  evaluateHousehold,
  type ChecklistItem,
  type HouseholdEvaluation,
} from './evaluate-household.ts';
export { evaluateUnit, type UnitEvaluation, type UnitFacts } from './evaluate-unit.ts';
export {
  applyQuota,
  quotaLimit,
  type QuotaCandidate,
  type QuotaOptions,
  type QuotaRanking,
  type QuotaResult,
} from './quota.ts';
export { BASE_SALARY_TABLE, baseSalaryOn, baseSalaryPeriodOn, type BaseSalaryPeriod } from './base-salary.ts';
export {
  moneyFor,
  unverifiedMoneyCitations,
  rewardAmount,
  roundReward,
  unroundedAmount,
  type RewardAmount,
  type RewardAmountInput,
} from './money.ts';
export { amountInWords, formatVnd, numberInWords } from './vnd.ts';
export {
  checkBasisForHigherAward,
  checkOneAchievementOneForm,
  checkSignerAuthority,
  countsInChain,
  payableForSamePeriod,
  type AuthorityCheck,
  type AwardRecord,
  type PayableDecision,
  type PrincipleViolation,
} from './principles.ts';
export { ABSENCE_LABELS, DISCIPLINE_LABELS, RATING_LABELS, STAFF_CATEGORY_LABELS } from './labels.ts';
export { formatVnDate, isIsoDate } from './dates.ts';
