import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { getNomination, placeOnCouncilAgenda } from '../nominations/index.ts';
import {
  closeSessionRow,
  countSessions,
  findCouncil,
  getCouncilById,
  getSession,
  insertCouncil,
  insertItems,
  insertSession,
  listItems,
  listMembers,
  listSessions,
  maxPosition,
  replaceAttendance,
  replaceMembers,
  updateCouncil,
  updateSessionQuorum,
  type CouncilRow,
  type MemberRow,
  type SessionRow,
} from './council.repository.ts';
import { provinceParametersFor, quorumFor, quorumMet } from './tally.ts';
import { isVotingMember } from './vote.ts';

export type CouncilMemberRole = 'chairman' | 'vice_chairman' | 'member' | 'secretary';

export type CouncilInput = {
  name: string;
  establishedBy?: string | null;
  members: {
    fullName: string;
    position?: string | null;
    role: CouncilMemberRole;
    personId?: string | null;
    userId?: string | null;
  }[];
};

export type CouncilView = { council: CouncilRow | null; members: MemberRow[]; sessions: SessionRow[] };

async function assertBody(ctx: RequestCtx, orgUnitId: string): Promise<void> {
  const directory = await ctx.deps.directory.get();
  if (directory.bodyOf(orgUnitId)?.id !== orgUnitId) {
    throw invalid(
      'Hội đồng Thi đua - Khen thưởng được lập ở cơ quan ban hành quyết định (UBND).',
      'COUNCIL.NOT_A_BODY',
    );
  }
}

export async function getCouncilView(ctx: RequestCtx, orgUnitId: string, year: number): Promise<CouncilView> {
  assertCanRead(ctx.auth, orgUnitId, 'Hội đồng Thi đua - Khen thưởng');
  const db = ctx.deps.database.db;
  const council = await findCouncil(db, orgUnitId, year);
  if (!council) return { council: null, members: [], sessions: [] };
  return {
    council,
    members: await listMembers(db, council.id),
    sessions: await listSessions(db, council.id),
  };
}

/** Creates the council of a body for a year, or updates it; members change only before its first session. */
export async function saveCouncil(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: CouncilInput,
): Promise<CouncilView> {
  assertCanWrite(ctx.auth, orgUnitId, 'Hội đồng Thi đua - Khen thưởng');
  await assertBody(ctx, orgUnitId);
  if (input.members.filter((m) => m.role === 'chairman').length !== 1) {
    throw invalid('Hội đồng phải có đúng một Chủ tịch Hội đồng.', 'COUNCIL.ONE_CHAIRMAN');
  }
  await ctx.deps.database.db.transaction(async (tx) => {
    let council = await findCouncil(tx, orgUnitId, year);
    if (!council) {
      council = await insertCouncil(tx, {
        orgUnitId,
        year,
        name: input.name,
        establishedBy: input.establishedBy ?? null,
      });
    } else {
      await updateCouncil(tx, council.id, { name: input.name, establishedBy: input.establishedBy ?? null });
      if ((await countSessions(tx, council.id)) > 0) {
        throw conflict('Hội đồng đã họp; không thay đổi thành viên của năm này.', 'COUNCIL.HAS_SESSIONS');
      }
    }
    await replaceMembers(
      tx,
      council.id,
      orgUnitId,
      input.members.map((m) => ({
        fullName: m.fullName,
        position: m.position ?? null,
        role: m.role,
        personId: m.personId ?? null,
        userId: m.userId ?? null,
      })),
    );
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: 'council.save',
      entity: 'emulation_council',
      entityId: council.id,
      orgUnitId,
      after: {
        name: input.name,
        members: input.members.map((m) => ({ fullName: m.fullName, role: m.role })),
      },
    });
  });
  return getCouncilView(ctx, orgUnitId, year);
}

export async function createSession(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: { title: string; heldOn: string; location?: string | null },
): Promise<SessionRow> {
  assertCanWrite(ctx.auth, orgUnitId, 'Hội đồng Thi đua - Khen thưởng');
  const db = ctx.deps.database.db;
  const council = await findCouncil(db, orgUnitId, year);
  if (!council) throw conflict('Chưa lập Hội đồng Thi đua - Khen thưởng của năm này.', 'COUNCIL.NONE');
  return db.transaction(async (tx) => {
    const session = await insertSession(tx, {
      councilId: council.id,
      orgUnitId,
      year,
      title: input.title,
      heldOn: input.heldOn,
      location: input.location ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: 'council.session_create',
      entity: 'council_session',
      entityId: session.id,
      orgUnitId,
      after: input,
    });
    return session;
  });
}

export async function loadSessionForWrite(ctx: RequestCtx, sessionId: string): Promise<SessionRow> {
  const session = await getSession(ctx.deps.database.db, sessionId);
  if (!session) throw notFound('phiên họp Hội đồng');
  assertCanWrite(ctx.auth, session.orgUnitId, 'phiên họp Hội đồng');
  return session;
}

/**
 * Takes attendance and checks the quorum for considering awards (province parameter; template
 * Bắc Ninh QĐ 86/2025 Điều 8: ≥ 80 % of members; NĐ 98/2023 Điều 47: ≥ 2/3). The session opens
 * for voting only with a quorum.
 */
