import { assertCanRead, assertCanWrite, hasAnyRole } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { recordCouncilOutcome } from '../nominations/index.ts';
import { loadBallotKey, openBallot, sealBallot, shuffle } from './ballot-seal.ts';
import {
  deleteSealedBallots,
  finishItemVoting,
  getItem,
  getSession,
  insertBallots,
  insertRecusal,
  insertSealedBallot,
  insertVoteMark,
  listAttendance,
  listMembers,
  listRecusals,
  listSealedBallots,
  marksOf,
  recordPaperTallyRow,
  resetItemVoting,
  startItemVoting,
  votedMemberIds,
  type ItemRow,
  type MemberRow,
  type SessionRow,
} from './council.repository.ts';
import { provinceParametersFor, tally, votingRuleFor, type BallotChoice } from './tally.ts';
import type { DbOrTx } from '../platform/db/client.ts';

async function loadItem(ctx: RequestCtx, itemId: string): Promise<{ item: ItemRow; session: SessionRow }> {
  const db = ctx.deps.database.db;
  const item = await getItem(db, itemId);
  if (!item) throw notFound('hồ sơ trong phiên họp');
  const session = await getSession(db, item.sessionId);
  if (!session) throw notFound('phiên họp Hội đồng');
  assertCanRead(ctx.auth, session.orgUnitId, 'hồ sơ trong phiên họp');
  return { item, session };
}

/** The secretary keeps the minutes; only the other members vote. */
export function isVotingMember(m: Pick<MemberRow, 'role'>): boolean {
  return m.role !== 'secretary';
}

type Roll = {
  votingMembers: MemberRow[];
  /** Voting members present and not recused on the item. */
  eligible: MemberRow[];
  /** Of those, the ones with an account, who can cast a ballot on the system. */
  canCast: MemberRow[];
  /** Voting members absent and not recused: they may give a written opinion. */
  absent: MemberRow[];
  presentVoting: number;
  recused: number;
};

/** Who may vote on an item, read in the caller's transaction. */
async function rollOf(db: DbOrTx, session: SessionRow, itemId: string): Promise<Roll> {
  const members = await listMembers(db, session.councilId);
  const attendance = await listAttendance(db, session.id);
  const present = new Set(attendance.filter((a) => a.present).map((a) => a.memberId));
  const recused = new Set((await listRecusals(db, [itemId])).map((r) => r.memberId));
  const votingMembers = members.filter(isVotingMember);
  const eligible = votingMembers.filter((m) => present.has(m.id) && !recused.has(m.id));
  return {
    votingMembers,
    eligible,
    canCast: eligible.filter((m) => m.userId !== null),
    absent: votingMembers.filter((m) => !present.has(m.id) && !recused.has(m.id)),
    presentVoting: votingMembers.filter((m) => present.has(m.id)).length,
    recused: votingMembers.filter((m) => recused.has(m.id)).length,
  };
}

async function callerMember(ctx: RequestCtx, session: SessionRow): Promise<MemberRow | undefined> {
  const members = await listMembers(ctx.deps.database.db, session.councilId);
  return members.find((m) => m.userId === ctx.auth.userId);
}

async function ruleFor(ctx: RequestCtx, session: SessionRow, item: ItemRow) {
  const directory = await ctx.deps.directory.get();
  const params = provinceParametersFor(directory.get(session.orgUnitId)?.provinceCode ?? '', session.year);
  return votingRuleFor(params, session.heldOn, item.awardCode);
}

/**
 * Opens voting on an item: fixes the rule from the province parameters and, when the officer
 * announces one, the deadline after which the item may close with the quorum's number of ballots.
 */
