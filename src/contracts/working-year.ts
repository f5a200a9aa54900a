/**
 * The working year and the dates a person may choose for it: one pure module that the server
 * (which refuses a date) and the web app (which offers a date picker and the header's year
 * selector) both import, so both apply the same rule.
 *
 * The working year is the calendar year. Work of year Y is dated in Y, except the year-end work
 * that recognizes Y (the council's review, the posting of candidates, the decision, the
 * assessment of covenants), which in practice runs into early Y+1: the seed report of 2023 tells
 * of 64 "Lao động tiên tiến" of 2022 recognized in 2023.
 */

/** A day of the year, month 1–12. */
export type MonthDay = { readonly month: number; readonly day: number };

export type WorkingYearParameters = {
  /**
   * Until this day of January (inclusive) the working year opened by default is the previous
   * one, while its year-end work is finished.
   */
  readonly previousYearThrough: MonthDay;
  /** Last day of year Y+1 on which year-end work recognizing year Y may be dated. */
  readonly yearEndWorkThrough: MonthDay;
};

/**
 * Defaults. Neither is set by law (Luật TĐKT 2022 and NĐ 152/2025 name no date by which a
 * year's titles are recognized): unverified local practice, to be set per province.
 * - previousYearThrough 31/01: the seed's year-end work (report of 26/12/2023, recognition of
 *   the previous year at the January conference) is done by the end of January.
 * - yearEndWorkThrough 31/03: a quarter's grace for decisions recognizing the previous year.
 */
export const WORKING_YEAR_DEFAULTS: WorkingYearParameters = Object.freeze({
  previousYearThrough: Object.freeze({ month: 1, day: 31 }),
  yearEndWorkThrough: Object.freeze({ month: 3, day: 31 }),
});

/** Both defaults above are local practice, not law. */
export const WORKING_YEAR_DEFAULTS_VERIFIED = false;

/**
 * What a date is for:
 * - `in_year`: work done during the year (launching a movement, the conference, registrations
 *   and their deadline, signing a covenant, targets' progress, inspections, fund entries);
 * - `year_end`: work that recognizes the year (covenant assessment, posting of candidates,
 *   council sessions, decisions), dated in Y or early Y+1.
 */
export type DatePurpose = 'in_year' | 'year_end';

export type DateWindow = { readonly from: string; readonly to: string };

export type DateIssue = { readonly code: 'DATE.INVALID' | 'DATE.OUTSIDE_YEAR'; readonly message: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** dd/mm/yyyy, the way every date is shown. */
const shown = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** A month-day of a given year; 29/02 in a common year is read as 28/02. */
const onYear = (year: number, md: MonthDay) =>
  iso(year, md.month, Math.min(md.day, daysInMonth(year, md.month)));

/** Today in Vietnam (UTC+7, no daylight saving), YYYY-MM-DD: days are counted in local days. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The working year opened by default on `today`: the current year, or the previous one in January. */
export function defaultWorkingYear(
  today: string,
  params: WorkingYearParameters = WORKING_YEAR_DEFAULTS,
): number {
  const year = Number(today.slice(0, 4));
  return today <= onYear(year, params.previousYearThrough) ? year - 1 : year;
}

/** The first and last dates acceptable for work of `year` with the given purpose. */
export function dateWindow(
  year: number,
  purpose: DatePurpose,
  params: WorkingYearParameters = WORKING_YEAR_DEFAULTS,
): DateWindow {
  switch (purpose) {
    case 'in_year':
      return { from: iso(year, 1, 1), to: iso(year, 12, 31) };
    case 'year_end':
      return { from: iso(year, 1, 1), to: onYear(year + 1, params.yearEndWorkThrough) };
  }
}

/**
 * Why `date` cannot be used for work of `year`, or null when it can. `label` names the date in
 * the message ("Ngày phát động").
 */
export function checkDateForYear(
  date: string,
  year: number,
  purpose: DatePurpose,
  label = 'Ngày',
  params: WorkingYearParameters = WORKING_YEAR_DEFAULTS,
): DateIssue | null {
  if (!isCalendarDate(date)) {
    return { code: 'DATE.INVALID', message: `${label} không phải là ngày hợp lệ (dd/mm/yyyy).` };
  }
  const w = dateWindow(year, purpose, params);
  if (date >= w.from && date <= w.to) return null;
  const span =
    purpose === 'in_year'
      ? `trong năm ${year}`
      : `từ ${shown(w.from)} đến ${shown(w.to)} (việc của năm ${year} được làm đến đầu năm ${year + 1})`;
  return { code: 'DATE.OUTSIDE_YEAR', message: `${label} phải ${span}; ngày đã chọn là ${shown(date)}.` };
}

/** The date a picker offers first: today when it is acceptable, else the nearest acceptable day. */
export function defaultDateForYear(
  year: number,
  purpose: DatePurpose,
  today: string,
  params: WorkingYearParameters = WORKING_YEAR_DEFAULTS,
): string {
  const w = dateWindow(year, purpose, params);
  if (today < w.from) return w.from;
  if (today > w.to) return w.to;
  return today;
}
