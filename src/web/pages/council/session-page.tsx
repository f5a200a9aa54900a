import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CheckCircleOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { AttendanceResult, SessionView, VotingResult } from '../../../contracts/council.ts';
import { Ok } from '../../../contracts/common.ts';
import { NominationList, type NominationSummary } from '../../../contracts/nominations.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { FullPageSpin } from '../../app/app-layout.tsx';
import {
  CHOICE_LABELS,
  ITEM_STATUS_LABELS,
  MEMBER_ROLE_LABELS,
  SESSION_STATUS_LABELS,
} from './council-labels.ts';
import { LoadError } from '../../components/load-error.tsx';

type Item = SessionView['items'][number];
type Choice = 'yes' | 'no' | 'abstain';

const ITEM_COLORS = { pending: 'default', voting: 'processing', closed: 'blue' } as const;

/**
 * One council session: attendance, the agenda, and the secret ballot. A member sees per item
 * whether voting is open and whether they have voted ("Đã bỏ phiếu") — never a choice, theirs
 * or anyone's; the counts appear only after the officer closes voting on the item. Cards rather
 * than a table, so the ballot works on a phone.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const session = useCurrentSession();
  const canManage = allows(session, ['officer', 'chairman']);
  const view = useQuery({
    queryKey: ['council-session', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/council-sessions/${id}`, SessionView, undefined, signal),
    // Members vote from their own devices: keep the "x phiếu đã bỏ" counts fresh while voting.
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'voting') ? 5000 : false),
  });

  if (view.isPending) return <FullPageSpin />;
  if (view.isError) {
    return <LoadError title="Không tải được phiên họp." error={view.error} />;
  }
  const s = view.data;
  const voting = s.items.filter((i) => i.status === 'voting').length;

  return (
    <Page
      title={s.title}
      subtitle={
        <>
          {s.councilName} · {formatDate(s.heldOn)}
          {s.location ? ` · ${s.location}` : ''}
        </>
      }
      extra={<Tag color={s.status === 'open' ? 'green' : 'default'}>{SESSION_STATUS_LABELS[s.status]}</Tag>}
    >
      <Card size="small">
        <Flex wrap gap={16}>
          <span>
            Có mặt: <b data-testid="present-count">{s.presentMembers}</b>/{s.totalMembers} thành viên
          </span>
          <span>
            Đang bỏ phiếu: <b>{voting}</b> nội dung
          </span>
          <Link to={`/council?year=${s.year}`}>Về Hội đồng năm {s.year}</Link>
        </Flex>
        {s.conclusion && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            <b>Kết luận:</b> {s.conclusion}
          </Typography.Paragraph>
        )}
      </Card>
      {canManage && s.status !== 'closed' && <AttendanceCard view={s} />}
      {canManage && s.status !== 'closed' && <AddAgendaButton view={s} />}
      {s.items.length === 0 ? (
        <Card>
          <EmptyState
            title="Chương trình họp chưa có hồ sơ nào."
            hint={
              canManage
                ? 'Bấm "Đưa hồ sơ vào chương trình họp" để chọn các hồ sơ đề nghị đã tiếp nhận.'
                : 'Cán bộ phụ trách TĐKT sẽ đưa hồ sơ vào chương trình họp; trang tự cập nhật khi có nội dung bỏ phiếu.'
            }
          />
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="agenda">
          {s.items.map((item) => (
            <AgendaItemCard
              key={item.id}
              item={item}
              sessionId={s.id}
              canManage={canManage}
              members={s.members}
            />
          ))}
        </Flex>
      )}
    </Page>
  );
}

function AgendaItemCard({
  item,
  sessionId,
  canManage,
  members,
}: {
  item: Item;
  sessionId: string;
  canManage: boolean;
  members: SessionView['members'];
}) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [recusing, setRecusing] = useState(false);
  const [dialog, setDialog] = useState<'open' | 'written' | 'paper' | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['council-session', sessionId] });

  const cast = useMutation({
    mutationFn: (choice: Choice) =>
      apiSend('POST', `/api/v1/council-items/${item.id}/ballot`, Ok, { choice }),
    onSuccess: async () => {
      showSuccess('Đã ghi nhận phiếu bầu. Phiếu được giữ kín.');
      await refresh();
    },
    onError: showError,
  });
  const close = useMutation({
    mutationFn: () => apiSend('POST', `/api/v1/council-items/${item.id}/close`, VotingResult),
    onSuccess: async (r) => {
      showSuccess(
        r.approved ? 'Đã kết thúc bỏ phiếu: được thông qua.' : 'Đã kết thúc bỏ phiếu: không được thông qua.',
      );
      await refresh();
    },
    onError: showError,
  });

  const confirmChoice = (choice: Choice) =>
    modal.confirm({
      title: `Bỏ phiếu "${CHOICE_LABELS[choice]}"?`,
      content: `${item.subjectName} — ${item.awardName}. Phiếu đã bỏ không sửa được.`,
      okText: 'Bỏ phiếu',
      cancelText: 'Xem lại',
      onOk: () => cast.mutateAsync(choice).catch(() => undefined), // onError shows why
    });

  const mine = item.mine;
  const votingOpen = item.status === 'voting';
  const refusal = votingOpen ? closeRefusal(item) : null;
  const absentWithout = members.filter(
    (m) => m.present === false && m.role !== 'secretary' && !item.writtenFrom.includes(m.id),
  );

  return (
    <Card
      size="small"
      data-testid="agenda-item"
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {item.position}. {item.subjectName}
        </Typography.Text>
      }
      extra={<Tag color={ITEM_COLORS[item.status]}>{ITEM_STATUS_LABELS[item.status]}</Tag>}
    >
      <Flex vertical gap={8}>
        <span>
          Đề nghị: <b>{item.awardName}</b>
        </span>
        {item.minApprovalRatio !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Thông qua khi đạt từ {formatNumber(Math.round(item.minApprovalRatio * 100))} % số phiếu đồng ý
            {item.ruleCitation ? ` (${item.ruleCitation})` : ''}.
          </Typography.Text>
        )}
        {item.status !== 'pending' && item.tallyKind !== 'paper' && (
          <span>
            Đã bỏ: <b data-testid="ballots-cast">{item.ballotsCast}</b>
            {item.eligibleVoters !== null ? `/${item.eligibleVoters}` : ''} phiếu
            {item.writtenFrom.length > 0 ? ` (có ${item.writtenFrom.length} ý kiến bằng văn bản)` : ''}
          </span>
        )}
        {votingOpen && (
          <Typography.Text data-testid="voting-deadline">
            {item.votingDeadline
              ? `Hạn bỏ phiếu: ${formatDateTime(item.votingDeadline)}`
              : 'Không đặt hạn: kết thúc khi mọi thành viên có mặt đã bỏ phiếu.'}
          </Typography.Text>
        )}
        {item.tallyKind === 'paper' && (
          <Typography.Text type="secondary">Kết quả kiểm phiếu giấy do Ban kiểm phiếu lập.</Typography.Text>
        )}
        {item.recusals.length > 0 && (
          <Typography.Text type="secondary">
            Không tham gia bỏ phiếu: {item.recusals.map((r) => `${r.fullName} (${r.reason})`).join('; ')}
          </Typography.Text>
        )}

        {mine.hasVoted && (
          <Tag
            icon={<CheckCircleOutlined />}
            color="success"
            data-testid="voted"
            style={{ alignSelf: 'flex-start' }}
          >
            Đã bỏ phiếu
          </Tag>
        )}
        {mine.recused && (
          <Tag color="warning" style={{ alignSelf: 'flex-start' }}>
            Bạn đã báo xung đột lợi ích, không bỏ phiếu nội dung này
          </Tag>
        )}
        {votingOpen && mine.canVote && !mine.hasVoted && !mine.recused && (
          <Flex vertical gap={8} role="group" aria-label={`Phiếu bầu: ${item.subjectName}`}>
            <Button
              type="primary"
              size="large"
              block
              loading={cast.isPending}
              onClick={() => confirmChoice('yes')}
            >
              Đồng ý
            </Button>
            <Button danger size="large" block disabled={cast.isPending} onClick={() => confirmChoice('no')}>
              Không đồng ý
            </Button>
            <Button size="large" block disabled={cast.isPending} onClick={() => confirmChoice('abstain')}>
              Không biểu quyết
            </Button>
            <Button
              type="link"
              onClick={() => setRecusing(true)}
              style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'center' }}
            >
              Báo xung đột lợi ích, không bỏ phiếu
            </Button>
          </Flex>
        )}

        {item.status === 'closed' && item.yesCount !== null && (
          <Flex wrap gap={8} data-testid="tally">
            <Tag color="green">Đồng ý: {item.yesCount}</Tag>
            <Tag color="red">Không đồng ý: {item.noCount ?? 0}</Tag>
            <Tag>Không biểu quyết: {item.abstainCount ?? 0}</Tag>
            {item.result && (
              <Tag color={item.result === 'approved' ? 'success' : 'error'}>
                {item.result === 'approved' ? 'Được thông qua' : 'Không được thông qua'}
              </Tag>
            )}
          </Flex>
        )}

        {canManage && item.status === 'pending' && (
          <Flex wrap gap={8}>
            <Button type="primary" onClick={() => setDialog('open')}>
              Mở bỏ phiếu
            </Button>
            <Button onClick={() => setDialog('paper')}>Ghi kết quả kiểm phiếu giấy</Button>
          </Flex>
        )}
        {canManage && refusal && (
          <Alert type="warning" showIcon data-testid="close-refusal" message={refusal} />
        )}
        {canManage && votingOpen && item.acceptsWritten && absentWithout.length > 0 && (
          <Button
            onClick={() => setDialog('written')}
            style={{ alignSelf: 'flex-start', whiteSpace: 'normal', height: 'auto' }}
          >
            Nhập ý kiến bằng văn bản của thành viên vắng mặt
          </Button>
        )}
        {canManage && votingOpen && (
          <Button
            onClick={() =>
              modal.confirm({
                title: 'Kết thúc bỏ phiếu nội dung này?',
                content: `Đã có ${item.ballotsCast} phiếu. Sau khi kết thúc, kết quả được kiểm và không bỏ phiếu thêm được.`,
                okText: 'Kết thúc và kiểm phiếu',
                cancelText: 'Hủy',
                onOk: () => close.mutateAsync().catch(() => undefined), // onError shows why
              })
            }
            style={{ alignSelf: 'flex-start' }}
          >
            Kết thúc bỏ phiếu
          </Button>
        )}
      </Flex>
      {recusing && <RecusalModal item={item} onClose={() => setRecusing(false)} onDone={refresh} />}
      {dialog === 'open' && <OpenVotingModal item={item} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'paper' && <PaperTallyModal item={item} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'written' && (
        <WrittenOpinionModal
          item={item}
          absent={absentWithout}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
    </Card>
  );
}

function RecusalModal({
  item,
  onClose,
  onDone,
}: {
  item: Item;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const declare = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/council-items/${item.id}/recusal`, Ok, { reason: reason.trim() }),
    onSuccess: async () => {
      showSuccess('Đã ghi nhận: bạn không tham gia bỏ phiếu nội dung này.');
      await onDone();
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title="Báo xung đột lợi ích"
      okText="Xác nhận không bỏ phiếu"
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ disabled: !reason.trim(), loading: declare.isPending }}
      onOk={() => declare.mutate()}
    >
      <Typography.Paragraph>
        {item.subjectName} — {item.awardName}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="Lý do không tham gia bỏ phiếu"
        placeholder="Ví dụ: người được đề nghị là người thân của tôi"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}

function AttendanceCard({ view }: { view: SessionView }) {
  const client = useQueryClient();
  const [present, setPresent] = useState<string[]>(view.members.filter((m) => m.present).map((m) => m.id));
  const save = useMutation({
    mutationFn: () =>
      apiSend('PUT', `/api/v1/council-sessions/${view.id}/attendance`, AttendanceResult, {
        presentMemberIds: present,
      }),
    onSuccess: async (r) => {
      if (r.quorumMet) showSuccess(`Đủ số lượng: ${r.present}/${r.total} thành viên có mặt.`);
      else
        showError(
          new Error(`Chưa đủ số lượng: cần ${r.required}, có mặt ${r.present}/${r.total} thành viên.`),
        );
      await client.invalidateQueries({ queryKey: ['council-session', view.id] });
    },
    onError: showError,
  });
  return (
    <Card size="small" title="Điểm danh">
      <Checkbox.Group value={present} onChange={(v) => setPresent(v)} style={{ width: '100%' }}>
        <Flex vertical gap={4}>
          {view.members.map((m) => (
            <Checkbox key={m.id} value={m.id}>
              {m.fullName}{' '}
              <Typography.Text type="secondary">({MEMBER_ROLE_LABELS[m.role] ?? m.role})</Typography.Text>
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Button style={{ marginTop: 8 }} onClick={() => save.mutate()} loading={save.isPending}>
        Lưu danh sách có mặt
      </Button>
    </Card>
  );
}

function AddAgendaButton({ view }: { view: SessionView }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const candidates = useQuery({
    queryKey: ['nominations', 'accepted', view.orgUnitId, view.year],
    queryFn: ({ signal }) =>
      apiGet(
        '/api/v1/nominations',
        NominationList,
        { bodyOrgUnitId: view.orgUnitId, year: view.year, status: 'accepted', limit: 200 },
        signal,
      ),
    enabled: open,
  });
  const add = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/council-sessions/${view.id}/agenda`, SessionView, { nominationIds: selected }),
    onSuccess: async (v) => {
      client.setQueryData(['council-session', view.id], v);
      showSuccess(`Đã đưa ${selected.length} hồ sơ vào chương trình họp.`);
      setSelected([]);
      setOpen(false);
    },
    onError: showError,
  });
  return (
    <Space>
      <Button onClick={() => setOpen(true)}>Đưa hồ sơ vào chương trình họp</Button>
      <Modal
        open={open}
        width={720}
        title="Hồ sơ đã tiếp nhận, chờ Hội đồng xét"
        okText={`Đưa ${selected.length} hồ sơ vào chương trình`}
        cancelText="Hủy"
        okButtonProps={{ disabled: selected.length === 0, loading: add.isPending }}
        onOk={() => add.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Table<NominationSummary>
          rowKey="id"
          size="small"
          loading={candidates.isPending}
          dataSource={candidates.data?.items ?? []}
          pagination={false}
          scroll={{ y: 400 }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(z.array(z.string()).parse(keys)),
          }}
          locale={{
            emptyText: (
              <EmptyState
                title="Không có hồ sơ nào đang chờ Hội đồng xét."
                hint="Hồ sơ đề nghị phải được tiếp nhận ở mục Đề nghị khen thưởng trước khi đưa vào chương trình họp."
              />
            ),
          }}
          columns={[
            { title: 'Đối tượng', dataIndex: 'subjectName', key: 'subjectName' },
            { title: 'Hình thức đề nghị', dataIndex: 'awardName', key: 'awardName' },
            { title: 'Đơn vị đề nghị', dataIndex: 'orgUnitName', key: 'orgUnitName' },
          ]}
        />
      </Modal>
    </Space>
  );
}

/**
 * Why the officer cannot close this item yet, from what the page knows; null when closing is
 * allowed. Counts only: who has not voted is never named beside the item.
 */
