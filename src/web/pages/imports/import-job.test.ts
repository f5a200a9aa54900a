import { describe, expect, it } from 'vitest';
import { ImportJob, columnOf, isRunning, problemOf } from './import-job.ts';

describe('problemOf', () => {
  it('drops the row and column the table already shows', () => {
    expect(problemOf("Dòng 3, cột C (Ngày sinh): '31/02/1980' không phải ngày có thật.")).toBe(
      "'31/02/1980' không phải ngày có thật.",
    );
    expect(problemOf('Dòng 7: không xác định được duy nhất một người.')).toBe(
      'Không xác định được duy nhất một người.',
    );
  });

  it('leaves a message about the whole file untouched', () => {
    expect(problemOf('Không tìm thấy dòng tiêu đề của mẫu "Cán bộ".')).toBe(
      'Không tìm thấy dòng tiêu đề của mẫu "Cán bộ".',
    );
  });
});

describe('columnOf', () => {
  it('shows the letter with the header, or whichever is known', () => {
    expect(columnOf({ column: 'C', header: 'Ngày sinh' })).toBe('C (Ngày sinh)');
    expect(columnOf({ column: null, header: 'Ngày sinh' })).toBe('Ngày sinh');
    expect(columnOf({ column: null, header: null })).toBe('—');
  });
});

describe('ImportJob', () => {
  it('accepts a job whose error has no row (a run stopped mid-way)', () => {
    const job = ImportJob.parse({
      id: 'j',
      kind: 'people',
      fileName: 'a.xlsx',
      status: 'failed',
      rowsRead: 0,
      rowsPublished: 0,
      errors: [{ message: 'Tiến trình nhập bị dừng giữa chừng; không có dòng nào được ghi.' }],
    });
    expect(job.errors).toHaveLength(1);
    expect(isRunning(job.status)).toBe(false);
    expect(isRunning('publishing')).toBe(true);
  });
});
