import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import {
  InspectionDetail,
  type ChecklistItem,
  type CreateInspectionTask,
  type SaveInspectedUnit,
} from '../../../contracts/inspections.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { RESULT_LABELS, RESULT_OPTIONS, STATUS_LABELS } from './inspection-labels.ts';

type Unit = InspectionDetail['units'][number];

/** One plan: its units with their checklist and findings, and the follow-up tasks. */
export function PlanDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<Unit | null>(null);
  const [addingTask, setAddingTask] = useState(false);
  const detail = useQuery({
    queryKey: ['inspection', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/inspections/${id}`, InspectionDetail, undefined, signal),
  });
  const setStatus = useMutation({
    mutationFn: ({ taskId, status }: { taskId: string; status: 'done' | 'open' | 'cancelled' }) =>
      apiSend('PATCH', `/api/v1/inspection-tasks/${taskId}`, InspectionDetail, { status }),
    onSuccess: (plan) => {
      client.setQueryData(['inspection', id], plan);
      void client.invalidateQueries({ queryKey: ['inspections', 'summary'] });
    },
    onError: showError,
  });
  if (!detail.data) return null;
  const plan = detail.data;
  return (
    <Card size="small" title={plan.title} data-testid="inspection-detail">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Nội dung kiểm tra">{plan.subject}</Descriptions.Item>
        <Descriptions.Item label="Đoàn kiểm tra">{plan.inspectors}</Descriptions.Item>
        <Descriptions.Item label="Thời gian">
          {formatDate(plan.startsOn)} – {formatDate(plan.endsOn)}
        </Descriptions.Item>
      </Descriptions>
      <Flex vertical gap={12}>
        {plan.units.map((u) => (
          <Card
            key={u.id}
            size="small"
            type="inner"
            title={`${u.orgUnitName}${u.scheduledOn ? ` — ngày ${formatDate(u.scheduledOn)}` : ''}`}
            extra={
              canWrite && (
                <Button size="small" onClick={() => setEditing(u)}>
                  Ghi kết quả
                </Button>
              )
            }
          >
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
            {u.findings ? (
              <Typography.Paragraph style={{ marginBottom: 0 }}>Kết luận: {u.findings}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">Chưa có kết luận kiểm tra.</Typography.Text>
            )}
          </Card>
        ))}
        <Card
          size="small"
          type="inner"
          title="Việc cần khắc phục sau kiểm tra"
          extra={
            canWrite && (
              <Button size="small" onClick={() => setAddingTask(true)}>
                Thêm việc cần khắc phục
              </Button>
            )
          }
        >
          {plan.tasks.length === 0 ? (
            <EmptyState
              title="Chưa có việc cần khắc phục."
              hint="Sau khi kiểm tra, ghi việc đơn vị phải khắc phục, người chịu trách nhiệm và hạn hoàn thành."
            />
          ) : (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={plan.tasks}
              columns={[
                { title: 'Việc cần khắc phục', dataIndex: 'title' },
                {
                  title: 'Đơn vị',
                  key: 'unit',
                  render: (_: unknown, t) => plan.units.find((u) => u.orgUnitId === t.orgUnitId)?.orgUnitName,
                },
                { title: 'Người chịu trách nhiệm', dataIndex: 'ownerName' },
                { title: 'Hạn', dataIndex: 'dueOn', render: (d: string) => formatDate(d) },
                { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? s },
                {
                  title: '',
                  key: 'action',
                  render: (_: unknown, task) =>
                    canWrite && task.status === 'open' ? (
                      <Flex gap={4}>
                        <Button
                          size="small"
                          onClick={() => setStatus.mutate({ taskId: task.id, status: 'done' })}
                        >
                          Đã khắc phục
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => setStatus.mutate({ taskId: task.id, status: 'cancelled' })}
                        >
                          Hủy việc
                        </Button>
                      </Flex>
                    ) : null,
                },
              ]}
            />
          )}
        </Card>
      </Flex>
      {editing && <UnitResultModal planId={plan.id} unit={editing} onClose={() => setEditing(null)} />}
      {addingTask && <TaskModal plan={plan} onClose={() => setAddingTask(false)} />}
    </Card>
  );
}

/** The checklist results (Đạt / Chưa đạt / Không áp dụng, with a note) and the findings of one unit. */
function UnitResultModal({ planId, unit, onClose }: { planId: string; unit: Unit; onClose: () => void }) {
  const client = useQueryClient();
  const [checklist, setChecklist] = useState<ChecklistItem[]>(unit.checklist);
  const [findings, setFindings] = useState(unit.findings ?? '');
  const save = useMutation({
    mutationFn: (body: SaveInspectedUnit) =>
      apiSend('PUT', `/api/v1/inspections/${planId}/units/${unit.orgUnitId}`, InspectionDetail, body),
    onSuccess: (plan) => {
      client.setQueryData(['inspection', planId], plan);
      void client.invalidateQueries({ queryKey: ['inspections', 'summary'] });
      showSuccess(`Đã ghi kết quả kiểm tra ${unit.orgUnitName}.`);
      onClose();
    },
    onError: showError,
  });
  const setItem = (code: string, patch: Partial<ChecklistItem>) =>
    setChecklist((items) => items.map((i) => (i.code === code ? { ...i, ...patch } : i)));
  return (
    <Modal
      open
      width={720}
      title={`Kết quả kiểm tra — ${unit.orgUnitName}`}
      okText="Lưu kết quả"
      cancelText="Hủy"
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() =>
        save.mutate({
          checklist: checklist.map((i) => ({ ...i, note: i.note?.trim() ? i.note.trim() : null })),
          findings: findings.trim() ? findings.trim() : null,
        })
      }
    >
      <Form layout="vertical">
        {checklist.map((item) => (
          <Form.Item key={item.code} label={item.label}>
            <Flex gap={8}>
              <Select
                aria-label={`Kết quả: ${item.label}`}
                style={{ width: 170 }}
                allowClear
                placeholder="Chưa kiểm tra"
                options={[...RESULT_OPTIONS]}
                value={item.result ?? undefined}
                onChange={(v?: ChecklistItem['result']) => setItem(item.code, { result: v ?? null })}
              />
              <Input
                aria-label={`Ghi chú: ${item.label}`}
                placeholder="Ghi chú"
                maxLength={2000}
                value={item.note ?? ''}
                onChange={(e) => setItem(item.code, { note: e.target.value })}
              />
            </Flex>
          </Form.Item>
        ))}
        <Form.Item label="Kết luận kiểm tra">
          <Input.TextArea
            aria-label="Kết luận kiểm tra"
            rows={4}
            maxLength={20000}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A follow-up task: what the unit must put right, who answers for it, by when. */
function TaskModal({ plan, onClose }: { plan: InspectionDetail; onClose: () => void }) {
  const client = useQueryClient();
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>(plan.units[0]?.orgUnitId);
  const [title, setTitle] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const ready = !!orgUnitId && !!title.trim() && !!ownerName.trim() && !!dueOn;
  const add = useMutation({
    mutationFn: (body: CreateInspectionTask) =>
      apiSend('POST', `/api/v1/inspections/${plan.id}/tasks`, InspectionDetail, body),
    onSuccess: (next) => {
      client.setQueryData(['inspection', plan.id], next);
      void client.invalidateQueries({ queryKey: ['inspections', 'summary'] });
      showSuccess('Đã thêm việc cần khắc phục.');
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title="Thêm việc cần khắc phục"
      okText="Thêm"
      cancelText="Hủy"
      okButtonProps={{ disabled: !ready, loading: add.isPending }}
      onCancel={onClose}
      onOk={() =>
        add.mutate({
          orgUnitId: orgUnitId!,
          title: title.trim(),
          ownerName: ownerName.trim(),
          ownerUserId: null,
          dueOn: dueOn!,
        })
      }
    >
      <Form layout="vertical">
        <Form.Item label="Đơn vị thực hiện" required>
          <Select
            aria-label="Đơn vị thực hiện"
            value={orgUnitId}
            onChange={setOrgUnitId}
            options={plan.units.map((u) => ({ value: u.orgUnitId, label: u.orgUnitName }))}
          />
        </Form.Item>
        <Form.Item label="Việc cần khắc phục" required>
          <Input.TextArea
            aria-label="Việc cần khắc phục"
            rows={2}
            maxLength={500}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
        <Form.Item label="Người chịu trách nhiệm" required>
          <Input
            aria-label="Người chịu trách nhiệm"
            maxLength={200}
            value={ownerName}
            onChange={(e) => setOwnerName(e.target.value)}
          />
        </Form.Item>
        <Form.Item label="Hạn hoàn thành" required>
          <DateInput aria-label="Hạn hoàn thành" value={dueOn} onChange={setDueOn} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
