import { assertCanRead } from '../platform/auth/access.ts';
import { notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import {
  getCouncilById,
  getSession,
  listAttendance,
  listItems,
  listMembers,
  listRecusals,
  votedMemberIds,
} from './council.repository.ts';
import { isVotingMember } from './vote.ts';

export type SessionView = {
  id: string;
  orgUnitId: string;
  year: number;
  councilName: string;
  title: string;
  heldOn: string;
  location: string | null;
  status: 'planned' | 'open' | 'closed';
  totalMembers: number;
  presentMembers: number;
  quorumRatio: number | null;
  conclusion: string | null;
  members: {
    id: string;
    fullName: string;
    position: string | null;
    role: string;
    present: boolean | null;
    note: string | null;
  }[];
  /** The caller's own member id, when the caller sits on this council. */
  myMemberId: string | null;
  items: {
    id: string;
    nominationId: string;
    position: number;
    subjectName: string;
    awardCode: string;
    awardName: string;
    status: 'pending' | 'voting' | 'closed';
    minApprovalRatio: number | null;
    denominator: string | null;
    ruleCitation: string | null;
    eligibleVoters: number | null;
    /** Ballots cast so far (count of vote marks, written opinions included): never who chose what. */
    ballotsCast: number;
    /** The deadline announced when voting opened (ISO instant), if any. */
    votingDeadline: string | null;
    /** Ballots needed to close at the deadline. */
    quorumBallots: number | null;
    tallyKind: 'electronic' | 'paper' | null;
    /** Present members who can vote on the system and have not yet. */
    awaiting: number;
    /** Absent members whose written opinion was entered (who, never what). */
    writtenFrom: string[];
    /** Whether the rule counts absent members' written opinions (over all members). */
    acceptsWritten: boolean;
    recusals: { memberId: string; fullName: string; reason: string }[];
    yesCount: number | null;
    noCount: number | null;
    abstainCount: number | null;
    result: 'approved' | 'not_approved' | null;
    /** For the caller: may vote now, has voted, declared a conflict. */
    mine: { canVote: boolean; hasVoted: boolean; recused: boolean };
  }[];
};

/**
 * A session with its agenda, for the officer's screen, the members' ballot screen and the minutes
 * (biên bản họp, biên bản kiểm phiếu). Shows how many voted, never how anyone voted.
 */
export async function getSessionView(
  ctx: RequestCtx,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionView> {
  const db = ctx.deps.database.db;
  const session = await getSession(db, sessionId);
  if (!session) throw notFound('phiên họp Hội đồng');
  assertCanRead(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  const council = await getCouncilById(db, session.councilId);
  const members = await listMembers(db, session.councilId);
  const attendance = await listAttendance(db, sessionId);
  const items = await listItems(db, sessionId);
  const ids = items.map((i) => i.id);
  const marks = await votedMemberIds(db, ids);
  const recusals = await listRecusals(db, ids);
  const me = members.find((m) => m.userId === ctx.auth.userId) ?? null;
  const presentIds = new Set(attendance.filter((a) => a.present).map((a) => a.memberId));
  // The secretary keeps the minutes and never votes: no ballot for them, not even a button.
  const canCast = members.filter((m) => isVotingMember(m) && m.userId !== null && presentIds.has(m.id));
  const voter = me && isVotingMember(me) ? me : null;
  const nameOf = new Map(members.map((m) => [m.id, m.fullName]));
  return {
    id: session.id,
    orgUnitId: session.orgUnitId,
    year: session.year,
    councilName: council?.name ?? '',
    title: session.title,
    heldOn: session.heldOn,
    location: session.location,
    status: session.status,
    totalMembers: session.totalMembers ?? members.length,
    presentMembers: session.presentMembers ?? 0,
    quorumRatio: session.quorumRatio,
    conclusion: session.conclusion,
    members: members.map((m) => {
      const a = attendance.find((x) => x.memberId === m.id);
      return {
        id: m.id,
        fullName: m.fullName,
        position: m.position,
        role: m.role,
        present: a ? a.present : null,
        note: a?.note ?? null,
      };
    }),
    myMemberId: me?.id ?? null,
    items: items.map((i) => {
      const itemMarks = marks.filter((m) => m.itemId === i.id);
      const itemRecusals = recusals.filter((r) => r.itemId === i.id);
      const hasVoted = !!me && itemMarks.some((m) => m.memberId === me.id);
      const recused = !!me && itemRecusals.some((r) => r.memberId === me.id);
      const recusedIds = new Set(itemRecusals.map((r) => r.memberId));
      const votedIds = new Set(itemMarks.map((m) => m.memberId));
      return {
        id: i.id,
        nominationId: i.nominationId,
        position: i.position,
        subjectName: i.subjectName,
        awardCode: i.awardCode,
        awardName: isAwardCode(i.awardCode) ? catalogueEntry(i.awardCode).name : i.awardCode,
        status: i.status,
        minApprovalRatio: i.minApprovalRatio,
        denominator: i.denominator,
        ruleCitation: i.ruleCitation,
        eligibleVoters: i.eligibleVoters,
        ballotsCast: itemMarks.length,
        votingDeadline: i.votingDeadline,
        quorumBallots: i.quorumBallots,
        tallyKind: i.tallyKind,
        awaiting:
          i.status === 'voting'
            ? canCast.filter((m) => !recusedIds.has(m.id) && !votedIds.has(m.id)).length
            : 0,
        writtenFrom: itemMarks.filter((m) => m.kind === 'written').map((m) => m.memberId),
        acceptsWritten: i.denominator === 'total_members',
        recusals: itemRecusals.map((r) => ({
          memberId: r.memberId,
          fullName: nameOf.get(r.memberId) ?? '',
          reason: r.reason,
        })),
        yesCount: i.yesCount,
        noCount: i.noCount,
        abstainCount: i.abstainCount,
        result: i.result,
        mine: {
          canVote:
            !!voter &&
            voter.userId !== null &&
            i.status === 'voting' &&
            presentIds.has(voter.id) &&
            !hasVoted &&
            !recused &&
            !(i.votingDeadline !== null && new Date(i.votingDeadline).getTime() <= now.getTime()),
          hasVoted,
          recused,
        },
      };
    }),
  };
}
