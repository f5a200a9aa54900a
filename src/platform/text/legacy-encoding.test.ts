import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  VIETNAMESE_MARKED_LETTERS,
  convertToUnicode,
  detectLegacyEncoding,
  tcvn3ToUnicode,
  vniToUnicode,
} from './legacy-encoding.ts';
import { encodeAsTcvn3ForTests, encodeAsVniForTests } from './legacy-encoders.test-helper.ts';

const PHRASES = [
  'Lao động tiên tiến',
  'Liêu Quốc Bình',
  'Chiến sĩ thi đua cơ sở',
  'Phường Mỹ Quý',
  'Tập thể lao động xuất sắc',
  'Hoàn thành xuất sắc nhiệm vụ',
  'UBND thành phố Long Xuyên',
  'Nguyễn Thị Ngọc Hân',
  'Đặng Văn Dũng',
  'Bằng khen của Chủ tịch UBND tỉnh An Giang',
];

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const EVERY_VOWEL_WITH_EVERY_TONE = VOWELS.flatMap((v) =>
  TONES.map((t) => (v.normalize('NFD') + t).normalize('NFC')),
);

describe('the Vietnamese letter set', () => {
  it('has 134 marked letters, 67 lower-case and 67 capitals, with đ and Đ', () => {
    expect(VIETNAMESE_MARKED_LETTERS).toHaveLength(134);
    expect(new Set(VIETNAMESE_MARKED_LETTERS).size).toBe(134);
    expect(VIETNAMESE_MARKED_LETTERS).toContain('đ');
    expect(VIETNAMESE_MARKED_LETTERS).toContain('Đ');
    expect(VIETNAMESE_MARKED_LETTERS).toContain('Ự');
  });
});

describe('tcvn3ToUnicode', () => {
  it('decodes the textbook example', () => {
    expect(tcvn3ToUnicode('NguyÔn V¨n An')).toBe('Nguyễn Văn An');
    expect(tcvn3ToUnicode('Lao ®éng tiªn tiÕn')).toBe('Lao động tiên tiến');
  });

  it('round-trips every vowel with every tone, in lower case', () => {
    for (const letter of [...EVERY_VOWEL_WITH_EVERY_TONE, 'đ']) {
      const encoded = encodeAsTcvn3ForTests(letter);
      expect(encoded).toHaveLength(1);
      expect(encoded.charCodeAt(0)).toBeLessThanOrEqual(0xff);
      expect(tcvn3ToUnicode(encoded)).toBe(letter);
    }
  });

  it('round-trips every capital vowel with every tone inside a word typed in capitals', () => {
    for (const letter of [...EVERY_VOWEL_WITH_EVERY_TONE, 'đ'].map((c) => c.toUpperCase())) {
      const word = `N${letter}N`;
      expect(tcvn3ToUnicode(encodeAsTcvn3ForTests(word))).toBe(word);
    }
  });

  it('decodes the capitals TCVN3 has on their own codes', () => {
    expect(tcvn3ToUnicode('¡¢£¤¥¦§')).toBe('ĂÂÊÔƠƯĐ');
    expect(tcvn3ToUnicode('§inh')).toBe('Đinh');
    expect(tcvn3ToUnicode('§¹I')).toBe('ĐẠI');
    expect(tcvn3ToUnicode('Mü')).toBe('Mỹ');
  });

  it('round-trips real phrases', () => {
    for (const phrase of PHRASES) {
      expect(tcvn3ToUnicode(encodeAsTcvn3ForTests(phrase))).toBe(phrase);
    }
  });

  it('cannot restore a lone toned capital, which TCVN3 never stored (the font drew it)', () => {
    expect(tcvn3ToUnicode(encodeAsTcvn3ForTests('Ủy ban'))).toBe('ủy ban');
  });
});

