import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { z } from 'zod';
import {
  ConferenceDto,
  CovenantDto,
  MovementDetail,
  MovementSummary,
  RegistrationDto,
  RegistrationList,
} from '../../../contracts/emulation.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { useWorkingYear } from '../../app/working-year.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import {
  ASSESSMENT_LABELS,
  FIELD_SUGGESTIONS,
  MOVEMENT_KIND_LABELS,
  MOVEMENT_STATUS_COLORS,
  REGISTRATION_STATUS,
} from './emulation-labels.ts';
import { LoadError } from '../../components/load-error.tsx';

type Movement = z.infer<typeof MovementSummary>;
type Registration = z.infer<typeof RegistrationDto>;
type Covenant = z.infer<typeof CovenantDto>;

const OFFICERS = ['admin', 'officer'] as const;

/**
 * The emulation year of the user's units: movements launched (with their fields and status), the
 * year-start staff conference, the title registrations and the covenants signed between units.
 */
export function MovementsPage() {
  const [params, setParams] = useSearchParams();
  const [year] = useWorkingYear();
  const tab = params.get('tab') ?? 'movements';
  return (
    <Page
      title="Phong trào thi đua"
      subtitle={`Năm ${year}: phong trào, hội nghị đầu năm, đăng ký danh hiệu và giao ước thi đua`}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (p) => {
              p.set('tab', k);
              return p;
            },
            { replace: true },
          )
        }
        items={[
          { key: 'movements', label: 'Phong trào', children: <MovementsTab year={year} /> },
          { key: 'conference', label: 'Hội nghị đầu năm', children: <ConferenceTab year={year} /> },
          { key: 'registrations', label: 'Đăng ký danh hiệu', children: <RegistrationsTab year={year} /> },
          { key: 'covenants', label: 'Giao ước thi đua', children: <CovenantsTab year={year} /> },
        ]}
      />
    </Page>
  );
}