function closeRefusal(item: Item, now = Date.now()): string | null {
  const deadline = item.votingDeadline ? new Date(item.votingDeadline) : null;
  const passed = deadline !== null && deadline.getTime() <= now;
  if (item.awaiting > 0 && !passed) {
    return deadline
      ? `Chưa kết thúc được: còn ${item.awaiting} thành viên có mặt chưa bỏ phiếu và chưa đến hạn bỏ phiếu ${formatDateTime(item.votingDeadline)}.`
      : `Chưa kết thúc được: còn ${item.awaiting} thành viên có mặt chưa bỏ phiếu. Không đặt hạn bỏ phiếu nên chỉ kết thúc khi mọi thành viên có mặt đã bỏ phiếu (hoặc không biểu quyết).`;
  }
  const needed = item.quorumBallots ?? 2;
  if (item.awaiting > 0 && passed && item.ballotsCast < needed) {
    return `Đã hết hạn bỏ phiếu nhưng mới có ${item.ballotsCast} phiếu, chưa đủ ${needed} phiếu theo số thành viên tối thiểu dự họp.`;
  }
  if (item.ballotsCast < 2) {
    return 'Chưa kết thúc được: không kiểm phiếu khi chỉ có một phiếu, vì kết quả sẽ cho biết người đó đã bỏ phiếu thế nào.';
  }
  return null;
}