export async function openVoting(
  ctx: RequestCtx,
  itemId: string,
  input: { deadline?: string | null } = {},
  now: Date = new Date(),
): Promise<void> {
  const { item, session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  if (session.status !== 'open') {
    throw conflict(
      'Phiên họp chưa đủ số thành viên dự họp (chưa mở) hoặc đã kết thúc.',
      'COUNCIL.SESSION_NOT_OPEN',
    );
  }
  const deadline = input.deadline ? new Date(input.deadline) : null;
  if (deadline && !(deadline.getTime() > now.getTime())) {
    throw invalid('Hạn bỏ phiếu phải sau thời điểm hiện tại.', 'COUNCIL.DEADLINE_PAST');
  }
  const rule = await ruleFor(ctx, session, item);
  const db = ctx.deps.database.db;
  const roll = await rollOf(db, session, itemId);
  // Closing at the deadline needs at least the quorum's number of ballots, and never fewer
  // than two: one ballot's tally is that member's vote.
  const quorumBallots = Math.max(2, Math.ceil((session.quorumRatio ?? 0) * roll.votingMembers.length - 1e-9));
  await db.transaction(async (tx) => {
    const started = await startItemVoting(tx, itemId, {
      voteRequired: rule.voteRequired,
      minApprovalRatio: rule.minApprovalRatio,
      denominator: rule.denominator,
      citation: rule.citation,
      eligibleVoters: roll.eligible.length,
      votingMembers: roll.votingMembers.length,
      deadline: deadline ? deadline.toISOString() : null,
      quorumBallots,
      tallyKind: 'electronic',
    });
    if (!started)
      throw conflict('Hồ sơ này đã được mở bỏ phiếu hoặc đã kết thúc bỏ phiếu.', 'COUNCIL.ITEM_NOT_PENDING');
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.voting_open',
      entity: 'council_agenda_item',
      entityId: itemId,
      orgUnitId: session.orgUnitId,
      after: {
        rule: { minApprovalRatio: rule.minApprovalRatio, denominator: rule.denominator },
        eligibleVoters: roll.eligible.length,
        deadline: deadline ? deadline.toISOString() : null,
        quorumBallots,
      },
    });
  });
}

/**
 * A member declares a conflict of interest on an item and takes no part in its vote. The officer
 * (or chairman) may record it for a member who declared it in the meeting.
 */
export async function declareConflict(
  ctx: RequestCtx,
  itemId: string,
  input: { reason: string; memberId?: string | null },
): Promise<void> {
  const { item, session } = await loadItem(ctx, itemId);
  let member: MemberRow | undefined;
  if (input.memberId) {
    assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
    member = (await listMembers(ctx.deps.database.db, session.councilId)).find(
      (m) => m.id === input.memberId,
    );
  } else {
    member = await callerMember(ctx, session);
  }
  if (!member) throw forbidden('Bạn không phải thành viên Hội đồng của phiên họp này.', 'COUNCIL.NOT_MEMBER');
  if (item.status === 'closed') throw conflict('Hồ sơ đã kết thúc bỏ phiếu.', 'COUNCIL.ITEM_CLOSED');
  const reason = input.reason.trim();
  if (!reason) throw invalid('Phải nêu lý do không tham gia bỏ phiếu.', 'COUNCIL.RECUSAL_REASON');
  const memberId = member.id;
  await ctx.deps.database.db.transaction(async (tx) => {
    const locked = await getItem(tx, itemId, 'update');
    if (!locked || locked.status === 'closed')
      throw conflict('Hồ sơ đã kết thúc bỏ phiếu.', 'COUNCIL.ITEM_CLOSED');
    const voted = await votedMemberIds(tx, [itemId]);
    if (voted.some((v) => v.memberId === memberId)) {
      throw conflict(
        'Thành viên đã bỏ phiếu cho hồ sơ này nên không thể khai báo xung đột lợi ích nữa.',
        'COUNCIL.ALREADY_VOTED',
      );
    }
    if (!(await insertRecusal(tx, itemId, memberId, reason))) {
      throw conflict('Thành viên đã khai báo không tham gia bỏ phiếu hồ sơ này.', 'COUNCIL.ALREADY_RECUSED');
    }
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.recusal',
      entity: 'council_agenda_item',
      entityId: itemId,
      orgUnitId: session.orgUnitId,
      after: { memberId, reason },
    });
  });
}

function assertStillVoting(locked: ItemRow | undefined, now: Date): asserts locked is ItemRow {
  if (!locked || locked.status !== 'voting') {
    throw conflict('Hồ sơ này không trong thời gian bỏ phiếu.', 'COUNCIL.NOT_VOTING');
  }
  if (locked.votingDeadline && new Date(locked.votingDeadline).getTime() <= now.getTime()) {
    throw conflict('Đã hết hạn bỏ phiếu hồ sơ này.', 'COUNCIL.DEADLINE_PASSED');
  }
}

