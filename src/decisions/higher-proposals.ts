import { sql } from 'drizzle-orm';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import { conflict, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { takeNextNumber } from '../platform/numbering/index.ts';
import { applyNominationAction, getNomination } from '../nominations/index.ts';
import { insertEnteredAwardRecord } from './decisions.repository.ts';

export type HigherProposal = {
  id: string;
  orgUnitId: string;
  year: number;
  addressee: string;
  title: string;
  numberText: string | null;
  sentOn: string;
  nominationIds: string[];
  status: 'sent' | 'result_recorded';
  result: 'awarded' | 'partly_awarded' | 'not_awarded' | null;
  resultDecisionNumber: string | null;
  resultDate: string | null;
  resultNote: string | null;
};

const cols = sql`id, org_unit_id as "orgUnitId", year, addressee, title, number_text as "numberText", sent_on::text as "sentOn",
  nomination_ids as "nominationIds", status, result, result_decision_number as "resultDecisionNumber",
  result_date::text as "resultDate", result_note as "resultNote"`;

async function getProposal(db: DbOrTx, id: string): Promise<HigherProposal | undefined> {
  const rows = await queryRows<HigherProposal>(
    db,
    sql`select ${cols} from higher_proposals where id = ${id}`,
  );
  return rows[0];
}

export async function listHigherProposals(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<HigherProposal[]> {
  assertCanRead(ctx.auth, orgUnitId, 'tờ trình');
  return queryRows<HigherProposal>(
    ctx.deps.database.db,
    sql`select ${cols} from higher_proposals where org_unit_id = ${orgUnitId} and year = ${year} order by sent_on, created_at`,
  );
}

/**
 * A proposal (tờ trình) to the higher level for awards above the body's authority (Luật TĐKT 2022,
 * Điều 80): numbered from the register (type TTr), the nominations move to "forwarded".
 */
export async function createHigherProposal(
  ctx: RequestCtx,
  orgUnitId: string,
  input: {
    year: number;
    addressee: string;
    title: string;
    sentOn: string;
    nominationIds: string[];
    numberText?: string | null;
  },
): Promise<HigherProposal> {
  assertCanWrite(ctx.auth, orgUnitId, 'tờ trình');
  const id = await ctx.deps.database.db.transaction(async (tx) => {
    for (const nid of input.nominationIds) {
      const n = await getNomination(tx, nid);
      if (!n || n.bodyOrgUnitId !== orgUnitId) throw notFound('hồ sơ đề nghị khen thưởng');
    }
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into higher_proposals (org_unit_id, year, addressee, title, number_text, sent_on, nomination_ids, created_by)
          values (${orgUnitId}, ${input.year}, ${input.addressee}, ${input.title}, ${input.numberText ?? null}, ${input.sentOn},
                  ${JSON.stringify(input.nominationIds)}::jsonb, ${ctx.actor.userId})
          returning id`,
    );
    const pid = rows[0]!.id;
    if (!input.numberText) {
      const n = await takeNextNumber(tx, {
        issuerOrgUnitId: orgUnitId,
        year: Number(input.sentOn.slice(0, 4)),
        typeCode: 'TTr',
        entity: 'higher_proposal',
        entityId: pid,
      });
      await tx.execute(sql`update higher_proposals set number_text = ${n.text} where id = ${pid}`);
    }
    for (const nid of input.nominationIds) {
      await applyNominationAction(tx, ctx.actor, {
        id: nid,
        action: 'forward',
        forwardedTo: input.addressee,
      });
    }
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: 'higher_proposal.send',
      entity: 'higher_proposal',
      entityId: pid,
      orgUnitId,
      after: input,
    });
    return pid;
  });
  return (await getProposal(ctx.deps.database.db, id))!;
}

/** Records the higher level's result; awarded nominations get an award record of that level. */
export async function recordHigherResult(
  ctx: RequestCtx,
  id: string,
  input: {
    awardedNominationIds: string[];
    decisionNumber?: string | null;
    decisionDate?: string | null;
    note?: string | null;
  },
): Promise<HigherProposal> {
  const db = ctx.deps.database.db;
  const p = await getProposal(db, id);
  if (!p) throw notFound('tờ trình');
  assertCanWrite(ctx.auth, p.orgUnitId, 'tờ trình');
  const awarded = new Set(input.awardedNominationIds);
  await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update higher_proposals set status = 'result_recorded',
            result = ${awarded.size === 0 ? 'not_awarded' : awarded.size === p.nominationIds.length ? 'awarded' : 'partly_awarded'},
            result_decision_number = ${input.decisionNumber ?? null}, result_date = ${input.decisionDate ?? null}, result_note = ${input.note ?? null}
          where id = ${id} and status = 'sent' returning id`,
    );
    if (rows.length === 0)
      throw conflict('Kết quả của tờ trình này đã được ghi nhận.', 'HIGHER_PROPOSAL.RECORDED');
    for (const nid of p.nominationIds) {
      const n = await applyNominationAction(tx, ctx.actor, {
        id: nid,
        action: 'record_result',
        resultAwarded: awarded.has(nid),
        resultNote: input.note ?? undefined,
      });
      if (awarded.has(nid)) {
        await insertEnteredAwardRecord(tx, {
          subjectKind: n.subjectKind,
          personId: n.personId,
          householdId: n.householdId,
          orgUnitId: n.subjectOrgUnitId ?? n.orgUnitId,
          issuerName: p.addressee,
          year: n.year,
          awardCode: n.awardCode,
          decisionNumber: input.decisionNumber ?? null,
          decisionDate: input.decisionDate ?? null,
          amount: null,
          source: 'higher_level',
        });
      }
    }
    await writeAudit(tx, ctx.actor, {
      chain: p.orgUnitId,
      action: 'higher_proposal.result',
      entity: 'higher_proposal',
      entityId: id,
      orgUnitId: p.orgUnitId,
      after: input,
    });
  });
  return (await getProposal(db, id))!;
}
