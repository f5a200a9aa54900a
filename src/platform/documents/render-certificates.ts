import QRCode from 'qrcode';
import type {
  CertificateCalibration,
  CertificateField,
  CertificateModel,
  CertificateRenderOptions,
  FieldPosition,
} from './certificate-model.ts';
import { A4_LANDSCAPE, DEFAULT_CERTIFICATE_CALIBRATION } from './certificate-model.ts';
import { MOTTO, NATIONAL_TITLE, mmToPt } from './layout.ts';
import { createPdf, finish, useFont } from './pdf-kit.ts';
import type { PdfDoc } from './pdf-kit.ts';
import { formatDateVn, formatPlaceDate, signatureHeadLines, upper } from './vn-format.ts';

// The design is drawn on a virtual A4-landscape sheet (mm) and scaled to the page asked for.
const DESIGN_W = A4_LANDSCAPE.widthMm;
const DESIGN_H = A4_LANDSCAPE.heightMm;
const RED = '#b3131b';
const BLACK = '#000000';

/** Draws the QR code of `text` as vector squares: sharp at any size and cheap to render. */
function drawQr(doc: PdfDoc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      // qr.modules.data is a row-major Uint8Array; a non-zero value is a dark module.
      if (qr.modules.data[row * n + col]) doc.rect(x + col * cell, y + row * cell, cell + 0.01, cell + 0.01);
    }
  }
  doc.fillColor(BLACK).fill();
}

type TextStyle = { size: number; bold?: boolean; italic?: boolean; color?: string };

/** Text in a box given in mm; returns the y (mm) below it. */
function textAt(
  doc: PdfDoc,
  text: string,
  xMm: number,
  yMm: number,
  widthMm: number,
  style: TextStyle,
  align: 'left' | 'center' | 'right' = 'center',
): number {
  useFont(doc, style.size, style.bold, style.italic).fillColor(style.color ?? BLACK);
  // A box height stops pdfkit from adding a page when a scaled design runs past the real page's bottom.
  doc.text(text, mmToPt(xMm), mmToPt(yMm), { width: mmToPt(widthMm), height: 1e6, align, lineGap: 1 });
  return doc.y / mmToPt(1);
}

function drawBorder(doc: PdfDoc): void {
  const outer = 8;
  const inner = 11.5;
  doc.lineWidth(3).strokeColor(RED);
  doc.rect(mmToPt(outer), mmToPt(outer), mmToPt(DESIGN_W - 2 * outer), mmToPt(DESIGN_H - 2 * outer)).stroke();
  doc.lineWidth(0.8).strokeColor(RED);
  doc.rect(mmToPt(inner), mmToPt(inner), mmToPt(DESIGN_W - 2 * inner), mmToPt(DESIGN_H - 2 * inner)).stroke();
  // A small diamond in each corner between the two frames.
  const d = 2.6;
  for (const [cx, cy] of [
    [inner, inner],
    [DESIGN_W - inner, inner],
    [inner, DESIGN_H - inner],
    [DESIGN_W - inner, DESIGN_H - inner],
  ] as const) {
    doc
      .moveTo(mmToPt(cx), mmToPt(cy - d))
      .lineTo(mmToPt(cx + d), mmToPt(cy))
      .lineTo(mmToPt(cx), mmToPt(cy + d))
      .lineTo(mmToPt(cx - d), mmToPt(cy))
      .closePath()
      .fillColor(RED)
      .fill();
  }
}

function decisionLine(cert: CertificateModel): string {
  return `Quyết định số ${cert.decisionNumber} ngày ${formatDateVn(cert.decisionDate)}`;
}

// Layout after the certificate pattern in the legal brief §10 (ND 50/2006 pattern, kept by practice): Quốc hiệu
// and Tiêu ngữ, the issuer (red), "TẶNG" (black), the form name (red), recipient and achievement; decision and
// số sổ vàng bottom left, place-date and signer bottom right.
function drawFullCertificate(doc: PdfDoc, cert: CertificateModel): void {
  drawBorder(doc);
  const contentX = 20;
  const contentW = DESIGN_W - 2 * contentX;

  let y = textAt(doc, NATIONAL_TITLE, contentX, 19, contentW, { size: 14, bold: true });
  const mottoY = y;
  y = textAt(doc, MOTTO, contentX, y, contentW, { size: 14, bold: true });
  const mottoW = useFont(doc, 14, true).widthOfString(MOTTO);
  const centre = mmToPt(DESIGN_W / 2);
  doc
    .moveTo(centre - mottoW / 2, mmToPt(mottoY) + 15)
    .lineTo(centre + mottoW / 2, mmToPt(mottoY) + 15)
    .lineWidth(0.75)
    .strokeColor(BLACK)
    .stroke();

  y += 6;
  for (const l of cert.issuerLines)
    y = textAt(doc, upper(l), contentX, y, contentW, { size: 16, bold: true, color: RED });
  y = textAt(doc, 'TẶNG', contentX, y + 3, contentW, { size: 16, bold: true });
  y = textAt(doc, upper(cert.formTitle ?? 'GIẤY KHEN'), contentX, y, contentW, {
    size: 40,
    bold: true,
    color: RED,
  });
  y = textAt(doc, cert.recipientName, contentX, y + 2, contentW, { size: 26, bold: true, italic: true });
  if (cert.recipientDetail)
    y = textAt(doc, cert.recipientDetail, contentX, y + 1, contentW, { size: 15, italic: true });
  textAt(doc, cert.achievement, 35, y + 3, DESIGN_W - 70, { size: 16 });

  // Bottom left: QR, decision, số sổ vàng.
  const bottomY = 150;
  let textX = 24;
  if (cert.verifyUrl) {
    drawQr(doc, cert.verifyUrl, mmToPt(24), mmToPt(bottomY + 8), mmToPt(26));
    textAt(doc, 'Quét mã để tra cứu', 20, bottomY + 35, 34, { size: 7 });
    textX = 54;
  }
  const yl = textAt(doc, decisionLine(cert), textX, bottomY + 12, 105, { size: 13 }, 'left');
  let yb = yl;
  if (cert.goldenBookNumber) {
    yb = textAt(doc, `Số sổ vàng: ${cert.goldenBookNumber}`, textX, yl + 1, 105, { size: 13 }, 'left');
  }
  if (cert.legalBasis) {
    textAt(doc, cert.legalBasis, textX, yb + 1, 100, { size: 9, italic: true }, 'left');
  }

  // Bottom right: place-date, signer.
  const rightX = 160;
  const rightW = 120;
  let yr = textAt(doc, formatPlaceDate(cert.place, cert.issueDate), rightX, 136, rightW, {
    size: 15,
    italic: true,
  });
  for (const l of signatureHeadLines(cert.signature)) {
    yr = textAt(doc, l, rightX, yr, rightW, { size: 15, bold: true });
  }
  textAt(doc, cert.signature.signerName, rightX, Math.max(yr + 22, 178), rightW, { size: 16, bold: true });
}

