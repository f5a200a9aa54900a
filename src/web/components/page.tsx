import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

type PageProps = {
  title: ReactNode;
  /** One line under the title: what the page is for, or where the record belongs. */
  subtitle?: ReactNode;
  /** Actions on the right of the title (buttons, filters). */
  extra?: ReactNode;
  children: ReactNode;
};

/** The heading every page uses, so pages look alike. */
export function Page({ title, subtitle, extra, children }: PageProps) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {extra}
      </Flex>
      {children}
    </Flex>
  );
}
