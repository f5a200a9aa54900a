import type { AuditActor } from '../platform/audit/audit.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { Tx } from '../platform/db/client.ts';
import { conflict } from '../platform/errors.ts';
import { getNomination, placeOnCouncilAgenda, recordCouncilOutcome } from '../nominations/index.ts';
import {
  closeSessionRow,
  insertItems,
  insertSession,
  listItems,
  listMembers,
  recordPaperTallyRow,
  replaceAttendance,
  updateSessionQuorum,
} from './council.repository.ts';
import { provinceParametersFor, quorumFor, quorumMet, tally, votingRuleFor } from './tally.ts';
import { isVotingMember } from './vote.ts';

export type PaperSessionInput = {
  councilId: string;
  orgUnitId: string;
  provinceCode: string;
  year: number;
  title: string;
  heldOn: string;
  location: string | null;
  presentMemberIds: string[];
  conclusion: string;
  /** Per nomination, the counted paper ballots (biên bản kiểm phiếu). */
  items: { nominationId: string; yes: number; no: number; abstain: number }[];
};

/**
 * Records a session held on paper ballots (phiếu bầu giấy counted by the vote-counting board):
 * who attended, each item's count, the nominations' outcome — not who voted, and no ballot rows. Used for
 * sessions held before the system, and by the demo data.
 */
export async function recordPaperSession(
  tx: Tx,
  actor: AuditActor,
  input: PaperSessionInput,
): Promise<string> {
  const members = await listMembers(tx, input.councilId);
  const params = provinceParametersFor(input.provinceCode, input.year);
  const quorum = quorumFor(params, input.heldOn);
  // The quorum is of the members who vote, never counting a secretary who keeps the minutes.
  const voting = members.filter(isVotingMember);
  const presentVoting = voting.filter((m) => input.presentMemberIds.includes(m.id)).length;
  if (!quorumMet(voting.length, presentVoting, quorum.ratio)) {
    throw conflict('Phiên họp không đủ số thành viên dự họp.', 'COUNCIL.NO_QUORUM');
  }
  const session = await insertSession(tx, {
    councilId: input.councilId,
    orgUnitId: input.orgUnitId,
    year: input.year,
    title: input.title,
    heldOn: input.heldOn,
    location: input.location,
  });
  const present = new Set(input.presentMemberIds);
  await replaceAttendance(
    tx,
    session.id,
    members.map((m) => ({ memberId: m.id, present: present.has(m.id), note: null })),
  );
  await updateSessionQuorum(tx, session.id, {
    status: 'open',
    totalMembers: voting.length,
    presentMembers: presentVoting,
    quorumRatio: quorum.ratio,
  });
  const nominations = [];
  for (const i of input.items) {
    const n = await getNomination(tx, i.nominationId);
    if (!n) throw conflict('Không tìm thấy hồ sơ đề nghị.', 'COUNCIL.NOMINATION_MISSING');
    nominations.push(n);
  }
  await placeOnCouncilAgenda(
    tx,
    actor,
    nominations.map((n) => n.id),
  );
  await insertItems(
    tx,
    nominations.map((n, k) => ({
      sessionId: session.id,
      orgUnitId: input.orgUnitId,
      nominationId: n.id,
      position: k + 1,
      subjectName: n.subjectName,
      awardCode: n.awardCode,
    })),
  );
  const items = await listItems(tx, session.id);
  const votingMembers = voting.length;
  for (const [k, item] of items.entries()) {
    const counts = input.items[k]!;
    const ballots = counts.yes + counts.no + counts.abstain;
    if (ballots > presentVoting) {
      throw conflict('Số phiếu nhiều hơn số thành viên có mặt.', 'COUNCIL.TOO_MANY_BALLOTS');
    }
    if (ballots < 2) {
      throw conflict('Không ghi kết quả của một phiếu.', 'COUNCIL.SINGLE_BALLOT');
    }
    const rule = votingRuleFor(params, input.heldOn, item.awardCode);
    const result = tally(rule, {
      ...counts,
      totalMembers: votingMembers,
      presentMembers: presentVoting,
      recused: 0,
    });
    // The paper tally only: who voted is the attendance, what each voted stays on paper.
    await recordPaperTallyRow(tx, item.id, {
      voteRequired: rule.voteRequired,
      minApprovalRatio: rule.minApprovalRatio,
      denominator: rule.denominator,
      citation: rule.citation,
      eligibleVoters: presentVoting,
      votingMembers,
      ...counts,
      result: result.approved ? 'approved' : 'not_approved',
    });
    await recordCouncilOutcome(tx, actor, item.nominationId, result.approved);
  }
  await closeSessionRow(tx, session.id, input.conclusion);
  await writeAudit(tx, actor, {
    chain: input.orgUnitId,
    action: 'council.paper_session',
    entity: 'council_session',
    entityId: session.id,
    orgUnitId: input.orgUnitId,
    after: { title: input.title, heldOn: input.heldOn, present: present.size, items: input.items.length },
  });
  return session.id;
}
