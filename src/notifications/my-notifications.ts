import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { RequestCtx } from '../platform/http/context.ts';
import { notFound } from '../platform/errors.ts';
import { notifications } from './notifications.schema.ts';
import { digestText } from './reminders.ts';
import { buildCalendar } from './icalendar.ts';

/**
 * A user's notices: those addressed to the user, and those addressed to the user's unit.
 * A unit notice is read once for the unit (whoever of it reads it first).
 */
function mine(ctx: RequestCtx) {
  return or(eq(notifications.userId, ctx.auth.userId), eq(notifications.orgUnitId, ctx.auth.orgUnitId));
}

export async function listMyNotifications(ctx: RequestCtx, unreadOnly = false) {
  const rows = await ctx.deps.database.db
    .select()
    .from(notifications)
    .where(unreadOnly ? and(mine(ctx), isNull(notifications.readAt)) : mine(ctx))
    .orderBy(asc(notifications.dueOn), asc(notifications.id))
    .limit(500);
  return rows;
}

export async function listNotificationsView(ctx: RequestCtx) {
  const rows = await listMyNotifications(ctx);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      dueOn: r.dueOn,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
    })),
    unread: rows.filter((r) => r.readAt === null).length,
  };
}

export async function markRead(ctx: RequestCtx, id: string): Promise<{ ok: true }> {
  const done = await ctx.deps.database.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), mine(ctx)))
    .returning({ id: notifications.id });
  if (done.length === 0) throw notFound('thông báo');
  return { ok: true };
}

export async function myDigest(ctx: RequestCtx, now = new Date()) {
  const rows = await listMyNotifications(ctx, true);
  return { text: digestText(ctx.auth.displayName, now, rows), count: rows.length };
}

export async function myCalendar(ctx: RequestCtx, now = new Date()): Promise<string> {
  const rows = await listMyNotifications(ctx);
  return buildCalendar(
    `Nhắc việc TĐKT — ${ctx.auth.displayName}`,
    now,
    rows.map((r) => ({ uid: `${r.id}@tdkt`, date: r.dueOn, summary: r.title, description: r.body })),
  );
}
