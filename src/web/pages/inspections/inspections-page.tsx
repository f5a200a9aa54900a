import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import { InspectionDetail, InspectionList, InspectionSummary } from '../../../contracts/inspections.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError } from '../../app/feedback.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { yearOptions, yearParam } from '../council/council-labels.ts';

const RESULT_LABELS: Readonly<Record<string, { text: string; color: string }>> = {
  pass: { text: 'Đạt', color: 'green' },
  fail: { text: 'Chưa đạt', color: 'red' },
  not_applicable: { text: 'Không áp dụng', color: 'default' },
};
const STATUS_LABELS: Readonly<Record<string, string>> = {
  open: 'Đang thực hiện',
  done: 'Đã khắc phục',
  cancelled: 'Hủy',
};

/** Inspections of emulation and commendation work (issue 7, item 4): plans, checklists, follow-ups. */
export function InspectionsPage() {
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params.get('year'), new Date().getFullYear());
  const [selected, setSelected] = useState<string | null>(null);
  const plans = useQuery({
    queryKey: ['inspections', year],
    queryFn: ({ signal }) => apiGet('/api/v1/inspections', InspectionList, { year }, signal),
  });
  const summary = useQuery({
    queryKey: ['inspections', 'summary', session.orgUnit.id, year],
    queryFn: ({ signal }) =>
      apiGet(
        '/api/v1/inspections/summary',
        InspectionSummary,
        { orgUnitId: session.orgUnit.id, year },
        signal,
      ),
  });
  return (
    <Page
      title="Kiểm tra công tác thi đua, khen thưởng"
      subtitle={`${session.orgUnit.name}, năm ${year}`}
      extra={
        <Select
          aria-label="Năm"
          value={year}
          options={yearOptions()}
          onChange={(y: number) => setParams({ year: String(y) }, { replace: true })}
          style={{ width: 130 }}
        />
      }
    >
      {plans.isError && (
        <Alert
          type="error"
          showIcon
          title="Không tải được kế hoạch kiểm tra."
          description={plans.error.message}
        />
      )}
      {summary.data && <Alert type="info" showIcon title={summary.data.sentence} />}
      <Card size="small" title="Kế hoạch kiểm tra">
        {plans.data && plans.data.items.length === 0 ? (
          <EmptyState title={`Chưa có kế hoạch kiểm tra năm ${year}.`} hint="Chọn năm khác ở góc phải." />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={plans.isLoading}
            dataSource={plans.data?.items ?? []}
            pagination={false}
            onRow={(row) => ({ onClick: () => setSelected(row.id) })}
            columns={[
              { title: 'Kế hoạch', dataIndex: 'title' },
              { title: 'Nội dung', dataIndex: 'subject' },
              { title: 'Đoàn kiểm tra', dataIndex: 'inspectors' },
              { title: 'Từ ngày', dataIndex: 'startsOn', render: (d: string) => formatDate(d) },
              { title: 'Đến ngày', dataIndex: 'endsOn', render: (d: string) => formatDate(d) },
            ]}
          />
        )}
      </Card>
      {selected && <PlanDetail id={selected} canWrite={allows(session, ['admin', 'officer'])} />}
    </Page>
  );
}

function PlanDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['inspection', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/inspections/${id}`, InspectionDetail, undefined, signal),
  });
  const setStatus = useMutation({
    mutationFn: ({ taskId, status }: { taskId: string; status: 'done' | 'open' }) =>
      apiSend('PATCH', `/api/v1/inspection-tasks/${taskId}`, InspectionDetail, { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inspection'] }),
    onError: showError,
  });
  if (!detail.data) return null;
  const plan = detail.data;
  return (
    <Card size="small" title={plan.title}>
      <Flex vertical gap={12}>
        {plan.units.map((u) => (
          <Card key={u.id} size="small" type="inner" title={u.orgUnitName}>
            <Descriptions size="small" column={1}>
              {u.checklist.map((item) => (
                <Descriptions.Item key={item.code} label={item.label}>
                  {item.result ? (
                    <Tag color={RESULT_LABELS[item.result]?.color}>{RESULT_LABELS[item.result]?.text}</Tag>
                  ) : (
                    <Tag>Chưa kiểm tra</Tag>
                  )}
                  {item.note}
                </Descriptions.Item>
              ))}
            </Descriptions>
            {u.findings && <Typography.Paragraph>Kết luận: {u.findings}</Typography.Paragraph>}
          </Card>
        ))}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plan.tasks}
          columns={[
            { title: 'Việc cần khắc phục', dataIndex: 'title' },
            { title: 'Người chịu trách nhiệm', dataIndex: 'ownerName' },
            { title: 'Hạn', dataIndex: 'dueOn', render: (d: string) => formatDate(d) },
            { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? s },
            {
              title: '',
              key: 'action',
              render: (_: unknown, task) =>
                canWrite && task.status === 'open' ? (
                  <Button size="small" onClick={() => setStatus.mutate({ taskId: task.id, status: 'done' })}>
                    Đã khắc phục
                  </Button>
                ) : null,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
