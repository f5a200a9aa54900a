import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkDateForYear,
  dateWindow,
  defaultDateForYear,
  defaultWorkingYear,
  isCalendarDate,
  todayInVietnam,
  WORKING_YEAR_DEFAULTS,
} from './working-year.ts';

describe('working year', () => {
  it('opens the previous year through 31 January, the current one from 1 February', () => {
    expect(defaultWorkingYear('2026-01-01')).toBe(2025);
    expect(defaultWorkingYear('2026-01-31')).toBe(2025);
    expect(defaultWorkingYear('2026-02-01')).toBe(2026);
    expect(defaultWorkingYear('2026-12-31')).toBe(2026);
  });

  it('takes the January cut-off as a parameter', () => {
    const params = { ...WORKING_YEAR_DEFAULTS, previousYearThrough: { month: 1, day: 15 } };
    expect(defaultWorkingYear('2026-01-15', params)).toBe(2025);
    expect(defaultWorkingYear('2026-01-16', params)).toBe(2026);
    expect(defaultWorkingYear('2026-03-01', { ...params, previousYearThrough: { month: 2, day: 29 } })).toBe(
      2026,
    );
  });

  it('counts today in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dates acceptable for a working year', () => {
  it('keeps work during the year inside the calendar year', () => {
    expect(dateWindow(2024, 'in_year')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(checkDateForYear('2024-01-01', 2024, 'in_year')).toBeNull();
    expect(checkDateForYear('2024-12-31', 2024, 'in_year')).toBeNull();
    const issue = checkDateForYear('2026-12-07', 2024, 'in_year', 'Ngày phát động');
    expect(issue?.code).toBe('DATE.OUTSIDE_YEAR');
    expect(issue?.message).toBe('Ngày phát động phải trong năm 2024; ngày đã chọn là 07/12/2026.');
  });

  it('lets year-end work of year Y run into early Y+1, up to the parameter', () => {
    // The seed: 64 "Lao động tiên tiến" of 2022 recognized in 2023.
    expect(dateWindow(2022, 'year_end')).toEqual({ from: '2022-01-01', to: '2023-03-31' });
    expect(checkDateForYear('2023-02-15', 2022, 'year_end')).toBeNull();
    expect(checkDateForYear('2023-04-01', 2022, 'year_end', 'Ngày ký quyết định')?.message).toBe(
      'Ngày ký quyết định phải từ 01/01/2022 đến 31/03/2023 (việc của năm 2022 được làm đến đầu năm 2023); ngày đã chọn là 01/04/2023.',
    );
    expect(checkDateForYear('2021-12-31', 2022, 'year_end')?.code).toBe('DATE.OUTSIDE_YEAR');
    const params = { ...WORKING_YEAR_DEFAULTS, yearEndWorkThrough: { month: 2, day: 29 } };
    expect(dateWindow(2022, 'year_end', params).to).toBe('2023-02-28');
    expect(dateWindow(2023, 'year_end', params).to).toBe('2024-02-29');
  });

  it('refuses what is not a calendar date', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(checkDateForYear('2023-02-30', 2023, 'in_year')?.code).toBe('DATE.INVALID');
  });

  it('offers today when acceptable, else the nearest acceptable day', () => {
    expect(defaultDateForYear(2026, 'in_year', '2026-12-07')).toBe('2026-12-07');
    expect(defaultDateForYear(2024, 'in_year', '2026-12-07')).toBe('2024-12-31');
    expect(defaultDateForYear(2025, 'year_end', '2026-01-20')).toBe('2026-01-20');
    expect(defaultDateForYear(2027, 'in_year', '2026-12-07')).toBe('2027-01-01');
  });

  it('always offers a date it accepts', () => {
    const day = fc
      .record({
        y: fc.integer({ min: 2000, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.constantFrom('in_year' as const, 'year_end' as const),
        day,
        (year, purpose, today) => {
          expect(checkDateForYear(defaultDateForYear(year, purpose, today), year, purpose)).toBeNull();
        },
      ),
    );
  });
});
