// Giấy khen certificates: a decision printed as one PDF, blank calibrations, the blank register, and
// the public verification page behind each certificate's QR code.
export { certificatesRoutes } from './certificates.routes.ts';
export {
  getCertificateDecision,
  printCertificates,
  printDecisionCertificates,
  listCalibrations,
  saveCalibration,
  recordBlanks,
  handOverBlank,
} from './certificates.ts';
export {
  readDecision,
  readAwardees,
  certificateModels,
  ensureTokens,
  newToken,
  type AwardeeRow,
  type DecisionRow,
} from './decision-certificates.ts';
export { findPublicCertificate, verificationPage, type PublicCertificate } from './verify-certificate.ts';
export { certificateTokens, certificateCalibrations, certificateBlanks } from './certificates.schema.ts';
