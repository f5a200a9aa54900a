import type { ReactNode } from 'react';
import { Empty } from 'antd';

/** An empty list that says why it is empty and what to do next. */
export function EmptyState({ title, hint, action }: { title: string; hint?: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div style={{ fontWeight: 500 }}>{title}</div>
          {hint && <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{hint}</div>}
        </>
      }
    >
      {action}
    </Empty>
  );
}
