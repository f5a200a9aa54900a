import { z } from 'zod';
import { IsoDate, Ref, Text, Uuid } from './common.ts';
import { PdfVerification } from './signatures.ts';

export const DecisionParams = z.object({ decisionId: Uuid });
export const ProposalParams = z.object({ proposalId: Uuid });
export const DecisionListQuery = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

const SubjectKind = z.enum(['individual', 'collective', 'household']);

export const Subject = z.object({
  subjectKind: SubjectKind,
  personId: Ref('person').nullable().optional(),
  householdId: Ref('household').nullable().optional(),
  subjectOrgUnitId: Ref('orgUnit').nullable().optional(),
  subjectName: Text(300).pipe(z.string().min(1)),
  awardCode: z.string().max(80),
  field: Text(200).nullable().optional(),
});

export const DraftDecision = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.number().int().min(1990).max(2100),
  title: Text(500).pipe(z.string().min(1, 'Nhập trích yếu quyết định')),
  awardCode: z.string().max(80).nullable().optional(),
  signerName: Text(200).nullable().optional(),
  signerTitle: Text(200).nullable().optional(),
  nominationIds: z.array(Ref('nomination')).max(5000).optional(),
  subjects: z.array(Subject).max(5000).optional(),
});

export const DraftCorrection = z.object({
  kind: z.enum(['correction', 'amendment']),
  title: Text(500).pipe(z.string().min(1)),
  reason: Text(2000).pipe(z.string().min(1, 'Nêu lý do')),
  corrections: z
    .array(z.object({ field: Text(200), from: Text(500), to: Text(500) }))
    .max(100)
    .optional(),
  subjects: z.array(Subject).max(5000).optional(),
  nominationIds: z.array(Ref('nomination')).max(5000).optional(),
});

export const DraftRevocation = z.object({
  title: Text(500).pipe(z.string().min(1)),
  reason: Text(2000).pipe(z.string().min(1, 'Nêu lý do thu hồi')),
  awardRecordIds: z.array(Ref('awardRecord')).max(5000).optional(),
});

/** The signed copy travels base64-encoded in JSON (a scan or a signed PDF, at most 15 MB). */
export const IssueDecision = z.object({
  decisionDate: IsoDate,
  signerName: Text(200).pipe(z.string().min(1, 'Nhập họ tên người ký')),
  signerTitle: Text(200).pipe(z.string().min(1, 'Nhập chức vụ người ký')),
  officeNumber: z.number().int().positive().nullable().optional(),
  signedCopy: z.object({
    fileName: Text(255).pipe(z.string().min(1)),
    contentBase64: z.string().min(4).max(21_000_000),
  }),
  fundOverrideReason: Text(1000).nullable().optional(),
});

export const IssueResult = z.object({
  id: Uuid,
  numberText: z.string(),
  awardRecords: z.number(),
  totalAmount: z.number(),
});
export const Created = z.object({ id: Uuid });

const DecisionKind = z.enum(['award', 'correction', 'amendment', 'revocation']);
const DecisionStatus = z.enum(['draft', 'issued', 'revoked']);

export const DecisionSummary = z.object({
  id: Uuid,
  orgUnitId: Uuid,
  year: z.number(),
  kind: DecisionKind,
  status: DecisionStatus,
  typeCode: z.string(),
  title: z.string(),
  awardCode: z.string().nullable(),
  awardName: z.string().nullable(),
  number: z.number().nullable(),
  numberText: z.string().nullable(),
  numberSource: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  referencesDecisionId: z.string().nullable(),
  reason: z.string().nullable(),
  corrections: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })).nullable(),
  signedFileSha256: z.string().nullable(),
  signedFileName: z.string().nullable(),
  signatureCheck: PdfVerification.nullable(),
  signerRosterId: z.string().nullable(),
  signerRole: z.enum(['chairman', 'vice_chairman']).nullable(),
  totalAmount: z.number().nullable(),
  fundOverrideReason: z.string().nullable(),
  issuedAt: z.string().nullable(),
  itemCount: z.number(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const DecisionDetail = DecisionSummary.extend({
  items: z.array(
    z.object({
      id: Uuid,
      nominationId: z.string().nullable(),
      subjectKind: z.string(),
      personId: z.string().nullable(),
      householdId: z.string().nullable(),
      subjectOrgUnitId: z.string().nullable(),
      subjectName: z.string(),
      awardCode: z.string(),
      awardName: z.string().nullable(),
      field: z.string().nullable(),
      position: z.number(),
      amount: z.number().nullable(),
      /** Citations of unverified rules that decided the amount (coefficient, multiplier, rounding). */
      unverifiedCitations: z.array(z.string()),
      targetAwardRecordId: z.string().nullable(),
      recoverAmount: z.number().nullable(),
    }),
  ),
  references: DecisionSummary.nullable(),
  laterDecisions: z.array(DecisionSummary),
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

export const AwardHistoryQuery = z.object({
  personId: Ref('person').optional(),
  householdId: Ref('household').optional(),
  orgUnitId: Ref('orgUnit').optional(),
});
export const AwardHistory = z.array(
  z.object({
    id: Uuid,
    subjectKind: z.string(),
    subjectName: z.string().nullable(),
    orgUnitId: Uuid,
    issuerName: z.string().nullable(),
    year: z.number(),
    awardCode: z.string(),
    awardName: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    amount: z.number().nullable(),
    source: z.string(),
    revokedAt: z.string().nullable(),
    revocationReason: z.string().nullable(),
  }),
);

export const EnterAwardRecord = z.object({
  subjectKind: SubjectKind,
  personId: Ref('person').nullable().optional(),
  householdId: Ref('household').nullable().optional(),
  orgUnitId: Ref('orgUnit'),
  issuerName: Text(300).pipe(z.string().min(1)),
  year: z.number().int().min(1945).max(2100),
  awardCode: z.string().max(80),
  decisionNumber: Text(100).nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  amount: z.number().int().min(0).nullable().optional(),
});

export const HigherProposalListQuery = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const CreateHigherProposal = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.number().int().min(1990).max(2100),
  addressee: Text(300).pipe(z.string().min(1)),
  title: Text(500).pipe(z.string().min(1)),
  sentOn: IsoDate,
  nominationIds: z.array(Ref('nomination')).min(1).max(2000),
  numberText: Text(100).nullable().optional(),
});
export const RecordHigherResult = z.object({
  awardedNominationIds: z.array(Ref('nomination')).max(2000),
  decisionNumber: Text(100).nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  note: Text(2000).nullable().optional(),
});
export const HigherProposal = z.object({
  id: Uuid,
  orgUnitId: Uuid,
  year: z.number(),
  addressee: z.string(),
  title: z.string(),
  numberText: z.string().nullable(),
  sentOn: z.string(),
  nominationIds: z.array(z.string()),
  status: z.enum(['sent', 'result_recorded']),
  result: z.enum(['awarded', 'partly_awarded', 'not_awarded']).nullable(),
  resultDecisionNumber: z.string().nullable(),
  resultDate: z.string().nullable(),
  resultNote: z.string().nullable(),
});
