import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { AttendanceResult, SessionView, VotingResult } from '../../../contracts/council.ts';
import { Ok } from '../../../contracts/common.ts';
import { NominationList, type NominationSummary } from '../../../contracts/nominations.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
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
            <AgendaItemCard key={item.id} item={item} sessionId={s.id} canManage={canManage} />
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
}: {
  item: Item;
  sessionId: string;
  canManage: boolean;
}) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [recusing, setRecusing] = useState(false);
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
  const open = useMutation({
    mutationFn: () => apiSend('POST', `/api/v1/council-items/${item.id}/open`, Ok, {}),
    onSuccess: refresh,
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
        {item.status !== 'pending' && (
          <span>
            Đã bỏ: <b data-testid="ballots-cast">{item.ballotsCast}</b>
            {item.eligibleVoters !== null ? `/${item.eligibleVoters}` : ''} phiếu
          </span>
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
          <Button onClick={() => open.mutate()} loading={open.isPending} style={{ alignSelf: 'flex-start' }}>
            Mở bỏ phiếu
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
