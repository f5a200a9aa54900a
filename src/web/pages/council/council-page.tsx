import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { CouncilView, SessionSummary } from '../../../contracts/council.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { MEMBER_ROLE_LABELS, SESSION_STATUS_LABELS } from './council-labels.ts';
import { useWorkingYear } from '../../app/working-year.ts';
import { LoadError } from '../../components/load-error.tsx';

type Member = z.infer<typeof CouncilView>['members'][number];
type SessionRow = z.infer<typeof CouncilView>['sessions'][number];

const STATUS_COLORS = { planned: 'default', open: 'green', closed: 'blue' } as const;

/** The council (Hội đồng TĐKT) of the user's body for a year: members and sessions. */
export function CouncilPage() {
  const session = useCurrentSession();
  const orgUnitId = session.orgUnit.id;
  const [year] = useWorkingYear();
  const canManage = allows(session, ['officer', 'chairman']);
  const [creating, setCreating] = useState(false);

  const council = useQuery({
    queryKey: ['council', orgUnitId, year],
    queryFn: ({ signal }) => apiGet(`/api/v1/councils/${orgUnitId}/${year}`, CouncilView, undefined, signal),
  });

  return (
    <Page
      title="Hội đồng Thi đua - Khen thưởng"
      subtitle={council.data?.council?.name ?? `${session.orgUnit.name}, năm ${year}`}
    >
      {council.isError && <LoadError title="Không tải được Hội đồng." error={council.error} />}
      {council.data && !council.data.council && (
        <Card>
          <EmptyState
            title={`Chưa có Hội đồng Thi đua - Khen thưởng năm ${year}.`}
            hint="Chọn năm khác ở góc phải, hoặc cán bộ phụ trách TĐKT lập danh sách thành viên Hội đồng theo quyết định thành lập."
          />
        </Card>
      )}
      {council.data?.council && (
        <>
          {council.data.council.establishedBy && (
            <Alert type="info" title={`Thành lập theo: ${council.data.council.establishedBy}`} />
          )}
          <Card size="small" title={`Thành viên (${council.data.members.length})`}>
            <Table<Member>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={council.data.members}
              scroll={{ x: true }}
              columns={[
                { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName' },
                { title: 'Chức vụ', key: 'position', render: (_: unknown, m: Member) => m.position ?? '—' },
                {
                  title: 'Vai trò trong Hội đồng',
                  key: 'role',
                  render: (_: unknown, m: Member) => MEMBER_ROLE_LABELS[m.role] ?? m.role,
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title="Phiên họp"
            extra={
              canManage && (
                <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  Thêm phiên họp
                </Button>
              )
            }
          >
            <Table<SessionRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={council.data.sessions}
              scroll={{ x: true }}
              locale={{
                emptyText: (
                  <EmptyState
                    title="Chưa có phiên họp nào."
                    hint={
                      canManage
                        ? 'Bấm "Thêm phiên họp", ghi danh sách có mặt, rồi đưa hồ sơ đã tiếp nhận vào chương trình họp.'
                        : 'Cán bộ phụ trách TĐKT sẽ lập phiên họp khi Hội đồng họp xét.'
                    }
                  />
                ),
              }}
              columns={[
                {
                  title: 'Phiên họp',
                  key: 'title',
                  render: (_: unknown, s: SessionRow) => (
                    <Link to={`/council-sessions/${s.id}`}>{s.title}</Link>
                  ),
                },
                {
                  title: 'Ngày họp',
                  key: 'heldOn',
                  render: (_: unknown, s: SessionRow) => formatDate(s.heldOn),
                },
                {
                  title: 'Địa điểm',
                  key: 'location',
                  render: (_: unknown, s: SessionRow) => s.location ?? '—',
                },
                {
                  title: 'Có mặt',
                  key: 'present',
                  render: (_: unknown, s: SessionRow) =>
                    s.presentMembers === null ? '—' : `${s.presentMembers}/${s.totalMembers ?? '—'}`,
                },
                {
                  title: 'Trạng thái',
                  key: 'status',
                  render: (_: unknown, s: SessionRow) => (
                    <Tag color={STATUS_COLORS[s.status]}>{SESSION_STATUS_LABELS[s.status]}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
      {creating && (
        <CreateSessionModal orgUnitId={orgUnitId} year={year} onClose={() => setCreating(false)} />
      )}
    </Page>
  );
}

function CreateSessionModal({
  orgUnitId,
  year,
  onClose,
}: {
  orgUnitId: string;
  year: number;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [title, setTitle] = useState(`Phiên họp xét khen thưởng năm ${year}`);
  const [heldOn, setHeldOn] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const create = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/councils/${orgUnitId}/${year}/sessions`, SessionSummary, {
        title,
        heldOn,
        location: location.trim() || null,
      }),
    onSuccess: async () => {
      showSuccess('Đã thêm phiên họp.');
      await client.invalidateQueries({ queryKey: ['council', orgUnitId, year] });
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title="Thêm phiên họp"
      okText="Thêm"
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ disabled: !title.trim() || !heldOn, loading: create.isPending }}
      onOk={() => create.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label="Tên phiên họp" required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Form.Item label="Ngày họp" required>
          <DateInput value={heldOn} onChange={setHeldOn} aria-label="Ngày họp" />
        </Form.Item>
        <Form.Item label="Địa điểm">
          <Input value={location} onChange={(e) => setLocation(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
