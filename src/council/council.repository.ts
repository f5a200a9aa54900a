import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import type { BallotChoice } from './tally.ts';

export type CouncilRow = {
  id: string;
  orgUnitId: string;
  year: number;
  name: string;
  establishedBy: string | null;
};
export type MemberRow = {
  id: string;
  councilId: string;
  fullName: string;
  position: string | null;
  role: string;
  personId: string | null;
  userId: string | null;
};
export type SessionRow = {
  id: string;
  councilId: string;
  orgUnitId: string;
  year: number;
  title: string;
  heldOn: string;
  location: string | null;
  status: 'planned' | 'open' | 'closed';
  totalMembers: number | null;
  presentMembers: number | null;
  quorumRatio: number | null;
  conclusion: string | null;
};
export type ItemRow = {
  id: string;
  sessionId: string;
  orgUnitId: string;
  nominationId: string;
  position: number;
  subjectName: string;
  awardCode: string;
  status: 'pending' | 'voting' | 'closed';
  voteRequired: boolean | null;
  minApprovalRatio: number | null;
  denominator: 'total_members' | 'present_members' | null;
  ruleCitation: string | null;
  eligibleVoters: number | null;
  votingMembers: number | null;
  votingDeadline: string | null;
  quorumBallots: number | null;
  tallyKind: 'electronic' | 'paper' | null;
  yesCount: number | null;
  noCount: number | null;
  abstainCount: number | null;
  result: 'approved' | 'not_approved' | null;
};

const councilCols = sql`id, org_unit_id as "orgUnitId", year, name, established_by as "establishedBy"`;
const memberCols = sql`id, council_id as "councilId", full_name as "fullName", position, role, person_id as "personId", user_id as "userId"`;
const sessionCols = sql`id, council_id as "councilId", org_unit_id as "orgUnitId", year, title, held_on::text as "heldOn",
  location, status, total_members as "totalMembers", present_members as "presentMembers", quorum_ratio as "quorumRatio", conclusion`;
const itemCols = sql`id, session_id as "sessionId", org_unit_id as "orgUnitId", nomination_id as "nominationId", position,
  subject_name as "subjectName", award_code as "awardCode", status, vote_required as "voteRequired",
  min_approval_ratio as "minApprovalRatio", denominator, rule_citation as "ruleCitation", eligible_voters as "eligibleVoters",
  voting_members as "votingMembers", to_char(voting_deadline at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "votingDeadline",
  quorum_ballots as "quorumBallots", tally_kind as "tallyKind",
  yes_count as "yesCount", no_count as "noCount", abstain_count as "abstainCount", result`;

export async function findCouncil(
  db: DbOrTx,
  orgUnitId: string,
  year: number,
): Promise<CouncilRow | undefined> {
  const rows = await queryRows<CouncilRow>(
    db,
    sql`select ${councilCols} from emulation_councils where org_unit_id = ${orgUnitId} and year = ${year}`,
  );
  return rows[0];
}

export async function getCouncilById(db: DbOrTx, id: string): Promise<CouncilRow | undefined> {
  const rows = await queryRows<CouncilRow>(
    db,
    sql`select ${councilCols} from emulation_councils where id = ${id}`,
  );
  return rows[0];
}

export async function insertCouncil(
  db: DbOrTx,
  c: { orgUnitId: string; year: number; name: string; establishedBy: string | null },
): Promise<CouncilRow> {
  const rows = await queryRows<CouncilRow>(
    db,
    sql`insert into emulation_councils (org_unit_id, year, name, established_by)
        values (${c.orgUnitId}, ${c.year}, ${c.name}, ${c.establishedBy}) returning ${councilCols}`,
  );
  return rows[0]!;
}

export async function updateCouncil(
  db: DbOrTx,
  id: string,
  c: { name: string; establishedBy: string | null },
): Promise<void> {
  await db.execute(
    sql`update emulation_councils set name = ${c.name}, established_by = ${c.establishedBy} where id = ${id}`,
  );
}

