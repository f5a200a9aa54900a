import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPeriod, formatVnd, parseVnDate, todayIso } from './format.ts';

describe('formatDate', () => {
  it('shows an ISO date as dd/mm/yyyy', () => {
    expect(formatDate('2023-12-31')).toBe('31/12/2023');
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
  });

  it('keeps the mask of a year-only birth date in the same order', () => {
    expect(formatDate('1980-**-**')).toBe('**/**/1980');
  });

  it('shows a dash for a missing date and leaves unknown text as it is', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('quý III/2023')).toBe('quý III/2023');
  });

  it('shows a timestamp as the local calendar day', () => {
    const local = new Date(2024, 1, 29, 23, 30);
    expect(formatDate(local.toISOString())).toBe('29/02/2024');
  });
});

describe('formatPeriod', () => {
  it('says "đến nay" for a period still open', () => {
    expect(formatPeriod('1999-03-01', null)).toBe('Từ 01/03/1999 đến nay');
  });

  it('names both ends of a closed period', () => {
    expect(formatPeriod('2015-01-01', '2025-07-01')).toBe('Từ 01/01/2015 đến 01/07/2025');
  });
});

describe('formatNumber and formatVnd', () => {
  it('puts "." between thousands', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-2500000)).toBe('-2.500.000');
  });

  it('uses a comma for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });

  it('shows whole đồng with the "đ" sign', () => {
    expect(formatVnd(1_490_000)).toBe('1.490.000 đ');
    expect(formatVnd(2_980_000.4)).toBe('2.980.000 đ');
    expect(formatVnd(null)).toBe('—');
  });
});

describe('parseVnDate', () => {
  it('reads dd/mm/yyyy and d/m/yyyy', () => {
    expect(parseVnDate('31/12/2023')).toBe('2023-12-31');
    expect(parseVnDate(' 1/7/2025 ')).toBe('2025-07-01');
  });

  it('refuses dates that do not exist', () => {
    expect(parseVnDate('31/02/1980')).toBeNull();
    expect(parseVnDate('29/02/2023')).toBeNull();
    expect(parseVnDate('2023-12-31')).toBeNull();
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
  });
});

describe('todayIso', () => {
  it('uses the local calendar day', () => {
    expect(todayIso(new Date(2026, 0, 5, 0, 15))).toBe('2026-01-05');
  });
});
