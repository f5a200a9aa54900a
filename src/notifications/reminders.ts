/**
 * Which reminders are due at a moment, from the deadlines the other modules keep (issue 7,
 * item 5). Pure: the sweep gathers the facts with SQL, this decides, the tests need no clock.
 */

export type Target = { kind: 'user'; userId: string } | { kind: 'org'; orgUnitId: string };

export type TaskFact = {
  id: string;
  title: string;
  dueOn: string;
  status: string;
  orgUnitId: string;
  ownerUserId: string | null;
};
/** Dossiers of one unit and year still in draft or returned. */
export type DossierFact = { orgUnitId: string; year: number; count: number };
export type ClusterDeadlineFact = {
  clusterYearId: string;
  clusterName: string;
  year: number;
  deadline: Date;
  pendingOrgUnitIds: readonly string[];
};
export type ReminderFacts = {
  tasks: readonly TaskFact[];
  dossiers: readonly DossierFact[];
  clusterDeadlines: readonly ClusterDeadlineFact[];
};

export type ReminderKind =
  | 'inspection_task_due_soon'
  | 'inspection_task_overdue'
  | 'nomination_pending'
  | 'cluster_report_due_soon'
  | 'cluster_report_overdue';

export type Reminder = {
  target: Target;
  kind: ReminderKind;
  subjectId: string;
  title: string;
  body: string;
  dueOn: string;
};

/** Days before a follow-up task's deadline at which its owner is reminded. */
export const TASK_NOTICE_DAYS = 3;
/** Days before a cluster report deadline at which a member that has not reported is reminded. */
export const CLUSTER_NOTICE_DAYS = 7;
/** Overdue cluster reports are no longer announced after this many days. */
export const CLUSTER_OVERDUE_DAYS = 30;
/** Dossiers still open are announced from this month on (nominations close with the year). */
export const DOSSIER_NOTICE_MONTH = 12;

const DAY = 86_400_000;

/** The calendar date in Việt Nam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function formatVnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function remindersDue(now: Date, facts: ReminderFacts): Reminder[] {
  const today = vnDate(now);
  const out: Reminder[] = [];
  for (const task of facts.tasks) {
    if (task.status !== 'open') continue;
    const left = daysBetween(today, task.dueOn);
    if (left > TASK_NOTICE_DAYS) continue;
    const target: Target = task.ownerUserId
      ? { kind: 'user', userId: task.ownerUserId }
      : { kind: 'org', orgUnitId: task.orgUnitId };
    out.push({
      target,
      kind: left < 0 ? 'inspection_task_overdue' : 'inspection_task_due_soon',
      subjectId: task.id,
      title: left < 0 ? `Quá hạn khắc phục: ${task.title}` : `Sắp đến hạn khắc phục: ${task.title}`,
      body:
        left < 0
          ? `Việc khắc phục sau kiểm tra "${task.title}" đã quá hạn ${-left} ngày (hạn ${formatVnDate(task.dueOn)}).`
          : `Việc khắc phục sau kiểm tra "${task.title}" đến hạn ngày ${formatVnDate(task.dueOn)}${left === 0 ? ' (hôm nay)' : ` (còn ${left} ngày)`}.`,
      dueOn: task.dueOn,
    });
  }
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (const d of facts.dossiers) {
    if (d.count <= 0 || d.year !== year || month < DOSSIER_NOTICE_MONTH) continue;
    const dueOn = `${year}-12-31`;
    out.push({
      target: { kind: 'org', orgUnitId: d.orgUnitId },
      kind: 'nomination_pending',
      subjectId: `${d.orgUnitId}:${d.year}`,
      title: `Còn ${d.count} hồ sơ đề nghị khen thưởng năm ${d.year} chưa gửi`,
      body: `Đơn vị còn ${d.count} hồ sơ đề nghị khen thưởng năm ${d.year} ở trạng thái nháp hoặc bị trả lại; cần hoàn thiện và gửi trước ngày ${formatVnDate(dueOn)}.`,
      dueOn,
    });
  }
  for (const c of facts.clusterDeadlines) {
    const dueOn = vnDate(c.deadline);
    const left = c.deadline.getTime() - now.getTime();
    if (left > CLUSTER_NOTICE_DAYS * DAY || -left > CLUSTER_OVERDUE_DAYS * DAY) continue;
    const overdue = left < 0;
    for (const orgUnitId of c.pendingOrgUnitIds) {
      out.push({
        target: { kind: 'org', orgUnitId },
        kind: overdue ? 'cluster_report_overdue' : 'cluster_report_due_soon',
        subjectId: c.clusterYearId,
        title: overdue
          ? `Quá hạn nộp báo cáo cụm thi đua: ${c.clusterName}`
          : `Sắp đến hạn nộp báo cáo cụm thi đua: ${c.clusterName}`,
        body: overdue
          ? `Đơn vị chưa nộp báo cáo và bảng tự chấm điểm cho ${c.clusterName} năm ${c.year}; hạn là ngày ${formatVnDate(dueOn)}.`
          : `Hạn nộp báo cáo và bảng tự chấm điểm cho ${c.clusterName} năm ${c.year} là ngày ${formatVnDate(dueOn)}.`,
        dueOn,
      });
    }
  }
  return out;
}

export function targetKey(target: Target): string {
  return target.kind === 'user' ? `user:${target.userId}` : `org:${target.orgUnitId}`;
}

export type DigestItem = { title: string; body: string; dueOn: string };

/** The daily digest of one user's unread notices, overdue first. */
export function digestText(displayName: string, now: Date, items: readonly DigestItem[]): string {
  const today = vnDate(now);
  const header = `Bản tin nhắc việc ngày ${formatVnDate(today)} — ${displayName}`;
  if (items.length === 0) return `${header}\n\nKhông có việc nào cần nhắc.`;
  const sorted = [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const overdue = sorted.filter((i) => i.dueOn < today);
  const coming = sorted.filter((i) => i.dueOn >= today);
  const lines = [header, ''];
  if (overdue.length > 0) {
    lines.push(`Quá hạn (${overdue.length}):`);
    for (const i of overdue) lines.push(`- [${formatVnDate(i.dueOn)}] ${i.body}`);
    lines.push('');
  }
  if (coming.length > 0) {
    lines.push(`Sắp đến hạn (${coming.length}):`);
    for (const i of coming) lines.push(`- [${formatVnDate(i.dueOn)}] ${i.body}`);
  }
  return lines.join('\n').trimEnd();
}
