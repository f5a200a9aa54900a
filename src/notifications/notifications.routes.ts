import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Digest, NotificationList } from '../contracts/notifications.ts';
import { Ok, Uuid } from '../contracts/common.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { listNotificationsView, markRead, myCalendar, myDigest } from './my-notifications.ts';

// Every signed-in user reads only the notices addressed to them or their own unit.
const self = { access: { roles: 'authenticated' as const, scope: 'self' as const } };

/** In-app reminders, the daily digest and the calendar feed (issue 7, item 5). */
export async function notificationsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/notifications',
    { config: self, schema: { response: { 200: NotificationList } } },
    async (req) => listNotificationsView(ctxOf(req, deps)),
  );
  r.post(
    '/api/v1/notifications/:notificationId/read',
    { config: self, schema: { params: z.object({ notificationId: Uuid }), response: { 200: Ok } } },
    async (req) => markRead(ctxOf(req, deps), req.params.notificationId),
  );
  r.get(
    '/api/v1/notifications/digest',
    { config: self, schema: { response: { 200: Digest } } },
    async (req) => myDigest(ctxOf(req, deps)),
  );
  r.get('/api/v1/notifications/calendar.ics', { config: self }, async (req, reply) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="nhac-viec-tdkt.ics"')
      .send(await myCalendar(ctxOf(req, deps))),
  );
}
