import { z } from 'zod';

export const ImportKindCode = z.enum(['people', 'org_units', 'facts', 'awards']);

export const ImportIssueDto = z.object({
  row: z.number(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
});

export const ImportJobDto = z.object({
  id: z.string(),
  kind: ImportKindCode,
  fileName: z.string(),
  status: z.enum(['staging', 'publishing', 'published', 'rejected', 'failed']),
  rowsRead: z.number(),
  rowsPublished: z.number(),
  encoding: z.string().nullable(),
  errors: z.array(ImportIssueDto),
  createdAt: z.string(),
});
export type ImportJobDto = z.infer<typeof ImportJobDto>;
