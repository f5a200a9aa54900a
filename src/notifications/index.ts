export { notificationsRoutes } from './notifications.routes.ts';
export { sweepReminders, startReminderSweeps } from './sweep-reminders.ts';
export { remindersDue, type Reminder, type ReminderFacts } from './reminders.ts';
export { notifications } from './notifications.schema.ts';