export async function listMembers(db: DbOrTx, councilId: string): Promise<MemberRow[]> {
  return queryRows<MemberRow>(
    db,
    sql`select ${memberCols} from council_members where council_id = ${councilId}
        order by case role when 'chairman' then 0 when 'vice_chairman' then 1 when 'member' then 2 else 3 end, created_at, id`,
  );
}

export async function replaceMembers(
  db: DbOrTx,
  councilId: string,
  orgUnitId: string,
  members: {
    fullName: string;
    position: string | null;
    role: string;
    personId: string | null;
    userId: string | null;
  }[],
): Promise<void> {
  await db.execute(sql`delete from council_members where council_id = ${councilId}`);
  for (const m of members) {
    await db.execute(sql`insert into council_members (council_id, org_unit_id, full_name, position, role, person_id, user_id)
      values (${councilId}, ${orgUnitId}, ${m.fullName}, ${m.position}, ${m.role}, ${m.personId}, ${m.userId})`);
  }
}

export async function countSessions(db: DbOrTx, councilId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from council_sessions where council_id = ${councilId}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function listSessions(db: DbOrTx, councilId: string): Promise<SessionRow[]> {
  return queryRows<SessionRow>(
    db,
    sql`select ${sessionCols} from council_sessions where council_id = ${councilId} order by held_on, created_at`,
  );
}

export async function getSession(db: DbOrTx, id: string, lock = false): Promise<SessionRow | undefined> {
  const rows = await queryRows<SessionRow>(
    db,
    lock
      ? sql`select ${sessionCols} from council_sessions where id = ${id} for update`
      : sql`select ${sessionCols} from council_sessions where id = ${id}`,
  );
  return rows[0];
}

export async function insertSession(
  db: DbOrTx,
  s: {
    councilId: string;
    orgUnitId: string;
    year: number;
    title: string;
    heldOn: string;
    location: string | null;
  },
): Promise<SessionRow> {
  const rows = await queryRows<SessionRow>(
    db,
    sql`insert into council_sessions (council_id, org_unit_id, year, title, held_on, location)
        values (${s.councilId}, ${s.orgUnitId}, ${s.year}, ${s.title}, ${s.heldOn}, ${s.location}) returning ${sessionCols}`,
  );
  return rows[0]!;
}

export async function updateSessionQuorum(
  db: DbOrTx,
  id: string,
  q: { status: 'planned' | 'open'; totalMembers: number; presentMembers: number; quorumRatio: number },
): Promise<void> {
  await db.execute(sql`update council_sessions set status = ${q.status}, total_members = ${q.totalMembers},
    present_members = ${q.presentMembers}, quorum_ratio = ${q.quorumRatio} where id = ${id}`);
}

export async function closeSessionRow(db: DbOrTx, id: string, conclusion: string | null): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update council_sessions set status = 'closed', conclusion = ${conclusion} where id = ${id} and status = 'open' returning id`,
  );
  return rows.length > 0;
}

export async function replaceAttendance(
  db: DbOrTx,
  sessionId: string,
  rows: { memberId: string; present: boolean; note: string | null }[],
): Promise<void> {
  await db.execute(sql`delete from council_attendance where session_id = ${sessionId}`);
  for (const r of rows) {
    await db.execute(sql`insert into council_attendance (session_id, member_id, present, note)
      values (${sessionId}, ${r.memberId}, ${r.present}, ${r.note})`);
  }
}

export async function listAttendance(
  db: DbOrTx,
  sessionId: string,
): Promise<{ memberId: string; present: boolean; note: string | null }[]> {
  return queryRows(
    db,
    sql`select member_id as "memberId", present, note from council_attendance where session_id = ${sessionId}`,
  );
}

export async function listItems(db: DbOrTx, sessionId: string): Promise<ItemRow[]> {
  return queryRows<ItemRow>(
    db,
    sql`select ${itemCols} from council_agenda_items where session_id = ${sessionId} order by position`,
  );
}

export async function getItem(
  db: DbOrTx,
  id: string,
  lock: 'share' | 'update' | null = null,
): Promise<ItemRow | undefined> {
  const rows = await queryRows<ItemRow>(
    db,
    lock === 'share'
      ? sql`select ${itemCols} from council_agenda_items where id = ${id} for share`
      : lock === 'update'
        ? sql`select ${itemCols} from council_agenda_items where id = ${id} for update`
        : sql`select ${itemCols} from council_agenda_items where id = ${id}`,
  );
  return rows[0];
}

export async function insertItems(
  db: DbOrTx,
  items: {
    sessionId: string;
    orgUnitId: string;
    nominationId: string;
    position: number;
    subjectName: string;
    awardCode: string;
  }[],
): Promise<void> {
  for (const i of items) {
    await db.execute(sql`insert into council_agenda_items (session_id, org_unit_id, nomination_id, position, subject_name, award_code)
      values (${i.sessionId}, ${i.orgUnitId}, ${i.nominationId}, ${i.position}, ${i.subjectName}, ${i.awardCode})`);
  }
}

export async function maxPosition(db: DbOrTx, sessionId: string): Promise<number> {
  const rows = await queryRows<{ n: number | null }>(
    db,
    sql`select max(position) as n from council_agenda_items where session_id = ${sessionId}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function startItemVoting(
  db: DbOrTx,
  id: string,
  rule: {
    voteRequired: boolean;
    minApprovalRatio: number | null;
    denominator: string;
    citation: string;
    eligibleVoters: number;
    votingMembers: number;
    deadline: string | null;
    quorumBallots: number;
    tallyKind: 'electronic' | 'paper';
  },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update council_agenda_items set status = 'voting', vote_required = ${rule.voteRequired},
          min_approval_ratio = ${rule.minApprovalRatio}, denominator = ${rule.denominator}, rule_citation = ${rule.citation},
          eligible_voters = ${rule.eligibleVoters}, voting_members = ${rule.votingMembers},
          voting_deadline = ${rule.deadline}, quorum_ballots = ${rule.quorumBallots}, tally_kind = ${rule.tallyKind}
        where id = ${id} and status = 'pending' returning id`,
  );
  return rows.length > 0;
}

export async function finishItemVoting(
  db: DbOrTx,
  id: string,
  t: { yes: number; no: number; abstain: number; result: 'approved' | 'not_approved' },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update council_agenda_items set status = 'closed', yes_count = ${t.yes}, no_count = ${t.no}, abstain_count = ${t.abstain},
          result = ${t.result}
        where id = ${id} and status = 'voting' returning id`,
  );
  return rows.length > 0;
}

