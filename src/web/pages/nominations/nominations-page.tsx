import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, InputNumber, Select, Space, Table, Tag, Tooltip } from 'antd';
import { NominationList, PrefillResult, type NominationSummary } from '../../../contracts/nominations.ts';
import { apiGet, apiSend, ApiError } from '../../lib/api.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { feedback } from '../../app/feedback.ts';
import { Page } from '../../components/page.tsx';

const STATUS_OPTIONS: { value: string; label: string; color: string }[] = [
  { value: 'draft', label: 'Đang soạn', color: 'default' },
  { value: 'submitted', label: 'Đã gửi, chờ duyệt', color: 'blue' },
  { value: 'returned', label: 'Bị trả lại', color: 'orange' },
  { value: 'accepted', label: 'Đã tiếp nhận', color: 'cyan' },
  { value: 'at_council', label: 'Đang trình Hội đồng', color: 'purple' },
  { value: 'approved', label: 'Hội đồng đề nghị khen', color: 'green' },
  { value: 'not_approved', label: 'Hội đồng không đề nghị', color: 'red' },
  { value: 'decided', label: 'Đã có quyết định', color: 'success' },
  { value: 'forwarded', label: 'Đã trình cấp trên', color: 'geekblue' },
  { value: 'result_recorded', label: 'Đã ghi nhận kết quả cấp trên', color: 'default' },
];
const colorOf = (status: string) => STATUS_OPTIONS.find((s) => s.value === status)?.color ?? 'default';

const COLUMNS = [
  { title: 'Người / tập thể được đề nghị', dataIndex: 'subjectName', key: 'subjectName' },
  { title: 'Đơn vị đề nghị', dataIndex: 'orgUnitName', key: 'orgUnitName' },
  { title: 'Danh hiệu / hình thức', dataIndex: 'awardName', key: 'awardName' },
  { title: 'Loại', dataIndex: 'kindLabel', key: 'kindLabel', width: 120 },
  {
    title: 'Trạng thái',
    key: 'status',
    width: 190,
    render: (_: unknown, n: NominationSummary) => (
      <Tooltip title={n.returnReason ?? undefined}>
        <Tag color={colorOf(n.status)}>{n.statusLabel}</Tag>
      </Tooltip>
    ),
  },
  {
    title: 'Đối chiếu tiêu chuẩn',
    key: 'eligible',
    width: 170,
    render: (_: unknown, n: NominationSummary) =>
      n.eligible === true ? (
        <Tag color="green">Đủ tiêu chuẩn</Tag>
      ) : n.eligible === false ? (
        <Tag color="red">Chưa đủ tiêu chuẩn</Tag>
      ) : (
        <Tag>Cần thẩm định</Tag>
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
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const list = useQuery({
    queryKey: ['nominations', year, status],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/nominations', NominationList, { year, status, limit: 200 }, signal),
  });
  const prefill = useMutation({
    mutationFn: () =>
      apiSend('POST', '/api/v1/nominations/prefill', PrefillResult, { orgUnitId: session.orgUnit.id, year }),
    onSuccess: async (r) => {
      feedback.message?.success(
        `Đã lập ${r.created} đề nghị gợi ý từ kết quả xếp loại; ${r.skipped} người đã có đề nghị.`,
      );
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
    },
    onError: (e) =>
      feedback.message?.error(e instanceof ApiError ? e.message : 'Không lập được danh sách gợi ý.'),
  });
  const counts = list.data?.countsByStatus ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Page
      title="Đề nghị khen thưởng"
      subtitle={`Năm ${year}: ${total} hồ sơ`}
      extra={
        <Space wrap>
          <InputNumber
            aria-label="Năm"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Mọi trạng thái"
            style={{ width: 220 }}
            value={status}
            onChange={setStatus}
            options={STATUS_OPTIONS.map((s) => ({
              value: s.value,
              label: `${s.label} (${counts[s.value] ?? 0})`,
            }))}
          />
          {allows(session, ['admin', 'officer', 'unit_head']) && (
            <Button type="primary" loading={prefill.isPending} onClick={() => prefill.mutate()}>
              Lập danh sách gợi ý cuối năm
            </Button>
          )}
        </Space>
      }
    >
      {list.error && <Alert type="error" showIcon message="Không tải được danh sách đề nghị." />}
      <Flex vertical>
        <Table<NominationSummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={COLUMNS}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: 'Chưa có đề nghị khen thưởng nào cho năm này.' }}
        />
      </Flex>
    </Page>
  );
}