/**
 * One secret ballot, committed when it is cast: in one transaction the member's mark ("has
 * voted", no choice) and the ballot sealed under the instance's ballot key, which the database
 * does not hold. The two rows share the transaction's xmin, so the ballot is never in the clear
 * while the mark exists; the close opens it, apart from any mark.
 */
export async function castBallot(
  ctx: RequestCtx,
  itemId: string,
  choice: BallotChoice,
  now: Date = new Date(),
): Promise<void> {
  const { session } = await loadItem(ctx, itemId);
  if (!hasAnyRole(ctx.auth, ['council_member', 'chairman'])) throw forbidden();
  const member = await callerMember(ctx, session);
  if (!member) throw forbidden('Bạn không phải thành viên Hội đồng của phiên họp này.', 'COUNCIL.NOT_MEMBER');
  if (!isVotingMember(member)) {
    throw forbidden('Thư ký Hội đồng ghi biên bản, không bỏ phiếu.', 'COUNCIL.NOT_VOTING_MEMBER');
  }
  const key = loadBallotKey(ctx.deps.config.dataDir);
  await ctx.deps.database.db.transaction(async (tx) => {
    // Shares the item's row with other voters but waits for a closing transaction.
    const locked = await getItem(tx, itemId, 'share');
    assertStillVoting(locked, now);
    const roll = await rollOf(tx, session, itemId);
    if (!roll.eligible.some((m) => m.id === member.id)) {
      throw forbidden(
        'Bạn không có mặt trong phiên họp hoặc đã khai báo xung đột lợi ích nên không bỏ phiếu hồ sơ này.',
        'COUNCIL.NOT_ELIGIBLE',
      );
    }
    if (!(await insertVoteMark(tx, itemId, member.id, 'ballot'))) {
      throw conflict(
        'Bạn đã bỏ phiếu cho hồ sơ này; mỗi thành viên chỉ bỏ một phiếu.',
        'COUNCIL.ALREADY_VOTED',
      );
    }
    await insertSealedBallot(tx, itemId, sealBallot(key, itemId, choice));
    await writeAudit(
      tx,
      { userId: ctx.actor.userId, name: ctx.actor.name },
      {
        chain: session.orgUnitId,
        action: 'council.ballot_cast',
        entity: 'council_agenda_item',
        entityId: itemId,
        orgUnitId: session.orgUnitId,
      },
    );
  });
}

/**
 * The written opinion of a member absent from the session (NĐ 98/2023 Điều 30 khoản 7: "nếu
 * thành viên Hội đồng vắng mặt thì lấy ý kiến bằng văn bản"), entered by the officer from the
 * signed paper. It counts only where the item's rule counts approval over all members; it is
 * stored like a ballot — a mark that the member gave an opinion, the choice sealed — so the
 * database links no member to a choice either.
 */
export async function enterWrittenOpinion(
  ctx: RequestCtx,
  itemId: string,
  input: { memberId: string; choice: BallotChoice },
  now: Date = new Date(),
): Promise<void> {
  const { session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  const key = loadBallotKey(ctx.deps.config.dataDir);
  await ctx.deps.database.db.transaction(async (tx) => {
    const locked = await getItem(tx, itemId, 'share');
    assertStillVoting(locked, now);
    if (locked.denominator !== 'total_members') {
      throw conflict(
        'Hồ sơ này được biểu quyết theo đa số thành viên có mặt; ý kiến bằng văn bản của thành viên vắng mặt không được tính.',
        'COUNCIL.WRITTEN_NOT_COUNTED',
      );
    }
    const roll = await rollOf(tx, session, itemId);
    const member = roll.absent.find((m) => m.id === input.memberId);
    if (!member) {
      throw conflict(
        'Chỉ nhập ý kiến bằng văn bản của thành viên biểu quyết vắng mặt, không khai báo xung đột lợi ích.',
        'COUNCIL.NOT_ABSENT',
      );
    }
    if (!(await insertVoteMark(tx, itemId, member.id, 'written'))) {
      throw conflict('Đã nhập ý kiến bằng văn bản của thành viên này.', 'COUNCIL.ALREADY_VOTED');
    }
    await insertSealedBallot(tx, itemId, sealBallot(key, itemId, input.choice));
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.written_opinion',
      entity: 'council_agenda_item',
      entityId: itemId,
      orgUnitId: session.orgUnitId,
      after: { memberId: member.id },
    });
  });
}

