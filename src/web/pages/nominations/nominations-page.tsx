import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Select, Space, Table, Tag, Tooltip } from 'antd';
import {
  NominationCounts,
  NominationList,
  PrefillResult,
  type NominationSummary,
} from '../../../contracts/nominations.ts';
import { apiGet, apiSend, ApiError } from '../../lib/api.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { feedback } from '../../app/feedback.ts';
import { useWorkingYear } from '../../app/working-year.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { NOMINATION_STATUS_OPTIONS, statusColor } from './nomination-labels.ts';
import { CollectiveRatingsDialog } from './collective-ratings-dialog.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { UnverifiedTag } from '../../components/unverified-tag.tsx';

const COLUMNS = [
  {
    title: 'Người / tập thể được đề nghị',
    key: 'subjectName',
    render: (_: unknown, n: NominationSummary) => <Link to={`/nominations/${n.id}`}>{n.subjectName}</Link>,
  },
  { title: 'Đơn vị đề nghị', dataIndex: 'orgUnitName', key: 'orgUnitName' },
  { title: 'Danh hiệu / hình thức', dataIndex: 'awardName', key: 'awardName' },
  { title: 'Loại', dataIndex: 'kindLabel', key: 'kindLabel', width: 120 },
  {
    title: 'Trạng thái',
    key: 'status',
    width: 190,
    render: (_: unknown, n: NominationSummary) => (
      <Tooltip title={n.returnReason ?? undefined}>
        <Tag color={statusColor(n.status)}>{n.statusLabel}</Tag>
      </Tooltip>
    ),
  },
  {
    title: 'Đối chiếu tiêu chuẩn',
    key: 'eligible',
    width: 200,
    render: (_: unknown, n: NominationSummary) => (
      <Flex wrap gap={4}>
        {n.eligible === true ? (
          <Tag color="green">Đủ tiêu chuẩn</Tag>
        ) : n.eligible === false ? (
          <Tag color="red">Chưa đủ tiêu chuẩn</Tag>
        ) : (
          <Tag>Cần thẩm định</Tag>
        )}
        <UnverifiedTag citations={n.unverifiedCitations} />
      </Flex>
    ),
  },
  {
    title: 'Trùng lặp',
    key: 'conflicts',
    width: 110,
    render: (_: unknown, n: NominationSummary) =>
      n.conflictCount > 0 ? <Tag color="volcano">{n.conflictCount} cảnh báo</Tag> : '—',
  },
];

/** The year's nominations of the user's scope, filtered by status, with the year-end pre-fill. */
export function NominationsPage() {
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const [year] = useWorkingYear();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [rating, setRating] = useState(false);
  const list = useQuery({
    queryKey: ['nominations', year, status],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/nominations', NominationList, { year, status, limit: 200 }, signal),
  });
  // The counts per status are their own request: paging or filtering the list never recounts.
  const countQuery = useQuery({
    queryKey: ['nominations', 'counts', year],
    queryFn: ({ signal }) => apiGet('/api/v1/nominations/counts', NominationCounts, { year }, signal),
  });
  const prefill = useMutation({
    mutationFn: () =>
      apiSend('POST', '/api/v1/nominations/prefill', PrefillResult, { orgUnitId: session.orgUnit.id, year }),
    onSuccess: async (r) => {
      feedback.message?.success(
        `Đã lập ${r.created} đề nghị gợi ý từ kết quả xếp loại; ${r.skipped} người, tập thể đã có đề nghị.`,
      );
      if (r.unratedCollectives > 0) {
        feedback.message?.info(
          `${r.unratedCollectives} tập thể chưa có xếp loại năm ${year} nên chưa được xét danh hiệu tập thể: bấm “Xếp loại tập thể” để nhập.`,
        );
      }
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
    },
    onError: (e) =>
      feedback.message?.error(e instanceof ApiError ? e.message : 'Không lập được danh sách gợi ý.'),
  });
  const counts = countQuery.data?.countsByStatus ?? {};
  const total = countQuery.data?.total ?? 0;
  return (
    <Page
      title="Đề nghị khen thưởng"
      subtitle={`Năm ${year}: ${total} hồ sơ`}
      extra={
        <Space wrap>
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Mọi trạng thái"
            style={{ width: 220 }}
            value={status}
            onChange={setStatus}
            options={NOMINATION_STATUS_OPTIONS.map((s) => ({
              value: s.value,
              label: `${s.label} (${counts[s.value] ?? 0})`,
            }))}
          />
          {allows(session, ['admin', 'officer']) && (
            <Button onClick={() => setRating(true)}>Xếp loại tập thể</Button>
          )}
          {allows(session, ['admin', 'officer', 'unit_head']) && (
            <Button type="primary" loading={prefill.isPending} onClick={() => prefill.mutate()}>
              Lập danh sách gợi ý cuối năm
            </Button>
          )}
        </Space>
      }
    >
      {list.error && <LoadError title="Không tải được danh sách đề nghị." />}
      <Flex vertical>
        <Table<NominationSummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={COLUMNS}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{
            emptyText: (
              <EmptyState
                title={`Chưa có đề nghị khen thưởng nào cho năm ${year}${status ? ' ở trạng thái này' : ''}.`}
                hint="Bấm “Lập danh sách gợi ý cuối năm” để hệ thống lập đề nghị từ kết quả xếp loại, hoặc chọn năm khác."
              />
            ),
          }}
        />
      </Flex>
      {rating && (
        <CollectiveRatingsDialog bodyId={session.orgUnit.id} year={year} onClose={() => setRating(false)} />
      )}
    </Page>
  );
}
