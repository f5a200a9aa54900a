import { z } from 'zod';
import { IsoDate, Ref, Text, Uuid } from './common.ts';

export const CouncilParams = z.object({ orgUnitId: Uuid, year: z.coerce.number().int().min(1990).max(2100) });
export const SessionParams = z.object({ sessionId: Uuid });
export const ItemParams = z.object({ itemId: Uuid });

export const CouncilMemberRoleDto = z.enum(['chairman', 'vice_chairman', 'member', 'secretary']);

export const SaveCouncil = z.object({
  name: Text(300).pipe(z.string().min(1, 'Nhập tên Hội đồng')),
  establishedBy: Text(300).nullable().optional(),
  members: z
    .array(
      z.object({
        fullName: Text(200).pipe(z.string().min(1, 'Nhập họ tên thành viên')),
        position: Text(200).nullable().optional(),
        role: CouncilMemberRoleDto,
        personId: Ref('person').nullable().optional(),
        userId: Ref('user').nullable().optional(),
      }),
    )
    .min(1)
    .max(60),
});

const SessionStatus = z.enum(['planned', 'open', 'closed']);

export const SessionSummary = z.object({
  id: Uuid,
  title: z.string(),
  heldOn: z.string(),
  location: z.string().nullable(),
  status: SessionStatus,
  totalMembers: z.number().nullable(),
  presentMembers: z.number().nullable(),
});

export const CouncilView = z.object({
  council: z
    .object({
      id: Uuid,
      orgUnitId: Uuid,
      year: z.number(),
      name: z.string(),
      establishedBy: z.string().nullable(),
    })
    .nullable(),
  members: z.array(
    z.object({
      id: Uuid,
      fullName: z.string(),
      position: z.string().nullable(),
      role: z.string(),
      personId: z.string().nullable(),
      userId: z.string().nullable(),
    }),
  ),
  sessions: z.array(SessionSummary),
});

export const CreateSession = z.object({
  title: Text(300).pipe(z.string().min(1, 'Nhập tên phiên họp')),
  heldOn: IsoDate,
  location: Text(300).nullable().optional(),
});

export const RecordAttendance = z.object({
  presentMemberIds: z.array(Ref('councilMember')).max(60),
  notes: z.record(z.string(), Text(500)).optional(),
});
export const AttendanceResult = z.object({
  quorumMet: z.boolean(),
  present: z.number(),
  total: z.number(),
  required: z.number(),
});

export const AddAgenda = z.object({ nominationIds: z.array(Ref('nomination')).min(1).max(2000) });
export const CloseSession = z.object({ conclusion: Text(4000).nullable().optional() });
const Choice = z.enum(['yes', 'no', 'abstain'], {
  message: 'Chọn Đồng ý, Không đồng ý hoặc Không biểu quyết',
});
export const CastBallot = z.object({ choice: Choice });
export const OpenVoting = z.object({
  /** The voting deadline announced to the members (ISO instant); none: close when all have voted. */
  deadline: z.iso.datetime({ offset: true, message: 'Hạn bỏ phiếu không hợp lệ' }).nullable().optional(),
});
export const WrittenOpinion = z.object({ memberId: Ref('councilMember', 'write'), choice: Choice });
const Count = z.number().int('Số phiếu phải là số nguyên').min(0, 'Số phiếu không âm').max(1000);
export const PaperTally = z.object({ yes: Count, no: Count, abstain: Count });
export const DeclareConflict = z.object({
  reason: Text(500).pipe(z.string().min(1, 'Nêu lý do không tham gia bỏ phiếu')),
  memberId: Ref('councilMember').nullable().optional(),
});
export const VotingResult = z.object({
  yes: z.number(),
  no: z.number(),
  abstain: z.number(),
  approved: z.boolean(),
  required: z.number(),
});

export const SessionView = z.object({
  id: Uuid,
  orgUnitId: Uuid,
  year: z.number(),
  councilName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  location: z.string().nullable(),
  status: SessionStatus,
  totalMembers: z.number(),
  presentMembers: z.number(),
  quorumRatio: z.number().nullable(),
  conclusion: z.string().nullable(),
  members: z.array(
    z.object({
      id: Uuid,
      fullName: z.string(),
      position: z.string().nullable(),
      role: z.string(),
      present: z.boolean().nullable(),
      note: z.string().nullable(),
    }),
  ),
  myMemberId: z.string().nullable(),
  items: z.array(
    z.object({
      id: Uuid,
      nominationId: Uuid,
      position: z.number(),
      subjectName: z.string(),
      awardCode: z.string(),
      awardName: z.string(),
      status: z.enum(['pending', 'voting', 'closed']),
      minApprovalRatio: z.number().nullable(),
      denominator: z.string().nullable(),
      ruleCitation: z.string().nullable(),
      eligibleVoters: z.number().nullable(),
      ballotsCast: z.number(),
      votingDeadline: z.string().nullable(),
      quorumBallots: z.number().nullable(),
      tallyKind: z.enum(['electronic', 'paper']).nullable(),
      awaiting: z.number(),
      writtenFrom: z.array(z.string()),
      acceptsWritten: z.boolean(),
      recusals: z.array(z.object({ memberId: Uuid, fullName: z.string(), reason: z.string() })),
      yesCount: z.number().nullable(),
      noCount: z.number().nullable(),
      abstainCount: z.number().nullable(),
      result: z.enum(['approved', 'not_approved']).nullable(),
      mine: z.object({ canVote: z.boolean(), hasVoted: z.boolean(), recused: z.boolean() }),
    }),
  ),
});
export type SessionView = z.infer<typeof SessionView>;
