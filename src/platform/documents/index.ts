// Document engine: NĐ 30/2020 administrative documents to Word and PDF, and Giấy khen certificates.
export type {
  AdministrativeDocument,
  AnnexSection,
  BodyBlock,
  HeadingBlock,
  HeadingLevel,
  InlineText,
  IssuingBody,
  ListBlock,
  NumberAndSymbol,
  PageBreakBlock,
  ParagraphBlock,
  Recipients,
  RenderOptions,
  SignatureBlock,
  SigningAuthority,
  TableBlock,
  TableCell,
  TableCellAlign,
  TableModel,
  TextAlign,
  TextRun,
} from './document-model.ts';
export type {
  CertificateCalibration,
  CertificateField,
  CertificateModel,
  CertificatePageSize,
  CertificateRenderOptions,
  FieldPosition,
} from './certificate-model.ts';
export { A4_LANDSCAPE, DEFAULT_CERTIFICATE_CALIBRATION } from './certificate-model.ts';
export {
  DEFAULT_ARCHIVE_LINE,
  formatDateVn,
  formatLongDateVn,
  formatNumberAndSymbol,
  formatPlaceDate,
  headingLabels,
  recipientLines,
  signatureHeadLines,
  toRoman,
  vietnameseLetter,
} from './vn-format.ts';
export { MARGINS_MM, MOTTO, NATIONAL_TITLE, PAGE, FONT_PT } from './layout.ts';
export { renderDocx } from './render-docx.ts';
export { renderPdf } from './render-pdf.ts';
export { renderCertificatesPdf } from './render-certificates.ts';
export { tinosFonts } from './fonts.ts';
export {
  SAMPLE_ISSUING_BODY,
  sampleAnnualReport,
  sampleCertificate,
  sampleDecisionWithAnnex,
  sampleNames,
} from './samples.ts';
