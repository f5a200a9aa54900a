import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { ApiError } from '../lib/api.ts';

/**
 * antd's message and notification bound to the app's theme and locale. `FeedbackBridge`
 * (app.tsx) fills these from `App.useApp()`, so code outside components (the query cache)
 * can show errors too.
 */
export const feedback: { message: MessageInstance | null; notification: NotificationInstance | null } = {
  message: null,
  notification: null,
};

const FALLBACK = 'Đã có lỗi xảy ra. Vui lòng thử lại.';

/** The Vietnamese sentence to show for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[À-ỹ]/u.test(error.message)) return error.message;
  return FALLBACK;
}

/** Shows an error the way the whole app does: the API's message, and its code for support. */
export function showError(error: unknown): void {
  const text = errorText(error);
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  if (feedback.notification) {
    feedback.notification.error({
      title: text,
      description: correlationId ? `Mã tra cứu lỗi: ${correlationId}` : undefined,
      placement: 'topRight',
    });
  } else {
    console.error(text, error);
  }
}

export function showSuccess(text: string): void {
  void feedback.message?.success(text);
}
