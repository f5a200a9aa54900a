import { describe, it, expect } from 'vitest';
import { foldVietnamese, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('composes decomposed Vietnamese into NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // e + circumflex + tilde
    expect(normalizeText(decomposed)).toBe('Nguyễn');
    expect(normalizeText(decomposed)).toHaveLength(6);
  });

  it('trims and collapses tabs, newlines and no-break spaces to one space', () => {
    expect(normalizeText('  Liêu\u00a0\u00a0Quốc\t\nBình  ')).toBe('Liêu Quốc Bình');
  });

  it('returns an empty string for whitespace only', () => {
    expect(normalizeText(' \t\u00a0 ')).toBe('');
  });
});

describe('foldVietnamese', () => {
  it('lets an unaccented query match a full Vietnamese name', () => {
    expect(foldVietnamese('Liêu Quốc Bình')).toBe('lieu quoc binh');
    expect(foldVietnamese('Liêu Quốc Bình')).toBe(foldVietnamese('lieu quoc binh'));
  });

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đặng Đình Đức')).toBe('dang dinh duc');
    expect(foldVietnamese('đ')).toBe('d');
  });

  it('strips every tone and vowel mark, precomposed or decomposed', () => {
    expect(foldVietnamese('ĂÂÊÔƠƯ ằẩẫấậ ừửữứự ỳỷỹýỵ')).toBe('aaeoou aaaaa uuuuu yyyyy');
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('leaves plain ASCII lower-cased and otherwise unchanged', () => {
    expect(foldVietnamese('Khom 3 - To 12')).toBe('khom 3 - to 12');
  });
});
