import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { AttachmentDto, NominationDetail } from '../../../contracts/nominations.ts';
import { apiGet, apiSend, apiUpload } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { FullPageSpin } from '../../app/app-layout.tsx';
import { UnverifiedTag } from '../../components/unverified-tag.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import {
  ACTION_BUTTONS,
  ACTION_ORDER,
  DOSSIER_PART_OPTIONS,
  SUBJECT_KIND_LABELS,
  statusColor,
  type NominationUserAction,
} from './nomination-labels.ts';
import { LoadError } from '../../components/load-error.tsx';

type Detail = NominationDetail;
type Attachment = Detail['attachments'][number];

const UNIT_WRITERS = ['admin', 'officer', 'unit_head'] as const;
const EDITABLE = new Set(['draft', 'returned', 'submitted']);

/**
 * One nomination: the rules engine's verdict with its reasons, the dossier and its files, the
 * duplicate and conflict flags, the status history, and the actions the user may take now.
 */
export function NominationPage() {
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['nomination', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/nominations/${id}`, NominationDetail, undefined, signal),
  });
  if (detail.isPending) return <FullPageSpin />;
  if (detail.isError) {
    return <LoadError title="Không tải được hồ sơ đề nghị khen thưởng." error={detail.error} />;
  }
  const n = detail.data;
  return (
    <Page
      title={n.subjectName}
      subtitle={`Đề nghị ${n.awardName} năm ${n.year} — ${n.orgUnitName}`}
      extra={
        <Flex gap={8} wrap align="center">
          <Tag color={statusColor(n.status)} data-testid="nomination-status">
            {n.statusLabel}
          </Tag>
          <Link to="/nominations">Danh sách đề nghị</Link>
        </Flex>
      }
    >
      <Particulars n={n} />
      <ActionsCard n={n} />
      <VerdictCard n={n} />
      <ConflictsCard n={n} />
      <DossierCard n={n} />
      <HistoryCard n={n} />
    </Page>
  );
}

function Particulars({ n }: { n: Detail }) {
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Đối tượng">{SUBJECT_KIND_LABELS[n.subjectKind]}</Descriptions.Item>
        <Descriptions.Item label="Loại khen thưởng">{n.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="Danh hiệu / hình thức">{n.awardName}</Descriptions.Item>
        <Descriptions.Item label="Lĩnh vực">{n.field ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Phong trào thi đua">
          {n.movementId ? <Link to={`/emulation/${n.movementId}`}>Xem phong trào</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Nguồn">
          {n.origin === 'prefill' ? 'Danh sách gợi ý cuối năm' : 'Đơn vị lập'}
        </Descriptions.Item>
        {n.subjectKind === 'individual' && n.personId && (
          <Descriptions.Item label="Hồ sơ cán bộ">
            <Link to={`/people/${n.personId}`}>Xem hồ sơ</Link>
          </Descriptions.Item>
        )}
        {n.decisionId && (
          <Descriptions.Item label="Quyết định">
            <Link to={`/decisions/${n.decisionId}`}>Xem quyết định khen thưởng</Link>
          </Descriptions.Item>
        )}
        {n.forwardedTo && <Descriptions.Item label="Đã trình">{n.forwardedTo}</Descriptions.Item>}
        {n.resultAwarded !== null && (
          <Descriptions.Item label="Kết quả cấp trên">
            {n.resultAwarded ? 'Được khen thưởng' : 'Không được khen thưởng'}
            {n.resultNote ? ` — ${n.resultNote}` : ''}
          </Descriptions.Item>
        )}
        {n.returnReason && n.status === 'returned' && (
          <Descriptions.Item label="Lý do trả lại">{n.returnReason}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <b>Tóm tắt thành tích: </b>
        {n.achievementSummary || <Typography.Text type="secondary">chưa nhập</Typography.Text>}
      </Typography.Paragraph>
    </Card>
  );
}

/** The rules engine's verdict: eligible or not, with each reason and the legal text it rests on. */
function VerdictCard({ n }: { n: Detail }) {
  const v = n.verdict;
  const head =
    v === null ? (
      <Tag>Chưa đối chiếu</Tag>
    ) : v.eligible === true ? (
      <Tag color="green">Đủ tiêu chuẩn</Tag>
    ) : v.eligible === false ? (
      <Tag color="red">Chưa đủ tiêu chuẩn</Tag>
    ) : (
      <Tag>Cần cán bộ thẩm định</Tag>
    );
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          Đối chiếu tiêu chuẩn {head}
          <UnverifiedTag citations={(v?.reasons ?? []).filter((r) => !r.verified).map((r) => r.citation)} />
        </Space>
      }
      data-testid="verdict"
    >
      {v === null || v.reasons.length === 0 ? (
        <EmptyState
          title="Chưa có kết quả đối chiếu tiêu chuẩn."
          hint="Hệ thống đối chiếu khi hồ sơ được lập, gửi hoặc tiếp nhận."
        />
      ) : (
        <List
          size="small"
          dataSource={v.reasons}
          renderItem={(r) => (
            <List.Item>
              <Flex vertical gap={2}>
                <span>
                  <Tag color={r.outcome === 'pass' ? 'green' : r.outcome === 'fail' ? 'red' : 'default'}>
                    {r.outcome === 'pass' ? 'Đạt' : r.outcome === 'fail' ? 'Không đạt' : 'Lưu ý'}
                  </Tag>
                  {r.message}
                </span>
                <Typography.Text type="secondary">
                  Căn cứ: {r.citation}
                  {!r.verified && <UnverifiedTag citations={[r.citation]} />}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {v && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Phiên bản bộ quy tắc: {v.rulesVersion}
        </Typography.Text>
      )}
    </Card>
  );
}

function ConflictsCard({ n }: { n: Detail }) {
  return (
    <Card size="small" title="Trùng lặp, xung đột" data-testid="conflicts">
      {n.conflicts.length === 0 ? (
        <Typography.Text type="secondary">
          Không phát hiện trùng lặp: người / tập thể này chưa được đề nghị trùng trong năm.
        </Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {n.conflicts.map((c, i) => (
            <Alert
              key={`${c.code}-${i}`}
              type={c.blocking ? 'error' : 'warning'}
              showIcon
              title={c.message}
              description={
                <>
                  {c.blocking ? 'Chặn gửi và tiếp nhận hồ sơ. ' : 'Cảnh báo, không chặn. '}
                  Căn cứ: {c.citation}.{' '}
                  {c.otherNominationId && (
                    <Link to={`/nominations/${c.otherNominationId}`}>Xem hồ sơ trùng</Link>
                  )}
                </>
              }
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function DossierCard({ n }: { n: Detail }) {
  const session = useCurrentSession();
  const canUpload = allows(session, [...UNIT_WRITERS]) && EDITABLE.has(n.status);
  const columns = [
    { title: 'Thành phần', dataIndex: 'partLabel', key: 'partLabel' },
    {
      title: 'Tệp',
      key: 'file',
      render: (_: unknown, a: Attachment) => (
        <a href={`/api/v1/nominations/${n.id}/attachments/${a.id}`}>{a.displayName}</a>
      ),
    },
    {
      title: 'Dung lượng',
      key: 'size',
      width: 120,
      render: (_: unknown, a: Attachment) => `${formatNumber(Math.ceil(a.size / 1024))} KB`,
    },
    {
      title: 'Ngày đính kèm',
      key: 'createdAt',
      width: 140,
      render: (_: unknown, a: Attachment) => formatDate(a.createdAt),
    },
  ];
  return (
    <Card
      size="small"
      title={
        <Space>
          Hồ sơ
          {n.dossier.complete ? <Tag color="green">Đủ thành phần</Tag> : <Tag color="orange">Còn thiếu</Tag>}
        </Space>
      }
      data-testid="dossier"
    >
      <Flex vertical gap={12}>
        {n.dossier.missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="Thành phần hồ sơ còn thiếu"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {n.dossier.missing.map((m) => (
                  <li key={m.part}>
                    {m.label} <Typography.Text type="secondary">({m.citation})</Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Table<Attachment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={n.attachments}
          columns={columns}
          locale={{
            emptyText: (
              <EmptyState
                title="Chưa có tệp nào trong hồ sơ."
                hint={
                  canUpload
                    ? 'Chọn thành phần hồ sơ rồi bấm “Đính kèm tệp” (PDF, DOCX hoặc ảnh).'
                    : 'Đơn vị đề nghị đính kèm tờ trình, báo cáo thành tích và biên bản bình xét.'
                }
              />
            ),
          }}
        />
        {canUpload && <UploadForm nominationId={n.id} />}
      </Flex>
    </Card>
  );
}

function UploadForm({ nominationId }: { nominationId: string }) {
  const client = useQueryClient();
  const [part, setPart] = useState('proposal_letter');
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload(
        `/api/v1/nominations/${nominationId}/attachments?part=${encodeURIComponent(part)}`,
        AttachmentDto,
        form,
      );
    },
    onSuccess: async (a) => {
      showSuccess(`Đã đính kèm “${a.displayName}” (${a.partLabel}).`);
      await client.invalidateQueries({ queryKey: ['nomination', nominationId] });
    },
    onError: showError,
  });
  return (
    <Space wrap>
      <Select
        aria-label="Thành phần hồ sơ"
        style={{ width: 320 }}
        value={part}
        onChange={setPart}
        options={[...DOSSIER_PART_OPTIONS]}
      />
      <Upload
        accept=".pdf,.docx,.jpg,.jpeg,.png"
        showUploadList={false}
        beforeUpload={(f) => {
          upload.mutate(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          Đính kèm tệp
        </Button>
      </Upload>
    </Space>
  );
}

/** The actions allowed now; irreversible ones are confirmed, returning requires a reason. */
function ActionsCard({ n }: { n: Detail }) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<NominationUserAction | null>(null);
  const act = useMutation({
    mutationFn: (input: { action: NominationUserAction; body: Record<string, unknown> }) =>
      apiSend('POST', `/api/v1/nominations/${n.id}/${ACTION_BUTTONS[input.action].path}`, NominationDetail, {
        expectedStatus: n.status,
        ...input.body,
      }),
    onSuccess: async (after) => {
      showSuccess(`Hồ sơ chuyển sang “${after.statusLabel}”.`);
      setDialog(null);
      client.setQueryData(['nomination', n.id], after);
      await client.invalidateQueries({ queryKey: ['nominations'] });
    },
    onError: showError,
  });
  const actions = ACTION_ORDER.filter((a) => n.allowedActions.includes(a));
  if (actions.length === 0) {
    return (
      <Card size="small" title="Thao tác">
        <Typography.Text type="secondary">
          {n.status === 'accepted'
            ? 'Hồ sơ đã tiếp nhận: cán bộ TĐKT đưa hồ sơ vào phiên họp Hội đồng ở trang Hội đồng TĐKT.'
            : 'Không có thao tác nào bạn có thể thực hiện với hồ sơ ở trạng thái này.'}
        </Typography.Text>
      </Card>
    );
  }
  const start = (a: NominationUserAction) => {
    const button = ACTION_BUTTONS[a];
    if (button.confirm) {
      modal.confirm({
        title: `${button.label}?`,
        content: button.confirm,
        okText: button.label,
        cancelText: 'Xem lại',
        onOk: () => act.mutateAsync({ action: a, body: {} }),
      });
    } else setDialog(a);
  };
  return (
    <Card size="small" title="Thao tác" data-testid="actions">
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'return' ? 'default' : 'primary'}
            danger={ACTION_BUTTONS[a].danger}
            loading={act.isPending && act.variables?.action === a}
            onClick={() => start(a)}
          >
            {ACTION_BUTTONS[a].label}
          </Button>
        ))}
      </Space>
      <ReasonDialog
        action={dialog}
        pending={act.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(action, body) => act.mutate({ action, body })}
      />
    </Card>
  );
}

function ReasonDialog({
  action,
  pending,
  onCancel,
  onSubmit,
}: {
  action: NominationUserAction | null;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (action: NominationUserAction, body: Record<string, unknown>) => void;
}) {
  const [text, setText] = useState('');
  const [awarded, setAwarded] = useState<boolean | null>(null);
  if (!action) return null;
  const close = () => {
    setText('');
    setAwarded(null);
    onCancel();
  };
  const ready = action === 'record_result' ? awarded !== null : text.trim().length > 0;
  const body =
    action === 'return'
      ? { reason: text.trim() }
      : action === 'forward'
        ? { forwardedTo: text.trim() }
        : { resultAwarded: awarded, ...(text.trim() ? { resultNote: text.trim() } : {}) };
  const titles: Record<NominationUserAction, string> = {
    submit: 'Gửi hồ sơ',
    accept: 'Tiếp nhận hồ sơ',
    return: 'Trả lại hồ sơ cho đơn vị',
    forward: 'Trình hồ sơ lên cấp trên',
    record_result: 'Ghi nhận kết quả của cấp trên',
  };
  return (
    <Modal
      open
      title={titles[action]}
      okText={ACTION_BUTTONS[action].label}
      okButtonProps={{ disabled: !ready, loading: pending, danger: action === 'return' }}
      cancelText="Hủy"
      onCancel={close}
      onOk={() => onSubmit(action, body)}
    >
      {action === 'record_result' && (
        <Radio.Group
          aria-label="Kết quả"
          value={awarded}
          onChange={(e) => setAwarded(e.target.value as boolean)}
          style={{ marginBottom: 12 }}
        >
          <Radio value={true}>Được khen thưởng</Radio>
          <Radio value={false}>Không được khen thưởng</Radio>
        </Radio.Group>
      )}
      <Typography.Paragraph type="secondary">
        {action === 'return'
          ? 'Bắt buộc ghi rõ lý do để đơn vị bổ sung, sửa hồ sơ rồi gửi lại.'
          : action === 'forward'
            ? 'Ghi rõ cơ quan cấp trên nhận tờ trình, ví dụ: UBND thành phố Long Xuyên.'
            : 'Ghi chú (không bắt buộc): số, ngày quyết định của cấp trên.'}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label={
          action === 'return' ? 'Lý do trả lại' : action === 'forward' ? 'Cấp trên nhận' : 'Ghi chú'
        }
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </Modal>
  );
}

function HistoryCard({ n }: { n: Detail }) {
  return (
    <Card size="small" title="Lịch sử hồ sơ" data-testid="history">
      {n.history.length === 0 ? (
        <EmptyState title="Chưa có thao tác nào được ghi nhận." />
      ) : (
        <Timeline
          items={n.history.map((h, i) => ({
            key: `${h.at}-${i}`,
            content: (
              <Flex vertical gap={2}>
                <span>
                  <b>{h.label}</b>
                  {h.toStatus && (
                    <>
                      {' '}
                      — {h.fromStatus ? `${h.fromStatus} → ` : ''}
                      {h.toStatus}
                    </>
                  )}
                </span>
                <Typography.Text type="secondary">
                  {formatDateTime(h.at)}
                  {h.actorName ? ` · ${h.actorName}` : ''}
                </Typography.Text>
                {h.note && <span>{h.note}</span>}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
