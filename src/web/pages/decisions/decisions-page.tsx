import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { Created, DecisionSummary } from '../../../contracts/decisions.ts';
import { NominationList, type NominationSummary } from '../../../contracts/nominations.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatNumber, formatVnd } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkingYear } from '../../app/working-year.ts';
import { DECISION_KIND_LABELS, DECISION_STATUS_COLORS, DECISION_STATUS_LABELS } from './decision-labels.ts';
import { LoadError } from '../../components/load-error.tsx';

const WRITERS = ['officer', 'chairman'] as const;

/** Decisions (quyết định khen thưởng) of the user's body, by year. */
export function DecisionsPage() {
  const session = useCurrentSession();
  const orgUnitId = session.orgUnit.id;
  const [year] = useWorkingYear();
  const canWrite = allows(session, [...WRITERS]);
  const [drafting, setDrafting] = useState(false);

  const list = useQuery({
    queryKey: ['decisions', orgUnitId, year],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/decisions', z.array(DecisionSummary), { orgUnitId, year }, signal),
  });

  return (
    <Page
      title="Quyết định khen thưởng"
      subtitle={`${session.orgUnit.name}: quyết định của năm ${year}, dự thảo và đã ban hành.`}
    >
      {canWrite && (
        <div>
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDrafting(true)}>
            Dự thảo quyết định từ danh sách được thông qua
          </Button>
        </div>
      )}
      {list.isError ? (
        <LoadError title="Không tải được danh sách quyết định." error={list.error} />
      ) : (
        <Card size="small">
          <Table<DecisionSummary>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={list.data ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{
              emptyText: (
                <EmptyState
                  title={`Chưa có quyết định nào của năm ${year}.`}
                  hint={
                    canWrite
                      ? 'Sau khi Hội đồng thông qua, bấm "Dự thảo quyết định từ danh sách được thông qua"; hoặc chọn năm khác.'
                      : 'Chọn năm khác ở góc phải.'
                  }
                />
              ),
            }}
            columns={[
              {
                title: 'Số, ký hiệu',
                key: 'number',
                render: (_: unknown, d: DecisionSummary) => (
                  <Link to={`/decisions/${d.id}`}>{d.numberText ?? '(chưa có số)'}</Link>
                ),
              },
              {
                title: 'Ngày ký',
                key: 'date',
                render: (_: unknown, d: DecisionSummary) => formatDate(d.decisionDate),
              },
              {
                title: 'Trích yếu',
                key: 'title',
                render: (_: unknown, d: DecisionSummary) => <Link to={`/decisions/${d.id}`}>{d.title}</Link>,
              },
              {
                title: 'Loại',
                key: 'kind',
                render: (_: unknown, d: DecisionSummary) => DECISION_KIND_LABELS[d.kind],
              },
              {
                title: 'Số đối tượng',
                key: 'items',
                align: 'right',
                render: (_: unknown, d: DecisionSummary) => formatNumber(d.itemCount),
              },
              {
                title: 'Tổng tiền thưởng',
                key: 'total',
                align: 'right',
                render: (_: unknown, d: DecisionSummary) => formatVnd(d.totalAmount),
              },
              {
                title: 'Trạng thái',
                key: 'status',
                render: (_: unknown, d: DecisionSummary) => (
                  <Tag color={DECISION_STATUS_COLORS[d.status]}>{DECISION_STATUS_LABELS[d.status]}</Tag>
                ),
              },
            ]}
          />
        </Card>
      )}
      {drafting && <DraftModal orgUnitId={orgUnitId} year={year} onClose={() => setDrafting(false)} />}
    </Page>
  );
}

/** Drafts a decision from the nominations the council approved (status "approved"). */
function DraftModal({ orgUnitId, year, onClose }: { orgUnitId: string; year: number; onClose: () => void }) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const approved = useQuery({
    queryKey: ['nominations', 'approved', orgUnitId, year],
    queryFn: ({ signal }) =>
      apiGet(
        '/api/v1/nominations',
        NominationList,
        { bodyOrgUnitId: orgUnitId, year, status: 'approved', limit: 200 },
        signal,
      ),
  });
  const draft = useMutation({
    mutationFn: () =>
      apiSend('POST', '/api/v1/decisions', Created, {
        orgUnitId,
        year,
        title: title.trim(),
        nominationIds: selected,
      }),
    onSuccess: (r) => {
      showSuccess('Đã lập dự thảo quyết định.');
      navigate(`/decisions/${r.id}`);
    },
    onError: showError,
  });
  return (
    <Modal
      open
      width={760}
      title={`Dự thảo quyết định — danh sách được Hội đồng thông qua năm ${year}`}
      okText={`Lập dự thảo (${selected.length} đối tượng)`}
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ disabled: selected.length === 0 || !title.trim(), loading: draft.isPending }}
      onOk={() => draft.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label="Trích yếu" required>
          <Input
            placeholder="Về việc tặng Giấy khen cho … có thành tích trong phong trào thi đua năm …"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
      </Form>
      <Table<NominationSummary>
        rowKey="id"
        size="small"
        loading={approved.isPending}
        dataSource={approved.data?.items ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(z.array(z.string()).parse(keys)),
        }}
        locale={{
          emptyText: (
            <EmptyState
              title="Không có hồ sơ nào đã được Hội đồng thông qua mà chưa có quyết định."
              hint="Hồ sơ cần được Hội đồng bỏ phiếu thông qua ở mục Hội đồng TĐKT trước khi lập quyết định."
            />
          ),
        }}
        columns={[
          { title: 'Đối tượng', dataIndex: 'subjectName', key: 'subjectName' },
          { title: 'Hình thức', dataIndex: 'awardName', key: 'awardName' },
          { title: 'Đơn vị đề nghị', dataIndex: 'orgUnitName', key: 'orgUnitName' },
        ]}
      />
    </Modal>
  );
}
