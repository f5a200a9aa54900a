import { sql } from 'drizzle-orm';
import type { PdfVerification } from '../contracts/signatures.ts';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';

export type DecisionKind = 'award' | 'correction' | 'amendment' | 'revocation';
export type DecisionStatus = 'draft' | 'issued' | 'revoked';

export type DecisionRow = {
  id: string;
  orgUnitId: string;
  year: number;
  kind: DecisionKind;
  status: DecisionStatus;
  typeCode: string;
  title: string;
  awardCode: string | null;
  number: number | null;
  numberText: string | null;
  numberSource: string | null;
  decisionDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
  referencesDecisionId: string | null;
  reason: string | null;
  corrections: { field: string; from: string; to: string }[] | null;
  signedFileSha256: string | null;
  signedFileName: string | null;
  signatureCheck: PdfVerification | null;
  signerRosterId: string | null;
  signerRole: 'chairman' | 'vice_chairman' | null;
  totalAmount: number | null;
  fundOverrideReason: string | null;
  issuedAt: string | null;
  itemCount: number;
};

const cols = sql`d.id, d.org_unit_id as "orgUnitId", d.year, d.kind, d.status, d.type_code as "typeCode", d.title,
  d.award_code as "awardCode", d.number, d.number_text as "numberText", d.number_source as "numberSource",
  d.decision_date::text as "decisionDate", d.signer_name as "signerName", d.signer_title as "signerTitle",
  d.references_decision_id as "referencesDecisionId", d.reason, d.corrections,
  d.signed_file_sha256 as "signedFileSha256", d.signed_file_name as "signedFileName",
  d.signature_check as "signatureCheck", d.signer_roster_id as "signerRosterId", d.signer_role as "signerRole",
  d.total_amount::float8 as "totalAmount", d.fund_override_reason as "fundOverrideReason", d.issued_at::text as "issuedAt",
  (select count(*)::int from decision_items i where i.decision_id = d.id) as "itemCount"`;

export async function getDecision(db: DbOrTx, id: string): Promise<DecisionRow | undefined> {
  const rows = await queryRows<DecisionRow>(db, sql`select ${cols} from decisions d where d.id = ${id}`);
  return rows[0];
}

export async function listDecisions(
  db: DbOrTx,
  orgUnitId: string,
  year: number | null,
): Promise<DecisionRow[]> {
  return queryRows<DecisionRow>(
    db,
    year === null
      ? sql`select ${cols} from decisions d where d.org_unit_id = ${orgUnitId} order by d.decision_date nulls first, d.number, d.created_at`
      : sql`select ${cols} from decisions d where d.org_unit_id = ${orgUnitId}
              and (d.year = ${year} or extract(year from d.decision_date) = ${year})
            order by d.decision_date nulls first, d.number, d.created_at`,
  );
}

export async function listReferencing(db: DbOrTx, id: string): Promise<DecisionRow[]> {
  return queryRows<DecisionRow>(
    db,
    sql`select ${cols} from decisions d where d.references_decision_id = ${id} order by d.created_at`,
  );
}

export type NewDecision = {
  orgUnitId: string;
  year: number;
  kind: DecisionKind;
  title: string;
  awardCode: string | null;
  signerName: string | null;
  signerTitle: string | null;
  referencesDecisionId: string | null;
  reason: string | null;
  corrections: unknown;
  createdBy: string | null;
};

