import { z } from 'zod';
import { IsoDate, Ref, Text } from './common.ts';

export const MovementKindCode = z.enum(['regular', 'thematic']);
export const MovementStatusCode = z.enum(['draft', 'launched', 'in_progress', 'reviewed', 'closed']);
export const MovementActionCode = z.enum(['launch', 'start', 'review', 'resume', 'close']);

const Year = z.number().int().min(2000).max(2100);

export const CreateMovement = z
  .object({
    orgUnitId: Ref('orgUnit'),
    year: Year,
    name: Text(300).pipe(z.string().min(1, 'Phải có tên phong trào.')),
    kind: MovementKindCode,
    fields: z.array(Text(100)).max(20).default([]),
    launchDocument: Text(200).optional(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    goals: Text(4000).default(''),
    parentMovementId: Ref('movement', 'reference').optional(),
    participantOrgUnitIds: z.array(Ref('orgUnit')).max(500).default([]),
  })
  .refine((v) => v.startsOn <= v.endsOn, { message: 'Ngày kết thúc phải sau ngày bắt đầu.' });

export const MovementStatusBody = z.object({
  action: MovementActionCode,
  expectedStatus: MovementStatusCode,
  launchedOn: IsoDate.optional(),
  reviewNote: Text(4000).optional(),
});

export const CreateTarget = z.object({
  name: Text(300).pipe(z.string().min(1, 'Phải có tên chỉ tiêu.')),
  measure: Text(50),
  targetValue: z.number().nonnegative(),
  ownerOrgUnitId: Ref('orgUnit'),
});

export const RecordProgress = z.object({
  reportedOn: IsoDate,
  value: z.number().nonnegative(),
  note: Text(1000).optional(),
});

export const TargetDto = z.object({
  id: z.string(),
  name: z.string(),
  measure: z.string(),
  targetValue: z.number(),
  ownerOrgUnitId: z.string(),
  ownerOrgUnitName: z.string(),
  latestValue: z.number().nullable(),
  latestReportedOn: z.string().nullable(),
  share: z.number().nullable(),
  progress: z.array(z.object({ reportedOn: z.string(), value: z.number(), note: z.string().nullable() })),
});

export const MovementSummary = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  year: z.number(),
  name: z.string(),
  kind: MovementKindCode,
  fields: z.array(z.string()),
  status: MovementStatusCode,
  statusLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  launchedOn: z.string().nullable(),
});
export const MovementDetail = MovementSummary.extend({
  launchDocument: z.string().nullable(),
  goals: z.string(),
  parentMovementId: z.string().nullable(),
  participantOrgUnitIds: z.array(z.string()),
  reviewNote: z.string().nullable(),
  targets: z.array(TargetDto),
});

export const CreateConference = z.object({
  orgUnitId: Ref('orgUnit'),
  year: Year,
  heldOn: IsoDate,
  lastYearReview: Text(8000).default(''),
  movementIds: z.array(Ref('movement', 'reference')).max(100).default([]),
  note: Text(2000).optional(),
});
export const ConferenceDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  year: z.number(),
  heldOn: z.string(),
  lastYearReview: z.string(),
  movements: z.array(z.object({ id: z.string(), name: z.string() })),
  registrationCount: z.number(),
  covenantCount: z.number(),
  note: z.string().nullable(),
});

export const CreateRegistration = z
  .object({
    orgUnitId: Ref('orgUnit'),
    year: Year,
    subjectKind: z.enum(['individual', 'collective']),
    personId: Ref('person').optional(),
    subjectOrgUnitId: Ref('orgUnit').optional(),
    awardCode: z.string().min(1).max(80),
    conferenceId: Ref('conference', 'reference').optional(),
  })
  .refine((v) => (v.subjectKind === 'individual' ? !!v.personId : !!v.subjectOrgUnitId), {
    message: 'Phải chọn cá nhân hoặc tập thể đăng ký.',
  });
export const ReviewRegistration = z.object({
  decision: z.enum(['accept', 'return']),
  reason: Text(1000).optional(),
});
export const RegistrationDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  year: z.number(),
  subjectKind: z.enum(['individual', 'collective']),
  subjectName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  status: z.enum(['submitted', 'accepted', 'returned']),
  returnReason: z.string().nullable(),
});
export const RegistrationList = z.object({
  required: z.boolean(),
  items: z.array(RegistrationDto),
  /** Consolidated: accepted registrations per award. */
  totals: z.array(
    z.object({ awardCode: z.string(), awardName: z.string(), accepted: z.number(), submitted: z.number() }),
  ),
});

export const CreateCovenant = z.object({
  orgUnitId: Ref('orgUnit'),
  year: Year,
  title: Text(300).pipe(z.string().min(1, 'Phải có tên giao ước.')),
  signedOn: IsoDate,
  documentRef: Text(200).optional(),
  partyOrgUnitIds: z.array(Ref('orgUnit')).min(2, 'Giao ước cần ít nhất hai bên.').max(200),
  conferenceId: Ref('conference', 'reference').optional(),
  articles: z
    .array(z.object({ content: Text(2000).pipe(z.string().min(1)), indicator: Text(300).optional() }))
    .min(1, 'Giao ước cần ít nhất một điều khoản.')
    .max(100),
});
export const AssessArticle = z.object({
  assessment: z.enum(['met', 'partly_met', 'not_met']),
  note: Text(2000).optional(),
  assessedOn: IsoDate,
});
export const CovenantDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  year: z.number(),
  title: z.string(),
  signedOn: z.string(),
  documentRef: z.string().nullable(),
  parties: z.array(z.object({ id: z.string(), name: z.string() })),
  articles: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      content: z.string(),
      indicator: z.string().nullable(),
      assessment: z.enum(['met', 'partly_met', 'not_met']).nullable(),
      assessmentNote: z.string().nullable(),
      assessedOn: z.string().nullable(),
    }),
  ),
  assessedCount: z.number(),
  metCount: z.number(),
});
