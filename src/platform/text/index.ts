export { normalizeText, foldVietnamese } from './normalize.ts';
export { vietnameseNameSortKey, splitVietnameseName } from './sort-key.ts';
export type { VietnameseNameParts } from './sort-key.ts';
export {
  tcvn3ToUnicode,
  vniToUnicode,
  detectLegacyEncoding,
  weighEncodingEvidence,
  decideEncoding,
  convertToUnicode,
  VIETNAMESE_MARKED_LETTERS,
} from './legacy-encoding.ts';
export type { TextEncoding, EncodingEvidence } from './legacy-encoding.ts';
export { isVietnameseSyllable } from './vietnamese-syllable.ts';
