import { isVietnameseSyllable } from './vietnamese-syllable.ts';

/**
 * Old ward files were typed before Unicode, with fonts that drew Vietnamese letters in place of
 * Latin-1 characters. Excel kept the characters, not the glyphs, so the cells read as Latin-1
 * debris until converted:
 * - TCVN3 (TCVN 5712:1993 "VN3", the ABC keyboard and the .VnTime / .VnTimeH fonts): one byte per
 *   letter, "Nguyễn Văn An" is stored as "NguyÔn V¨n An". It has no precomposed capital vowel with
 *   a tone: capitals were drawn with the .VnTimeH font from the lower-case codes.
 * - VNI (VNI-Windows, the VNI-Times font): a base letter followed by a mark character,
 *   "Nguyễn Văn An" is stored as "Nguyeãn Vaên An".
 */
export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';

/** Vowels in table order, and the tones in the order of each table row. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const; // –, huyền, hỏi, ngã, sắc, nặng

/** Per vowel: unmarked, huyền, hỏi, ngã, sắc, nặng. */
const TCVN3_VOWELS: Record<(typeof VOWELS)[number], string> = {
  a: 'aµ¶·¸¹',
  ă: '¨»¼½¾Æ',
  â: '©ÇÈÉÊË',
  e: 'eÌÎÏÐÑ',
  ê: 'ªÒÓÔÕÖ',
  i: 'i×ØÜÝÞ',
  o: 'oßáâãä',
  ô: '«åæçèé',
  ơ: '¬êëìíî',
  u: 'uïñòóô',
  ư: '\u00adõö÷øù',
  y: 'yúûüýþ',
};
/** TCVN3's only capitals beyond ASCII. */
const TCVN3_CAPITALS: Record<string, string> = {
  Ă: '¡',
  Â: '¢',
  Ê: '£',
  Ô: '¤',
  Ơ: '¥',
  Ư: '¦',
  Đ: '§',
  đ: '®',
};

/** Per vowel, lower case (capitals are the same strings upper-cased): unmarked … nặng. */
const VNI_VOWELS: Record<(typeof VOWELS)[number], readonly string[]> = {
  a: ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ă: ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  â: ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  e: ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ê: ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  i: ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  o: ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ô: ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ơ: ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  u: ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ư: ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  y: ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
};

function hasCharAbove(s: string, codePoint: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > codePoint) return true;
  return false;
}

function withTone(vowel: string, toneIndex: number): string {
  return (vowel.normalize('NFD') + (TONE_MARKS[toneIndex] ?? '')).normalize('NFC');
}

/** Every Vietnamese letter with a mark, lower and upper case: 67 × 2 = 134 (with đ, Đ). */
export const VIETNAMESE_MARKED_LETTERS: readonly string[] = VOWELS.flatMap((v) =>
  TONE_MARKS.map((_, t) => withTone(v, t)),
)
  .filter((c) => !/^[a-z]$/u.test(c))
  .concat('đ')
  .flatMap((c) => [c, c.toUpperCase()]);

const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = new Map([
  ...VOWELS.flatMap((v) =>
    [...TCVN3_VOWELS[v]].map((code, t): [string, string] => [code, withTone(v, t)]),
  ).filter(([code]) => code > '\u007f'),
  ...Object.entries(TCVN3_CAPITALS).map(([unicode, code]): [string, string] => [code, unicode]),
]);

/** Unicode letter → TCVN3 character, the inverse of the decoder (test encoders build on it). */
export const UNICODE_TO_TCVN3: ReadonlyMap<string, string> = new Map(
  [...TCVN3_TO_UNICODE].map(([code, unicode]) => [unicode, code]),
);

const VNI_TO_UNICODE: ReadonlyMap<string, string> = new Map(
  VOWELS.flatMap((v) =>
    VNI_VOWELS[v].flatMap((code, t): [string, string][] => {
      const lower = withTone(v, t);
      const upper = lower.toUpperCase();
      const pairs: [string, string][] = [
        [code, lower],
        [code.toUpperCase(), upper],
      ];
      // A capital base letter typed before a lower-case mark ("Aù") still means "Á": the base
      // letter decides the case, as it does on screen.
      if (code.length === 2) pairs.push([code.slice(0, 1).toUpperCase() + code.slice(1), upper]);
      return pairs;
    }),
  )
    .concat([
      ['ñ', 'đ'],
      ['Ñ', 'Đ'],
    ])
    .filter(([code]) => hasCharAbove(code, 0x7f)),
);

/** Unicode letter → VNI sequence, the inverse of the decoder for canonical sequences. */
export const UNICODE_TO_VNI: ReadonlyMap<string, string> = new Map(
  VOWELS.flatMap((v) =>
    VNI_VOWELS[v].flatMap((code, t): [string, string][] => [
      [withTone(v, t), code],
      [withTone(v, t).toUpperCase(), code.toUpperCase()],
    ]),
  )
    .concat([
      ['đ', 'ñ'],
      ['Đ', 'Ñ'],
    ])
    .filter(([unicode]) => /[^a-zA-Z]/u.test(unicode)),
);