function OpenVotingModal({
  item,
  onClose,
  onDone,
}: {
  item: Item;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [withDeadline, setWithDeadline] = useState(false);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const open = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/council-items/${item.id}/open`, Ok, {
        deadline: withDeadline && deadline ? deadline.second(0).millisecond(0).format() : null,
      }),
    onSuccess: async () => {
      showSuccess(
        withDeadline && deadline
          ? `Đã mở bỏ phiếu, hạn ${deadline.format('DD/MM/YYYY HH:mm')}.`
          : 'Đã mở bỏ phiếu.',
      );
      await onDone();
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title="Mở bỏ phiếu"
      okText="Mở bỏ phiếu"
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ disabled: withDeadline && !deadline, loading: open.isPending }}
      onOk={() => open.mutate()}
    >
      <Typography.Paragraph>
        {item.subjectName} — {item.awardName}
      </Typography.Paragraph>
      <Radio.Group value={withDeadline} onChange={(e) => setWithDeadline(e.target.value === true)}>
        <Flex vertical gap={8}>
          <Radio value={false}>Không đặt hạn: kết thúc khi mọi thành viên có mặt đã bỏ phiếu</Radio>
          <Radio value={true}>Thông báo hạn bỏ phiếu</Radio>
        </Flex>
      </Radio.Group>
      {withDeadline && (
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            aria-label="Hạn bỏ phiếu"
            placeholder="Chọn ngày giờ"
            value={deadline}
            onChange={(d) => setDeadline(d)}
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            style={{ width: '100%' }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Sau hạn này, hồ sơ kết thúc được khi đã có đủ số phiếu theo số thành viên tối thiểu dự họp.
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}

function WrittenOpinionModal({
  item,
  absent,
  onClose,
  onDone,
}: {
  item: Item;
  absent: SessionView['members'];
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { modal } = App.useApp();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const save = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/council-items/${item.id}/written-opinion`, Ok, { memberId, choice }),
    onSuccess: async () => {
      showSuccess('Đã nhập ý kiến bằng văn bản. Ý kiến được giữ kín như phiếu bầu.');
      await onDone();
      onClose();
    },
    onError: showError,
  });
  const name = absent.find((m) => m.id === memberId)?.fullName ?? '';
  return (
    <Modal
      open
      title="Ý kiến bằng văn bản của thành viên vắng mặt"
      okText="Nhập ý kiến"
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ disabled: !memberId || !choice, loading: save.isPending }}
      onOk={() =>
        modal.confirm({
          title: `Nhập ý kiến "${choice ? CHOICE_LABELS[choice] : ''}" của ${name}?`,
          content: 'Ý kiến đã nhập không sửa được.',
          okText: 'Nhập ý kiến',
          cancelText: 'Xem lại',
          onOk: () => save.mutateAsync().catch(() => undefined), // onError shows why
        })
      }
    >
      <Typography.Paragraph>
        {item.subjectName} — {item.awardName}. Ý kiến bằng văn bản được tính vào tổng số thành viên (Nghị định
        98/2023/NĐ-CP, Điều 30 khoản 7).
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Select
          aria-label="Thành viên vắng mặt"
          placeholder="Chọn thành viên vắng mặt"
          value={memberId}
          onChange={(v) => setMemberId(v)}
          options={absent.map((m) => ({ value: m.id, label: m.fullName }))}
          style={{ width: '100%' }}
        />
        <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          <Flex vertical gap={8}>
            <Radio value="yes">{CHOICE_LABELS.yes}</Radio>
            <Radio value="no">{CHOICE_LABELS.no}</Radio>
            <Radio value="abstain">{CHOICE_LABELS.abstain}</Radio>
          </Flex>
        </Radio.Group>
      </Flex>
    </Modal>
  );
}

