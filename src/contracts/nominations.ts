import { z } from 'zod';
import { IsoDate, Ref, Text } from './common.ts';

export const NominationStatusCode = z.enum([
  'draft',
  'submitted',
  'returned',
  'accepted',
  'at_council',
  'approved',
  'not_approved',
  'decided',
  'forwarded',
  'result_recorded',
]);
export const NominationKindCode = z.enum(['regular', 'thematic', 'unexpected', 'dedication', 'foreign']);
export const SubjectKindCode = z.enum(['individual', 'collective', 'household']);
export const DossierPartCode = z.enum([
  'proposal_letter',
  'achievement_report',
  'evaluation_minutes',
  'initiative_proof',
  'summary_report',
  'other',
]);

export const CreateNomination = z
  .object({
    orgUnitId: Ref('orgUnit'),
    year: z.number().int().min(2000).max(2100),
    kind: NominationKindCode,
    subjectKind: SubjectKindCode,
    personId: Ref('person').optional(),
    householdId: Ref('household').optional(),
    subjectOrgUnitId: Ref('orgUnit').optional(),
    awardCode: z.string().min(1).max(80),
    movementId: Ref('movement', 'reference').optional(),
    field: Text(200).optional(),
    achievementSummary: Text(4000).default(''),
  })
  .refine(
    (v) =>
      (v.subjectKind === 'individual' && !!v.personId) ||
      (v.subjectKind === 'collective' && !!v.subjectOrgUnitId) ||
      (v.subjectKind === 'household' && !!v.householdId),
    { message: 'Phải chọn người, tập thể hoặc hộ gia đình được đề nghị.' },
  );
export type CreateNomination = z.infer<typeof CreateNomination>;

export const UpdateNomination = z.object({
  expectedStatus: NominationStatusCode,
  awardCode: z.string().min(1).max(80).optional(),
  kind: NominationKindCode.optional(),
  movementId: Ref('movement', 'reference').nullable().optional(),
  field: Text(200).nullable().optional(),
  achievementSummary: Text(4000).optional(),
});

export const NominationActionBody = z.object({
  /** The status the user saw: a concurrent change gives 409 instead of acting twice. */
  expectedStatus: NominationStatusCode,
  reason: Text(1000).optional(),
  forwardedTo: Text(300).optional(),
  resultAwarded: z.boolean().optional(),
  resultNote: Text(1000).optional(),
});

export const NominationListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgUnitId: Ref('orgUnit').optional(),
  bodyOrgUnitId: Ref('orgUnit').optional(),
  status: z
    .union([NominationStatusCode, z.array(NominationStatusCode)])
    .optional()
    .transform((s) => (s === undefined ? undefined : Array.isArray(s) ? s : [s])),
  kind: NominationKindCode.optional(),
  awardCode: z.string().max(80).optional(),
  subjectKind: SubjectKindCode.optional(),
  q: Text(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const VerdictReasonDto = z.object({
  code: z.string(),
  outcome: z.enum(['pass', 'fail', 'note']),
  message: z.string(),
  citation: z.string(),
  verified: z.boolean(),
});
export const VerdictDto = z.object({
  eligible: z.boolean().nullable(),
  reasons: z.array(VerdictReasonDto),
  rulesVersion: z.string(),
});
export const ConflictDto = z.object({
  code: z.string(),
  blocking: z.boolean(),
  message: z.string(),
  citation: z.string(),
  otherNominationId: z.string().optional(),
});

export const NominationSummary = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  bodyOrgUnitId: z.string(),
  year: z.number(),
  kind: NominationKindCode,
  kindLabel: z.string(),
  subjectKind: SubjectKindCode,
  subjectName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  status: NominationStatusCode,
  statusLabel: z.string(),
  origin: z.enum(['manual', 'prefill']),
  eligible: z.boolean().nullable(),
  /** Citations of the verdict's reasons that rest on no text read: the screens mark them. */
  unverifiedCitations: z.array(z.string()),
  conflictCount: z.number(),
  returnReason: z.string().nullable(),
});
export type NominationSummary = z.infer<typeof NominationSummary>;

