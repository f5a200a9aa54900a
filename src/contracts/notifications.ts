import { z } from 'zod';

export const NotificationDto = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  dueOn: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;
export const NotificationList = z.object({ items: z.array(NotificationDto), unread: z.number() });
export const Digest = z.object({ text: z.string(), count: z.number() });
