// Giấy khen (certificate_of_merit): the printable model and the calibration of pre-printed blanks (phôi,
// certificate_blank). Plain JSON, like the document model.
import type { SigningAuthority } from './document-model.ts';

export type CertificateModel = {
  /** E.g. ["CHỦ TỊCH ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ QUÝ"]. */
  issuerLines: string[];
  /** Defaults to "GIẤY KHEN". */
  formTitle?: string;
  recipientName: string;
  /** Unit and/or position, e.g. "Công chức Văn phòng - Thống kê, UBND phường Mỹ Quý". */
  recipientDetail?: string;
  /** E.g. "Đã có thành tích xuất sắc trong phong trào thi đua … năm 2023". */
  achievement: string;
  /** E.g. "125/QĐ-UBND". */
  decisionNumber: string;
  /** ISO date of the decision. */
  decisionDate: string;
  /**
   * The texts the award rests on, of the decision's own date: "Khen thưởng theo Luật Thi đua, khen
   * thưởng năm 2003 (…) và Nghị định số 91/2017/NĐ-CP". Printed small under the decision line.
   */
  legalBasis?: string;
  /** Số sổ vàng (golden_book_number). */
  goldenBookNumber?: string;
  place: string;
  /** ISO date printed as "Mỹ Quý, ngày 05 tháng 02 năm 2024". */
  issueDate: string;
  signature: {
    authority?: SigningAuthority;
    authorityOf?: string;
    position: string;
    signerName: string;
  };
  /** Encoded in the QR code, e.g. "https://…/verify/<token>"; no QR when omitted. */
  verifyUrl?: string;
};

/** The values a blank-printing run can place; anything pre-printed on the blank is simply left out. */
export type CertificateField =
  | 'issuer'
  | 'recipientName'
  | 'recipientDetail'
  | 'achievement'
  | 'decisionNumber'
  | 'decisionDate'
  | 'decisionLine'
  | 'goldenBookNumber'
  | 'legalBasis'
  | 'placeDate'
  | 'signerTitle'
  | 'signerName';

export type FieldPosition = {
  /** Left edge of the field's box, from the blank's left edge, in mm. */
  xMm: number;
  /** Top of the field's first line, from the blank's top edge, in mm. */
  yMm: number;
  /** Width of the box; text wraps inside it and is aligned in it. */
  widthMm: number;
  fontSizePt: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  italic?: boolean;
};

/** A saved calibration for one size of pre-printed blank. */
export type CertificateCalibration = {
  name: string;
  pageWidthMm: number;
  pageHeightMm: number;
  /** Printer shift, added to every position (a test print shows it; positive moves right/down). */
  offsetXMm?: number;
  offsetYMm?: number;
  fields: Partial<Record<CertificateField, FieldPosition>>;
  qr?: { xMm: number; yMm: number; sizeMm: number };
};

export type CertificatePageSize = { widthMm: number; heightMm: number };

export type CertificateRenderOptions = {
  /** "full" draws the whole certificate; "blank" prints only the values onto a pre-printed blank. */
  mode?: 'full' | 'blank';
  /** Full mode: page size (default A4 landscape, 297 × 210 mm); the design is scaled to fit. */
  pageSize?: CertificatePageSize;
  /** Blank mode: field positions (default DEFAULT_CERTIFICATE_CALIBRATION). */
  calibration?: CertificateCalibration;
  metadataDate?: Date;
};

export const A4_LANDSCAPE: CertificatePageSize = { widthMm: 297, heightMm: 210 };

/**
 * Positions for a common A4-landscape blank whose Quốc hiệu, Tiêu ngữ, "GIẤY KHEN", border and the labels
 * "Quyết định số … ngày …" / "Số sổ vàng: …" are pre-printed. A starting point: each office measures its own
 * blanks and saves a copy with its numbers.
 */
export const DEFAULT_CERTIFICATE_CALIBRATION: CertificateCalibration = {
  name: 'Phôi A4 ngang (mặc định)',
  pageWidthMm: 297,
  pageHeightMm: 210,
  offsetXMm: 0,
  offsetYMm: 0,
  fields: {
    issuer: { xMm: 48, yMm: 44, widthMm: 201, fontSizePt: 16, align: 'center', bold: true },
    recipientName: {
      xMm: 48,
      yMm: 86,
      widthMm: 201,
      fontSizePt: 26,
      align: 'center',
      bold: true,
      italic: true,
    },
    recipientDetail: { xMm: 48, yMm: 99, widthMm: 201, fontSizePt: 15, align: 'center', italic: true },
    achievement: { xMm: 40, yMm: 108, widthMm: 217, fontSizePt: 16, align: 'center' },
    decisionNumber: { xMm: 62, yMm: 151, widthMm: 40, fontSizePt: 13 },
    decisionDate: { xMm: 110, yMm: 151, widthMm: 30, fontSizePt: 13 },
    goldenBookNumber: { xMm: 56, yMm: 158, widthMm: 50, fontSizePt: 13 },
    placeDate: { xMm: 165, yMm: 138, widthMm: 110, fontSizePt: 15, align: 'center', italic: true },
    signerTitle: { xMm: 165, yMm: 145, widthMm: 110, fontSizePt: 15, align: 'center', bold: true },
    signerName: { xMm: 165, yMm: 178, widthMm: 110, fontSizePt: 16, align: 'center', bold: true },
  },
  qr: { xMm: 24, yMm: 166, sizeMm: 24 },
};
