import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Table } from 'antd';
import { InspectionDetail, type CreateInspection } from '../../../contracts/inspections.ts';
import { OrgTreeResponse } from '../../../contracts/organizations.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { unitsBelow } from './inspection-labels.ts';

type Draft = {
  title: string;
  subject: string;
  inspectors: string;
  startsOn: string | null;
  endsOn: string | null;
  units: { orgUnitId: string; scheduledOn: string | null }[];
};

const EMPTY: Draft = { title: '', subject: '', inspectors: '', startsOn: null, endsOn: null, units: [] };

/** What still stops the plan from being saved, in Vietnamese; null when it can be saved. */
export function draftProblem(d: Draft): string | null {
  if (!d.title.trim()) return 'Nhập tên kế hoạch kiểm tra.';
  if (!d.subject.trim()) return 'Nhập nội dung kiểm tra.';
  if (!d.inspectors.trim()) return 'Nhập thành phần đoàn kiểm tra.';
  if (!d.startsOn || !d.endsOn) return 'Chọn thời gian kiểm tra (từ ngày, đến ngày).';
  if (d.endsOn < d.startsOn) return 'Ngày kết thúc phải sau ngày bắt đầu.';
  if (d.units.length === 0) return 'Chọn ít nhất một đơn vị được kiểm tra.';
  const outside = d.units.find(
    (u) => u.scheduledOn && (u.scheduledOn < d.startsOn! || u.scheduledOn > d.endsOn!),
  );
  if (outside) return 'Ngày kiểm tra từng đơn vị phải nằm trong thời gian của kế hoạch.';
  return null;
}

/**
 * A new inspection plan of the body for the year: which units, when, by whom, about what. The
 * standard checklist is attached to every unit by the server.
 */
export function PlanFormModal({
  bodyId,
  bodyName,
  year,
  onClose,
  onCreated,
}: {
  bodyId: string;
  bodyName: string;
  year: number;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [tried, setTried] = useState(false);
  // The units as they stood when the inspection starts (a ward merged in 2025 still lists its 2023 units).
  const asOf = draft.startsOn ?? `${year}-01-01`;
  const tree = useQuery({
    queryKey: ['org-units', 'tree', asOf],
    queryFn: ({ signal }) => apiGet('/api/v1/org-units/tree', OrgTreeResponse, { asOf }, signal),
  });
  const options = unitsBelow(tree.data?.roots ?? [], bodyId);
  const nameOf = new Map(options.map((o) => [o.value, o.label]));
  const problem = draftProblem(draft);
  const create = useMutation({
    mutationFn: (body: CreateInspection) => apiSend('POST', '/api/v1/inspections', InspectionDetail, body),
    onSuccess: async (plan) => {
      await client.invalidateQueries({ queryKey: ['inspections'] });
      showSuccess(`Đã lập kế hoạch “${plan.title}”.`);
      onCreated(plan.id);
    },
    onError: showError,
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () => {
    setTried(true);
    if (problem) return;
    create.mutate({
      orgUnitId: bodyId,
      year,
      title: draft.title.trim(),
      subject: draft.subject.trim(),
      inspectors: draft.inspectors.trim(),
      startsOn: draft.startsOn!,
      endsOn: draft.endsOn!,
      units: draft.units,
    });
  };
  return (
    <Modal
      open
      width={720}
      title={`Lập kế hoạch kiểm tra năm ${year} — ${bodyName}`}
      okText="Lưu kế hoạch"
      cancelText="Hủy"
      okButtonProps={{ loading: create.isPending }}
      onCancel={onClose}
      onOk={submit}
    >
      <Form layout="vertical">
        <Form.Item label="Tên kế hoạch" required>
          <Input
            aria-label="Tên kế hoạch"
            maxLength={300}
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
            placeholder="Ví dụ: Kiểm tra công tác thi đua, khen thưởng năm 2024"
          />
        </Form.Item>
        <Form.Item label="Nội dung kiểm tra" required>
          <Input.TextArea
            aria-label="Nội dung kiểm tra"
            maxLength={2000}
            rows={3}
            value={draft.subject}
            onChange={(e) => set({ subject: e.target.value })}
            placeholder="Việc đăng ký, ký kết giao ước thi đua; báo cáo đúng hạn; sử dụng quỹ thi đua, khen thưởng"
          />
        </Form.Item>
        <Form.Item label="Thành phần đoàn kiểm tra" required>
          <Input
            aria-label="Thành phần đoàn kiểm tra"
            maxLength={500}
            value={draft.inspectors}
            onChange={(e) => set({ inspectors: e.target.value })}
            placeholder="Ví dụ: Phó Chủ tịch UBND phường (trưởng đoàn), công chức Văn phòng"
          />
        </Form.Item>
        <Form.Item label="Thời gian kiểm tra" required>
          <DateInput
            aria-label="Từ ngày"
            placeholder="Từ ngày (dd/mm/yyyy)"
            value={draft.startsOn}
            onChange={(startsOn) => set({ startsOn })}
          />{' '}
          <DateInput
            aria-label="Đến ngày"
            placeholder="Đến ngày (dd/mm/yyyy)"
            value={draft.endsOn}
            onChange={(endsOn) => set({ endsOn })}
          />
        </Form.Item>
        <Form.Item label="Đơn vị được kiểm tra" required>
          <Select
            aria-label="Đơn vị được kiểm tra"
            mode="multiple"
            loading={tree.isLoading}
            options={options}
            optionFilterProp="label"
            placeholder="Chọn các đơn vị"
            notFoundContent={<EmptyState title="Không có đơn vị trực thuộc để kiểm tra." />}
            value={draft.units.map((u) => u.orgUnitId)}
            onChange={(ids: string[]) =>
              set({
                units: ids.map(
                  (id) => draft.units.find((u) => u.orgUnitId === id) ?? { orgUnitId: id, scheduledOn: null },
                ),
              })
            }
          />
        </Form.Item>
        {draft.units.length > 0 && (
          <Table
            rowKey="orgUnitId"
            size="small"
            pagination={false}
            dataSource={draft.units}
            columns={[
              { title: 'Đơn vị', key: 'name', render: (_: unknown, u) => nameOf.get(u.orgUnitId) ?? '' },
              {
                title: 'Ngày kiểm tra (nếu đã định)',
                key: 'on',
                render: (_: unknown, u) => (
                  <DateInput
                    aria-label={`Ngày kiểm tra ${nameOf.get(u.orgUnitId) ?? ''}`}
                    value={u.scheduledOn}
                    onChange={(scheduledOn) =>
                      set({
                        units: draft.units.map((x) =>
                          x.orgUnitId === u.orgUnitId ? { ...x, scheduledOn } : x,
                        ),
                      })
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </Form>
      {tried && problem && <Alert type="warning" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
