import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../platform/db/client.ts';
import { queryRows } from '../platform/db/client.ts';
import { writeAudit, type AuditActor } from '../platform/audit/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { ImportIssue, ImportSource } from '../platform/xlsx/index.ts';
import { insertOrgUnit, type DirectoryCache, type OrgDirectory } from '../organizations/index.ts';
import { importJobs, importStaging } from './imports.schema.ts';
import { IMPORT_KINDS, IMPORT_SPECS, type ImportKind } from './import-kinds.ts';
import { issueAt, MAX_ERRORS, type Letters } from './stage-rows.ts';
import { readStagedRows } from './read-rows.ts';

export { IMPORT_KINDS, IMPORT_SPECS, type ImportKind };

export type ImportStatus = 'staging' | 'publishing' | 'published' | 'rejected' | 'failed';

export type ImportOutcome = {
  status: ImportStatus;
  rowsRead: number;
  rowsPublished: number;
  errors: ImportIssue[];
};

export type ImportDeps = { database: Database; directory: DirectoryCache };
export type ImportCaller = { actor: AuditActor; writeOrgIds: ReadonlySet<string>; orgUnitId: string };

/**
 * Rows staged per short transaction: each holds the embedded database for a few tens of
 * milliseconds, so other requests wait at most that long behind the import.
 */
const STAGE_BATCH = 2000;

