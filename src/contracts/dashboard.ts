import { z } from 'zod';
import { Ref } from './common.ts';

/** Path of every per-body dashboard endpoint: the body (a ward, a district…) and the reporting year. */
export const DashboardParams = z.object({
  orgUnitId: z.uuid(),
  year: z.coerce.number().int().min(1990).max(2100),
});
export type DashboardParams = z.infer<typeof DashboardParams>;

export const TrendQuery = z.object({
  from: z.coerce.number().int().min(1990).max(2100).optional(),
  to: z.coerce.number().int().min(1990).max(2100).optional(),
});

export const SubjectCounts = z.object({
  collective: z.number().int(),
  individual: z.number().int(),
  household: z.number().int(),
  total: z.number().int(),
});
export type SubjectCounts = z.infer<typeof SubjectCounts>;

export const AwardRow = SubjectCounts.extend({
  awardCode: z.string(),
  label: z.string(),
  category: z.enum(['title', 'form', 'other']),
  amount: z.number(),
});
export type AwardRow = z.infer<typeof AwardRow>;

export const LabelledCount = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export type LabelledCount = z.infer<typeof LabelledCount>;

export const UnitRow = SubjectCounts.extend({
  orgUnitId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  amount: z.number(),
});
export type UnitRow = z.infer<typeof UnitRow>;

export const MoneyView = z.object({
  /** Reward money written on the year's award records. */
  awarded: z.number(),
  fund: z
    .object({
      income: z.number(),
      rewardBudget: z.number(),
      committed: z.number(),
      paid: z.number(),
      unpaid: z.number(),
      uncommitted: z.number(),
    })
    .nullable(),
});

export const DashboardView = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  year: z.number().int(),
  /** How the year is read: awards whose decision was signed in it (or, without a date, of it). */
  yearBasis: z.string(),
  totals: SubjectCounts.extend({ amount: z.number() }),
  byAward: z.array(AwardRow),
  byField: z.array(LabelledCount),
  byUnit: z.array(UnitRow),
  byGender: z.array(LabelledCount),
  byStaffCategory: z.array(LabelledCount),
  money: MoneyView,
});
export type DashboardView = z.infer<typeof DashboardView>;

export const TrendView = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  years: z.array(
    SubjectCounts.extend({
      year: z.number().int(),
      titles: z.number().int(),
      forms: z.number().int(),
      amount: z.number(),
    }),
  ),
});
export type TrendView = z.infer<typeof TrendView>;

export const UnitParticipation = z.object({
  orgUnitId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  members: z.number().int(),
  /** null when the registrations module has no data for this body (not yet built here). */
  registrations: z.number().int().nullable(),
  nominations: z.number().int(),
  awards: z.number().int(),
  registrationsPer100: z.number().nullable(),
  nominationsPer100: z.number(),
  awardsPer100: z.number(),
  /** Mean of the available per-100 rates. */
  index: z.number(),
});
export type UnitParticipation = z.infer<typeof UnitParticipation>;

export const SplitView = z.object({
  awarded: z.number().int(),
  awardedShare: z.number().nullable(),
  staff: z.number().int(),
  staffShare: z.number().nullable(),
});

export const UnevennessView = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  units: z.array(UnitParticipation),
  unitsWithoutNomination: z.array(z.object({ orgUnitId: z.uuid(), name: z.string() })),
  leaders: SplitView.extend({ individualsAwarded: z.number().int(), staffTotal: z.number().int() }),
  women: SplitView.extend({ individualsAwarded: z.number().int(), staffTotal: z.number().int() }),
  /** Sentences to paste into the annual report's assessment (Vietnamese). */
  sentences: z.object({
    participation: z.string(),
    withoutNomination: z.string(),
    leaders: z.string(),
    gender: z.string(),
  }),
});
export type UnevennessView = z.infer<typeof UnevennessView>;

export const ForecastLine = z.object({
  awardCode: z.string(),
  label: z.string(),
  subjectKind: z.enum(['individual', 'collective', 'household']),
  candidates: z.number().int(),
  unitAmount: z.number().nullable(),
  total: z.number(),
  /** Running total in the catalogue's order, and whether the fund still covers it. */
  cumulative: z.number(),
  covered: z.boolean().nullable(),
  verified: z.boolean(),
});

export const FundForecastView = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  decisionDate: z.string(),
  lines: z.array(ForecastLine),
  total: z.number(),
  /** Reward budget not yet committed; null when the fund of the year is not opened. */
  available: z.number().nullable(),
  shortfall: z.number().nullable(),
  sentence: z.string(),
});
export type FundForecastView = z.infer<typeof FundForecastView>;

export const ProvinceRow = z.object({
  orgUnitId: z.uuid(),
  name: z.string(),
  members: z.number().int(),
  awards: z.number().int(),
  collective: z.number().int(),
  individual: z.number().int(),
  nominations: z.number().int(),
  awardsPer100: z.number(),
  nominationsPer100: z.number(),
  womenShare: z.number().nullable(),
  leaderShare: z.number().nullable(),
  amount: z.number(),
});
export const ProvinceView = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  communes: z.array(ProvinceRow),
  sentence: z.string(),
});
export type ProvinceView = z.infer<typeof ProvinceView>;

export const DrillQuery = z.object({
  unitId: Ref('orgUnit').optional(),
  awardCode: z.string().max(64).optional(),
  gender: z.enum(['male', 'female']).optional(),
  staffCategory: z.string().max(40).optional(),
  field: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const DrillRow = z.object({
  awardRecordId: z.uuid(),
  subjectKind: z.string(),
  subjectName: z.string(),
  personId: z.uuid().nullable(),
  orgUnitId: z.uuid(),
  unitName: z.string(),
  awardCode: z.string(),
  awardLabel: z.string(),
  achievementYear: z.number().int(),
  decisionId: z.uuid().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  amount: z.number().nullable(),
});
export const DrillView = z.object({ items: z.array(DrillRow), truncated: z.boolean() });
export type DrillView = z.infer<typeof DrillView>;

export const EXPORT_TABLES = [
  'by-award',
  'by-field',
  'by-unit',
  'by-gender',
  'by-staff-category',
  'trend',
  'unevenness',
  'forecast',
  'province',
  'drill',
] as const;
export const ExportQuery = DrillQuery.extend({ table: z.enum(EXPORT_TABLES) });

export const STATISTIC_FORMS = ['0601', '0602', '0603', '0604', '0605'] as const;
export const StatisticParams = DashboardParams.extend({ form: z.enum(STATISTIC_FORMS) });
export const StatisticRow = z.object({
  label: z.string(),
  code: z.string(),
  unit: z.string(),
  values: z.array(z.number().nullable()),
  bold: z.boolean(),
});
export const StatisticForm = z.object({
  form: z.enum(STATISTIC_FORMS),
  symbol: z.string(),
  title: z.string(),
  basis: z.string(),
  /** false: the structure follows the LPM templates, not a checked copy of the circular. */
  verified: z.boolean(),
  note: z.string(),
  reporter: z.string(),
  year: z.number().int(),
  /** The reporting period the award counts cover (ISO dates, inclusive). */
  period: z.object({ from: z.string(), to: z.string() }),
  /** Which parts of the form were checked against which source. */
  provenance: z.array(z.object({ part: z.string(), verified: z.boolean(), source: z.string() })),
  columns: z.array(z.string()),
  rows: z.array(StatisticRow),
});
export type StatisticForm = z.infer<typeof StatisticForm>;