describe('vniToUnicode', () => {
  it('decodes the textbook example', () => {
    expect(vniToUnicode('Nguyeãn Vaên An')).toBe('Nguyễn Văn An');
  });

  it('round-trips all 134 marked letters, lower and upper case', () => {
    for (const letter of VIETNAMESE_MARKED_LETTERS) {
      expect(vniToUnicode(encodeAsVniForTests(letter))).toBe(letter);
    }
  });

  it('round-trips every vowel with every tone next to other vowels (ươ, uô, oa)', () => {
    for (const letter of EVERY_VOWEL_WITH_EVERY_TONE) {
      for (const neighbour of ['ư', 'ơ', 'ô', 'o', 'a']) {
        const word = `${neighbour}${letter}${neighbour}`;
        expect(vniToUnicode(encodeAsVniForTests(word))).toBe(word);
        expect(vniToUnicode(encodeAsVniForTests(word.toUpperCase()))).toBe(word.toUpperCase());
      }
    }
  });

  it('round-trips real phrases', () => {
    for (const phrase of PHRASES) {
      expect(vniToUnicode(encodeAsVniForTests(phrase))).toBe(phrase);
    }
  });

  it('reads a capital base letter before a lower-case mark as a capital', () => {
    expect(vniToUnicode('Aùnh')).toBe('Ánh');
  });
});

describe('detectLegacyEncoding', () => {
  it('recognises TCVN3 and VNI phrases', () => {
    for (const phrase of PHRASES) {
      expect(detectLegacyEncoding(encodeAsTcvn3ForTests(phrase))).toBe('tcvn3');
      expect(detectLegacyEncoding(encodeAsVniForTests(phrase))).toBe('vni');
    }
  });

  it('leaves ordinary Unicode Vietnamese and plain ASCII alone', () => {
    for (const phrase of PHRASES) expect(detectLegacyEncoding(phrase)).toBe('unicode');
    for (const s of [
      '',
      'Hello world',
      'KP-01',
      'Nguyen Van An',
      '12/05/1980',
      'Tâm',
      'Lê Hà',
      'Lý Tú Tài',
    ]) {
      expect(detectLegacyEncoding(s)).toBe('unicode');
    }
  });

  it('never calls random Unicode Vietnamese text legacy', () => {
    const word = fc
      .tuple(
        fc.constantFrom('', 'b', 'ch', 'đ', 'gi', 'h', 'kh', 'l', 'ng', 'nh', 'qu', 't', 'th', 'tr', 'x'),
        fc.constantFrom(...VOWELS),
        fc.constantFrom(...TONES),
        fc.constantFrom('', 'c', 'm', 'n', 'ng', 'nh', 't'),
        fc.boolean(),
      )
      .map(([onset, vowel, tone, coda, capital]) => {
        const w = (onset + vowel.normalize('NFD') + tone + coda).normalize('NFC');
        return capital ? w.charAt(0).toUpperCase() + w.slice(1) : w;
      });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        expect(detectLegacyEncoding(words.join(' '))).toBe('unicode');
      }),
      { numRuns: 2000 },
    );
  });

  it('recognises any mix of real cells encoded in TCVN3 or VNI', () => {
    const cells = fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(cells, (phrases) => {
        const text = phrases.join('\n');
        expect(detectLegacyEncoding(encodeAsTcvn3ForTests(text))).toBe('tcvn3');
        expect(detectLegacyEncoding(encodeAsVniForTests(text))).toBe('vni');
      }),
      { numRuns: 1000 },
    );
  });

  it('stays with Unicode when a word reads as Vietnamese both ways ("vô" is TCVN3 for "vụ")', () => {
    expect(detectLegacyEncoding(encodeAsTcvn3ForTests('vụ'))).toBe('unicode');
  });
});

describe('convertToUnicode', () => {
  it('converts a cell of a sheet detected as TCVN3', () => {
    expect(convertToUnicode('Ph\u00adêng Mü Quý', 'tcvn3')).toBe('Phường Mỹ Quý');
  });

  it('leaves a cell that is already Unicode alone even in a legacy sheet', () => {
    expect(convertToUnicode('Trần Thị Tâm', 'tcvn3')).toBe('Trần Thị Tâm');
    expect(convertToUnicode('Trần Thị Tâm', 'vni')).toBe('Trần Thị Tâm');
  });

  it('does nothing but NFC for Unicode', () => {
    expect(convertToUnicode('Nguye\u0302\u0303n', 'unicode')).toBe('Nguyễn');
  });
});