export type VotingOutcome = {
  yes: number;
  no: number;
  abstain: number;
  approved: boolean;
  required: number;
};

/**
 * Closes voting on an item. It closes only when every present member who can vote has voted (or
 * abstained), or after the deadline announced at opening with at least the quorum's number of
 * ballots, and never on a single ballot. In one transaction the sealed ballots are opened,
 * shuffled and written as the plain urn in one statement, the ciphertexts deleted, the tally
 * computed with the rule fixed at opening and the nomination moved to approved / not approved.
 */
export async function closeVoting(
  ctx: RequestCtx,
  itemId: string,
  now: Date = new Date(),
): Promise<VotingOutcome> {
  const { session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  const key = loadBallotKey(ctx.deps.config.dataDir);
  return ctx.deps.database.db.transaction(async (tx) => {
    const item = await getItem(tx, itemId, 'update');
    if (!item || item.status !== 'voting') {
      throw conflict(
        'Hồ sơ này không trong thời gian bỏ phiếu (có thể người khác vừa kết thúc).',
        'COUNCIL.NOT_VOTING',
      );
    }
    const marks = await marksOf(tx, itemId);
    const sealed = await listSealedBallots(tx, itemId);
    if (sealed.length !== marks.length) {
      throw conflict(
        'Số phiếu đã niêm phong không khớp số thành viên đã bỏ phiếu. Cần tổ chức bỏ phiếu lại hồ sơ này.',
        'COUNCIL.URN_MISMATCH',
        { ballots: sealed.length, marks: marks.length },
      );
    }
    const roll = await rollOf(tx, session, itemId);
    const voted = new Set(marks.map((m) => m.memberId));
    const missing = roll.canCast.filter((m) => !voted.has(m.id)).length;
    const deadlinePassed =
      item.votingDeadline !== null && new Date(item.votingDeadline).getTime() <= now.getTime();
    if (missing > 0) {
      if (!deadlinePassed) {
        throw conflict(
          item.votingDeadline
            ? `Còn ${missing} thành viên có mặt chưa bỏ phiếu và chưa hết hạn bỏ phiếu; chưa kết thúc được.`
            : `Còn ${missing} thành viên có mặt chưa bỏ phiếu; chỉ kết thúc khi mọi thành viên có mặt đã bỏ phiếu (hoặc không biểu quyết).`,
          'COUNCIL.VOTING_INCOMPLETE',
          { missing },
        );
      }
      if (marks.length < (item.quorumBallots ?? 2)) {
        throw conflict(
          `Đã hết hạn nhưng mới có ${marks.length} phiếu, chưa đủ ${item.quorumBallots ?? 2} phiếu theo số thành viên tối thiểu dự họp; không kiểm phiếu được. Có thể tổ chức bỏ phiếu lại.`,
          'COUNCIL.TOO_FEW_BALLOTS',
          { ballots: marks.length, required: item.quorumBallots },
        );
      }
    }
    if (marks.length < 2) {
      throw conflict(
        'Chỉ có một phiếu: công bố kết quả sẽ cho biết người đó đã bỏ phiếu thế nào. Không kiểm phiếu với một phiếu; hãy bỏ phiếu lại khi có thêm thành viên hoặc ghi kết quả kiểm phiếu giấy.',
        'COUNCIL.SINGLE_BALLOT',
      );
    }
    const choices = shuffle(sealed.map((s) => openBallot(key, itemId, s)));
    await insertBallots(tx, itemId, choices);
    await deleteSealedBallots(tx, itemId);
    const counts = {
      yes: choices.filter((c) => c === 'yes').length,
      no: choices.filter((c) => c === 'no').length,
      abstain: choices.filter((c) => c === 'abstain').length,
    };
    const result = tally(
      { minApprovalRatio: item.minApprovalRatio, denominator: item.denominator ?? 'present_members' },
      {
        ...counts,
        totalMembers: item.votingMembers ?? roll.votingMembers.length,
        presentMembers: roll.presentVoting,
        recused: roll.recused,
      },
    );
    await finishItemVoting(tx, itemId, { ...counts, result: result.approved ? 'approved' : 'not_approved' });
    await recordCouncilOutcome(tx, ctx.actor, item.nominationId, result.approved);
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.voting_close',
      entity: 'council_agenda_item',
      entityId: itemId,
      orgUnitId: session.orgUnitId,
      after: {
        ...counts,
        ballots: choices.length,
        written: marks.filter((m) => m.kind === 'written').length,
        approved: result.approved,
        required: result.required,
        base: result.base,
      },
    });
    return { ...counts, approved: result.approved, required: result.required };
  });
}