function fieldValue(cert: CertificateModel, field: CertificateField): string | undefined {
  switch (field) {
    case 'issuer':
      return cert.issuerLines.map(upper).join('\n');
    case 'recipientName':
      return cert.recipientName;
    case 'recipientDetail':
      return cert.recipientDetail;
    case 'achievement':
      return cert.achievement;
    case 'decisionNumber':
      return cert.decisionNumber;
    case 'decisionDate':
      return formatDateVn(cert.decisionDate);
    case 'decisionLine':
      return decisionLine(cert);
    case 'goldenBookNumber':
      return cert.goldenBookNumber;
    case 'legalBasis':
      return cert.legalBasis;
    case 'placeDate':
      return formatPlaceDate(cert.place, cert.issueDate);
    case 'signerTitle':
      return signatureHeadLines(cert.signature).join('\n');
    case 'signerName':
      return cert.signature.signerName;
  }
}

const FIELDS: readonly CertificateField[] = [
  'issuer',
  'recipientName',
  'recipientDetail',
  'achievement',
  'decisionNumber',
  'decisionDate',
  'decisionLine',
  'goldenBookNumber',
  'legalBasis',
  'placeDate',
  'signerTitle',
  'signerName',
];

/** Blank printing: only the values, at the calibrated positions, nothing pre-printed. */
function drawOnBlank(doc: PdfDoc, cert: CertificateModel, calibration: CertificateCalibration): void {
  const dx = calibration.offsetXMm ?? 0;
  const dy = calibration.offsetYMm ?? 0;
  for (const field of FIELDS) {
    const position: FieldPosition | undefined = calibration.fields[field];
    const value = fieldValue(cert, field);
    if (!position || value === undefined || value === '') continue;
    textAt(
      doc,
      value,
      position.xMm + dx,
      position.yMm + dy,
      position.widthMm,
      { size: position.fontSizePt, bold: position.bold, italic: position.italic },
      position.align ?? 'left',
    );
  }
  if (calibration.qr && cert.verifyUrl) {
    const { xMm, yMm, sizeMm } = calibration.qr;
    drawQr(doc, cert.verifyUrl, mmToPt(xMm + dx), mmToPt(yMm + dy), mmToPt(sizeMm));
  }
}

/** One PDF, one page per certificate: the whole design (default) or the values for pre-printed blanks. */
export async function renderCertificatesPdf(
  certs: readonly CertificateModel[],
  options: CertificateRenderOptions = {},
): Promise<Buffer> {
  const mode = options.mode ?? 'full';
  const calibration = options.calibration ?? DEFAULT_CERTIFICATE_CALIBRATION;
  const size =
    mode === 'blank'
      ? { widthMm: calibration.pageWidthMm, heightMm: calibration.pageHeightMm }
      : (options.pageSize ?? A4_LANDSCAPE);
  const widthPt = mmToPt(size.widthMm);
  const heightPt = mmToPt(size.heightMm);
  const doc = createPdf({
    size: [widthPt, heightPt],
    // Zero margins: every position is absolute, and pdfkit must never add a page on its own.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    title:
      certs.length === 1 ? `Giấy khen - ${certs[0]?.recipientName ?? ''}` : `Giấy khen (${certs.length})`,
    metadataDate: options.metadataDate,
  });
  for (const cert of certs) {
    doc.addPage();
    if (mode === 'blank') {
      drawOnBlank(doc, cert, calibration);
      continue;
    }
    const scale = Math.min(widthPt / mmToPt(DESIGN_W), heightPt / mmToPt(DESIGN_H));
    doc.save();
    doc.translate((widthPt - mmToPt(DESIGN_W) * scale) / 2, (heightPt - mmToPt(DESIGN_H) * scale) / 2);
    doc.scale(scale);
    drawFullCertificate(doc, cert);
    doc.restore();
  }
  return finish(doc);
}