export async function recordAttendance(
  ctx: RequestCtx,
  sessionId: string,
  input: { presentMemberIds: string[]; notes?: Record<string, string> },
): Promise<{ quorumMet: boolean; present: number; total: number; required: number }> {
  const session = await loadSessionForWrite(ctx, sessionId);
  if (session.status === 'closed') throw conflict('Phiên họp đã kết thúc.', 'COUNCIL.SESSION_CLOSED');
  const db = ctx.deps.database.db;
  const items = await listItems(db, sessionId);
  if (items.some((i) => i.status !== 'pending')) {
    throw conflict('Đã bắt đầu bỏ phiếu; không sửa điểm danh được nữa.', 'COUNCIL.VOTING_STARTED');
  }
  const members = await listMembers(db, session.councilId);
  const ids = new Set(members.map((m) => m.id));
  for (const id of input.presentMemberIds)
    if (!ids.has(id)) throw invalid('Có người không phải thành viên Hội đồng.', 'COUNCIL.NOT_MEMBER');
  const present = new Set(input.presentMemberIds);
  // The quorum is of the members who vote: a secretary who keeps the minutes is recorded as present
  // but is neither one of the members counted nor one of those present.
  const voting = members.filter(isVotingMember);
  const presentVoting = voting.filter((m) => present.has(m.id)).length;
  const directory = await ctx.deps.directory.get();
  const params = provinceParametersFor(directory.get(session.orgUnitId)?.provinceCode ?? '', session.year);
  const quorum = quorumFor(params, session.heldOn);
  const met = quorumMet(voting.length, presentVoting, quorum.ratio);
  await db.transaction(async (tx) => {
    await replaceAttendance(
      tx,
      sessionId,
      members.map((m) => ({ memberId: m.id, present: present.has(m.id), note: input.notes?.[m.id] ?? null })),
    );
    await updateSessionQuorum(tx, sessionId, {
      status: met ? 'open' : 'planned',
      totalMembers: voting.length,
      presentMembers: presentVoting,
      quorumRatio: quorum.ratio,
    });
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.attendance',
      entity: 'council_session',
      entityId: sessionId,
      orgUnitId: session.orgUnitId,
      after: {
        present: [...present],
        total: voting.length,
        presentVoting,
        quorumMet: met,
        quorumCitation: quorum.citation,
      },
    });
  });
  return {
    quorumMet: met,
    present: presentVoting,
    total: voting.length,
    required: Math.ceil(quorum.ratio * voting.length - 1e-9),
  };
}

/** Puts accepted nominations of the body on the agenda (accepted → at_council, nominations' API). */
export async function addAgendaItems(
  ctx: RequestCtx,
  sessionId: string,
  nominationIds: string[],
): Promise<void> {
  const session = await loadSessionForWrite(ctx, sessionId);
  if (session.status === 'closed') throw conflict('Phiên họp đã kết thúc.', 'COUNCIL.SESSION_CLOSED');
  const db = ctx.deps.database.db;
  const unique = [...new Set(nominationIds)];
  await db.transaction(async (tx) => {
    const rows = [];
    for (const id of unique) {
      const n = await getNomination(tx, id);
      if (!n || n.bodyOrgUnitId !== session.orgUnitId) throw notFound('hồ sơ đề nghị khen thưởng');
      rows.push(n);
    }
    await placeOnCouncilAgenda(tx, ctx.actor, unique);
    let position = await maxPosition(tx, sessionId);
    await insertItems(
      tx,
      rows.map((n) => ({
        sessionId,
        orgUnitId: session.orgUnitId,
        nominationId: n.id,
        position: ++position,
        subjectName: n.subjectName,
        awardCode: n.awardCode,
      })),
    );
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.agenda_add',
      entity: 'council_session',
      entityId: sessionId,
      orgUnitId: session.orgUnitId,
      after: { nominationIds: unique },
    });
  });
}

export async function closeSession(
  ctx: RequestCtx,
  sessionId: string,
  input: { conclusion?: string | null },
): Promise<void> {
  const session = await loadSessionForWrite(ctx, sessionId);
  const db = ctx.deps.database.db;
  const items = await listItems(db, sessionId);
  if (items.some((i) => i.status !== 'closed')) {
    throw conflict('Còn hồ sơ chưa kết thúc bỏ phiếu trong phiên họp.', 'COUNCIL.ITEMS_OPEN');
  }
  await db.transaction(async (tx) => {
    if (!(await closeSessionRow(tx, sessionId, input.conclusion ?? null))) {
      throw conflict('Phiên họp chưa mở hoặc đã kết thúc.', 'COUNCIL.SESSION_NOT_OPEN');
    }
    await writeAudit(tx, ctx.actor, {
      chain: session.orgUnitId,
      action: 'council.session_close',
      entity: 'council_session',
      entityId: sessionId,
      orgUnitId: session.orgUnitId,
      after: { conclusion: input.conclusion ?? null },
    });
  });
}

export { getCouncilById };
