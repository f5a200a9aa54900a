import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { splitVietnameseName, vietnameseNameSortKey } from './sort-key.ts';
import { normalizeText } from './normalize.ts';

const collator = new Intl.Collator('vi');

/** The reference order the key must reproduce: given, then middle, then family, by the collator. */
function referenceCompare(a: string, b: string): number {
  const pa = splitVietnameseName(a);
  const pb = splitVietnameseName(b);
  return (
    collator.compare(pa.given, pb.given) ||
    collator.compare(pa.middle, pb.middle) ||
    collator.compare(pa.family, pb.family)
  );
}

function keyCompare(a: string, b: string): number {
  const ka = vietnameseNameSortKey(a);
  const kb = vietnameseNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh'];
const MORE_ONSETS = ['nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const NUCLEI = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ây',
  'iê',
  'oa',
];
const MORE_NUCLEI = ['oă', 'oe', 'uâ', 'uê', 'uy', 'uyê', 'ươ', 'ưa', 'ua', 'uô', 'yê', 'ia', 'ưu', 'ôi'];
const CODAS = ['', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];

/** A syllable with its tone on the first vowel (placement does not change the collation). */
const syllable = fc
  .record({
    onset: fc.constantFrom(...ONSETS, ...MORE_ONSETS),
    nucleus: fc.constantFrom(...NUCLEI, ...MORE_NUCLEI),
    tone: fc.constantFrom(...TONES),
    coda: fc.constantFrom(...CODAS),
    casing: fc.constantFrom('title', 'title', 'title', 'lower', 'upper', 'mixed'),
  })
  .map(({ onset, nucleus, tone, coda, casing }) => {
    const word = (onset + nucleus.slice(0, 1) + tone + nucleus.slice(1) + coda).normalize('NFC');
    switch (casing) {
      case 'title':
        return word.slice(0, 1).toUpperCase() + word.slice(1);
      case 'lower':
        return word;
      case 'upper':
        return word.toUpperCase();
      case 'mixed':
        return [...word].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join('');
    }
  });

const REAL_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Liêu', 'Dương'];
const REAL_MIDDLE = ['Văn', 'Thị', 'Quốc', 'Ngọc', 'Thanh', 'Minh', 'Hữu', 'Đức', 'Thị Ngọc', 'Hoàng'];
const REAL_GIVEN = ['An', 'Ân', 'Ánh', 'Anh', 'Bình', 'Dũng', 'Đạt', 'Hà', 'Hạ', 'Hải', 'Yến', 'Ý', 'Ỷ'];

const word = fc.oneof(
  { weight: 3, arbitrary: syllable },
  { weight: 1, arbitrary: fc.constantFrom(...REAL_FAMILY, ...REAL_GIVEN, ...REAL_MIDDLE) },
);
const fullName = fc
  .tuple(word, fc.array(word, { minLength: 0, maxLength: 3 }), word, fc.boolean())
  .map(([family, middle, given, oneWord]) => (oneWord ? given : [family, ...middle, given].join(' ')));

/**
 * A near neighbour of a name: one letter's tone or case changed, or one letter dropped or added.
 * Independent random names almost never share a given name, so without these the secondary and
 * tertiary levels and the part separators would go untested.
 */
function mutate(name: string, position: number, kind: number, tone: string): string {
  const chars = [...name.normalize('NFD')];
  const letterIndexes = chars.flatMap((c, i) => (/\p{L}/u.test(c) ? [i] : []));
  const at = letterIndexes[position % Math.max(letterIndexes.length, 1)] ?? 0;
  const c = chars[at] ?? '';
  switch (kind % 5) {
    case 0: {
      // replace the tone of this letter by another, keeping its vowel marks (ư, â …); a
      // Vietnamese tone sits on a vowel only, so a consonant is left as it is
      if (!/^[aeiouy]$/iu.test(c)) break;
      let end = at + 1;
      while (end < chars.length && /\p{M}/u.test(chars[end] ?? '')) end++;
      const shapeMarks = chars.slice(at + 1, end).filter((m) => !TONES.includes(m));
      chars.splice(at + 1, end - at - 1, ...shapeMarks, ...(tone ? [tone] : []));
      break;
    }
    case 1:
      chars[at] = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
      break;
    case 2: {
      // drop the letter with its marks
      let end = at + 1;
      while (end < chars.length && /\p{M}/u.test(chars[end] ?? '')) end++;
      chars.splice(at, end - at);
      break;
    }
    case 3: {
      // add an h after the letter and its marks (before them, the marks would move onto the h)
      let end = at + 1;
      while (end < chars.length && /\p{M}/u.test(chars[end] ?? '')) end++;
      chars.splice(end, 0, 'h');
      break;
    }
    case 4:
      return name.toUpperCase();
  }
  return chars.join('').normalize('NFC');
}

const namePair = fc.oneof(
  fc.tuple(fullName, fullName),
  fc
    .tuple(fullName, fc.nat(), fc.nat(), fc.constantFrom(...TONES), fc.nat({ max: 3 }))
    .map(([a, position, kind, tone, times]) => {
      let b = a;
      for (let i = 0; i <= times; i++) b = mutate(b, position + i * 7, kind + i, tone);
      return [a, normalizeText(b) === '' ? a : b] as const;
    }),
);

describe('vietnameseNameSortKey', () => {
  it('orders keys exactly as the collator orders (given, middle, family) over random names', () => {
    fc.assert(
      fc.property(namePair, ([a, b]) => {
        expect(Math.sign(keyCompare(a, b))).toBe(Math.sign(referenceCompare(a, b)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('sorts a random list of names into the same order as the collator, ties by key equality', () => {
    fc.assert(
      fc.property(fc.array(namePair, { minLength: 1, maxLength: 20 }), (pairs) => {
        const names = pairs.flat();
        const byKey = [...names].sort(keyCompare);
        const byCollator = [...names].sort(referenceCompare);
        expect(byKey.map(vietnameseNameSortKey)).toEqual(byCollator.map(vietnameseNameSortKey));
        for (let i = 1; i < byKey.length; i++) {
          expect(referenceCompare(byKey[i - 1] ?? '', byKey[i] ?? '')).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives equal keys exactly to names whose three parts the collator finds equal', () => {
    fc.assert(
      fc.property(fullName, (a) => {
        const decomposedSpaced = `  ${a.normalize('NFD').replace(/ /gu, '   ')} `;
        expect(vietnameseNameSortKey(decomposedSpaced)).toBe(vietnameseNameSortKey(a));
        expect(referenceCompare(decomposedSpaced, a)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('puts the Vietnamese alphabet in its own order, not the code-point order', () => {
    const letters = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');
    const shuffled = [...letters].reverse();
    expect(shuffled.sort((a, b) => keyCompare(a, b))).toEqual(letters);
    expect([...letters].sort(collator.compare)).toEqual(letters);
  });

  it('orders the tones as the collator does: none, huyền, hỏi, ngã, sắc, nặng', () => {
    const tones = ['a', 'à', 'ả', 'ã', 'á', 'ạ'];
    expect([...tones].sort(collator.compare)).toEqual(tones);
    expect([...tones].reverse().sort(keyCompare)).toEqual(tones);
  });

  it('orders by given name first, then middle, then family name', () => {
    const names = ['Trần Văn Bình', 'Liêu Quốc Bình', 'Nguyễn An', 'Đặng Thị Ánh', 'Lê Văn Bình', 'Bình'];
    expect([...names].sort(keyCompare)).toEqual([
      'Nguyễn An',
      'Đặng Thị Ánh',
      'Bình',
      'Liêu Quốc Bình',
      'Lê Văn Bình',
      'Trần Văn Bình',
    ]);
  });

  it('uses only printable ASCII, so byte order and code-unit order agree', () => {
    fc.assert(
      fc.property(fullName, (a) => {
        expect(vietnameseNameSortKey(a)).toMatch(/^[\x21-\x7e]*$/u);
      }),
      { numRuns: 1000 },
    );
  });

  it('matches the collator on punctuation, digits and non-Vietnamese Latin letters in names', () => {
    const odd = ['An-Na', 'An Na', "O'Brien", 'Ánh 2', 'Ánh 10', 'Wendy', 'Zoe', 'Fanh', 'Jim', 'Yến'];
    const byCollator = [...odd].sort((a, b) => collator.compare(normalizeText(a), normalizeText(b)));
    const byKey = [...odd].sort((a, b) => {
      const ka = vietnameseNameSortKey(normalizeText(a).replace(/ /gu, '_'));
      const kb = vietnameseNameSortKey(normalizeText(b).replace(/ /gu, '_'));
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    // single-word comparison (spaces made part of the word) isolates the per-character weights
    expect(byKey.map((s) => s.replace(/_/gu, ' '))).toEqual(byCollator.map((s) => s.replace(/_/gu, ' ')));
  });
});

describe('splitVietnameseName', () => {
  it('splits family, middle and given names', () => {
    expect(splitVietnameseName(' Liêu  Quốc Bình ')).toEqual({
      family: 'Liêu',
      middle: 'Quốc',
      given: 'Bình',
    });
    expect(splitVietnameseName('Nguyễn Thị Ngọc Ánh')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Ngọc',
      given: 'Ánh',
    });
    expect(splitVietnameseName('Nguyễn An')).toEqual({ family: 'Nguyễn', middle: '', given: 'An' });
    expect(splitVietnameseName('An')).toEqual({ family: '', middle: '', given: 'An' });
  });
});
