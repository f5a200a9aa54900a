import { z } from 'zod';
import { IsoDate, Ref, Text } from './common.ts';
import { OrgUnit } from './organizations.ts';

export const AggregationMethod = z.enum(['mean', 'trimmed_mean', 'median']);
export const MissingScorePolicy = z.enum(['exclude', 'zero']);
export const TieBreakRule = z.enum([
  'higher_median',
  'higher_min_peer',
  'smaller_self_gap',
  'earlier_submission',
]);
const IsoDateTime = z.iso.datetime({ offset: true, message: 'Thời điểm phải có dạng ISO 8601' });
/**
 * A ward named in a cluster action: one of the cluster's member wards (the organiser names any
 * unit of its own subtree). The use case still checks membership of the cluster in the path.
 */
const Member = Ref('orgUnit', 'cluster');

export const CreateClusterYear = z.object({
  name: Text(300),
  year: z.number().int().min(1990).max(2100),
  /** Opening a cluster is an act of the organiser over wards of its own subtree. */
  organiserId: Ref('orgUnit', 'write'),
  headId: Ref('orgUnit', 'write'),
  deputyId: Ref('orgUnit', 'write').nullable(),
  memberIds: z.array(Ref('orgUnit', 'write')).min(2).max(200),
});

export const UpdateLeadership = z.object({ headId: Member, deputyId: Member.nullable() });

export const ClusterYearSettings = z.object({
  requestLetterNumber: Text(100).nullable(),
  requestLetterDate: IsoDate.nullable(),
  requestLetterSummary: Text(1000).nullable(),
  reportDeadline: IsoDateTime,
  scoringDeadline: IsoDateTime,
  method: AggregationMethod,
  trimCount: z.number().int().min(0).max(10),
  missingScores: MissingScorePolicy,
  tieBreak: z.array(TieBreakRule).max(4),
  flagCount: z.number().int().min(0).max(10),
  diplomaCount: z.number().int().min(0).max(50),
});
export type ClusterYearSettings = z.infer<typeof ClusterYearSettings>;

export const CovenantInput = z.object({
  title: Text(500),
  signedOn: IsoDate.nullable(),
  place: Text(200).nullable(),
  documentRef: Text(300).nullable(),
  articles: z
    .array(
      z.object({
        no: z.number().int().min(1),
        text: Text(2000),
        indicator: Text(300).nullable(),
        target: Text(300).nullable(),
      }),
    )
    .min(1)
    .max(100),
  signatories: z.array(z.object({ orgUnitId: Member, signerName: Text(200), position: Text(200) })).max(200),
});
export type CovenantInput = z.infer<typeof CovenantInput>;
/** Output shapes carry no input transforms (the serializer cannot run them backwards). */
export const Covenant = z.object({
  id: z.string(),
  title: z.string(),
  signedOn: z.string().nullable(),
  place: z.string().nullable(),
  documentRef: z.string().nullable(),
  articles: z.array(
    z.object({
      no: z.number(),
      text: z.string(),
      indicator: z.string().nullable(),
      target: z.string().nullable(),
    }),
  ),
  signatories: z.array(z.object({ orgUnitId: z.string(), signerName: z.string(), position: z.string() })),
  updatedAt: z.string(),
});

