import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../db/client.ts';
import { writeAudit, type AuditActor } from '../audit/audit.ts';
import type { AuthContext } from '../auth/access.ts';

/**
 * Personal-data duties of Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15) that the platform
 * carries for every module (trust issue, item 4): each export is logged, a person can download
 * their own data, and records are kept no longer than their retention rule says.
 */
export type ExportRecord = {
  /** What was exported: 'self_data', 'people_xlsx', … */
  kind: string;
  subjectPersonId?: string | null;
  orgUnitId?: string | null;
  rowCount: number;
};

/** Logs one export of personal data (who, what, when) in `export_log` and in the audit chain. */
export async function logPersonalDataExport(
  tx: DbOrTx,
  actor: AuditActor,
  record: ExportRecord,
): Promise<void> {
  await tx.execute(sql`
    insert into export_log (actor_user_id, actor_name, kind, subject_person_id, org_unit_id, row_count, correlation_id)
    values (${actor.userId}, ${actor.name}, ${record.kind}, ${record.subjectPersonId ?? null},
            ${record.orgUnitId ?? null}, ${record.rowCount}, ${actor.correlationId ?? null})`);
  await writeAudit(tx, actor, {
    chain: 'system',
    action: 'privacy.export',
    entity: 'export',
    entityId: record.subjectPersonId ?? null,
    orgUnitId: record.orgUnitId ?? null,
    after: { kind: record.kind, rowCount: record.rowCount },
  });
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Columns never handed out, even to their owner: secrets, not personal data. */
const SECRET_COLUMNS = new Set(['password_hash', 'totp_secret', 'totp_last_step', 'token_hash', 'code_hash']);

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMNS.has(k)));
}

export type OwnData = {
  generatedAt: string;
  account: Record<string, unknown> | null;
  person: Record<string, unknown> | null;
  /** Rows of every table that refer to the person (`person_id`), by table. */
  records: Record<string, Record<string, unknown>[]>;
};

/**
 * Everything the system holds about the caller: the account (without secrets), the person
 * record and every row that refers to it. Tables are found by their `person_id` column, so a
 * module added later is included without a change here. The ballot box has no person column
 * by design, so no vote is ever part of it.
 */
export async function collectOwnData(db: DbOrTx, auth: AuthContext): Promise<OwnData> {
  const [account] = await queryRows<Record<string, unknown>>(
    db,
    sql`select * from users where id = ${auth.userId}`,
  );
  let person: Record<string, unknown> | null = null;
  const records: Record<string, Record<string, unknown>[]> = {};
  if (auth.personId) {
    const [p] = await queryRows<Record<string, unknown>>(
      db,
      sql`select * from people where id = ${auth.personId}`,
    );
    person = p ?? null;
    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select c.table_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
           where c.table_schema = 'public' and c.column_name = 'person_id' and t.table_type = 'BASE TABLE'
           order by c.table_name`,
    );
    for (const { table_name: name } of tables) {
      if (!IDENT.test(name) || name === 'users') continue;
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`select * from ${sql.identifier(name)} where person_id = ${auth.personId}`,
      );
      if (rows.length > 0) records[name] = rows.map(withoutSecrets);
    }
  }
  return {
    generatedAt: new Date().toISOString(),
    account: account ? withoutSecrets(account) : null,
    person,
    records,
  };
}

/**
 * Record types a retention rule can name, each with the statement that removes expired rows.
 * The audit log is not among them: it is append-only and kept as an archive record (Luật Lưu
 * trữ 2024); a module adds its own types with `registerRetentionTarget`.
 */
export type RetentionTarget = {
  recordType: string;
  description: string;
  /** Deletes (or anonymizes) rows older than `cutoff`; returns how many. */
  apply(db: DbOrTx, cutoff: Date): Promise<number>;
};

const targets = new Map<string, RetentionTarget>();

export function registerRetentionTarget(target: RetentionTarget): void {
  targets.set(target.recordType, target);
}

export function retentionTargets(): RetentionTarget[] {
  return [...targets.values()];
}

async function deleted(db: DbOrTx, query: ReturnType<typeof sql>): Promise<number> {
  return (await queryRows<{ n: number }>(db, query)).length;
}

registerRetentionTarget({
  recordType: 'session',
  description: 'Phiên đăng nhập (theo lần dùng cuối)',
  apply: (db, cutoff) =>
    deleted(db, sql`delete from sessions where last_seen_at < ${cutoff.toISOString()} returning 1 as n`),
});
registerRetentionTarget({
  recordType: 'export_log',
  description: 'Nhật ký xuất dữ liệu cá nhân',
  apply: (db, cutoff) =>
    deleted(db, sql`delete from export_log where at < ${cutoff.toISOString()} returning 1 as n`),
});
registerRetentionTarget({
  recordType: 'used_recovery_code',
  description: 'Mã khôi phục đã dùng',
  apply: (db, cutoff) =>
    deleted(db, sql`delete from recovery_codes where used_at < ${cutoff.toISOString()} returning 1 as n`),
});
registerRetentionTarget({
  recordType: 'import_job',
  description: 'Lượt nhập dữ liệu từ tệp và dòng tạm (có thể chứa dữ liệu cá nhân)',
  apply: async (db, cutoff) => {
    await db.execute(
      sql`delete from import_staging where job_id in (select id from import_jobs where created_at < ${cutoff.toISOString()})`,
    );
    return deleted(
      db,
      sql`delete from import_jobs where created_at < ${cutoff.toISOString()} returning 1 as n`,
    );
  },
});

export type RetentionRun = { recordType: string; keepDays: number; removed: number }[];

/**
 * Applies every rule in `retention_rules` (run daily by the server's jobs); a record type
 * without a rule is kept. One transaction per type, each with its audit row.
 */
export async function applyRetention(db: Db, now: Date = new Date()): Promise<RetentionRun> {
  const rules = await queryRows<{ record_type: string; keep_days: number }>(
    db,
    sql`select record_type, keep_days from retention_rules order by record_type`,
  );
  const run: RetentionRun = [];
  for (const rule of rules) {
    const target = targets.get(rule.record_type);
    if (!target) continue;
    const cutoff = new Date(now.getTime() - rule.keep_days * 86_400_000);
    const removed = await db.transaction(async (tx) => {
      const n = await target.apply(tx, cutoff);
      await writeAudit(
        tx,
        { userId: null, name: 'Hệ thống' },
        {
          chain: 'system',
          action: 'privacy.retention',
          entity: 'retention_rule',
          entityId: rule.record_type,
          after: { keepDays: rule.keep_days, removed: n, cutoff: cutoff.toISOString() },
        },
      );
      return n;
    });
    run.push({ recordType: rule.record_type, keepDays: rule.keep_days, removed });
  }
  return run;
}