export async function resetItemVoting(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update council_agenda_items set status = 'pending' where id = ${id} and status = 'voting' returning id`,
  );
  if (rows.length === 0) return false;
  await db.execute(sql`delete from council_vote_marks where agenda_item_id = ${id}`);
  await db.execute(sql`delete from council_sealed_ballots where agenda_item_id = ${id}`);
  return true;
}

export type MarkKind = 'ballot' | 'written';

/** Records that a member voted; false when the member already had. Holds no choice and no time. */
export async function insertVoteMark(
  db: DbOrTx,
  itemId: string,
  memberId: string,
  kind: MarkKind = 'ballot',
): Promise<boolean> {
  const rows = await queryRows<{ member_id: string }>(
    db,
    sql`insert into council_vote_marks (agenda_item_id, member_id, kind) values (${itemId}, ${memberId}, ${kind})
        on conflict do nothing returning member_id`,
  );
  return rows.length > 0;
}

/** One sealed ballot (ciphertext only: no voter, no time, a random id). */
export async function insertSealedBallot(db: DbOrTx, itemId: string, sealed: string): Promise<void> {
  await db.execute(
    sql`insert into council_sealed_ballots (agenda_item_id, sealed) values (${itemId}, ${sealed})`,
  );
}

export async function listSealedBallots(db: DbOrTx, itemId: string): Promise<string[]> {
  const rows = await queryRows<{ sealed: string }>(
    db,
    sql`select sealed from council_sealed_ballots where agenda_item_id = ${itemId}`,
  );
  return rows.map((r) => r.sealed);
}

export async function deleteSealedBallots(db: DbOrTx, itemId: string): Promise<void> {
  await db.execute(sql`delete from council_sealed_ballots where agenda_item_id = ${itemId}`);
}

/** Records a paper tally on a pending item: no marks, no ballots, only the counts. */
export async function recordPaperTallyRow(
  db: DbOrTx,
  id: string,
  t: {
    voteRequired: boolean;
    minApprovalRatio: number | null;
    denominator: string;
    citation: string;
    eligibleVoters: number;
    votingMembers: number;
    yes: number;
    no: number;
    abstain: number;
    result: 'approved' | 'not_approved';
  },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update council_agenda_items set status = 'closed', tally_kind = 'paper', vote_required = ${t.voteRequired},
          min_approval_ratio = ${t.minApprovalRatio}, denominator = ${t.denominator}, rule_citation = ${t.citation},
          eligible_voters = ${t.eligibleVoters}, voting_members = ${t.votingMembers},
          yes_count = ${t.yes}, no_count = ${t.no}, abstain_count = ${t.abstain}, result = ${t.result}
        where id = ${id} and status = 'pending' returning id`,
  );
  return rows.length > 0;
}

