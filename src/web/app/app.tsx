import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { feedback } from './feedback.ts';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './router.tsx';

dayjs.locale('vi');

/**
 * Under automation (Playwright sets navigator.webdriver) antd's animations are off, so a
 * screenshot or a click never meets a half-faded dropdown.
 */
const automated = typeof navigator !== 'undefined' && navigator.webdriver === true;

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fad',
    borderRadius: 6,
    fontFamily:
      "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif",
    ...(automated ? { motion: false } : {}),
  },
};

/** Hands antd's context-bound message and notification to code outside components. */
function FeedbackBridge() {
  const api = AntApp.useApp();
  feedback.message = api.message;
  feedback.notification = api.notification;
  return null;
}

export function App() {
  const client = useMemo(createQueryClient, []);
  const router = useMemo(createRouter, []);
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <FeedbackBridge />
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
