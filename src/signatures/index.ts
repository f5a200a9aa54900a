/** Digital signatures: PAdES verification of uploads, trusted roots, the instance's seal. */
export { signaturesRoutes } from './signatures.routes.ts';
export { assertSignaturesHold, verifySignedCopy } from './verify-signed-copy.ts';
export { trustedRootDers } from './trusted-roots.ts';
export { verifyPdf, type PdfVerification, type SignatureVerdict } from './verify-pdf.ts';
export { keySigningProvider, signPdf, type SigningProvider } from './signing-provider.ts';