export async function votedMemberIds(
  db: DbOrTx,
  itemIds: readonly string[],
): Promise<{ itemId: string; memberId: string; kind: MarkKind }[]> {
  if (itemIds.length === 0) return [];
  return queryRows(
    db,
    sql`select agenda_item_id as "itemId", member_id as "memberId", kind from council_vote_marks
        where agenda_item_id in (${sql.join(
          itemIds.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
}

export async function countVoteMarks(db: DbOrTx, itemId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from council_vote_marks where agenda_item_id = ${itemId}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Locks the item's marks (by the item row) and lists them, for the close. */
export async function marksOf(db: DbOrTx, itemId: string): Promise<{ memberId: string; kind: MarkKind }[]> {
  return queryRows(
    db,
    sql`select member_id as "memberId", kind from council_vote_marks where agenda_item_id = ${itemId}`,
  );
}

export async function insertRecusal(
  db: DbOrTx,
  itemId: string,
  memberId: string,
  reason: string,
): Promise<boolean> {
  const rows = await queryRows<{ member_id: string }>(
    db,
    sql`insert into council_recusals (agenda_item_id, member_id, reason) values (${itemId}, ${memberId}, ${reason})
        on conflict do nothing returning member_id`,
  );
  return rows.length > 0;
}

export async function listRecusals(
  db: DbOrTx,
  itemIds: readonly string[],
): Promise<{ itemId: string; memberId: string; reason: string }[]> {
  if (itemIds.length === 0) return [];
  return queryRows(
    db,
    sql`select agenda_item_id as "itemId", member_id as "memberId", reason from council_recusals
        where agenda_item_id in (${sql.join(
          itemIds.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
}

/**
 * Writes an item's ballots in one statement, in the (already shuffled) order given: every row gets
 * the same transaction id and a random id, so no column or system column orders them by voting.
 */
export async function insertBallots(
  db: DbOrTx,
  itemId: string,
  choices: readonly BallotChoice[],
): Promise<void> {
  if (choices.length === 0) return;
  await db.execute(
    sql`insert into council_ballots (agenda_item_id, choice) values ${sql.join(
      choices.map((c) => sql`(${itemId}, ${c})`),
      sql`, `,
    )}`,
  );
}

export async function ballotCounts(
  db: DbOrTx,
  itemId: string,
): Promise<{ yes: number; no: number; abstain: number }> {
  const rows = await queryRows<{ choice: BallotChoice; n: number }>(
    db,
    sql`select choice, count(*)::int as n from council_ballots where agenda_item_id = ${itemId} group by choice`,
  );
  const get = (c: BallotChoice) => Number(rows.find((r) => r.choice === c)?.n ?? 0);
  return { yes: get('yes'), no: get('no'), abstain: get('abstain') };
}