function PaperTallyModal({
  item,
  onClose,
  onDone,
}: {
  item: Item;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { modal } = App.useApp();
  const [counts, setCounts] = useState<Record<Choice, number | null>>({ yes: null, no: null, abstain: null });
  const save = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/council-items/${item.id}/paper-tally`, VotingResult, {
        yes: counts.yes ?? 0,
        no: counts.no ?? 0,
        abstain: counts.abstain ?? 0,
      }),
    onSuccess: async (r) => {
      showSuccess(r.approved ? 'Đã ghi kết quả: được thông qua.' : 'Đã ghi kết quả: không được thông qua.');
      await onDone();
      onClose();
    },
    onError: showError,
  });
  const filled = counts.yes !== null && counts.no !== null && counts.abstain !== null;
  const total = (counts.yes ?? 0) + (counts.no ?? 0) + (counts.abstain ?? 0);
  return (
    <Modal
      open
      title="Kết quả kiểm phiếu giấy"
      okText="Ghi kết quả"
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ disabled: !filled, loading: save.isPending }}
      onOk={() =>
        modal.confirm({
          title: 'Ghi kết quả kiểm phiếu giấy?',
          content: `Đồng ý ${counts.yes ?? 0}, không đồng ý ${counts.no ?? 0}, không biểu quyết ${counts.abstain ?? 0} (tổng ${total} phiếu). Kết quả đã ghi không sửa được.`,
          okText: 'Ghi kết quả',
          cancelText: 'Xem lại',
          onOk: () => save.mutateAsync().catch(() => undefined), // onError shows why
        })
      }
    >
      <Typography.Paragraph>
        {item.subjectName} — {item.awardName}. Nhập số phiếu theo biên bản kiểm phiếu; hệ thống không ghi ai
        đã bỏ phiếu thế nào.
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {(['yes', 'no', 'abstain'] as const).map((c) => (
          <Flex key={c} align="center" justify="space-between" gap={8}>
            <span>{CHOICE_LABELS[c]}</span>
            <InputNumber
              aria-label={`Số phiếu ${CHOICE_LABELS[c].toLowerCase()}`}
              min={0}
              max={1000}
              precision={0}
              value={counts[c]}
              onChange={(v) => setCounts((old) => ({ ...old, [c]: v }))}
            />
          </Flex>
        ))}
      </Flex>
    </Modal>
  );
}
