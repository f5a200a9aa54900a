import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import { nominationAttachments, nominations } from './nominations.schema.ts';
import type { NominationStatus } from './nomination-status.ts';

export type NominationRecord = typeof nominations.$inferSelect;
export type NewNomination = typeof nominations.$inferInsert;
export type AttachmentRecord = typeof nominationAttachments.$inferSelect;

export async function insertNominations(tx: DbOrTx, values: NewNomination[]): Promise<NominationRecord[]> {
  if (values.length === 0) return [];
  return tx.insert(nominations).values(values).returning();
}

export async function getNomination(db: DbOrTx, id: string): Promise<NominationRecord | undefined> {
  const rows = await db.select().from(nominations).where(eq(nominations.id, id)).limit(1);
  return rows[0];
}

/**
 * Optimistic concurrency: the row changes only if it is still in the status the caller saw.
 * Zero rows back means another user moved it first (docs/development.md, "Optimistic concurrency").
 */
export async function updateNominationIfStatus(
  tx: DbOrTx,
  id: string,
  expected: NominationStatus,
  patch: Partial<NewNomination>,
): Promise<NominationRecord | undefined> {
  const rows = await tx
    .update(nominations)
    .set({ ...patch, updatedAt: new Date() })
    .where(sql`${nominations.id} = ${id} and ${nominations.status} = ${expected}`)
    .returning();
  return rows[0];
}

export type NominationFilter = {
  /** Rows of these proposing units only (the caller's read scope). */
  orgUnitIds?: readonly string[] | undefined;
  bodyOrgUnitId?: string | undefined;
  year?: number | undefined;
  statuses?: readonly NominationStatus[] | undefined;
  kind?: string | undefined;
  awardCode?: string | undefined;
  subjectKind?: string | undefined;
  movementId?: string | undefined;
  /** Folded (lower-case, no diacritics) fragment of the subject name. */
  q?: string | undefined;
  limit: number;
  after?: { sortKey: string; id: string } | undefined;
};

export type NominationListRow = {
  id: string;
  org_unit_id: string;
  org_unit_name: string;
  body_org_unit_id: string;
  year: number;
  kind: string;
  subject_kind: string;
  person_id: string | null;
  household_id: string | null;
  subject_org_unit_id: string | null;
  subject_name: string;
  subject_sort_key: string;
  award_code: string;
  movement_id: string | null;
  field: string | null;
  origin: string;
  status: string;
  return_reason: string | null;
  eligible: boolean | null;
  unverified_citations: string[] | null;
  conflict_count: number;
  updated_at: string;
};

