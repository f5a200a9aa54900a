import { z } from 'zod';

import type { ImportIssueDto } from '../../../contracts/imports.ts';
import { ImportJobDto, ImportKindCode } from '../../../contracts/imports.ts';

// The import API (src/contracts/imports.ts): POST /api/v1/imports → 202 { jobId };
// GET /api/v1/imports/:id → the job; GET /api/v1/imports/templates/:kind → the .xlsx template.

export const ImportKind = ImportKindCode;
export type ImportKind = z.infer<typeof ImportKindCode>;
export const ImportJob = ImportJobDto;
export type ImportJob = z.infer<typeof ImportJobDto>;
export type ImportStatus = ImportJob['status'];
export type ImportIssue = z.infer<typeof ImportIssueDto>;

export const ImportAccepted = z.object({ jobId: z.string() });

export const KIND_LABELS: Readonly<Record<ImportKind, { label: string; hint: string }>> = {
  people: {
    label: 'Danh sách cán bộ',
    hint: 'Họ tên, giới tính, ngày sinh, CCCD, đơn vị, chức vụ, đối tượng. Nhập lại tệp đã xuất sẽ cập nhật, không tạo trùng.',
  },
  org_units: { label: 'Đơn vị', hint: 'Mã, tên, loại đơn vị, đơn vị cấp trên và ngày hiệu lực.' },
  facts: {
    label: 'Số liệu hằng năm',
    hint: 'Xếp loại chất lượng, số tháng công tác, nghỉ dài ngày, kỷ luật và sáng kiến của từng người theo năm.',
  },
  awards: {
    label: 'Khen thưởng đã có',
    hint: 'Danh hiệu, hình thức khen thưởng các năm trước, kèm số và ngày quyết định.',
  },
};

export const isRunning = (status: ImportStatus): boolean => status === 'staging' || status === 'publishing';

/**
 * The server's sentence starts with where the problem is ("Dòng 3, cột C (Ngày sinh): …"); the
 * table already shows row and column, so the cell keeps only what is wrong, capitalized.
 */
export function problemOf(message: string): string {
  const rest = message.replace(/^Dòng \d+(?:, cột [A-Z]{1,3})?(?: \([^)]*\))?: /u, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

/** "C (Ngày sinh)", "Ngày sinh", "C" or "—". */
export function columnOf(issue: { column?: string | null; header?: string | null }): string {
  if (issue.column && issue.header) return `${issue.column} (${issue.header})`;
  return issue.column ?? issue.header ?? '—';
}