export async function insertDecision(db: DbOrTx, d: NewDecision): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into decisions (org_unit_id, year, kind, title, award_code, signer_name, signer_title, references_decision_id,
                               reason, corrections, created_by)
        values (${d.orgUnitId}, ${d.year}, ${d.kind}, ${d.title}, ${d.awardCode}, ${d.signerName}, ${d.signerTitle},
                ${d.referencesDecisionId}, ${d.reason}, ${d.corrections === null ? null : JSON.stringify(d.corrections)}::jsonb,
                ${d.createdBy})
        returning id`,
  );
  return rows[0]!.id;
}

export type NewItem = {
  nominationId: string | null;
  subjectKind: string;
  personId: string | null;
  householdId: string | null;
  subjectOrgUnitId: string | null;
  subjectName: string;
  awardCode: string;
  field: string | null;
  targetAwardRecordId?: string | null;
  recoverAmount?: number | null;
  /** Set only for revocation lines: the amount of the award revoked. */
  amount?: number | null;
};

/** Inserts annex lines in batches (one statement per 500 lines). */
export async function insertItems(
  db: DbOrTx,
  decisionId: string,
  orgUnitId: string,
  items: readonly NewItem[],
): Promise<void> {
  for (let start = 0; start < items.length; start += 500) {
    const chunk = items.slice(start, start + 500);
    await db.execute(sql`insert into decision_items (decision_id, org_unit_id, nomination_id, subject_kind, person_id, household_id,
        subject_org_unit_id, subject_name, award_code, field, position, target_award_record_id, recover_amount, amount)
      values ${sql.join(
        chunk.map(
          (
            i,
            k,
          ) => sql`(${decisionId}, ${orgUnitId}, ${i.nominationId}, ${i.subjectKind}, ${i.personId}, ${i.householdId},
            ${i.subjectOrgUnitId}, ${i.subjectName}, ${i.awardCode}, ${i.field}, ${start + k + 1}, ${i.targetAwardRecordId ?? null},
            ${i.recoverAmount ?? null}, ${i.amount ?? null})`,
        ),
        sql`, `,
      )}`);
  }
}

export type ItemRow = {
  id: string;
  nominationId: string | null;
  subjectKind: string;
  personId: string | null;
  householdId: string | null;
  subjectOrgUnitId: string | null;
  subjectName: string;
  awardCode: string;
  field: string | null;
  position: number;
  amount: number | null;
  targetAwardRecordId: string | null;
  recoverAmount: number | null;
};

export async function listItems(db: DbOrTx, decisionId: string): Promise<ItemRow[]> {
  return queryRows<ItemRow>(
    db,
    sql`select id, nomination_id as "nominationId", subject_kind as "subjectKind", person_id as "personId",
          household_id as "householdId", subject_org_unit_id as "subjectOrgUnitId", subject_name as "subjectName",
          award_code as "awardCode", field, position, amount, target_award_record_id as "targetAwardRecordId",
          recover_amount as "recoverAmount"
        from decision_items where decision_id = ${decisionId} order by position`,
  );
}

/** Distinct (award, subject kind) pairs of a decision's lines: money depends on nothing else. */
export async function moneyGroups(
  db: DbOrTx,
  decisionId: string,
): Promise<{ awardCode: string; subjectKind: string; n: number }[]> {
  return queryRows(
    db,
    sql`select award_code as "awardCode", subject_kind as "subjectKind", count(*)::int as n
        from decision_items where decision_id = ${decisionId} and target_award_record_id is null
        group by award_code, subject_kind`,
  );
}

export async function setGroupAmount(
  db: DbOrTx,
  decisionId: string,
  awardCode: string,
  subjectKind: string,
  amount: number | null,
): Promise<void> {
  await db.execute(sql`update decision_items set amount = ${amount}
    where decision_id = ${decisionId} and award_code = ${awardCode} and subject_kind = ${subjectKind} and target_award_record_id is null`);
}

/**
 * Claims a draft for issuing: only one transaction can move it out of 'draft'. A concurrent issuer
 * waits on the row lock, then finds no draft and gets a conflict.
 */
export async function claimDraftForIssue(
  db: DbOrTx,
  id: string,
  d: {
    number: number;
    numberText: string;
    numberSource: string;
    decisionDate: string;
    signerName: string;
    signerTitle: string;
    signedFileSha256: string;
    signedFileName: string;
    signatureCheck: PdfVerification | null;
    signerRosterId: string | null;
    signerRole: 'chairman' | 'vice_chairman' | null;
    fundOverrideReason: string | null;
    issuedBy: string | null;
  },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update decisions set status = 'issued', number = ${d.number}, number_text = ${d.numberText}, number_source = ${d.numberSource},
          decision_date = ${d.decisionDate}, signer_name = ${d.signerName}, signer_title = ${d.signerTitle},
          signed_file_sha256 = ${d.signedFileSha256}, signed_file_name = ${d.signedFileName},
          signature_check = ${d.signatureCheck === null ? null : JSON.stringify(d.signatureCheck)}::jsonb,
          signer_roster_id = ${d.signerRosterId}, signer_role = ${d.signerRole},
          fund_override_reason = ${d.fundOverrideReason}, issued_at = now(), issued_by = ${d.issuedBy}
        where id = ${id} and status = 'draft' returning id`,
  );
  return rows.length > 0;
}

export async function setTotalAmount(db: DbOrTx, id: string, total: number): Promise<void> {
  await db.execute(sql`update decisions set total_amount = ${total} where id = ${id}`);
}

export async function setDecisionStatus(db: DbOrTx, id: string, status: DecisionStatus): Promise<void> {
  await db.execute(sql`update decisions set status = ${status} where id = ${id}`);
}

