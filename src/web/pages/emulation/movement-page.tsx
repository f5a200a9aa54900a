import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { z } from 'zod';
import { MovementDetail, TargetDto } from '../../../contracts/emulation.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatNumber, todayIso } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { FullPageSpin } from '../../app/app-layout.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { MOVEMENT_ACTIONS, MOVEMENT_KIND_LABELS, MOVEMENT_STATUS_COLORS } from './emulation-labels.ts';
import type { MovementActionCode } from './emulation-labels.ts';
import { useUnitNames } from './use-unit-names.ts';
import { LoadError } from '../../components/load-error.tsx';

type Detail = z.infer<typeof MovementDetail>;
type Target = Detail['targets'][number];

const OFFICERS = ['admin', 'officer'] as const;
const UNIT_WRITERS = ['admin', 'officer', 'unit_head'] as const;
const RUNNING = new Set(['launched', 'in_progress', 'reviewed']);

/** One movement: its particulars, status steps, numeric targets with owners and their progress. */
export function MovementPage() {
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['movement', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/movements/${id}`, MovementDetail, undefined, signal),
  });
  const names = useUnitNames(detail.data?.startsOn);
  if (detail.isPending) return <FullPageSpin />;
  if (detail.isError) {
    return <LoadError title="Không tải được phong trào thi đua." error={detail.error} />;
  }
  const m = detail.data;
  return (
    <Page
      title={m.name}
      subtitle={`Phong trào ${MOVEMENT_KIND_LABELS[m.kind]?.toLowerCase() ?? ''} năm ${m.year} — ${names.get(m.orgUnitId) ?? ''}`}
      extra={
        <Flex gap={8} wrap align="center">
          <Tag color={MOVEMENT_STATUS_COLORS[m.status]} data-testid="movement-status">
            {m.statusLabel}
          </Tag>
          <Link to={`/emulation?year=${m.year}`}>Phong trào năm {m.year}</Link>
        </Flex>
      }
    >
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Lĩnh vực">
            {m.fields.length ? m.fields.map((f) => <Tag key={f}>{f}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(m.startsOn)} – {formatDate(m.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày phát động">
            <span data-testid="launched-on">{formatDate(m.launchedOn)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Văn bản phát động">{m.launchDocument ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Mục tiêu" span={2}>
            {m.goals || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={`Đơn vị tham gia (${m.participantOrgUnitIds.length})`} span={2}>
            {m.participantOrgUnitIds.length
              ? m.participantOrgUnitIds.map((u) => names.get(u) ?? '…').join('; ')
              : 'Chưa chọn đơn vị tham gia'}
          </Descriptions.Item>
          {m.parentMovementId && (
            <Descriptions.Item label="Hưởng ứng phong trào">
              <Link to={`/emulation/${m.parentMovementId}`}>Phong trào của cấp trên</Link>
            </Descriptions.Item>
          )}
          {m.reviewNote && (
            <Descriptions.Item label="Sơ kết, tổng kết" span={2}>
              {m.reviewNote}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <StatusCard m={m} />
      <TargetsCard m={m} names={names} />
    </Page>
  );
}

function StatusCard({ m }: { m: Detail }) {
  const session = useCurrentSession();
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [reviewing, setReviewing] = useState(false);
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: (input: { action: MovementActionCode; reviewNote?: string }) =>
      apiSend('POST', `/api/v1/movements/${m.id}/status`, MovementDetail, {
        action: input.action,
        expectedStatus: m.status,
        ...(input.action === 'launch' ? { launchedOn: todayIso() } : {}),
        ...(input.reviewNote ? { reviewNote: input.reviewNote } : {}),
      }),
    onSuccess: async (after) => {
      showSuccess(`Phong trào chuyển sang “${after.statusLabel}”.`);
      setReviewing(false);
      setNote('');
      client.setQueryData(['movement', m.id], after);
      await client.invalidateQueries({ queryKey: ['movements'] });
    },
    onError: showError,
  });
  if (!allows(session, [...OFFICERS])) return null;
  const steps = MOVEMENT_ACTIONS[m.status] ?? [];
  if (steps.length === 0) return null;
  return (
    <Card size="small" title="Tiến trình phong trào">
      <Space wrap>
        {steps.map((s) => (
          <Button
            key={s.action}
            type={s.action === 'close' ? 'default' : 'primary'}
            loading={change.isPending && change.variables?.action === s.action}
            onClick={() => {
              if (s.note) setReviewing(true);
              else if (s.confirm) {
                modal.confirm({
                  title: `${s.label}?`,
                  content: s.confirm,
                  okText: s.label,
                  cancelText: 'Xem lại',
                  onOk: () => change.mutateAsync({ action: s.action }),
                });
              } else change.mutate({ action: s.action });
            }}
          >
            {s.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={reviewing}
        title="Sơ kết, tổng kết phong trào"
        okText="Ghi nhận"
        cancelText="Hủy"
        okButtonProps={{ disabled: !note.trim(), loading: change.isPending }}
        onCancel={() => setReviewing(false)}
        onOk={() => change.mutate({ action: 'review', reviewNote: note.trim() })}
      >
        <Typography.Paragraph type="secondary">
          Ghi kết quả sơ kết, tổng kết và văn bản (số, ngày báo cáo).
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="Kết quả sơ kết, tổng kết"
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

function TargetsCard({ m, names }: { m: Detail; names: Map<string, string> }) {
  const session = useCurrentSession();
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<Target | null>(null);
  const canAdd = allows(session, [...OFFICERS]) && m.status !== 'closed';
  const canReport = allows(session, [...UNIT_WRITERS]) && RUNNING.has(m.status);
  const columns = [
    { title: 'Chỉ tiêu', dataIndex: 'name', key: 'name' },
    { title: 'Đơn vị phụ trách', dataIndex: 'ownerOrgUnitName', key: 'owner' },
    {
      title: 'Chỉ tiêu giao',
      key: 'target',
      width: 150,
      render: (_: unknown, t: Target) => `${formatNumber(t.targetValue)} ${t.measure}`,
    },
    {
      title: 'Đã đạt',
      key: 'latest',
      width: 220,
      render: (_: unknown, t: Target) =>
        t.latestValue === null ? (
          <Typography.Text type="secondary">Chưa báo cáo</Typography.Text>
        ) : (
          <Flex vertical gap={0}>
            <span>
              {formatNumber(t.latestValue)} {t.measure}{' '}
              <Typography.Text type="secondary">({formatDate(t.latestReportedOn)})</Typography.Text>
            </span>
            {t.share !== null && (
              <Progress
                size="small"
                percent={Math.round(t.share * 100)}
                status={t.share >= 1 ? 'success' : 'active'}
              />
            )}
          </Flex>
        ),
    },
    ...(canReport
      ? [
          {
            title: '',
            key: 'report',
            width: 150,
            render: (_: unknown, t: Target) => (
              <Button size="small" onClick={() => setReporting(t)}>
                Cập nhật tiến độ
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={`Chỉ tiêu (${m.targets.length})`}
      extra={
        canAdd && (
          <Button size="small" onClick={() => setAdding(true)}>
            Thêm chỉ tiêu
          </Button>
        )
      }
    >
      <Table<Target>
        rowKey="id"
        size="small"
        data-testid="targets"
        pagination={false}
        dataSource={m.targets}
        columns={columns}
        expandable={{
          rowExpandable: (t) => t.progress.length > 0,
          expandedRowRender: (t) => (
            <Table
              rowKey={(p) => `${p.reportedOn}-${p.value}`}
              size="small"
              pagination={false}
              dataSource={t.progress}
              columns={[
                {
                  title: 'Ngày báo cáo',
                  key: 'reportedOn',
                  width: 140,
                  render: (_: unknown, p: Target['progress'][number]) => formatDate(p.reportedOn),
                },
                {
                  title: 'Giá trị',
                  key: 'value',
                  width: 140,
                  render: (_: unknown, p: Target['progress'][number]) =>
                    `${formatNumber(p.value)} ${t.measure}`,
                },
                {
                  title: 'Ghi chú',
                  key: 'note',
                  render: (_: unknown, p: Target['progress'][number]) => p.note ?? '—',
                },
              ]}
            />
          ),
        }}
        locale={{
          emptyText: (
            <EmptyState
              title="Phong trào chưa có chỉ tiêu định lượng."
              hint={
                canAdd
                  ? 'Bấm “Thêm chỉ tiêu”, nhập giá trị cần đạt và đơn vị phụ trách; đơn vị cập nhật tiến độ trong năm.'
                  : 'Cán bộ thi đua thêm chỉ tiêu và giao cho đơn vị phụ trách.'
              }
            />
          ),
        }}
      />
      {adding && <AddTargetDialog m={m} names={names} onClose={() => setAdding(false)} />}
      {reporting && <ProgressDialog m={m} target={reporting} onClose={() => setReporting(null)} />}
    </Card>
  );
}

type TargetForm = { name: string; measure: string; targetValue: number; ownerOrgUnitId: string };

function AddTargetDialog({
  m,
  names,
  onClose,
}: {
  m: Detail;
  names: Map<string, string>;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [form] = Form.useForm<TargetForm>();
  const owners = [m.orgUnitId, ...m.participantOrgUnitIds.filter((u) => u !== m.orgUnitId)];
  const add = useMutation({
    mutationFn: (v: TargetForm) =>
      apiSend('POST', `/api/v1/movements/${m.id}/targets`, MovementDetail, {
        name: v.name,
        measure: v.measure,
        targetValue: v.targetValue,
        ownerOrgUnitId: v.ownerOrgUnitId,
      }),
    onSuccess: (after) => {
      showSuccess('Đã thêm chỉ tiêu.');
      client.setQueryData(['movement', m.id], after);
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title="Thêm chỉ tiêu của phong trào"
      okText="Thêm"
      cancelText="Hủy"
      okButtonProps={{ loading: add.isPending }}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (v) => add.mutate(v),
          () => undefined,
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ ownerOrgUnitId: m.orgUnitId }}>
        <Form.Item
          name="name"
          label="Tên chỉ tiêu"
          rules={[{ required: true, whitespace: true, message: 'Phải có tên chỉ tiêu.' }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="targetValue"
            label="Giá trị cần đạt"
            rules={[{ required: true, message: 'Nhập giá trị cần đạt.' }]}
          >
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item
            name="measure"
            label="Đơn vị tính"
            rules={[{ required: true, whitespace: true, message: 'Nhập đơn vị tính.' }]}
          >
            <Input placeholder="triệu đồng, %, hộ…" />
          </Form.Item>
        </Space>
        <Form.Item name="ownerOrgUnitId" label="Đơn vị phụ trách" rules={[{ required: true }]}>
          <Select options={owners.map((u) => ({ value: u, label: names.get(u) ?? u }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressDialog({ m, target, onClose }: { m: Detail; target: Target; onClose: () => void }) {
  const client = useQueryClient();
  const [reportedOn, setReportedOn] = useState<string | null>(todayIso());
  const [value, setValue] = useState<number | null>(target.latestValue);
  const [note, setNote] = useState('');
  const report = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/targets/${target.id}/progress`, TargetDto, {
        reportedOn,
        value,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      showSuccess('Đã cập nhật tiến độ.');
      await client.invalidateQueries({ queryKey: ['movement', m.id] });
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title={`Cập nhật tiến độ: ${target.name}`}
      okText="Ghi nhận"
      cancelText="Hủy"
      okButtonProps={{ disabled: !reportedOn || value === null, loading: report.isPending }}
      onCancel={onClose}
      onOk={() => report.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label="Ngày báo cáo" required>
          <DateInput aria-label="Ngày báo cáo" value={reportedOn} onChange={setReportedOn} />
        </Form.Item>
        <Form.Item label={`Giá trị đã đạt (${target.measure})`} required>
          <InputNumber aria-label="Giá trị đã đạt" min={0} value={value} onChange={setValue} />
        </Form.Item>
        <Form.Item label="Ghi chú">
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
