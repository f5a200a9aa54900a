import { sql } from 'drizzle-orm';
import { Cron } from 'croner';
import { queryRows, type Database, type Db } from '../platform/db/client.ts';
import { notifications } from './notifications.schema.ts';
import {
  CLUSTER_NOTICE_DAYS,
  CLUSTER_OVERDUE_DAYS,
  TASK_NOTICE_DAYS,
  remindersDue,
  targetKey,
  vnDate,
  type ClusterDeadlineFact,
  type DossierFact,
  type ReminderFacts,
  type TaskFact,
} from './reminders.ts';

/**
 * Reads the deadlines other modules keep with raw SQL (their tables are theirs; only their
 * columns are read here) and narrows them to what could be due around `now`.
 */
export async function gatherFacts(db: Db, now: Date): Promise<ReminderFacts> {
  const today = vnDate(now);
  const tasks = await queryRows<TaskFact>(
    db,
    sql`select id, title, due_on::text as "dueOn", status, org_unit_id as "orgUnitId",
               owner_user_id as "ownerUserId"
          from inspection_tasks
         where status = 'open' and due_on <= ${today}::date + ${TASK_NOTICE_DAYS}::int`,
  );
  const dossiers = (
    await queryRows<{ orgUnitId: string; year: number; count: number }>(
      db,
      sql`select org_unit_id as "orgUnitId", year, count(*)::int as count
            from nominations
           where status in ('draft', 'returned') and year = ${Number(today.slice(0, 4))}::int
           group by org_unit_id, year`,
    )
  ).map((d): DossierFact => ({ orgUnitId: d.orgUnitId, year: Number(d.year), count: Number(d.count) }));
  const clusterRows = await queryRows<{
    clusterYearId: string;
    clusterName: string;
    year: number;
    deadline: string | Date;
    pending: string[] | null;
  }>(
    db,
    sql`select cy.id as "clusterYearId", c.name as "clusterName", c.year, cy.report_deadline as deadline,
               array(select m.org_unit_id::text from emulation_cluster_members m
                      where m.cluster_id = c.id
                        and not exists (select 1 from cluster_submissions s
                                         where s.cluster_id = c.id and s.org_unit_id = m.org_unit_id)
                      order by m.org_unit_id) as pending
          from cluster_years cy
          join emulation_clusters c on c.id = cy.cluster_id
         where cy.report_deadline is not null
           and cy.report_deadline between ${new Date(now.getTime() - CLUSTER_OVERDUE_DAYS * 86_400_000).toISOString()}::timestamptz
                                      and ${new Date(now.getTime() + CLUSTER_NOTICE_DAYS * 86_400_000).toISOString()}::timestamptz`,
  );
  const clusterDeadlines = clusterRows.map((c): ClusterDeadlineFact => ({
    clusterYearId: c.clusterYearId,
    clusterName: c.clusterName,
    year: Number(c.year),
    deadline: new Date(c.deadline),
    pendingOrgUnitIds: c.pending ?? [],
  }));
  return { tasks, dossiers, clusterDeadlines };
}

/**
 * Adds the notices due at `now`. Idempotent: the unique key (target, kind, subject, due date)
 * lets a second run, or a run on another instance, add nothing. Returns how many were added.
 */
export async function sweepReminders(db: Db, now: Date): Promise<number> {
  const due = remindersDue(now, await gatherFacts(db, now));
  if (due.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(
      due.map((r) => ({
        target: targetKey(r.target),
        userId: r.target.kind === 'user' ? r.target.userId : null,
        orgUnitId: r.target.kind === 'org' ? r.target.orgUnitId : null,
        kind: r.kind,
        subjectId: r.subjectId,
        title: r.title,
        body: r.body,
        dueOn: r.dueOn,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

/** Runs the sweep every morning at 06:00 Việt Nam time, and once now. */
export function startReminderSweeps(database: Database): { stop(): void } {
  const run = async () => {
    try {
      await sweepReminders(database.db, new Date());
    } catch (err) {
      console.error('Không chạy được việc nhắc hạn:', err instanceof Error ? err.message : err);
    }
  };
  const job = new Cron('0 6 * * *', { timezone: 'Asia/Ho_Chi_Minh', protect: true }, run);
  void run();
  return { stop: () => job.stop() };
}
