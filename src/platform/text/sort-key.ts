import { normalizeText } from './normalize.ts';

/**
 * Vietnamese name order ("xếp tên theo thứ tự ABC"): by given name (the last word), then the
 * middle names, then the family name (the first word), each part compared the way
 * `Intl.Collator('vi')` compares it. The key built here is plain printable ASCII, so its ordinary
 * code-unit order (JavaScript `<`) and its byte order (PostgreSQL `COLLATE "C"`, the only collation
 * PGlite and every PostgreSQL server agree on) are that order. The database then sorts and pages
 * on an indexed column without needing ICU `vi` data, which PGlite lacks.
 *
 * How the key mirrors the collator (ICU, Vietnamese tailoring, strength tertiary):
 * - level 1 (primary): the letter, with ă â ê ô ơ ư đ as letters of their own in the Vietnamese
 *   alphabet order, case ignored; space and punctuation before digits before letters;
 * - level 2 (secondary): the tone of each letter — none, huyền, hỏi, ngã, sắc, nặng, the order
 *   Node's ICU uses (checked by the tests against `Intl.Collator('vi')`);
 * - level 3 (tertiary): lower case before upper case, letter by letter.
 * Each part of the name is encoded as `primary # secondary # tertiary`, and the parts are joined
 * with `!`, which sorts below every weight, so a shorter part sorts first ("An" before "Anh").
 * Trailing "no tone" / "lower case" weights are dropped: that keeps keys short and cannot change
 * the order, because the level separator sorts below every weight.
 *
 * Ties: two names whose three parts all compare equal under the collator (in practice: the same
 * name after `normalizeText`) get the same key. Callers break ties by a stable id
 * (`ORDER BY sort_key, id`).
 *
 * Characters outside the table (letters of other alphabets, symbols) sort after every letter, by
 * code point, encoded as `~` and six hexadecimal digits; combining marks other than the five
 * Vietnamese tones and the Vietnamese vowel marks are ignored, and a letter carries one tone (a
 * second tone mark on the same letter replaces the first). These are approximations of ICU for
 * text that is not a Vietnamese name.
 */
export function vietnameseNameSortKey(fullName: string): string {
  const { family, middle, given } = splitVietnameseName(fullName);
  return [encodePart(given), encodePart(middle), encodePart(family)].join(PART_SEPARATOR);
}

export type VietnameseNameParts = { family: string; middle: string; given: string };

/**
 * "Liêu Quốc Bình" → family "Liêu", middle "Quốc", given "Bình". A one-word name is a given name
 * only; a two-word name has no middle name.
 */
export function splitVietnameseName(fullName: string): VietnameseNameParts {
  const words = normalizeText(fullName)
    .split(' ')
    .filter((w) => w !== '');
  const given = words.at(-1) ?? '';
  if (words.length < 2) return { family: '', middle: '', given };
  return { family: words[0] ?? '', middle: words.slice(1, -1).join(' '), given };
}

const PART_SEPARATOR = '!';
const LEVEL_SEPARATOR = '#';
const UNKNOWN_PREFIX = '~';

/** Primary order: spaces and punctuation as ICU's root order has them, digits, then letters. */
const PRIMARY_ORDER = [
  ...' _-,;:!?.\'"()/',
  ...'0123456789',
  ...['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'],
  ...['o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'],
];
const FIRST_WEIGHT = 0x30; // '0': above both separators ('!' 0x21, '#' 0x23)

const PRIMARY_WEIGHT = new Map<string, string>(
  PRIMARY_ORDER.map((ch, i) => [ch, String.fromCharCode(FIRST_WEIGHT + i)]),
);

const COMBINING_GRAVE = '\u0300';
const COMBINING_ACUTE = '\u0301';
const COMBINING_CIRCUMFLEX = '\u0302';
const COMBINING_TILDE = '\u0303';
const COMBINING_BREVE = '\u0306';
const COMBINING_HOOK_ABOVE = '\u0309';
const COMBINING_HORN = '\u031B';
const COMBINING_DOT_BELOW = '\u0323';

/** Secondary weights: unmarked, huyền, hỏi, ngã, sắc, nặng — `Intl.Collator('vi')` order. */
const TONE_WEIGHT = new Map<string, string>([
  [COMBINING_GRAVE, '1'],
  [COMBINING_HOOK_ABOVE, '2'],
  [COMBINING_TILDE, '3'],
  [COMBINING_ACUTE, '4'],
  [COMBINING_DOT_BELOW, '5'],
]);

/** Vowel marks that make a separate letter of the Vietnamese alphabet. */
const LETTER_WITH_MARK = new Map<string, string>([
  ['a' + COMBINING_BREVE, 'ă'],
  ['a' + COMBINING_CIRCUMFLEX, 'â'],
  ['e' + COMBINING_CIRCUMFLEX, 'ê'],
  ['o' + COMBINING_CIRCUMFLEX, 'ô'],
  ['o' + COMBINING_HORN, 'ơ'],
  ['u' + COMBINING_HORN, 'ư'],
]);

function encodePart(part: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const [base, marks] of letterGroups(part)) {
    const lowerBase = base.toLowerCase();
    let letter = lowerBase;
    let tone = '0';
    for (const mark of marks) {
      const withMark = LETTER_WITH_MARK.get(letter + mark);
      if (withMark !== undefined) letter = withMark;
      else tone = TONE_WEIGHT.get(mark) ?? tone;
    }
    const weight = PRIMARY_WEIGHT.get(letter);
    primary +=
      weight ?? UNKNOWN_PREFIX + (letter.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(6, '0');
    secondary += tone;
    tertiary += base !== lowerBase ? '1' : '0';
  }
  return [primary, stripTrailingZeros(secondary), stripTrailingZeros(tertiary)].join(LEVEL_SEPARATOR);
}

/**
 * Each base character with the combining marks that follow it, from the NFD form, so a mark that
 * has no precomposed letter (a tone on a consonant) still counts as that letter's tone, as ICU
 * counts it. Marks with no base character before them are dropped.
 */
function* letterGroups(part: string): Generator<[string, string[]]> {
  let base: string | null = null;
  let marks: string[] = [];
  for (const ch of part.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) {
      if (base !== null) marks.push(ch);
      continue;
    }
    if (base !== null) yield [base, marks];
    base = ch;
    marks = [];
  }
  if (base !== null) yield [base, marks];
}

function stripTrailingZeros(weights: string): string {
  return weights.replace(/0+$/u, '');
}
