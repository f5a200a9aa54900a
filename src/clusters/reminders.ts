import type { Db } from '../platform/db/client.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import {
  addNotification,
  getCluster,
  listNotifications,
  listOpenClusterYears,
  listScores,
  listSubmissions,
  markNotificationRead,
} from './clusters.repository.ts';

const DAY = 86_400_000;
/** Days before a deadline at which a member that has not done its part is reminded. */
export const REMINDER_DAYS = [7, 3, 1] as const;

export function formatDeadline(d: Date): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('hour')} giờ ${get('minute')} ngày ${get('day')}/${get('month')}/${get('year')}`;
}

/**
 * Which reminder is due now, if any: the tightest window the deadline falls in, or 'overdue'.
 * Pure, so the windows are tested without a clock.
 */
export function reminderDue(
  deadline: Date,
  now: Date,
): `due_${(typeof REMINDER_DAYS)[number]}` | 'overdue' | null {
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  const window = [...REMINDER_DAYS].sort((a, b) => a - b).find((d) => left <= d * DAY);
  return window === undefined ? null : `due_${window}`;
}

/**
 * Adds the reminders due at `now` (idempotent: one notice per ward, kind and window). Run on
 * every read of the notice list; a scheduled job can call it too (another engineer's dashboards
 * and reminders build on this list).
 */
export async function sweepReminders(db: Db, now: Date): Promise<number> {
  let added = 0;
  for (const year of await listOpenClusterYears(db)) {
    const cluster = await getCluster(db, year.clusterId);
    if (!cluster) continue;
    const submitted = new Set((await listSubmissions(db, cluster.id)).map((s) => s.orgUnitId));
    const peerSheets = (await listScores(db, cluster.id)).filter((s) => s.round === 'peer');
    if (year.reportDeadline) {
      const due = reminderDue(year.reportDeadline, now);
      if (due && now.getTime() - year.reportDeadline.getTime() < 30 * DAY) {
        for (const memberId of cluster.memberIds.filter((m) => !submitted.has(m))) {
          await addNotification(db, {
            clusterId: cluster.id,
            orgUnitId: memberId,
            kind: `report_${due}`,
            message:
              due === 'overdue'
                ? `Đã quá hạn nộp báo cáo cho ${cluster.name} năm ${cluster.year} (${formatDeadline(year.reportDeadline)}) mà đơn vị chưa nộp.`
                : `Còn dưới ${due.slice(4)} ngày đến hạn nộp báo cáo và bảng tự chấm điểm cho ${cluster.name} năm ${cluster.year} (${formatDeadline(year.reportDeadline)}).`,
            dueAt: year.reportDeadline,
          });
          added++;
        }
      }
    }
    if (year.scoringDeadline && year.reportDeadline && now > year.reportDeadline) {
      const due = reminderDue(year.scoringDeadline, now);
      if (due && due !== 'overdue') {
        for (const memberId of cluster.memberIds) {
          const toScore = [...submitted].filter((t) => t !== memberId);
          const given = peerSheets.filter(
            (s) => s.orgUnitId === memberId && toScore.includes(s.targetOrgUnitId),
          ).length;
          if (given >= toScore.length) continue;
          await addNotification(db, {
            clusterId: cluster.id,
            orgUnitId: memberId,
            kind: `scoring_${due}`,
            message: `Đơn vị mới chấm chéo ${given}/${toScore.length} đơn vị; hạn chấm điểm chéo là ${formatDeadline(year.scoringDeadline)}.`,
            dueAt: year.scoringDeadline,
          });
          added++;
        }
      }
    }
  }
  return added;
}

/** The caller's ward and the units above it: notices are addressed to member wards. */
function recipientIds(ctx: RequestCtx, ancestors: readonly { id: string }[]): string[] {
  return [ctx.auth.orgUnitId, ...ancestors.map((a) => a.id)];
}

export async function listMyNotifications(ctx: RequestCtx, now = new Date()) {
  const db = ctx.deps.database.db;
  await sweepReminders(db, now);
  const directory = await ctx.deps.directory.get();
  const rows = await listNotifications(db, recipientIds(ctx, directory.ancestors(ctx.auth.orgUnitId)));
  return { rows, directory };
}

export async function readNotification(ctx: RequestCtx, id: string): Promise<boolean> {
  const directory = await ctx.deps.directory.get();
  return markNotificationRead(
    ctx.deps.database.db,
    id,
    recipientIds(ctx, directory.ancestors(ctx.auth.orgUnitId)),
  );
}
