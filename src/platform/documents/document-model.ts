// A plain, serializable model of an administrative document in the format of
// Nghị định 30/2020/NĐ-CP (Điều 8 khoản 2 lists the mandatory parts; Phụ lục I the layout).
// Everything here is JSON: the web app keeps drafts as JSON and both renderers read the same value.
// All strings are plain text: no renderer interprets markup, formulas or links in them.

/** Tên cơ quan, tổ chức ban hành (NĐ 30/2020, Điều 8 khoản 2 điểm b). */
export type IssuingBody = {
  /** Cơ quan chủ quản, upright capitals, e.g. ["UBND THÀNH PHỐ LONG XUYÊN"]; may be empty. */
  parentLines: string[];
  /** The issuing body itself, bold capitals, e.g. ["UBND PHƯỜNG MỸ QUÝ"]. */
  nameLines: string[];
};

/** Số, ký hiệu (NĐ 30/2020, Điều 8 khoản 2 điểm c; Điều 15 numbering). */
export type NumberAndSymbol = {
  /** Omitted while the document is a draft: the line then reads "Số:      /BC-UBND". */
  number?: number | string;
  /** E.g. "BC-UBND", "QĐ-UBND", "UBND-VP" (công văn has no type abbreviation, Phụ lục III). */
  symbol: string;
};

export type TextRun = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
};

/** A string is one upright run. */
export type InlineText = string | TextRun[];

export type TextAlign = 'left' | 'center' | 'right' | 'justify';

export type HeadingLevel = 1 | 2 | 3;

export type HeadingBlock = {
  kind: 'heading';
  /** 1 → "I.", 2 → "1.", 3 → "a)". */
  level: HeadingLevel;
  text: string;
  /** Overrides the automatic label ("I.", "2.", "b)"); an empty string prints no label. */
  label?: string;
};

export type ParagraphBlock = {
  kind: 'paragraph';
  content: InlineText;
  align?: TextAlign;
  /** First-line indent; on by default for body text (Phụ lục I: 1–1.27 cm). */
  indent?: boolean;
};

export type ListBlock = {
  kind: 'list';
  items: InlineText[];
  /** Defaults to "-". */
  marker?: '-' | '+' | '•';
};

export type TableCellAlign = 'left' | 'center' | 'right';

export type TableCell =
  | string
  | {
      text: string;
      bold?: boolean;
      italic?: boolean;
      align?: TableCellAlign;
      /** Number of columns this cell spans (default 1). */
      colSpan?: number;
    };

export type TableModel = {
  /** Relative widths, one per column; the renderer scales them to the text width. */
  columnWidths: number[];
  /** Header rows, bold and centred, repeated on every page the table runs onto. */
  headerRows: TableCell[][];
  rows: TableCell[][];
  /** Default alignment per column for body rows. */
  columnAlign?: TableCellAlign[];
  /** Body font size in points (default 12). */
  fontSize?: number;
};

export type TableBlock = { kind: 'table'; table: TableModel };

export type PageBreakBlock = { kind: 'pageBreak' };

export type BodyBlock = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock;

/** Thẩm quyền ký (NĐ 30/2020, Điều 13; Phụ lục I): TM., KT., Q., TL., TUQ. */
export type SigningAuthority = 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.';

export type SignatureBlock = {
  /** With `authorityOf`, the first line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
  authority?: SigningAuthority;
  authorityOf?: string;
  /** Chức vụ người ký, e.g. "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  position: string;
  signerName: string;
  /** Vertical space left for the signature and seal, in millimetres (default 25). */
  signatureSpaceMm?: number;
};

/** Nơi nhận (NĐ 30/2020, Điều 8 khoản 2 điểm i). */
export type Recipients = {
  /** One per line; the renderer prefixes "- " and ends each with ";". */
  items: string[];
  /** The archive line without its dash. Default "Lưu: VT."; the seed writes "Lưu.". */
  archiveLine?: string;
};

/** Phụ lục / danh sách kèm theo: starts on a new page, page numbers continue. */
export type AnnexSection = {
  /** E.g. ["DANH SÁCH", "CÁ NHÂN ĐẠT DANH HIỆU “LAO ĐỘNG TIÊN TIẾN” NĂM 2023"]. */
  titleLines: string[];
  /** E.g. "(Kèm theo Quyết định số 125/QĐ-UBND ngày 26/12/2023 của Chủ tịch UBND phường Mỹ Quý)". */
  subtitle?: string;
  /** Paragraphs before the table. */
  intro?: BodyBlock[];
  table: TableModel;
  /** Paragraphs after the table, e.g. the total in words. */
  closing?: BodyBlock[];
};

export type AdministrativeDocument = {
  issuingBody: IssuingBody;
  numberAndSymbol: NumberAndSymbol;
  /** Địa danh, e.g. "Mỹ Quý". */
  place: string;
  /** ISO date "YYYY-MM-DD" of issue. */
  issueDate: string;
  /** Tên loại in capitals, e.g. "BÁO CÁO". Omitted for a công văn, whose summary sits under the number as "V/v …". */
  typeName?: string;
  /** Trích yếu, one entry per printed line. */
  summaryLines: string[];
  /** Căn cứ ban hành, italic, one paragraph each. */
  legalBases?: string[];
  body: BodyBlock[];
  recipients: Recipients;
  signature: SignatureBlock;
  annexes?: AnnexSection[];
};

/** Options shared by the renderers. */
export type RenderOptions = {
  /** Written as the file's creation and modification date; fix it to get byte-stable output. */
  metadataDate?: Date;
  /** Document title in the file's metadata (default: type name and summary). */
  title?: string;
};
