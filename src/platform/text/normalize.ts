/**
 * Text as the system stores it: NFC (so "ệ" typed as e + ◌̂ + ◌̣ and "ệ" precomposed are the same
 * string for equality, unique indexes and search), no leading or trailing space, and every run of
 * whitespace — including the no-break spaces and tabs that Word and Excel leave behind — a single
 * space.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The diacritic-insensitive form used for search: lower case, every combining mark removed, and
 * đ/Đ folded to d, because "đ" is a letter of its own in Unicode (U+0111), not d + a mark, so NFD
 * leaves it alone. `lieu quoc binh` then matches "Liêu Quốc Bình", and `d` matches "Đặng".
 * The result is also whitespace-normalized so a query and a stored value fold alike.
 */
export function foldVietnamese(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .normalize('NFC');
}
