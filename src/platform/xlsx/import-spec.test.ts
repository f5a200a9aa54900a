import { describe, it, expect, expectTypeOf } from 'vitest';
import { columnLetter, enumColumn, parseDateCell, textColumn } from './import-spec.ts';
import type { PersonImportRow } from './import-kinds.ts';

describe('parseDateCell', () => {
  it('accepts dd/mm/yyyy text, Excel dates and serial numbers, and checks the calendar', () => {
    expect(parseDateCell('05/02/1980')).toBe('1980-02-05');
    expect(parseDateCell('5-2-1980')).toBe('1980-02-05');
    expect(parseDateCell('1980-02-05')).toBe('1980-02-05');
    expect(parseDateCell('29/02/2024')).toBe('2024-02-29');
    expect(parseDateCell(new Date(Date.UTC(2023, 11, 26)))).toBe('2023-12-26');
    expect(parseDateCell(45286)).toBe('2023-12-26');
    expect(parseDateCell('31/02/1980')).toBeNull();
    expect(parseDateCell('29/02/2023')).toBeNull();
    expect(parseDateCell('12/13/1980')).toBeNull();
    expect(parseDateCell('hôm qua')).toBeNull();
  });
});

describe('column builders', () => {
  it('match list labels ignoring case and diacritics, and accept the code itself', () => {
    const gender = enumColumn('gender', 'Giới tính', [
      { label: 'Nam', value: 'male' },
      { label: 'Nữ', value: 'female' },
    ]);
    expect(gender.parse('NỮ')).toEqual({ ok: true, value: 'female' });
    expect(gender.parse('nu')).toEqual({ ok: true, value: 'female' });
    expect(gender.parse('male')).toEqual({ ok: true, value: 'male' });
    expect(gender.parse('Nữa')).toEqual({
      ok: false,
      problem: "'Nữa' không thuộc danh sách cho phép: Nam; Nữ.",
    });
  });

  it('count length in characters, not UTF-16 units', () => {
    const name = textColumn('name', 'Tên', { maxLength: 5 });
    expect(name.parse('Ngọc')).toEqual({ ok: true, value: 'Ngọc' });
    expect(name.parse('Nguyễn')).toEqual({ ok: false, problem: 'dài 6 ký tự, vượt quá 5 ký tự cho phép.' });
  });

  it('type required columns as non-null and optional ones as nullable', () => {
    expectTypeOf<PersonImportRow['fullName']>().toEqualTypeOf<string>();
    expectTypeOf<PersonImportRow['gender']>().toEqualTypeOf<'male' | 'female'>();
    expectTypeOf<PersonImportRow['birthDate']>().toEqualTypeOf<string | null>();
  });

  it('name columns with Excel letters', () => {
    expect([1, 4, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
