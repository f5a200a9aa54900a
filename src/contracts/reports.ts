import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

export const ReportYearParams = z.object({
  orgUnitId: Uuid,
  year: z.coerce.number().int().min(1990).max(2100),
});

export const DocumentFormat = z.enum(['docx', 'pdf']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;
export const FormatQuery = z.object({ format: DocumentFormat.default('docx') });

const NarrativeText = z
  .string()
  .max(20_000, 'Tối đa 20.000 ký tự')
  .transform((s) => s.normalize('NFC'));

export const Narrative = z.object({
  basis: NarrativeText.optional(),
  intro: NarrativeText.optional(),
  context: NarrativeText.optional(),
  organising: NarrativeText.optional(),
  movements: NarrativeText.optional(),
  emulationDetail: NarrativeText.optional(),
  emulationImpact: NarrativeText.optional(),
  commendationClosing: NarrativeText.optional(),
  strengths: NarrativeText.optional(),
  limitations: NarrativeText.optional(),
  directions: NarrativeText.optional(),
  recipients: NarrativeText.optional(),
});

export const SaveNarrative = z.object({ narrative: Narrative });

export const IssueReport = z.object({
  issueDate: IsoDate,
  /** A number from the office's own register; omitted: the next number of the body's register. */
  officeNumber: z.number().int().min(1).max(99999).optional(),
});

export const ReportFigure = z.object({ label: z.string(), value: z.string() });

export const AnnualReportView = z.object({
  orgUnitId: Uuid,
  year: z.number(),
  title: z.string(),
  narrative: z.record(z.string(), z.string()),
  defaults: z.record(z.string(), z.string()),
  labels: z.record(z.string(), z.string()),
  figures: z.record(z.string(), ReportFigure),
  changedFigures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      before: z.string().nullable(),
      now: z.string().nullable(),
    }),
  ),
  hints: z.array(z.string()),
  /** False while no movement is recorded in data: the officer's list of movements is printed. */
  movementsFromData: z.boolean(),
  numberText: z.string().nullable(),
  issueDate: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;