const CriteriaItem = z.object({
  id: z.string().min(1).max(40),
  title: Text(1000),
  maxPoints: z.number().min(0).max(1000),
  kind: z.enum(['standard', 'bonus', 'penalty']),
  evidenceRequired: z.boolean(),
});
export const CriteriaTableInput = z.object({
  maxTotal: z.number().min(0).max(10000),
  groups: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        title: Text(500),
        maxPoints: z.number().min(0).max(10000),
        items: z.array(CriteriaItem).max(200),
      }),
    )
    .max(50),
});
export type CriteriaTableInput = z.infer<typeof CriteriaTableInput>;
const CriteriaItemOut = z.object({
  id: z.string(),
  title: z.string(),
  maxPoints: z.number(),
  kind: z.enum(['standard', 'bonus', 'penalty']),
  evidenceRequired: z.boolean(),
});
export const CriteriaTable = z.object({
  maxTotal: z.number(),
  groups: z.array(
    z.object({ id: z.string(), title: z.string(), maxPoints: z.number(), items: z.array(CriteriaItemOut) }),
  ),
  id: z.string(),
  copiedFromClusterId: z.string().nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export const CopyCriteria = z.object({ fromClusterId: Ref('cluster', 'cluster') });

const ReportFile = z.object({
  name: Text(200),
  mime: z.string().max(100),
  contentBase64: z.string().max(28_000_000),
});
const Sheet = z.record(z.string().max(40), z.object({ points: z.number(), evidence: Text(2000).optional() }));

export const SubmitReport = z
  .object({
    reportText: z.string().max(200_000).nullable().optional(),
    /** A reference to the annual report made elsewhere (src/reports, or a document number). */
    reportRef: Text(300).nullable().optional(),
    file: ReportFile.nullable().optional(),
    selfScores: Sheet,
  })
  .refine((b) => !!(b.reportText?.trim() || b.reportRef || b.file), {
    message: 'Cần nhập nội dung báo cáo, dẫn chiếu báo cáo hoặc tải tệp báo cáo lên.',
    path: ['reportText'],
  });
export type SubmitReport = z.infer<typeof SubmitReport>;

export const SubmitPeerScores = z.object({ targetOrgUnitId: Member, sheet: Sheet });

export const MemberStatus = z.object({
  orgUnit: OrgUnit,
  submitted: z.boolean(),
  submittedAt: z.string().nullable(),
  source: z.enum(['direct', 'package']).nullable(),
  /** Peer sheets this member has handed in, out of the members it must score. */
  peerScoresGiven: z.number(),
  peerScoresExpected: z.number(),
  keyFingerprint: z.string().nullable(),
});

export const RankingRow = z.object({
  orgUnit: OrgUnit,
  self: z.number().nullable(),
  aggregate: z.number().nullable(),
  peerTotals: z.array(z.number()),
  missingScorers: z.array(z.string()),
  rank: z.number().nullable(),
  tied: z.boolean(),
  tieBrokenBy: TieBreakRule.nullable(),
});

export const Confirmation = z.object({
  meetingDate: IsoDate,
  place: Text(200),
  chairName: Text(200),
  presentOrgUnitIds: z.array(Member).min(1),
  votesFor: z.number().int().min(0),
  votesAgainst: z.number().int().min(0),
  abstentions: z.number().int().min(0),
  minutesText: Text(5000),
  minutesRef: Text(300).nullable(),
  /** The ranking as the meeting confirmed it, member ids best first; it may only settle ties. */
  order: z.array(Member).min(1),
});
export type Confirmation = z.infer<typeof Confirmation>;

export const Proposal = z.object({
  orgUnit: OrgUnit,
  rank: z.number(),
  award: z.enum(['provincial_emulation_flag', 'provincial_diploma_of_merit']),
  awardLabel: z.string(),
});

export const Outcome = z.object({
  ranking: z.array(RankingRow),
  rankedAt: z.string(),
  confirmation: z
    .object({
      meetingDate: z.string(),
      place: z.string(),
      chairName: z.string(),
      presentOrgUnitIds: z.array(z.string()),
      votesFor: z.number(),
      votesAgainst: z.number(),
      abstentions: z.number(),
      minutesText: z.string(),
      minutesRef: z.string().nullable(),
      method: z.literal('recorded'),
    })
    .nullable(),
  confirmedOrder: z.array(z.string()).nullable(),
  proposals: z.array(Proposal).nullable(),
});

export const ClusterOverview = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  organiser: OrgUnit,
  head: OrgUnit.nullable(),
  deputy: OrgUnit.nullable(),
  members: z.array(OrgUnit),
  settings: z
    .object({
      requestLetterNumber: z.string().nullable(),
      requestLetterDate: z.string().nullable(),
      requestLetterSummary: z.string().nullable(),
      reportDeadline: z.string(),
      scoringDeadline: z.string(),
      method: AggregationMethod,
      trimCount: z.number(),
      missingScores: MissingScorePolicy,
      tieBreak: z.array(TieBreakRule),
      flagCount: z.number(),
      diplomaCount: z.number(),
    })
    .nullable(),
  phase: z.enum(['not_started', 'reporting', 'scoring', 'closed']),
  viewer: z.object({
    actingMemberId: z.string().nullable(),
    isHead: z.boolean(),
    isOrganiser: z.boolean(),
    canManage: z.boolean(),
  }),
  covenant: Covenant.nullable(),
  criteriaTable: CriteriaTable.nullable(),
  memberStatus: z.array(MemberStatus),
  scoresVisible: z.boolean(),
  outcome: Outcome.nullable(),
});

export const SubmissionView = z.object({
  orgUnit: OrgUnit,
  reportText: z.string().nullable(),
  reportRef: z.string().nullable(),
  file: z
    .object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string() })
    .nullable(),
  submittedAt: z.string(),
  source: z.enum(['direct', 'package']),
  /** Evidence cited for each item; the self points only to the member itself, or after the deadline. */
  evidence: z.record(z.string(), z.string()),
  selfScores: z.record(z.string(), z.number()).nullable(),
  selfTotal: z.number().nullable(),
});

export const ScoreSheetView = z.object({
  round: z.enum(['self', 'peer']),
  scorer: OrgUnit,
  target: OrgUnit,
  total: z.number(),
  points: z.record(z.string(), z.number()),
  submittedAt: z.string(),
});

export const ScoreTable = z.object({
  visible: z.boolean(),
  /** Every member has submitted and scored every other member: the sheets open before the deadline. */
  complete: z.boolean(),
  deadline: z.string().nullable(),
  sheets: z.array(ScoreSheetView),
  ranking: z.array(RankingRow),
});

export const Notification = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  orgUnit: OrgUnit,
  kind: z.string(),
  message: z.string(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const InstanceKey = z.object({ publicKeyPem: z.string(), fingerprint: z.string() });
export const RegisterMemberKey = z.object({ orgUnitId: Member, publicKeyPem: z.string().min(40).max(2000) });

export const PackageBody = z.object({
  manifest: z.object({
    format: z.string(),
    kind: z.enum(['member', 'head']),
    cluster: z.object({ name: z.string(), year: z.number() }),
    from: z.object({ code: z.string(), name: z.string() }),
    createdAt: z.string(),
    keyFingerprint: z.string(),
    files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number() })),
  }),
  files: z.record(z.string(), z.string()),
  signature: z.string(),
});
export const ImportResult = z.object({
  from: z.string(),
  submissions: z.number(),
  scoreSheets: z.number(),
  outcome: z.boolean(),
});
