import { describe, expect, it } from 'vitest';
import { columnOf, isRunning, problemOf } from './import-job.ts';

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

describe('isRunning', () => {
  it('is true only while the job stages or publishes', () => {
    expect(isRunning('staging')).toBe(true);
    expect(isRunning('publishing')).toBe(true);
    expect(isRunning('published')).toBe(false);
    expect(isRunning('rejected')).toBe(false);
    expect(isRunning('failed')).toBe(false);
  });
});
