// One set of layout numbers for the Word and the PDF renderer, so both print the same page.
// Source: Nghị định 30/2020/NĐ-CP, Điều 9 and Phụ lục I (technique of presentation).

export const MM_PER_INCH = 25.4;
export const PT_PER_MM = 72 / MM_PER_INCH;
/** Word measures in twentieths of a point. */
export const TWIP_PER_MM = 1440 / MM_PER_INCH;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const mmToTwip = (mm: number): number => Math.round(mm * TWIP_PER_MM);

/** Phụ lục I: A4 paper (210 × 297 mm), portrait. */
export const PAGE = { widthMm: 210, heightMm: 297 } as const;

/** Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. We take the tightest values. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const TEXT_WIDTH_MM = PAGE.widthMm - MARGINS_MM.left - MARGINS_MM.right;

/** Header table: issuing body on the left, Quốc hiệu and Tiêu ngữ on the right (Phụ lục I, ô số 1–2). */
// 72 / 93 mm keeps a ward's parent line ("UBND THÀNH PHỐ LONG XUYÊN") and the Quốc hiệu on one line each.
export const HEADER_COLUMNS_MM = { left: 72, right: TEXT_WIDTH_MM - 72 } as const;

/** Nơi nhận (left) and signature (right) share one row at the end (Phụ lục I, ô số 7 and 9). */
export const CLOSING_COLUMNS_MM = { left: 75, right: TEXT_WIDTH_MM - 75 } as const;

/** Font sizes in points (Phụ lục I; see docs/documents.md for which values are verified). */
export const FONT_PT = {
  issuingBody: 12.5,
  nationalTitle: 12,
  motto: 13,
  numberAndSymbol: 13,
  placeDate: 14,
  typeName: 14,
  summary: 14,
  body: 14,
  heading: 14,
  signature: 14,
  recipientsLabel: 12,
  recipientsItem: 11,
  pageNumber: 13,
  tableDefault: 12,
} as const;

/** Phụ lục I: body paragraphs indent their first line 1–1.27 cm; at least 6 pt between paragraphs. */
export const FIRST_LINE_INDENT_MM = 10;
export const PARAGRAPH_SPACING_PT = 6;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const DEFAULT_SIGNATURE_SPACE_MM = 25;
