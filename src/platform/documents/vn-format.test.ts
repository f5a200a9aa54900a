import { describe, it, expect } from 'vitest';
import type { BodyBlock } from './document-model.ts';
import {
  formatDateVn,
  formatNumberAndSymbol,
  formatPlaceDate,
  headingLabels,
  recipientLines,
  signatureHeadLines,
  toRoman,
} from './vn-format.ts';

describe('formatPlaceDate', () => {
  it('writes the seed date as "Mỹ Quý, ngày 26 tháng 12 năm 2023"', () => {
    expect(formatPlaceDate('Mỹ Quý', '2023-12-26')).toBe('Mỹ Quý, ngày 26 tháng 12 năm 2023');
  });

  it('puts a leading zero before days 1–9 and months 1 and 2', () => {
    expect(formatPlaceDate('Mỹ Quý', '2024-02-05')).toBe('Mỹ Quý, ngày 05 tháng 02 năm 2024');
    expect(formatPlaceDate('Mỹ Quý', '2024-01-09')).toBe('Mỹ Quý, ngày 09 tháng 01 năm 2024');
  });

  it('writes months 3 to 12 without a leading zero', () => {
    expect(formatPlaceDate('Long Xuyên', '2024-03-05')).toBe('Long Xuyên, ngày 05 tháng 3 năm 2024');
    expect(formatPlaceDate('Long Xuyên', '2024-10-10')).toBe('Long Xuyên, ngày 10 tháng 10 năm 2024');
  });

  it('rejects a malformed or impossible date with a Vietnamese message', () => {
    expect(() => formatPlaceDate('Mỹ Quý', '26/12/2023')).toThrow(/Ngày không hợp lệ/);
    expect(() => formatPlaceDate('Mỹ Quý', '2023-02-30')).toThrow(/Ngày không tồn tại/);
  });
});

describe('formatDateVn', () => {
  it('writes dd/mm/yyyy with two-digit day and month', () => {
    expect(formatDateVn('2023-12-26')).toBe('26/12/2023');
    expect(formatDateVn('2024-03-05')).toBe('05/03/2024');
  });
});

describe('formatNumberAndSymbol', () => {
  it('joins number and symbol with a slash', () => {
    expect(formatNumberAndSymbol({ number: 184, symbol: 'BC-UBND' })).toBe('Số: 184/BC-UBND');
  });

  it('pads numbers below 10 with a zero', () => {
    expect(formatNumberAndSymbol({ number: 5, symbol: 'QĐ-UBND' })).toBe('Số: 05/QĐ-UBND');
  });

  it('leaves a blank for the number of a draft', () => {
    expect(formatNumberAndSymbol({ symbol: 'TTr-UBND' })).toBe('Số:      /TTr-UBND');
  });
});

describe('headingLabels', () => {
  it('numbers levels I./1./a) and restarts a level under a new parent, with đ after d', () => {
    const h = (level: 1 | 2 | 3): BodyBlock => ({ kind: 'heading', level, text: `h${level}` });
    const blocks = [h(1), h(2), h(2), h(1), h(2), h(3), h(3), h(3), h(3), h(3), h(3)];
    const labels = headingLabels(blocks);
    expect(blocks.map((b) => (b.kind === 'heading' ? labels.get(b) : ''))).toEqual([
      'I.',
      '1.',
      '2.',
      'II.',
      '1.',
      'a)',
      'b)',
      'c)',
      'd)',
      'đ)',
      'e)',
    ]);
  });

  it('keeps an explicit label', () => {
    const block: BodyBlock = { kind: 'heading', level: 1, text: 'x', label: 'A.' };
    expect(headingLabels([block]).get(block)).toBe('A.');
  });

  it('writes Roman numerals', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
  });
});

describe('recipientLines', () => {
  it('ends each item with a semicolon and closes with "- Lưu: VT." by default', () => {
    expect(recipientLines({ items: ['UBND TPLX;', 'Phòng Nội vụ TPLX'] })).toEqual([
      '- UBND TPLX;',
      '- Phòng Nội vụ TPLX;',
      '- Lưu: VT.',
    ]);
  });

  it('uses the office archive line, as the seed writes "- Lưu."', () => {
    expect(recipientLines({ items: ['Các khóm'], archiveLine: 'Lưu.' }).at(-1)).toBe('- Lưu.');
  });
});

describe('signatureHeadLines', () => {
  it('prints the authority prefix in capitals above the position', () => {
    expect(
      signatureHeadLines({
        authority: 'TM.',
        authorityOf: 'Ủy ban nhân dân',
        position: 'Chủ tịch',
        signerName: 'x',
      }),
    ).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signatureHeadLines({ position: 'CHỦ TỊCH', signerName: 'x' })).toEqual(['CHỦ TỊCH']);
  });
});