/**
 * The paper tally of an item voted on paper ballots (biên bản kiểm phiếu of the vote-counting
 * board): the counts only — no marks of who voted, no ballot rows. A tally of a single ballot is
 * refused like an electronic one.
 */
export async function recordPaperTally(
  ctx: RequestCtx,
  itemId: string,
  input: { yes: number; no: number; abstain: number },
): Promise<VotingOutcome> {
  const { item, session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  if (session.status !== 'open') {
    throw conflict(
      'Phiên họp chưa đủ số thành viên dự họp (chưa mở) hoặc đã kết thúc.',
      'COUNCIL.SESSION_NOT_OPEN',
    );
  }
  if (item.status !== 'pending')
    throw conflict('Hồ sơ này đã được mở bỏ phiếu hoặc đã kết thúc bỏ phiếu.', 'COUNCIL.ITEM_NOT_PENDING');
  const rule = await ruleFor(ctx, session, item);
  return ctx.deps.database.db.transaction(async (tx) => {
    const roll = await rollOf(tx, session, itemId);
    const ballots = input.yes + input.no + input.abstain;
    // Written opinions of absent members are counted in the paper tally where the rule counts
    // over all members (NĐ 98/2023 Điều 30 khoản 7).
    const most =
      rule.denominator === 'total_members' ? roll.eligible.length + roll.absent.length : roll.eligible.length;
    if (ballots > most) {
      throw invalid(
        `Số phiếu (${ballots}) nhiều hơn số thành viên được bỏ phiếu (${most}).`,
        'COUNCIL.TOO_MANY_BALLOTS',
      );
    }
    if (ballots < 2) {
      throw invalid(
        'Không ghi kết quả của một phiếu: kết quả sẽ cho biết người đó đã bỏ phiếu thế nào.',
        'COUNCIL.SINGLE_BALLOT',
      );
    }
    const result = tally(rule, {
      ...input,
      totalMembers: roll.votingMembers.length,
      presentMembers: roll.presentVoting,
      recused: roll.recused,
    });
    const outcome = result.approved ? 'approved' : 'not_approved';
    const done = await recordPaperTallyRow(tx, itemId, {
      voteRequired: rule.voteRequired,
      minApprovalRatio: rule.minApprovalRatio,
      denominator: rule.denominator,
      citation: rule.citation,
      eligibleVoters: roll.eligible.length,
      votingMembers: roll.votingMembers.length,
      ...input,
      result: outcome,
    });
    if (!done)
      throw conflict('Hồ sơ này đã được mở bỏ phiếu hoặc đã kết thúc bỏ phiếu.', 'COUNCIL.ITEM_NOT_PENDING');
    await recordCouncilOutcome(tx, ctx.actor, item.nominationId, result.approved);
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.paper_tally',
      entity: 'council_agenda_item',
      entityId: itemId,
      orgUnitId: session.orgUnitId,
      after: { ...input, approved: result.approved, required: result.required, base: result.base },
    });
    return { ...input, approved: result.approved, required: result.required };
  });
}

/** Starts an item's vote again: marks and sealed ballots deleted, the members vote anew. */
export async function resetVoting(ctx: RequestCtx, itemId: string): Promise<void> {
  const { session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  await ctx.deps.database.db.transaction(async (tx) => {
    if (!(await resetItemVoting(tx, itemId)))
      throw conflict('Hồ sơ này không trong thời gian bỏ phiếu.', 'COUNCIL.NOT_VOTING');
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.voting_reset',
      entity: 'council_agenda_item',
      entityId: itemId,
      orgUnitId: session.orgUnitId,
    });
  });
}
