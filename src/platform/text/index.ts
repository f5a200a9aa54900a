export { normalizeText, foldVietnamese } from './normalize.ts';
export { vietnameseNameSortKey, splitVietnameseName } from './sort-key.ts';
export type { VietnameseNameParts } from './sort-key.ts';
