import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { catalogueEntry, isAwardCode } from '../../rules/index.ts';
import { getFund, listUnpaidRewards, positionOf } from '../../fund/index.ts';
import type { OrgDirectory } from '../../organizations/index.ts';
import { bodyNaming, inSentenceOf } from '../documents/issuing-body.ts';
import {
  CERTIFICATE_AWARD_CODES,
  asStringList,
  decidedIn,
  firstColumn,
  leaderOn,
  tableColumns,
  uuidArray,
} from '../documents/table-probe.ts';
import type { AnnualReportFacts } from './annual-report-model.ts';

const UNIT_KINDS = ['agency', 'mass_organization', 'public_service_unit', 'enterprise'];
const NEIGHBOURHOOD_KINDS = ['neighbourhood', 'hamlet', 'village'];
const certificateCodes = sql.join(
  CERTIFICATE_AWARD_CODES.map((c) => sql`${c}`),
  sql`, `,
);

/** Everything the annual report states, read from the tables of the modules that own it. */
export async function loadAnnualFacts(
  db: DbOrTx,
  directory: OrgDirectory,
  bodyId: string,
  year: number,
): Promise<AnnualReportFacts> {
  const unit = directory.get(bodyId);
  if (!unit) throw new Error(`org unit ${bodyId} not in directory`);
  const parent = unit.parentId ? directory.get(unit.parentId) : undefined;
  const body = bodyNaming(unit, parent);
  const subtree = directory.subtree(bodyId);

  const [
    basisLetter,
    movements,
    conference,
    registrations,
    covenants,
    advancedWorkers,
    certificates,
    higherProposals,
    higherAwards,
    withoutNominations,
    fund,
    signer,
  ] = await Promise.all([
    loadBasisLetter(db, bodyId, year),
    loadMovements(db, subtree, year),
    loadConference(db, bodyId, year),
    loadRegistrations(db, subtree, year),
    loadCovenants(db, subtree, year),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from award_records a
          where a.issuer_org_unit_id = ${bodyId} and a.award_code = 'advanced_worker'
            and a.year = ${year - 1} and a.revoked_at is null`,
    ),
    loadCertificates(db, bodyId, year),
    queryRows<{ title: string; addressee: string; subjects: number; result: string | null }>(
      db,
      sql`select title, addressee, jsonb_array_length(nomination_ids)::int as subjects, result
          from higher_proposals where org_unit_id = ${bodyId} and year = ${year} order by sent_on, created_at`,
    ),
    queryRows<{ award_code: string; n: number }>(
      db,
      sql`select a.award_code, count(*)::int as n from award_records a
          where a.org_unit_id = any(${uuidArray(subtree)}) and a.revoked_at is null
            and (a.issuer_org_unit_id is null or a.issuer_org_unit_id <> ${bodyId})
            and a.year between ${year - 1} and ${year} and ${decidedIn(year)}
          group by 1 order by 2 desc, 1`,
    ),
    loadWithoutNominations(db, directory, bodyId, year),
    loadFund(db, bodyId, year),
    loadSigner(db, subtree, bodyId, year),
  ]);

  return {
    year,
    body,
    basisLetter,
    conference,
    registrations,
    covenants,
    movements: movements.filter((m) => m.year === year).map(({ name, fields }) => ({ name, fields })),
    plannedMovements: movements.filter((m) => m.year === year + 1).map((m) => m.name),
    advancedWorkersPreviousYear: Number(advancedWorkers[0]?.n ?? 0),
    certificates,
    higherProposals: higherProposals.map((p) => ({ ...p, subjects: Number(p.subjects) })),
    higherAwards: higherAwards.map((h) => ({
      awardName: isAwardCode(h.award_code) ? catalogueEntry(h.award_code).name : h.award_code,
      count: Number(h.n),
    })),
    unitsWithoutNominations: withoutNominations.units,
    neighbourhoodsWithoutNominations: withoutNominations.neighbourhoods,
    fund,
    signer,
  };
}

async function loadBasisLetter(db: DbOrTx, bodyId: string, year: number) {
  const rows = await queryRows<{
    number: string;
    letter_date: string | null;
    summary: string | null;
    cluster_name: string;
    head_name: string | null;
  }>(
    db,
    sql`select cy.request_letter_number as number, cy.request_letter_date::text as letter_date,
               cy.request_letter_summary as summary, ec.name as cluster_name, h.name as head_name
        from emulation_clusters ec
        join emulation_cluster_members m on m.cluster_id = ec.id and m.org_unit_id = ${bodyId}
        join cluster_years cy on cy.cluster_id = ec.id
        left join org_units h on h.id = ec.head_id
        where ec.year = ${year} and cy.request_letter_number is not null
        order by cy.created_at limit 1`,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    numberText: r.number,
    date: r.letter_date,
    issuerInSentence: r.head_name ? inSentenceOf(r.head_name) : 'phường trưởng cụm',
    clusterName: r.cluster_name,
    summary: r.summary,
  };
}

async function loadMovements(db: DbOrTx, subtree: string[], year: number) {
  const cols = await tableColumns(db, 'emulation_movements');
  if (!cols || !cols.has('org_unit_id') || !cols.has('year')) return [];
  const name = firstColumn(cols, ['name', 'title']);
  if (!name) return [];
  const fields = firstColumn(cols, ['fields', 'field']) ?? sql`null`;
  const notDraft = cols.has('status') ? sql`and status <> 'draft'` : sql``;
  const order = firstColumn(cols, ['launched_on', 'starts_on', 'start_date', 'created_at']) ?? name;
  const rows = await queryRows<{ name: string; fields: unknown; year: number }>(
    db,
    sql`select ${name} as name, ${fields} as fields, year from emulation_movements
        where org_unit_id = any(${uuidArray(subtree)}) and year between ${year} and ${year + 1} ${notDraft}
        order by ${order}`,
  );
  return rows.map((r) => ({ name: r.name, fields: asStringList(r.fields), year: Number(r.year) }));
}

async function loadConference(db: DbOrTx, bodyId: string, year: number) {
  const cols = await tableColumns(db, 'staff_conferences');
  if (!cols || !cols.has('org_unit_id') || !cols.has('year')) return null;
  const heldOn = firstColumn(cols, ['held_on', 'conference_date', 'date']);
  if (!heldOn) return null;
  const rows = await queryRows<{ held_on: string }>(
    db,
    sql`select ${heldOn}::text as held_on from staff_conferences
        where org_unit_id = ${bodyId} and year = ${year} order by 1 limit 1`,
  );
  return rows[0] ? { heldOn: rows[0].held_on } : null;
}

async function loadRegistrations(db: DbOrTx, subtree: string[], year: number) {
  const cols = await tableColumns(db, 'title_registrations');
  if (!cols || !cols.has('org_unit_id') || !cols.has('year') || !cols.has('subject_kind')) {
    return { individuals: 0, collectives: 0 };
  }
  const notReturned = cols.has('status') ? sql`and status not in ('returned', 'draft')` : sql``;
  const rows = await queryRows<{ subject_kind: string; n: number }>(
    db,
    sql`select subject_kind, count(*)::int as n from title_registrations
        where org_unit_id = any(${uuidArray(subtree)}) and year = ${year} ${notReturned} group by 1`,
  );
  const count = (k: string) => Number(rows.find((r) => r.subject_kind === k)?.n ?? 0);
  return { individuals: count('individual'), collectives: count('collective') };
}

async function loadCovenants(db: DbOrTx, subtree: string[], year: number) {
  const cols = await tableColumns(db, 'emulation_covenants');
  if (!cols || !cols.has('org_unit_id') || !cols.has('year')) return 0;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from emulation_covenants
        where org_unit_id = any(${uuidArray(subtree)}) and year = ${year}`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function loadCertificates(db: DbOrTx, bodyId: string, year: number) {
  const where = sql`a.issuer_org_unit_id = ${bodyId} and a.award_code in (${certificateCodes})
    and a.revoked_at is null and a.year between ${year - 1} and ${year} and ${decidedIn(year)}`;
  const [kinds, fields] = await Promise.all([
    queryRows<{ subject_kind: string; n: number }>(
      db,
      sql`select a.subject_kind, count(*)::int as n from award_records a where ${where} group by 1`,
    ),
    // Fields in the order they first appear in the decisions' annex lists.
    queryRows<{ field: string }>(
      db,
      sql`select a.field from award_records a left join decision_items i on i.id = a.decision_item_id
          where ${where} and a.field is not null and a.field <> ''
          group by a.field order by min(coalesce(i.position, 0)), a.field`,
    ),
  ]);
  const count = (k: string) => Number(kinds.find((r) => r.subject_kind === k)?.n ?? 0);
  return {
    collectives: count('collective'),
    individuals: count('individual'),
    households: count('household'),
    fields: fields.map((f) => f.field),
  };
}

async function loadWithoutNominations(db: DbOrTx, directory: OrgDirectory, bodyId: string, year: number) {
  const asOf = `${year}-12-31`;
  const children = directory
    .childrenOf(bodyId)
    .filter((u) => u.validFrom <= asOf && (u.validTo === null || u.validTo > asOf));
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select org_unit_id as id from nominations where body_org_unit_id = ${bodyId} and year = ${year}
        union select subject_org_unit_id from nominations
        where body_org_unit_id = ${bodyId} and year = ${year} and subject_org_unit_id is not null`,
  );
  const covered = new Set(rows.map((r) => r.id));
  const without = children.filter((u) => !directory.subtree(u.id).some((id) => covered.has(id)));
  return {
    units: without.filter((u) => UNIT_KINDS.includes(u.kind)).map((u) => u.name),
    neighbourhoods: without.filter((u) => NEIGHBOURHOOD_KINDS.includes(u.kind)).map((u) => u.name),
  };
}

async function loadFund(db: DbOrTx, bodyId: string, year: number) {
  const fund = await getFund(db, bodyId, year);
  if (!fund) return null;
  const [position, unpaid] = await Promise.all([positionOf(db, fund), listUnpaidRewards(db, fund.id)]);
  return { uncommitted: position.uncommitted, unpaidCount: unpaid.length, unpaidAmount: position.unpaid };
}

/**
 * The chairman of the body signs the report (the seed: "CHỦ TỊCH / Liêu Quốc Bình"): the leader
 * whose employment in the body at the end of the year is "Chủ tịch UBND …" (people's own unit is
 * their current one, which after the 2025 merge is the new ward); else the last decision's signer.
 */
async function loadSigner(db: DbOrTx, subtree: string[], bodyId: string, year: number) {
  const chairman = await leaderOn(db, subtree, `${year}-12-31`, ['Chủ tịch UBND%', 'Chủ tịch Ủy ban%']);
  if (chairman) return { name: chairman.name, position: 'Chủ tịch' };
  const decided = await queryRows<{ signer_name: string }>(
    db,
    sql`select signer_name from decisions where org_unit_id = ${bodyId} and signer_name is not null
        order by decision_date desc nulls last limit 1`,
  );
  return { name: decided[0]?.signer_name ?? '', position: 'Chủ tịch' };
}
