import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Tag, Typography } from 'antd';
import { Digest, NotificationList } from '../../../contracts/notifications.ts';
import { Ok } from '../../../contracts/common.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { showError } from '../../app/feedback.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError } from '../../components/load-error.tsx';

/** The user's reminders (issue 7, item 5): the list, the daily digest and the calendar feed. */
export function NotificationsPage() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => apiGet('/api/v1/notifications', NotificationList, undefined, signal),
  });
  const digest = useQuery({
    queryKey: ['notifications', 'digest'],
    queryFn: ({ signal }) => apiGet('/api/v1/notifications/digest', Digest, undefined, signal),
  });
  const read = useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/v1/notifications/${id}/read`, Ok),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    onError: showError,
  });
  return (
    <Page
      title={
        <>
          Nhắc việc <Badge count={list.data?.unread ?? 0} />
        </>
      }
      subtitle="Hạn khắc phục sau kiểm tra, hồ sơ đề nghị khen thưởng, báo cáo cụm thi đua"
      extra={
        <Button href="/api/v1/notifications/calendar.ics" download>
          Tải lịch (.ics)
        </Button>
      }
    >
      {list.isError && <LoadError title="Không tải được thông báo." error={list.error} />}
      <Card size="small" title="Danh sách nhắc việc">
        {list.data && list.data.items.length === 0 ? (
          <EmptyState
            title="Không có việc nào cần nhắc."
            hint="Hệ thống kiểm tra các hạn mỗi sáng lúc 6 giờ."
          />
        ) : (
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            renderItem={(item) => (
              <List.Item
                actions={
                  item.readAt
                    ? [<Tag key="read">Đã đọc</Tag>]
                    : [
                        <Button key="read" size="small" onClick={() => read.mutate(item.id)}>
                          Đánh dấu đã đọc
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={item.readAt ? item.title : <strong>{item.title}</strong>}
                  description={`${item.body} — Hạn: ${formatDate(item.dueOn)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="Bản tin hằng ngày">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {digest.data?.text ?? ''}
        </Typography.Paragraph>
      </Card>
    </Page>
  );
}
