import { assertCanRead, assertCanWrite, hasAnyRole } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { recordCouncilOutcome } from '../nominations/index.ts';
import { ballotUrns, shuffle } from './ballot-urn.ts';
import {
  countVoteMarks,
  finishItemVoting,
  getItem,
  getSession,
  insertBallots,
  insertRecusal,
  insertVoteMark,
  listAttendance,
  listMembers,
  listRecusals,
  resetItemVoting,
  startItemVoting,
  votedMemberIds,
  type ItemRow,
  type MemberRow,
  type SessionRow,
} from './council.repository.ts';
import { provinceParametersFor, tally, votingRuleFor, type BallotChoice } from './tally.ts';

async function loadItem(ctx: RequestCtx, itemId: string): Promise<{ item: ItemRow; session: SessionRow }> {
  const db = ctx.deps.database.db;
  const item = await getItem(db, itemId);
  if (!item) throw notFound('hồ sơ trong phiên họp');
  const session = await getSession(db, item.sessionId);
  if (!session) throw notFound('phiên họp Hội đồng');
  assertCanRead(ctx.auth, session.orgUnitId, 'hồ sơ trong phiên họp');
  return { item, session };
}

async function callerMember(ctx: RequestCtx, session: SessionRow): Promise<MemberRow | undefined> {
  const members = await listMembers(ctx.deps.database.db, session.councilId);
  return members.find((m) => m.userId === ctx.auth.userId);
}

/** Who may vote on an item: members present, less those recused. */
async function eligibleMemberIds(ctx: RequestCtx, session: SessionRow, itemId: string): Promise<Set<string>> {
  const db = ctx.deps.database.db;
  const attendance = await listAttendance(db, session.id);
  const recused = new Set((await listRecusals(db, [itemId])).map((r) => r.memberId));
  return new Set(attendance.filter((a) => a.present && !recused.has(a.memberId)).map((a) => a.memberId));
}

/** Opens voting on an item: fixes the rule from the province parameters and opens its sealed urn. */
export async function openVoting(ctx: RequestCtx, itemId: string): Promise<void> {
  const { item, session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  if (session.status !== 'open') {
    throw conflict(
      'Phiên họp chưa đủ số thành viên dự họp (chưa mở) hoặc đã kết thúc.',
      'COUNCIL.SESSION_NOT_OPEN',
    );
  }
  const directory = await ctx.deps.directory.get();
  const params = provinceParametersFor(directory.get(session.orgUnitId)?.provinceCode ?? '', session.year);
  const rule = votingRuleFor(params, session.heldOn, item.awardCode);
  const eligible = await eligibleMemberIds(ctx, session, itemId);
  await ctx.deps.database.db.transaction(async (tx) => {
    const started = await startItemVoting(tx, itemId, {
      voteRequired: rule.voteRequired,
      minApprovalRatio: rule.minApprovalRatio,
      denominator: rule.denominator,
      citation: rule.citation,
      eligibleVoters: eligible.size,
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
        eligibleVoters: eligible.size,
      },
    });
  });
  ballotUrns.open(itemId);
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

/**
 * One secret ballot. The transaction records only that the member voted (vote mark + an audit row
 * "a ballot was cast"); the choice goes, after commit, into the item's sealed urn in memory. A
 * second ballot by the same member finds the mark and is refused.
 */
export async function castBallot(ctx: RequestCtx, itemId: string, choice: BallotChoice): Promise<void> {
  const { session } = await loadItem(ctx, itemId);
  if (!hasAnyRole(ctx.auth, ['council_member', 'chairman'])) throw forbidden();
  const member = await callerMember(ctx, session);
  if (!member) throw forbidden('Bạn không phải thành viên Hội đồng của phiên họp này.', 'COUNCIL.NOT_MEMBER');
  const eligible = await eligibleMemberIds(ctx, session, itemId);
  if (!eligible.has(member.id)) {
    throw forbidden(
      'Bạn không có mặt trong phiên họp hoặc đã khai báo xung đột lợi ích nên không bỏ phiếu hồ sơ này.',
      'COUNCIL.NOT_ELIGIBLE',
    );
  }
  await ctx.deps.database.db.transaction(async (tx) => {
    // Shares the item's row with other voters but waits for a closing transaction.
    const locked = await getItem(tx, itemId, 'share');
    if (!locked || locked.status !== 'voting' || !ballotUrns.isOpen(itemId)) {
      throw conflict('Hồ sơ này không trong thời gian bỏ phiếu.', 'COUNCIL.NOT_VOTING');
    }
    if (!(await insertVoteMark(tx, itemId, member.id))) {
      throw conflict(
        'Bạn đã bỏ phiếu cho hồ sơ này; mỗi thành viên chỉ bỏ một phiếu.',
        'COUNCIL.ALREADY_VOTED',
      );
    }
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
  ballotUrns.cast(itemId, choice);
}

/**
 * Closes voting on an item: in one transaction the urn's ballots are written shuffled, the tally is
 * computed with the rule fixed at opening and the nomination moves to approved / not approved.
 */
export async function closeVoting(
  ctx: RequestCtx,
  itemId: string,
): Promise<{ yes: number; no: number; abstain: number; approved: boolean; required: number }> {
  const { session } = await loadItem(ctx, itemId);
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  const recused = (await listRecusals(ctx.deps.database.db, [itemId])).length;
  const out = await ctx.deps.database.db.transaction(async (tx) => {
    const item = await getItem(tx, itemId, 'update');
    if (!item || item.status !== 'voting') {
      throw conflict(
        'Hồ sơ này không trong thời gian bỏ phiếu (có thể người khác vừa kết thúc).',
        'COUNCIL.NOT_VOTING',
      );
    }
    const marks = await countVoteMarks(tx, itemId);
    const choices = shuffle(ballotUrns.unseal(itemId));
    if (choices.length !== marks) {
      throw conflict(
        'Số phiếu trong hòm phiếu không khớp số thành viên đã bỏ phiếu (máy chủ đã khởi động lại khi đang bỏ phiếu). Cần tổ chức bỏ phiếu lại hồ sơ này.',
        'COUNCIL.URN_MISMATCH',
        { ballots: choices.length, marks },
      );
    }
    await insertBallots(tx, itemId, choices);
    const counts = {
      yes: choices.filter((c) => c === 'yes').length,
      no: choices.filter((c) => c === 'no').length,
      abstain: choices.filter((c) => c === 'abstain').length,
    };
    const result = tally(
      { minApprovalRatio: item.minApprovalRatio, denominator: item.denominator ?? 'present_members' },
      {
        ...counts,
        totalMembers: session.totalMembers ?? 0,
        presentMembers: session.presentMembers ?? 0,
        recused,
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
        approved: result.approved,
        required: result.required,
        base: result.base,
      },
    });
    return { ...counts, approved: result.approved, required: result.required };
  });
  ballotUrns.discard(itemId);
  return out;
}

/** Starts an item's vote again (after a restart lost its urn): marks cleared, urn destroyed. */
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
  ballotUrns.discard(itemId);
}
