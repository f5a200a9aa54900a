import { z } from 'zod';
import { IsoDate, Ref, Text, Uuid } from './common.ts';

export const CertificateDecisionParams = z.object({ decisionId: Uuid });
export const CertificateOrgParams = z.object({ orgUnitId: Uuid });
export const BlankParams = z.object({ blankId: Uuid });
export const VerifyParams = z.object({ token: z.string().max(100) });

export const PrintQuery = z.object({
  mode: z.enum(['full', 'blank']).default('full'),
  /** Blank mode: the saved calibration to use (default: the body's A4-landscape one, else the built-in). */
  calibrationId: Ref('calibration', 'reference').optional(),
  /** Full mode: page size in mm (default A4 landscape). */
  widthMm: z.coerce.number().int().min(100).max(500).optional(),
  heightMm: z.coerce.number().int().min(100).max(500).optional(),
});

const Position = z.object({
  xMm: z.number().min(-50).max(500),
  yMm: z.number().min(-50).max(500),
  widthMm: z.number().min(1).max(500),
  fontSizePt: z.number().min(4).max(72),
  align: z.enum(['left', 'center', 'right']).optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});

export const Calibration = z.object({
  name: Text(200),
  pageWidthMm: z.number().int().min(100).max(500),
  pageHeightMm: z.number().int().min(100).max(500),
  offsetXMm: z.number().min(-30).max(30).optional(),
  offsetYMm: z.number().min(-30).max(30).optional(),
  fields: z.partialRecord(
    z.enum([
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
    ]),
    Position,
  ),
  qr: z.object({ xMm: z.number(), yMm: z.number(), sizeMm: z.number().min(5).max(100) }).optional(),
});

// Responses carry the stored JSON as is (the request schema transforms text, which a serializer cannot encode).
export const CalibrationRow = z.object({
  id: Uuid,
  calibration: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});

export const RecordBlanks = z.object({
  decisionId: Ref('decision'),
  calibrationId: Ref('calibration', 'reference').optional(),
  blanks: z
    .array(z.object({ awardRecordId: Ref('awardRecord'), blankSerial: Text(60).pipe(z.string().min(1)) }))
    .min(1)
    .max(5000),
});

export const HandOver = z.object({ handedOverTo: Text(200).pipe(z.string().min(1)), handedOverOn: IsoDate });

export const CertificateAwardee = z.object({
  awardRecordId: Uuid,
  position: z.number(),
  recipientName: z.string(),
  subjectKind: z.string(),
  detail: z.string().nullable(),
  revoked: z.boolean(),
  verifyUrl: z.string().nullable(),
  blank: z
    .object({
      id: Uuid,
      blankSerial: z.string(),
      printedAt: z.string(),
      handedOverTo: z.string().nullable(),
      handedOverOn: z.string().nullable(),
    })
    .nullable(),
});

export const CertificateDecisionView = z.object({
  decisionId: Uuid,
  orgUnitId: Uuid,
  numberText: z.string().nullable(),
  decisionDate: z.string().nullable(),
  title: z.string(),
  awardees: z.array(CertificateAwardee),
});