/**
 * TCVN3 → Unicode (NFC). Characters outside the table pass through. A word typed in capitals
 * (at least two capitals, ASCII or TCVN3's ¡–§, and no ASCII lower-case letter: the .VnTimeH
 * habit) is upper-cased after conversion, because TCVN3 stored its toned capitals with the
 * lower-case codes. A two-letter capitalised word ("Mü") stays as typed: "Mỹ" is far likelier
 * than "MỸ", so "PHƯỜNG MỸ QUÝ" typed in .VnTimeH comes out as "PHƯỜNG Mỹ QUÝ".
 */
export function tcvn3ToUnicode(s: string): string {
  return s
    .split(/(\s+)/u)
    .map((word) => {
      const converted = [...word].map((c) => TCVN3_TO_UNICODE.get(c) ?? c).join('');
      const capitals = word.match(/[A-Z\u00a1-\u00a7]/gu)?.length ?? 0;
      const typedInCapitals = capitals >= 2 && !/[a-z]/u.test(word);
      return typedInCapitals ? converted.toUpperCase() : converted;
    })
    .join('')
    .normalize('NFC');
}

/** VNI → Unicode (NFC): the longest sequence in the table wins (base + mark before a lone code). */
export function vniToUnicode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const pair = VNI_TO_UNICODE.get(s.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    const ch = s.charAt(i);
    out += VNI_TO_UNICODE.get(ch) ?? ch;
    i += 1;
  }
  return out.normalize('NFC');
}

/** Letters that only Unicode Vietnamese has: a text containing them is not TCVN3 or VNI. */
const UNICODE_ONLY_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

/** Words: split at whitespace and ASCII punctuation and digits, keep every non-ASCII character. */
const WORD_SEPARATORS = /[\s!-@[-`{-~]+/u;

export type EncodingEvidence = {
  /** Words with a character beyond ASCII that only Unicode Vietnamese has. */
  unicodeOnlyWords: number;
  /** Words with Latin-1 characters only, which every encoding might explain. */
  ambiguousWords: number;
  /** Of the ambiguous words, how many are Vietnamese syllables when read in each encoding. */
  syllables: Record<TextEncoding, number>;
};

/** Counts the evidence for each encoding in a text (a cell, or a whole sheet's text). */
export function weighEncodingEvidence(s: string): EncodingEvidence {
  const evidence: EncodingEvidence = {
    unicodeOnlyWords: 0,
    ambiguousWords: 0,
    syllables: { unicode: 0, tcvn3: 0, vni: 0 },
  };
  for (const word of s.split(WORD_SEPARATORS)) {
    if (!hasCharAbove(word, 0x7f)) continue;
    if (UNICODE_ONLY_VIETNAMESE.test(word)) {
      evidence.unicodeOnlyWords++;
      continue;
    }
    if (hasCharAbove(word, 0xff)) continue;
    evidence.ambiguousWords++;
    if (isVietnameseSyllable(word)) evidence.syllables.unicode++;
    if (isVietnameseSyllable(tcvn3ToUnicode(word))) evidence.syllables.tcvn3++;
    if (isVietnameseSyllable(vniToUnicode(word))) evidence.syllables.vni++;
  }
  return evidence;
}

/**
 * Which encoding a text is in. A legacy encoding wins only when reading the text in it makes
 * more words Vietnamese syllables than reading it as Unicode does, by more than the number of
 * words that only Unicode can explain, and when it explains at least half of the ambiguous words.
 * Otherwise (plain ASCII, ordinary Unicode Vietnamese, too little evidence) the answer is
 * 'unicode', which means "leave the text alone". Give it as much text as there is (a whole
 * sheet's sample, not one cell): "Tâm" alone reads as TCVN3 "Tõm" just as well.
 */
export function detectLegacyEncoding(s: string): TextEncoding {
  return decideEncoding(weighEncodingEvidence(s));
}

export function decideEncoding(evidence: EncodingEvidence): TextEncoding {
  const { syllables, ambiguousWords, unicodeOnlyWords } = evidence;
  const legacy: TextEncoding = syllables.vni > syllables.tcvn3 ? 'vni' : 'tcvn3';
  const legacyScore = syllables[legacy];
  const gain = legacyScore - syllables.unicode;
  if (gain > unicodeOnlyWords && gain >= 1 && legacyScore * 2 >= ambiguousWords) return legacy;
  return 'unicode';
}

/**
 * Converts text known (from `detectLegacyEncoding` over the whole source) to be in `encoding`.
 * A text that contains letters only Unicode has is left as it is: a sheet detected as TCVN3 may
 * still have a cell retyped in Unicode, and converting it would damage its "â" and "ô".
 */
export function convertToUnicode(s: string, encoding: TextEncoding): string {
  if (encoding === 'unicode' || UNICODE_ONLY_VIETNAMESE.test(s)) return s.normalize('NFC');
  return encoding === 'tcvn3' ? tcvn3ToUnicode(s) : vniToUnicode(s);
}