export async function createImportJob(
  db: Database['db'],
  job: { kind: ImportKind; fileName: string; orgUnitId: string; createdBy: string | null },
): Promise<string> {
  const [row] = await db
    .insert(importJobs)
    .values({ ...job, status: 'staging' })
    .returning({ id: importJobs.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Runs an import: reads the workbook as a stream, validates every row, stages the valid ones in
 * short transactions, and, only when no row has a problem, publishes them all with set-based
 * statements in one transaction (issue 2, item 6). A file is published whole or not at all.
 */
export async function runImport(
  deps: ImportDeps,
  caller: ImportCaller,
  jobId: string,
  kind: ImportKind,
  source: ImportSource,
  onProgress?: (rowsRead: number) => void,
): Promise<ImportOutcome> {
  const db = deps.database.db;
  const directory = await deps.directory.get();
  let letters: Letters = new Map();
  let errors: ImportIssue[] = [];
  let errorCount = 0;
  let rowsRead = 0;
  let encoding: string | null = null;

  try {
    const reader = readStagedRows(kind, source, directory, caller.writeOrgIds, today(), STAGE_BATCH);
    for await (const event of reader.events) {
      switch (event.type) {
        case 'sheet':
          encoding = event.encoding;
          letters = new Map(event.columns.map((c) => [c.key, { letter: c.letter, header: c.header }]));
          break;
        case 'progress':
          onProgress?.(event.rowsRead);
          break;
        case 'batch':
          await db.transaction(async (tx) => {
            await stageBatch(tx, jobId, event.json);
            await tx.update(importJobs).set({ rowsRead: event.rowsRead }).where(eq(importJobs.id, jobId));
          });
          reader.acknowledge();
          await yieldToEventLoop();
          break;
        case 'end':
          ({ rowsRead, errorCount, errors } = event);
          break;
      }
    }
    if (errorCount === 0 && rowsRead === 0) {
      errors.push({ rowNumber: 1, column: null, header: null, message: 'Tệp không có dòng dữ liệu nào.' });
      errorCount = 1;
    }
    if (errorCount === 0) {
      await db
        .update(importJobs)
        .set({ status: 'publishing', rowsRead, encoding })
        .where(eq(importJobs.id, jobId));
      const published = await db.transaction(async (tx) => {
        const problems = await findPublishProblems(tx, kind, jobId, letters, caller);
        if (problems.length > 0) return { problems, count: undefined };
        const count = await publish(tx, kind, jobId, caller, directory);
        await writeAudit(tx, caller.actor, {
          chain: directory.bodyOf(caller.orgUnitId)?.id ?? 'system',
          action: 'import.publish',
          entity: 'import_job',
          entityId: jobId,
          orgUnitId: caller.orgUnitId,
          after: { kind, rows: count },
        });
        await tx.delete(importStaging).where(eq(importStaging.jobId, jobId));
        await tx
          .update(importJobs)
          .set({ status: 'published', rowsPublished: count, finishedAt: sql`now()` })
          .where(eq(importJobs.id, jobId));
        return { problems: [], count };
      });
      if (published.count !== undefined) {
        if (kind === 'org_units') deps.directory.invalidate();
        return { status: 'published', rowsRead, rowsPublished: published.count, errors: [] };
      }
      errors.push(...published.problems.slice(0, MAX_ERRORS));
      errorCount = published.problems.length;
    }
    if (errorCount > errors.length) {
      errors.push({
        rowNumber: 0,
        column: null,
        header: null,
        message: `… và ${errorCount - errors.length} lỗi khác không hiển thị.`,
      });
    }
    await db.transaction(async (tx) => {
      await tx.delete(importStaging).where(eq(importStaging.jobId, jobId));
      await tx
        .update(importJobs)
        .set({ status: 'rejected', rowsRead, errors, encoding, finishedAt: sql`now()` })
        .where(eq(importJobs.id, jobId));
    });
    return { status: 'rejected', rowsRead, rowsPublished: 0, errors };
  } catch (err) {
    // A broken file is the user's to fix; anything else is ours, and its text stays in the log.
    const refused = err instanceof AppError;
    const fileProblem = refused || (!(err as { query?: string }).query && !(err as { code?: string }).code);
    const message = refused
      ? err.userMessage
      : fileProblem
        ? `Không đọc được tệp Excel: ${(err as Error).message}`
        : 'Lỗi hệ thống khi ghi dữ liệu; không có dòng nào được nhập. Vui lòng thử lại hoặc báo quản trị.';
    if (!fileProblem) console.error(`import ${jobId} failed: ${(err as Error).message}`);
    const failure: ImportIssue[] = [{ rowNumber: 0, column: null, header: null, message }];
    await db.delete(importStaging).where(eq(importStaging.jobId, jobId));
    await db
      .update(importJobs)
      .set({ status: 'failed', rowsRead, errors: failure, finishedAt: sql`now()` })
      .where(eq(importJobs.id, jobId));
    return { status: 'failed', rowsRead, rowsPublished: 0, errors: failure };
  }
}

/**
 * One statement per batch, its rows (`[rowNo, data]`) sent as a single JSON array parameter and
 * unpacked by the database: building one bound parameter per cell (three per row through the query builder)
 * cost more than the database's own work for a 50,000-row file.
 */
async function stageBatch(tx: Tx, jobId: string, rowsJson: string): Promise<void> {
  await tx.execute(sql`
    insert into import_staging (job_id, row_no, data)
    select ${jobId}::uuid, (r->>0)::int, r->1 from jsonb_array_elements(${rowsJson}::jsonb) r`);
}

const uuidArray = (ids: Iterable<string>) => `{${[...ids].join(',')}}`;

/** Matching problems found against the database before publishing: never duplicate a person. */
async function findPublishProblems(
  tx: Tx,
  kind: ImportKind,
  jobId: string,
  letters: Letters,
  caller: ImportCaller,
): Promise<ImportIssue[]> {
  if (kind === 'org_units') return [];
  const scope = uuidArray(caller.writeOrgIds);
  const checks = [
    // A code that matches nobody is not a new person: it came from an export, so flag it.
    sql`select row_no, 'personCode' as col, 'không tìm thấy cán bộ có mã hoặc số CCCD này.' as msg from m
         where by_cccd is null and by_code is null
           and (${kind === 'facts'} or data->>'personCode' is not null
                or (${kind === 'awards'} and data->>'orgUnitId' is null))`,
    sql`select row_no, 'personCode', 'số CCCD và mã cán bộ trỏ tới hai người khác nhau; không khớp được duy nhất.' from m
         where by_cccd is not null and by_code is not null and by_cccd <> by_code`,
    sql`select m.row_no, 'personCode', 'cán bộ này thuộc đơn vị ngoài phạm vi của bạn.' from m
          join people p on p.id = coalesce(m.by_cccd, m.by_code)
         where not (p.org_unit_id = any(${scope}::uuid[]))`,
  ];
  if (kind === 'people') {
    checks.push(
      sql`select row_no, 'citizenId', 'số CCCD xuất hiện ở nhiều dòng trong tệp.' from m
           where data->>'citizenId' is not null
             and exists (select 1 from m t where t.row_no <> m.row_no and t.data->>'citizenId' = m.data->>'citizenId')`,
      sql`select row_no, 'personCode', 'mã cán bộ xuất hiện ở nhiều dòng trong tệp.' from m
           where data->>'personCode' is not null
             and exists (select 1 from m t where t.row_no <> m.row_no and t.data->>'personCode' = m.data->>'personCode')`,
    );
  }
  if (kind === 'facts') {
    checks.push(
      // Several rows per person and year may list absences or initiatives; only one may rate.
      sql`select row_no, 'rating', 'một người có nhiều dòng xếp loại cho cùng một năm.' from m
           where m.data->>'rating' is not null
             and exists (select 1 from m t where t.row_no <> m.row_no and t.data->>'year' = m.data->>'year'
                           and t.data->>'rating' is not null
                           and coalesce(t.by_cccd, t.by_code) = coalesce(m.by_cccd, m.by_code))`,
    );
  }
  const rows = await queryRows<{ row_no: number; col: string; msg: string }>(
    tx,
    sql`with m as (
          select s.row_no, s.data,
                 (select p.id from people p where p.citizen_id = s.data->>'citizenId') as by_cccd,
                 (select p.id from people p where p.code = s.data->>'personCode') as by_code
            from import_staging s where s.job_id = ${jobId})
        select * from (${sql.join(checks, sql` union all `)}) problems order by 1 limit ${MAX_ERRORS}`,
  );
  return rows.map((r) => issueAt(Number(r.row_no), letters, r.col, r.msg));
}

/** The person a staged row means: by CCCD, else by the person code an export carried. */
const MATCH = sql`coalesce((select p.id from people p where p.citizen_id = s.data->>'citizenId'),
                           (select p.id from people p where p.code = s.data->>'personCode'))`;

async function publish(
  tx: Tx,
  kind: ImportKind,
  jobId: string,
  caller: ImportCaller,
  directory: OrgDirectory,
): Promise<number> {
  switch (kind) {
    case 'people':
      return publishPeople(tx, jobId, directory.get(caller.orgUnitId)?.provinceCode ?? 'XX');
    case 'facts':
      return publishFacts(tx, jobId);
    case 'awards':
      return publishAwards(tx, jobId);
    case 'org_units':
      return publishOrgUnits(tx, jobId, directory);
  }
}

async function publishPeople(tx: Tx, jobId: string, provinceCode: string): Promise<number> {
  const prefix = `${provinceCode}-`;
  await tx.execute(sql`
    create temp table import_match on commit drop as
    select s.row_no, s.data, ${MATCH} as person_id from import_staging s where s.job_id = ${jobId}`);
  // People who change unit: the open employment ends, a new one starts (history is kept).
  await tx.execute(sql`
    update employments e set end_date = greatest(e.start_date, (m.data->>'startDate')::date)
      from import_match m join people p on p.id = m.person_id
     where e.person_id = p.id and e.end_date is null and p.org_unit_id <> (m.data->>'orgUnitId')::uuid`);
  await tx.execute(sql`
    insert into employments (person_id, org_unit_id, position, staff_category, start_date)
    select p.id, (m.data->>'orgUnitId')::uuid, m.data->>'position', m.data->>'staffCategory', (m.data->>'startDate')::date
      from import_match m join people p on p.id = m.person_id
     where p.org_unit_id <> (m.data->>'orgUnitId')::uuid`);
  await tx.execute(sql`
    update people p set full_name = m.data->>'fullName', name_sort_key = m.data->>'nameSortKey',
           name_search = m.data->>'nameSearch', gender = m.data->>'gender',
           birth_date = coalesce((m.data->>'birthDate')::date, p.birth_date),
           citizen_id = coalesce(m.data->>'citizenId', p.citizen_id),
           org_unit_id = (m.data->>'orgUnitId')::uuid, position = m.data->>'position',
           staff_category = m.data->>'staffCategory', updated_at = now()
      from import_match m where m.person_id = p.id`);
  await tx.execute(sql`
    with base as (
      select coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0) as n
        from people where code like ${`${prefix}%`}::text and substring(code from ${prefix.length + 1}::int) ~ '^[0-9]+$'),
    fresh as (
      select m.data, ${prefix}::text || lpad((base.n + row_number() over (order by m.row_no))::text, 6, '0') as code
        from import_match m, base where m.person_id is null),
    inserted as (
      insert into people (code, full_name, name_sort_key, name_search, gender, birth_date, citizen_id,
                          org_unit_id, position, staff_category, province_code)
      select code, data->>'fullName', data->>'nameSortKey', data->>'nameSearch', data->>'gender',
             (data->>'birthDate')::date, data->>'citizenId', (data->>'orgUnitId')::uuid, data->>'position',
             data->>'staffCategory', data->>'provinceCode'
        from fresh
      returning id, code)
    insert into employments (person_id, org_unit_id, position, staff_category, start_date)
    select i.id, (f.data->>'orgUnitId')::uuid, f.data->>'position', f.data->>'staffCategory', (f.data->>'startDate')::date
      from inserted i join fresh f on f.code = i.code`);
  const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from import_match`);
  return count?.n ?? 0;
}

async function publishFacts(tx: Tx, jobId: string): Promise<number> {
  await tx.execute(sql`
    create temp table import_match on commit drop as
    select s.row_no, s.data, m.person_id, p.org_unit_id
      from import_staging s
      cross join lateral (select ${MATCH} as person_id) m
      join people p on p.id = m.person_id
     where s.job_id = ${jobId}`);
  await tx.execute(sql`
    insert into ratings (person_id, year, rating, months_worked, org_unit_id)
    select person_id, (data->>'year')::int, data->>'rating', (data->>'monthsWorked')::int, org_unit_id
      from import_match where data->>'rating' is not null
    on conflict (person_id, year) do update set rating = excluded.rating, months_worked = excluded.months_worked`);
  await tx.execute(sql`
    insert into absences (person_id, kind, from_date, to_date)
    select person_id, data->>'absenceKind', (data->>'absenceFrom')::date, (data->>'absenceTo')::date
      from import_match where data->>'absenceKind' is not null`);
  await tx.execute(sql`
    insert into disciplines (person_id, form, decided_on, from_date, to_date, pending)
    select person_id, coalesce(data->>'disciplineForm', 'reprimand'), (data->>'disciplineFrom')::date,
           (data->>'disciplineFrom')::date, (data->>'disciplineTo')::date, coalesce((data->>'disciplinePending')::boolean, false)
      from import_match where data->>'disciplineForm' is not null or (data->>'disciplinePending')::boolean`);
  await tx.execute(sql`
    insert into initiatives (person_id, title, scope, recognized_on, decision_ref)
    select person_id, 'Sáng kiến năm ' || (data->>'year'), data->>'initiativeScope',
           (data->>'initiativeRecognizedOn')::date, data->>'initiativeDecision'
      from import_match where data->>'initiativeScope' is not null and data->>'initiativeRecognizedOn' is not null`);
  const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from import_match`);
  return count?.n ?? 0;
}

async function publishAwards(tx: Tx, jobId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`
    with m as (
      select s.data, ${MATCH} as person_id from import_staging s where s.job_id = ${jobId}),
    inserted as (
      insert into award_records (subject_kind, person_id, org_unit_id, issuer_name, year, award_code,
                                 decision_number, decision_date, source)
      select case when m.person_id is null then 'collective' else 'individual' end, m.person_id,
             coalesce((m.data->>'orgUnitId')::uuid, p.org_unit_id), m.data->>'issuer', (m.data->>'year')::int,
             m.data->>'award', m.data->>'decisionNumber', (m.data->>'decisionDate')::date, 'imported'
        from m left join people p on p.id = m.person_id
      returning 1)
    select count(*)::int as n from inserted`,
  );
  return rows[0]?.n ?? 0;
}

/** Org units: in file order, so a parent defined above its children in the same file works. */
async function publishOrgUnits(tx: Tx, jobId: string, directory: OrgDirectory): Promise<number> {
  const staged = await tx
    .select()
    .from(importStaging)
    .where(eq(importStaging.jobId, jobId))
    .orderBy(importStaging.rowNo);
  const created = new Map<string, string>();
  for (const row of staged) {
    const d = row.data as {
      code: string;
      name: string;
      kind: string;
      parentCode: string | null;
      validFrom: string | null;
    };
    const parentId = d.parentCode
      ? (created.get(d.parentCode) ?? directory.byCode(d.parentCode)?.id ?? null)
      : null;
    const unit = await insertOrgUnit(tx, {
      code: d.code,
      name: d.name,
      kind: d.kind,
      parentId,
      validFrom: d.validFrom ?? today(),
    });
    created.set(d.code, unit.id);
  }
  return staged.length;
}
