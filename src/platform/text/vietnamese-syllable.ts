/**
 * Whether a word is shaped like one Vietnamese syllable: an optional initial consonant, a vowel
 * cluster that Vietnamese spelling allows, an optional final consonant, and at most one tone.
 * Deliberately lenient (it does not check which finals go with which vowels): it only has to tell
 * real text from the debris a wrong decoding leaves ("V¨n", "Nguyeãn", "Tõm" is still a
 * syllable, which is why detection weighs many words, not one).
 */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones !== null && tones.length > 1) return false;
  const toneless = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(toneless);
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const INITIALS = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x';
const VOWEL_CLUSTERS = [
  'a',
  'ai',
  'ao',
  'au',
  'ay',
  'ă',
  'â',
  'âu',
  'ây',
  'e',
  'eo',
  'ê',
  'êu',
  'i',
  'ia',
  'iu',
  'iê',
  'iêu',
  'o',
  'oa',
  'oai',
  'oao',
  'oay',
  'oă',
  'oe',
  'oeo',
  'oi',
  'oo',
  'ô',
  'ôi',
  'ơ',
  'ơi',
  'u',
  'ua',
  'uâ',
  'uây',
  'uê',
  'ui',
  'uô',
  'uôi',
  'uơ',
  'uy',
  'uya',
  'uyê',
  'uyu',
  'ư',
  'ưa',
  'ưi',
  'ưu',
  'ươ',
  'ươi',
  'ươu',
  'y',
  'yê',
  'yêu',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
const FINALS = 'ch|ng|nh|c|m|n|p|t';

const SYLLABLE = new RegExp(`^(?:${INITIALS})?(?:${VOWEL_CLUSTERS})(?:${FINALS})?$`, 'u');
