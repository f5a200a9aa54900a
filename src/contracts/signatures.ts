import { z } from 'zod';
import { Text, Uuid } from './common.ts';

export const CertificateSummary = z.object({
  commonName: z.string().nullable(),
  organization: z.string().nullable(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
});

export const SignatureVerdict = z.object({
  valid: z.boolean(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  notes: z.array(z.string()),
  signer: CertificateSummary.nullable(),
  chain: z.array(CertificateSummary),
  signingTime: z.string().nullable(),
  signingTimeSource: z.enum(['timestamp', 'claimed', 'none']),
  revocation: z.enum(['good', 'revoked', 'not_checked']),
  coversWholeFile: z.boolean(),
  subFilter: z.string().nullable(),
});

/** What the signed copy of a decision carries: `unsigned` is a scan ("không có chữ ký số"). */
export const PdfVerification = z.object({
  kind: z.enum(['not_pdf', 'unsigned', 'signed']),
  signatures: z.array(SignatureVerdict),
  checkedAt: z.string(),
});
export type PdfVerification = z.infer<typeof PdfVerification>;

/** A file sent for checking before it is attached (base64 in JSON, like the signed copy itself). */
export const VerifyUpload = z.object({
  fileName: Text(255).pipe(z.string().min(1)),
  contentBase64: z.string().min(4).max(21_000_000),
});

export const TrustedRoot = z.object({
  id: Uuid,
  subject: z.string(),
  commonName: z.string().nullable(),
  sha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  note: z.string().nullable(),
  installedAt: z.string(),
});
export type TrustedRoot = z.infer<typeof TrustedRoot>;

export const InstallTrustedRoot = z.object({
  /** PEM (one or several certificates) or DER, base64-encoded. */
  contentBase64: z.string().min(4).max(2_000_000),
  note: Text(500).nullable().optional(),
});
export const TrustedRootParams = z.object({ rootId: Uuid });