function MovementsTab({ year }: { year: number }) {
  const session = useCurrentSession();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['movements', year],
    queryFn: ({ signal }) => apiGet('/api/v1/movements', z.array(MovementSummary), { year }, signal),
  });
  const canCreate = allows(session, [...OFFICERS]);
  const columns = [
    {
      title: 'Phong trào',
      key: 'name',
      render: (_: unknown, m: Movement) => <Link to={`/emulation/${m.id}`}>{m.name}</Link>,
    },
    {
      title: 'Loại',
      key: 'kind',
      width: 150,
      render: (_: unknown, m: Movement) => MOVEMENT_KIND_LABELS[m.kind] ?? m.kind,
    },
    {
      title: 'Lĩnh vực',
      key: 'fields',
      render: (_: unknown, m: Movement) => m.fields.map((f) => <Tag key={f}>{f}</Tag>),
    },
    {
      title: 'Ngày phát động',
      key: 'launchedOn',
      width: 140,
      render: (_: unknown, m: Movement) => formatDate(m.launchedOn),
    },
    {
      title: 'Thời gian',
      key: 'period',
      width: 210,
      render: (_: unknown, m: Movement) => `${formatDate(m.startsOn)} – ${formatDate(m.endsOn)}`,
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 180,
      render: (_: unknown, m: Movement) => (
        <Tag color={MOVEMENT_STATUS_COLORS[m.status]} data-testid="movement-status">
          {m.statusLabel}
        </Tag>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {list.error && <LoadError title="Không tải được danh sách phong trào." />}
      {canCreate && (
        <div>
          <Button type="primary" onClick={() => setCreating(true)}>
            Soạn phong trào mới
          </Button>
        </div>
      )}
      <Table<Movement>
        rowKey="id"
        size="middle"
        data-testid="movements"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        locale={{
          emptyText: (
            <EmptyState
              title={`Chưa có phong trào thi đua nào năm ${year}.`}
              hint={
                canCreate
                  ? 'Bấm “Soạn phong trào mới”, nhập mục tiêu, lĩnh vực và thời gian, rồi phát động.'
                  : 'Cán bộ phụ trách thi đua soạn và phát động phong trào; chọn năm khác để xem phong trào đã có.'
              }
            />
          ),
        }}
      />
      {creating && <CreateMovementDialog year={year} onClose={() => setCreating(false)} />}
    </Flex>
  );
}

type MovementForm = {
  name: string;
  kind: 'regular' | 'thematic';
  fields: string[];
  launchDocument: string;
  goals: string;
};

function CreateMovementDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const session = useCurrentSession();
  const client = useQueryClient();
  const [form] = Form.useForm<MovementForm>();
  const [startsOn, setStartsOn] = useState<string | null>(`${year}-01-01`);
  const [endsOn, setEndsOn] = useState<string | null>(`${year}-12-31`);
  const create = useMutation({
    mutationFn: (v: MovementForm) =>
      apiSend('POST', '/api/v1/movements', MovementDetail, {
        orgUnitId: session.orgUnit.id,
        year,
        name: v.name,
        kind: v.kind,
        fields: v.fields ?? [],
        ...(v.launchDocument?.trim() ? { launchDocument: v.launchDocument.trim() } : {}),
        startsOn,
        endsOn,
        goals: v.goals ?? '',
      }),
    onSuccess: async (m) => {
      showSuccess(`Đã soạn phong trào “${m.name}”. Thêm chỉ tiêu rồi phát động.`);
      await client.invalidateQueries({ queryKey: ['movements'] });
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title={`Soạn phong trào thi đua năm ${year}`}
      okText="Lưu dự thảo"
      cancelText="Hủy"
      okButtonProps={{ loading: create.isPending, disabled: !startsOn || !endsOn }}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (v) => create.mutate(v),
          () => undefined,
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'regular', fields: [] }}>
        <Form.Item
          name="name"
          label="Tên phong trào"
          rules={[{ required: true, whitespace: true, message: 'Phải có tên phong trào.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="Loại phong trào">
          <Select
            options={[
              { value: 'regular', label: MOVEMENT_KIND_LABELS.regular },
              { value: 'thematic', label: MOVEMENT_KIND_LABELS.thematic },
            ]}
          />
        </Form.Item>
        <Form.Item name="fields" label="Lĩnh vực">
          <Select mode="tags" options={FIELD_SUGGESTIONS.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="Từ ngày" required>
            <DateInput aria-label="Từ ngày" value={startsOn} onChange={setStartsOn} />
          </Form.Item>
          <Form.Item label="Đến ngày" required>
            <DateInput aria-label="Đến ngày" value={endsOn} onChange={setEndsOn} />
          </Form.Item>
        </Space>
        <Form.Item name="launchDocument" label="Văn bản phát động">
          <Input placeholder="Ví dụ: Kế hoạch số 12/KH-UBND ngày 20/01/2023" />
        </Form.Item>
        <Form.Item name="goals" label="Mục tiêu">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConferenceTab({ year }: { year: number }) {
  const list = useQuery({
    queryKey: ['conferences', year],
    queryFn: ({ signal }) => apiGet('/api/v1/conferences', z.array(ConferenceDto), { year }, signal),
  });
  if (list.error) return <LoadError title="Không tải được hội nghị." />;
  const rows = list.data ?? [];
  if (!list.isLoading && rows.length === 0) {
    return (
      <EmptyState
        title={`Chưa ghi nhận Hội nghị cán bộ, công chức đầu năm ${year}.`}
        hint="Sau hội nghị, cán bộ thi đua ghi ngày họp, phần tổng kết năm trước và các phong trào được phát động."
      />
    );
  }
  return (
    <Flex vertical gap={12}>
      {rows.map((c) => (
        <Card key={c.id} size="small" title={`Hội nghị cán bộ, công chức ngày ${formatDate(c.heldOn)}`}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="Tổng kết năm trước">{c.lastYearReview || '—'}</Descriptions.Item>
            <Descriptions.Item label="Đăng ký danh hiệu tại hội nghị">
              {c.registrationCount}
            </Descriptions.Item>
            <Descriptions.Item label="Giao ước ký kết">{c.covenantCount}</Descriptions.Item>
            {c.note && <Descriptions.Item label="Ghi chú">{c.note}</Descriptions.Item>}
          </Descriptions>
          <Typography.Text strong>Phong trào phát động ({c.movements.length})</Typography.Text>
          <List
            size="small"
            dataSource={c.movements}
            renderItem={(m) => (
              <List.Item>
                <Link to={`/emulation/${m.id}`}>{m.name}</Link>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Flex>
  );
}

function RegistrationsTab({ year }: { year: number }) {
  const session = useCurrentSession();
  const client = useQueryClient();
  const [returning, setReturning] = useState<Registration | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: ['registrations', year],
    queryFn: ({ signal }) => apiGet('/api/v1/registrations', RegistrationList, { year }, signal),
  });
  const review = useMutation({
    mutationFn: (input: { id: string; decision: 'accept' | 'return'; reason?: string }) =>
      apiSend('POST', `/api/v1/registrations/${input.id}/review`, RegistrationDto, {
        decision: input.decision,
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    onSuccess: async (r) => {
      showSuccess(`${r.subjectName}: ${REGISTRATION_STATUS[r.status]?.label ?? r.status}.`);
      setReturning(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['registrations'] });
    },
    onError: showError,
  });
  const canReview = allows(session, [...OFFICERS]);
  const columns = [
    { title: 'Cá nhân / tập thể', dataIndex: 'subjectName', key: 'subjectName' },
    { title: 'Đơn vị đăng ký', dataIndex: 'orgUnitName', key: 'orgUnitName' },
    { title: 'Danh hiệu', dataIndex: 'awardName', key: 'awardName' },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 200,
      render: (_: unknown, r: Registration) => (
        <Space direction="vertical" size={0}>
          <Tag color={REGISTRATION_STATUS[r.status]?.color}>{REGISTRATION_STATUS[r.status]?.label}</Tag>
          {r.returnReason && <Typography.Text type="secondary">{r.returnReason}</Typography.Text>}
        </Space>
      ),
    },
    ...(canReview
      ? [
          {
            title: '',
            key: 'actions',
            width: 190,
            render: (_: unknown, r: Registration) =>
              r.status === 'submitted' ? (
                <Space>
                  <Button
                    size="small"
                    onClick={() => review.mutate({ id: r.id, decision: 'accept' })}
                    loading={review.isPending && review.variables?.id === r.id}
                  >
                    Chấp nhận
                  </Button>
                  <Button size="small" danger onClick={() => setReturning(r)}>
                    Trả lại
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={12}>
      {list.error && <LoadError title="Không tải được danh sách đăng ký." />}
      {list.data && (
        <Alert
          type="info"
          showIcon
          title={
            list.data.required
              ? 'Tỉnh yêu cầu đơn vị đăng ký danh hiệu thi đua đầu năm.'
              : 'Đăng ký danh hiệu là bước không bắt buộc (Luật TĐKT 2022 không lấy đăng ký làm căn cứ xét).'
          }
          description={
            list.data.totals.length > 0
              ? list.data.totals
                  .map((t) => `${t.awardName}: ${t.accepted} đã chấp nhận, ${t.submitted} chờ duyệt`)
                  .join('; ')
              : undefined
          }
        />
      )}
      <Table<Registration>
        rowKey="id"
        size="middle"
        data-testid="registrations"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <EmptyState
              title={`Chưa có đăng ký danh hiệu thi đua nào năm ${year}.`}
              hint="Các đơn vị gửi đăng ký danh hiệu của cá nhân, tập thể; cán bộ thi đua chấp nhận hoặc trả lại."
            />
          ),
        }}
      />
      <Modal
        open={returning !== null}
        title={`Trả lại đăng ký của ${returning?.subjectName ?? ''}`}
        okText="Trả lại"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: review.isPending }}
        cancelText="Hủy"
        onCancel={() => setReturning(null)}
        onOk={() =>
          returning && review.mutate({ id: returning.id, decision: 'return', reason: reason.trim() })
        }
      >
        <Typography.Paragraph type="secondary">Bắt buộc ghi rõ lý do để đơn vị bổ sung.</Typography.Paragraph>
        <Input.TextArea
          aria-label="Lý do trả lại"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}

function CovenantsTab({ year }: { year: number }) {
  const list = useQuery({
    queryKey: ['covenants', year],
    queryFn: ({ signal }) => apiGet('/api/v1/covenants', z.array(CovenantDto), { year }, signal),
  });
  if (list.error) return <LoadError title="Không tải được giao ước thi đua." />;
  const rows = list.data ?? [];
  if (!list.isLoading && rows.length === 0) {
    return (
      <EmptyState
        title={`Chưa có giao ước thi đua nào năm ${year}.`}
        hint="Giao ước được ký tại hội nghị đầu năm; cán bộ thi đua ghi các bên, các điều khoản và đánh giá cuối năm."
      />
    );
  }
  return (
    <Flex vertical gap={12}>
      {rows.map((c) => (
        <CovenantCard key={c.id} covenant={c} />
      ))}
    </Flex>
  );
}

function CovenantCard({ covenant: c }: { covenant: Covenant }) {
  const session = useCurrentSession();
  const client = useQueryClient();
  const canAssess = allows(session, [...OFFICERS]);
  const assess = useMutation({
    mutationFn: (input: { articleId: string; assessment: string }) =>
      apiSend('PUT', `/api/v1/covenants/${c.id}/articles/${input.articleId}/assessment`, CovenantDto, {
        assessment: input.assessment,
        assessedOn: todayIso(),
      }),
    onSuccess: async () => {
      showSuccess('Đã ghi đánh giá điều khoản giao ước.');
      await client.invalidateQueries({ queryKey: ['covenants'] });
    },
    onError: showError,
  });
  return (
    <Card size="small" title={c.title} data-testid="covenant">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Ngày ký">{formatDate(c.signedOn)}</Descriptions.Item>
        <Descriptions.Item label="Văn bản">{c.documentRef ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Các bên ký" span={2}>
          {c.parties.map((p) => p.name).join('; ')}
        </Descriptions.Item>
        <Descriptions.Item label="Đánh giá cuối năm">
          {c.assessedCount}/{c.articles.length} điều đã đánh giá, {c.metCount} điều đạt
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.articles}
        columns={[
          { title: 'Điều', dataIndex: 'position', key: 'position', width: 60 },
          { title: 'Nội dung', dataIndex: 'content', key: 'content' },
          {
            title: 'Chỉ tiêu',
            key: 'indicator',
            width: 200,
            render: (_: unknown, a: Covenant['articles'][number]) => a.indicator ?? '—',
          },
          {
            title: 'Đánh giá',
            key: 'assessment',
            width: 260,
            render: (_: unknown, a: Covenant['articles'][number]) =>
              a.assessment ? (
                <Space direction="vertical" size={0}>
                  <span>
                    <Tag color={ASSESSMENT_LABELS[a.assessment]?.color}>
                      {ASSESSMENT_LABELS[a.assessment]?.label}
                    </Tag>
                    {formatDate(a.assessedOn)}
                  </span>
                  {a.assessmentNote && <Typography.Text type="secondary">{a.assessmentNote}</Typography.Text>}
                </Space>
              ) : canAssess ? (
                <Select
                  aria-label={`Đánh giá điều ${a.position}`}
                  size="small"
                  style={{ width: 180 }}
                  placeholder="Đánh giá cuối năm"
                  loading={assess.isPending && assess.variables?.articleId === a.id}
                  onChange={(v: string) => assess.mutate({ articleId: a.id, assessment: v })}
                  options={Object.entries(ASSESSMENT_LABELS).map(([value, l]) => ({ value, label: l.label }))}
                />
              ) : (
                <Typography.Text type="secondary">Chưa đánh giá</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
