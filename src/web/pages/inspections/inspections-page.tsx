import { useEffect, useState } from 'react';
import {} from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { InspectionList, InspectionSummary } from '../../../contracts/inspections.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkingYear } from '../../app/working-year.ts';
import { PlanDetail } from './plan-detail.tsx';
import { PlanFormModal } from './plan-form.tsx';
import { LoadError } from '../../components/load-error.tsx';

/** Inspections of emulation and commendation work (issue 7, item 4): plans, checklists, follow-ups. */
export function InspectionsPage() {
  const session = useCurrentSession();
  const [year] = useWorkingYear();
  const [selected, setSelected] = useState<string | null>(null);
  // A plan of another year is not on this year's list.
  useEffect(() => setSelected(null), [year]);
  const [creating, setCreating] = useState(false);
  const canWrite = allows(session, ['admin', 'officer']);
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
        <Flex gap={8}>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập kế hoạch kiểm tra
            </Button>
          )}
        </Flex>
      }
    >
      {plans.isError && <LoadError title="Không tải được kế hoạch kiểm tra." error={plans.error} />}
      {summary.data && <Alert type="info" showIcon title={summary.data.sentence} />}
      <Card size="small" title="Kế hoạch kiểm tra">
        {plans.data && plans.data.items.length === 0 ? (
          <EmptyState
            title={`Chưa có kế hoạch kiểm tra năm ${year}.`}
            hint={
              canWrite
                ? 'Bấm “Lập kế hoạch kiểm tra” để chọn đơn vị, thời gian, đoàn kiểm tra và nội dung; hoặc chọn năm khác.'
                : 'Chọn năm khác ở góc phải.'
            }
          />
        ) : (
          <Table
            rowKey="id"
            size="small"
            data-testid="inspection-plans"
            loading={plans.isLoading}
            rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
            dataSource={plans.data?.items ?? []}
            pagination={false}
            onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
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
      {selected && <PlanDetail id={selected} canWrite={canWrite} />}
      {creating && (
        <PlanFormModal
          bodyId={session.orgUnit.id}
          bodyName={session.orgUnit.name}
          year={year}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
          }}
        />
      )}
    </Page>
  );
}