/** Award records for every granting line of an issued decision, in one statement; each line once. */
export async function insertAwardRecordsFor(
  db: DbOrTx,
  decisionId: string,
  d: { issuerOrgUnitId: string; issuerName: string; year: number; numberText: string; decisionDate: string },
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with ins as (
          insert into award_records (subject_kind, person_id, household_id, org_unit_id, issuer_org_unit_id, issuer_name, year,
                                     award_code, field, decision_id, decision_item_id, decision_number, decision_date, amount, source)
          select i.subject_kind, i.person_id, i.household_id,
                 coalesce(i.subject_org_unit_id, p.org_unit_id, h.org_unit_id, i.org_unit_id),
                 ${d.issuerOrgUnitId}, ${d.issuerName}, ${d.year}, i.award_code, i.field, i.decision_id, i.id,
                 ${d.numberText}, ${d.decisionDate}, i.amount, 'decision'
          from decision_items i
          left join people p on p.id = i.person_id
          left join households h on h.id = i.household_id
          where i.decision_id = ${decisionId} and i.target_award_record_id is null
          on conflict (decision_item_id) do nothing
          returning 1)
        select count(*)::int as n from ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function sumItemAmounts(db: DbOrTx, decisionId: string): Promise<number> {
  const rows = await queryRows<{ n: string | number | null }>(
    db,
    sql`select coalesce(sum(amount), 0) as n from decision_items where decision_id = ${decisionId} and target_award_record_id is null`,
  );
  return Number(rows[0]?.n ?? 0);
}

export type AwardRecordRow = {
  id: string;
  subjectKind: string;
  personId: string | null;
  householdId: string | null;
  orgUnitId: string;
  issuerOrgUnitId: string | null;
  issuerName: string | null;
  year: number;
  awardCode: string;
  field: string | null;
  decisionId: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  amount: number | null;
  source: string;
  revokedAt: string | null;
  revocationReason: string | null;
  amendedByDecisionId: string | null;
  subjectName: string | null;
};

const awardCols = sql`a.id, a.subject_kind as "subjectKind", a.person_id as "personId", a.household_id as "householdId",
  a.org_unit_id as "orgUnitId", a.issuer_org_unit_id as "issuerOrgUnitId", a.issuer_name as "issuerName", a.year,
  a.award_code as "awardCode", a.field, a.decision_id as "decisionId", a.decision_number as "decisionNumber",
  a.decision_date::text as "decisionDate", a.amount, a.source, a.revoked_at::text as "revokedAt",
  a.revocation_reason as "revocationReason", a.amended_by_decision_id as "amendedByDecisionId",
  coalesce(i.subject_name, p.full_name, h.head_name, o.name) as "subjectName"`;
const awardJoins = sql`from award_records a
  left join decision_items i on i.id = a.decision_item_id
  left join people p on p.id = a.person_id
  left join households h on h.id = a.household_id
  left join org_units o on o.id = a.org_unit_id and a.subject_kind = 'collective'`;

export async function awardRecordsOfDecision(db: DbOrTx, decisionId: string): Promise<AwardRecordRow[]> {
  return queryRows<AwardRecordRow>(
    db,
    sql`select ${awardCols} ${awardJoins} where a.decision_id = ${decisionId} order by i.position`,
  );
}

export async function getAwardRecords(db: DbOrTx, ids: readonly string[]): Promise<AwardRecordRow[]> {
  if (ids.length === 0) return [];
  return queryRows<AwardRecordRow>(
    db,
    sql`select ${awardCols} ${awardJoins} where a.id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
}

export type HistoryFilter = { personId?: string; householdId?: string; collectiveOrgUnitId?: string };

/** Every commendation of one person, household or collective, across years and sources. */
export async function awardHistory(db: DbOrTx, f: HistoryFilter): Promise<AwardRecordRow[]> {
  const where = f.personId
    ? sql`a.person_id = ${f.personId}`
    : f.householdId
      ? sql`a.household_id = ${f.householdId}`
      : sql`a.subject_kind = 'collective' and a.org_unit_id = ${f.collectiveOrgUnitId ?? null}`;
  return queryRows<AwardRecordRow>(
    db,
    sql`select ${awardCols} ${awardJoins} where ${where} order by a.year, a.decision_date nulls first`,
  );
}

export async function revokeAwardRecords(
  db: DbOrTx,
  ids: readonly string[],
  r: { revokedAt: string; reason: string; decisionId: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update award_records set revoked_at = ${r.revokedAt}, revocation_reason = ${r.reason}, revoked_by_decision_id = ${r.decisionId}
        where revoked_at is null and id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) returning id`,
  );
  return rows.length;
}

export async function markAmended(
  db: DbOrTx,
  originalDecisionId: string,
  byDecisionId: string,
): Promise<void> {
  await db.execute(
    sql`update award_records set amended_by_decision_id = ${byDecisionId} where decision_id = ${originalDecisionId}`,
  );
}

export async function countLiveRecords(db: DbOrTx, decisionId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from award_records where decision_id = ${decisionId} and revoked_at is null`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertEnteredAwardRecord(
  db: DbOrTx,
  r: {
    subjectKind: string;
    personId: string | null;
    householdId: string | null;
    orgUnitId: string;
    issuerName: string;
    year: number;
    awardCode: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    amount: number | null;
    source: 'entered' | 'imported' | 'higher_level';
    issuerOrgUnitId?: string | null;
  },
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into award_records (subject_kind, person_id, household_id, org_unit_id, issuer_org_unit_id, issuer_name, year, award_code,
                                   decision_number, decision_date, amount, source)
        values (${r.subjectKind}, ${r.personId}, ${r.householdId}, ${r.orgUnitId}, ${r.issuerOrgUnitId ?? null}, ${r.issuerName},
                ${r.year}, ${r.awardCode}, ${r.decisionNumber}, ${r.decisionDate}, ${r.amount}, ${r.source})
        returning id`,
  );
  return rows[0]!.id;
}

export async function nominationIdsOf(db: DbOrTx, decisionId: string): Promise<string[]> {
  const rows = await queryRows<{ nomination_id: string }>(
    db,
    sql`select nomination_id from decision_items where decision_id = ${decisionId} and nomination_id is not null order by position`,
  );
  return rows.map((r) => r.nomination_id);
}