export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export function nominationWhere(f: NominationFilter): SQL {
  const where: SQL[] = [sql`true`];
  if (f.orgUnitIds) where.push(sql`n.org_unit_id = any(${uuidArray(f.orgUnitIds)})`);
  if (f.bodyOrgUnitId) where.push(sql`n.body_org_unit_id = ${f.bodyOrgUnitId}`);
  if (f.year !== undefined) where.push(sql`n.year = ${f.year}`);
  if (f.statuses && f.statuses.length === 1) where.push(sql`n.status = ${f.statuses[0]}`);
  else if (f.statuses && f.statuses.length > 1) {
    where.push(sql`n.status = any(${`{${f.statuses.join(',')}}`}::text[])`);
  }
  if (f.kind) where.push(sql`n.kind = ${f.kind}`);
  if (f.awardCode) where.push(sql`n.award_code = ${f.awardCode}`);
  if (f.subjectKind) where.push(sql`n.subject_kind = ${f.subjectKind}`);
  if (f.movementId) where.push(sql`n.movement_id = ${f.movementId}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`n.subject_search like ${like}`);
  }
  if (f.after) where.push(sql`(n.subject_sort_key, n.id) > (${f.after.sortKey}, ${f.after.id}::uuid)`);
  return sql.join(where, sql` and `);
}

/**
 * One page of nominations ordered the Vietnamese way by the indexed sort key, paged by keyset
 * (never OFFSET); returns limit + 1 rows so the caller knows whether there is a next page.
 */
export async function listNominationRows(db: DbOrTx, f: NominationFilter): Promise<NominationListRow[]> {
  return queryRows<NominationListRow>(
    db,
    sql`
    select n.id, n.org_unit_id, u.name as org_unit_name, n.body_org_unit_id, n.year, n.kind, n.subject_kind,
           n.person_id, n.household_id, n.subject_org_unit_id, n.subject_name, n.subject_sort_key, n.award_code,
           n.movement_id, n.field, n.origin, n.status, n.return_reason,
           (n.verdict ->> 'eligible')::boolean as eligible,
           jsonb_path_query_array(n.verdict, '$.reasons[*] ? (@.verified == false).citation') as unverified_citations,
           jsonb_array_length(n.conflicts)::int as conflict_count,
           n.updated_at::text as updated_at
      from nominations n join org_units u on u.id = n.org_unit_id
     where ${nominationWhere(f)}
     order by n.subject_sort_key, n.id
     limit ${f.limit + 1}`,
  );
}

export async function countNominationsByStatus(
  db: DbOrTx,
  f: Omit<NominationFilter, 'limit' | 'after' | 'statuses'>,
): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    db,
    sql`select n.status, count(*)::int as n from nominations n where ${nominationWhere({ ...f, limit: 0 })} group by n.status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function listAttachments(db: DbOrTx, nominationId: string): Promise<AttachmentRecord[]> {
  return db.select().from(nominationAttachments).where(eq(nominationAttachments.nominationId, nominationId));
}

export type NominationSubject =
  | {
      kind: 'individual';
      personId: string;
      fullName: string;
      position: string | null;
      orgUnitId: string;
      orgUnitName: string;
    }
  | { kind: 'collective'; orgUnitId: string; name: string }
  | { kind: 'household'; householdId: string; headName: string; address: string | null; orgUnitId: string };

export type NominationWithSubject = NominationRecord & { subject: NominationSubject | null };

/** A nomination with its subject as it is now (person, collective or household). */
export async function getNominationWithSubject(
  db: DbOrTx,
  id: string,
): Promise<NominationWithSubject | undefined> {
  const nomination = await getNomination(db, id);
  if (!nomination) return undefined;
  return { ...nomination, subject: await loadSubject(db, nomination) };
}

export async function loadSubject(db: DbOrTx, n: NominationRecord): Promise<NominationSubject | null> {
  if (n.subjectKind === 'individual' && n.personId) {
    const rows = await queryRows<{
      full_name: string;
      position: string | null;
      org_unit_id: string;
      org_unit_name: string;
    }>(
      db,
      sql`select p.full_name, p.position, p.org_unit_id, u.name as org_unit_name
            from people p join org_units u on u.id = p.org_unit_id where p.id = ${n.personId}`,
    );
    const p = rows[0];
    return p
      ? {
          kind: 'individual',
          personId: n.personId,
          fullName: p.full_name,
          position: p.position,
          orgUnitId: p.org_unit_id,
          orgUnitName: p.org_unit_name,
        }
      : null;
  }
  if (n.subjectKind === 'collective' && n.subjectOrgUnitId) {
    const rows = await queryRows<{ name: string }>(
      db,
      sql`select name from org_units where id = ${n.subjectOrgUnitId}`,
    );
    return rows[0] ? { kind: 'collective', orgUnitId: n.subjectOrgUnitId, name: rows[0].name } : null;
  }
  if (n.subjectKind === 'household' && n.householdId) {
    const rows = await queryRows<{ head_name: string; address: string | null; org_unit_id: string }>(
      db,
      sql`select head_name, address, org_unit_id from households where id = ${n.householdId}`,
    );
    const h = rows[0];
    return h
      ? {
          kind: 'household',
          householdId: n.householdId,
          headName: h.head_name,
          address: h.address,
          orgUnitId: h.org_unit_id,
        }
      : null;
  }
  return null;
}

export async function setNominationChecks(
  tx: DbOrTx,
  id: string,
  verdict: unknown,
  conflicts: unknown,
): Promise<NominationRecord> {
  const rows = await tx
    .update(nominations)
    .set({ verdict, conflicts })
    .where(eq(nominations.id, id))
    .returning();
  return rows[0]!;
}

export async function insertAttachment(
  tx: DbOrTx,
  values: typeof nominationAttachments.$inferInsert,
): Promise<AttachmentRecord> {
  const rows = await tx.insert(nominationAttachments).values(values).returning();
  return rows[0]!;
}

export async function getAttachment(db: DbOrTx, id: string): Promise<AttachmentRecord | undefined> {
  const rows = await db.select().from(nominationAttachments).where(eq(nominationAttachments.id, id)).limit(1);
  return rows[0];
}

export async function deleteAttachment(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(nominationAttachments).where(eq(nominationAttachments.id, id));
}

export type NominationHistoryRow = {
  at: string;
  action: string;
  actor_name: string | null;
  before: { status?: string } | null;
  after: { status?: string; returnReason?: string; forwardedTo?: string; decisionId?: string } | null;
};

/**
 * The nomination's status history from the audit log: its own rows, and the bulk "decided" row
 * of the decision that listed it. Oldest first.
 */
export async function nominationHistory(db: DbOrTx, id: string): Promise<NominationHistoryRow[]> {
  return queryRows<NominationHistoryRow>(
    db,
    sql`select a.at::text as at, a.action, a.actor_name, a.before, a.after
          from audit_log a
         where a.entity = 'nomination'
           and (a.entity_id = ${id}
                or (a.entity_id is null and a.action = 'nomination.decide_bulk' and a.after -> 'ids' @> ${JSON.stringify([id])}::jsonb))
         order by a.seq`,
  );
}