export const NominationList = z.object({
  items: z.array(NominationSummary),
  nextCursor: z.string().nullable(),
});

/** The list's filters without status and paging: the counts per status beside a list. */
export const NominationCountsQuery = NominationListQuery.omit({ status: true, limit: true, cursor: true });
export const NominationCounts = z.object({
  countsByStatus: z.record(z.string(), z.number()),
  total: z.number(),
});

export const AttachmentDto = z.object({
  id: z.string(),
  part: DossierPartCode,
  partLabel: z.string(),
  displayName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const NominationDetail = NominationSummary.extend({
  personId: z.string().nullable(),
  householdId: z.string().nullable(),
  subjectOrgUnitId: z.string().nullable(),
  movementId: z.string().nullable(),
  field: z.string().nullable(),
  achievementSummary: z.string(),
  verdict: VerdictDto.nullable(),
  conflicts: z.array(ConflictDto),
  dossier: z.object({
    complete: z.boolean(),
    missing: z.array(z.object({ part: DossierPartCode, label: z.string(), citation: z.string() })),
  }),
  attachments: z.array(AttachmentDto),
  forwardedTo: z.string().nullable(),
  resultAwarded: z.boolean().nullable(),
  resultNote: z.string().nullable(),
  decisionId: z.string().nullable(),
  allowedActions: z.array(z.string()),
  /** Status changes and dossier events from the audit log, oldest first. */
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      label: z.string(),
      actorName: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type NominationDetail = z.infer<typeof NominationDetail>;

export const PrefillCandidates = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.number().int().min(2000).max(2100),
});
export const PrefillResult = z.object({
  created: z.number(),
  skipped: z.number(),
  /** Collectives without a rating of their own for the year, so not evaluated. */
  unratedCollectives: z.number(),
  items: z.array(z.object({ id: z.string(), subjectName: z.string(), awardCode: z.string() })),
});

export const CreatePosting = z
  .object({
    orgUnitId: Ref('orgUnit'),
    year: z.number().int().min(2000).max(2100),
    title: Text(300),
    startsOn: IsoDate,
    endsOn: IsoDate,
  })
  .refine((v) => v.startsOn <= v.endsOn, { message: 'Ngày kết thúc niêm yết phải sau ngày bắt đầu.' });

export const PostingDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  year: z.number(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  open: z.boolean(),
  candidates: z.array(
    z.object({ id: z.string(), subjectName: z.string(), awardName: z.string(), orgUnitName: z.string() }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      nominationId: z.string().nullable(),
      authorName: z.string(),
      content: z.string(),
      receivedOn: z.string(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});

export const CreatePostingComment = z.object({
  nominationId: Ref('nomination').optional(),
  authorName: Text(200).pipe(z.string().min(1, 'Phải ghi tên người góp ý.')),
  content: Text(4000).pipe(z.string().min(1, 'Nội dung góp ý không được để trống.')),
  receivedOn: IsoDate,
});
export const AnswerPostingComment = z.object({
  answer: Text(4000).pipe(z.string().min(1, 'Nội dung trả lời không được để trống.')),
});

export const RatingCode = z.enum(['excellent', 'good', 'completed', 'not_completed']);

/** A collective's own rating of a year and the conditions the officer states. */
export const RecordCollectiveRating = z.object({
  orgUnitId: Ref('orgUnit'),
  year: z.number().int().min(2000).max(2100),
  rating: RatingCode,
  activeEmulation: z.boolean().default(true),
  internalUnity: z.boolean().default(true),
  pendingDiscipline: z.boolean().default(false),
});
export const CollectiveRatingDto = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  year: z.number(),
  rating: RatingCode,
  activeEmulation: z.boolean(),
  internalUnity: z.boolean(),
  pendingDiscipline: z.boolean(),
});
