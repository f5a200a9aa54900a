import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { z } from 'zod';
import { FundView } from '../../../contracts/fund.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatNumber, formatVnd, todayIso } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkingYear } from '../../app/working-year.ts';
import { LoadError } from '../../components/load-error.tsx';

type Entry = FundView['entries'][number];
type Unpaid = FundView['unpaid'][number];

const ENTRY_LABELS: Readonly<Record<Entry['kind'], string>> = {
  allocation: 'Ngân sách trích lập',
  contribution: 'Đóng góp',
  reward_expense: 'Chi thưởng theo quyết định',
  expense_reversal: 'Giảm chi (thu hồi trước khi chi)',
  movement_expense: 'Chi tổ chức phong trào',
  payment: 'Đã chi tiền thưởng',
  recovery: 'Thu hồi tiền thưởng',
};
const INCOME_KINDS: ReadonlySet<Entry['kind']> = new Set([
  'allocation',
  'contribution',
  'recovery',
  'expense_reversal',
]);
const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

/** The reward fund (quỹ thi đua, khen thưởng) of the user's body for a year. */
export function FundPage() {
  const session = useCurrentSession();
  const orgUnitId = session.orgUnit.id;
  const [year] = useWorkingYear();
  const canWrite = allows(session, ['officer', 'chairman']);
  const fund = useQuery({
    queryKey: ['fund', orgUnitId, year],
    queryFn: ({ signal }) => apiGet(`/api/v1/funds/${orgUnitId}/${year}`, FundView, undefined, signal),
  });

  return (
    <Page title="Quỹ thi đua, khen thưởng" subtitle={`${session.orgUnit.name}, năm ${year}`}>
      {fund.isError && <LoadError title="Không tải được quỹ." error={fund.error} />}
      {fund.data && <FundBody view={fund.data} canWrite={canWrite} />}
    </Page>
  );
}

function FundBody({ view, canWrite }: { view: FundView; canWrite: boolean }) {
  const p = view.position;
  if (view.entries.length === 0 && view.unpaid.length === 0 && p.income === 0) {
    return (
      <Card>
        <EmptyState
          title={`Chưa có số liệu quỹ năm ${view.year}.`}
          hint="Ghi khoản ngân sách trích lập và các khoản đóng góp của năm; tiền thưởng được ghi chi tự động khi quyết định khen thưởng được ban hành. Hoặc chọn năm khác ở góc phải."
        />
      </Card>
    );
  }
  return (
    <>
      <Card size="small" title="Tình hình quỹ" data-testid="fund-position">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title="Tổng nguồn quỹ" value={formatVnd(p.income)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="Mức trích tối đa"
              value={p.allocationCap === null ? 'Chưa nhập chi thường xuyên' : formatVnd(p.allocationCap)}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatNumber(view.capRatio * 100)} % chi thường xuyên
              {view.recurrentSpending !== null ? ` (${formatVnd(view.recurrentSpending)})` : ''}
            </Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={`Dành tổ chức phong trào (${formatNumber(Math.round(view.movementShare * 100))} %)`}
              value={formatVnd(p.movementReserve)}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Còn lại {formatVnd(p.movementRemaining)}
            </Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Dành chi thưởng" value={formatVnd(p.rewardBudget)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Tiền thưởng theo quyết định" value={formatVnd(p.committed)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Đã chi thưởng" value={formatVnd(p.paid)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="Chưa chi thưởng"
              value={formatVnd(p.unpaid)}
              styles={{ content: { color: p.unpaid > 0 ? '#cf1322' : undefined } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="Quỹ còn có thể chi"
              value={formatVnd(p.rewardCash)}
              styles={{ content: { color: p.rewardCash < 0 ? '#cf1322' : undefined } }}
            />
          </Col>
        </Row>
        {p.uncommitted < 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={`Các quyết định đã vượt phần quỹ dành chi thưởng ${formatVnd(-p.uncommitted)}.`}
            description="Các khoản chưa chi được liệt kê bên dưới cho đến khi có kinh phí bổ sung."
          />
        )}
      </Card>
      <UnpaidCard view={view} canWrite={canWrite} />
      <Card size="small" title="Thu, chi của quỹ">
        <Table<Entry>
          rowKey="id"
          size="small"
          dataSource={view.entries}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={[
            { title: 'Ngày', key: 'date', render: (_: unknown, e: Entry) => formatDate(e.entryDate) },
            { title: 'Nội dung', key: 'kind', render: (_: unknown, e: Entry) => ENTRY_LABELS[e.kind] },
            {
              title: 'Quyết định',
              key: 'decision',
              render: (_: unknown, e: Entry) =>
                e.decisionId ? (
                  <Link to={`/decisions/${e.decisionId}`}>{e.decisionNumber ?? 'Xem'}</Link>
                ) : (
                  '—'
                ),
            },
            {
              title: 'Thu',
              key: 'in',
              align: 'right',
              render: (_: unknown, e: Entry) => (INCOME_KINDS.has(e.kind) ? formatVnd(e.amount) : ''),
            },
            {
              title: 'Chi',
              key: 'out',
              align: 'right',
              render: (_: unknown, e: Entry) => (INCOME_KINDS.has(e.kind) ? '' : formatVnd(e.amount)),
            },
            {
              title: 'Ghi chú',
              key: 'note',
              render: (_: unknown, e: Entry) => (
                <>
                  {e.note ?? ''}
                  {e.overrideReason && <Tag color="orange">Chi vượt quỹ: {e.overrideReason}</Tag>}
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

function UnpaidCard({ view, canWrite }: { view: FundView; canWrite: boolean }) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [paidOn, setPaidOn] = useState<string | null>(todayIso());
  const total = view.unpaid
    .filter((u) => selected.includes(u.awardRecordId))
    .reduce((s, u) => s + u.amount, 0);
  const pay = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/funds/${view.orgUnitId}/${view.year}/payments`, FundView, {
        awardRecordIds: selected,
        paidOn,
      }),
    onSuccess: (v) => {
      client.setQueryData(['fund', view.orgUnitId, view.year], v);
      showSuccess(`Đã ghi chi ${selected.length} khoản tiền thưởng.`);
      setSelected([]);
    },
    onError: showError,
  });
  return (
    <Card
      size="small"
      title={`Tiền thưởng chưa chi (${view.unpaid.length})`}
      data-testid="unpaid"
      extra={
        canWrite &&
        view.unpaid.length > 0 && (
          <Flex gap={8} align="center" wrap>
            <DateInput value={paidOn} onChange={setPaidOn} aria-label="Ngày chi" />
            <Button
              type="primary"
              disabled={selected.length === 0 || !paidOn}
              loading={pay.isPending}
              onClick={() =>
                modal.confirm({
                  title: `Ghi "Đã chi" ${selected.length} khoản, tổng ${formatVnd(total)}?`,
                  content: `Ngày chi ${formatDate(paidOn)}. Khoản đã chi không còn trong danh sách chưa chi.`,
                  okText: 'Đã chi',
                  cancelText: 'Hủy',
                  onOk: () => pay.mutateAsync(),
                })
              }
            >
              Đã chi
            </Button>
          </Flex>
        )
      }
    >
      <Table<Unpaid>
        rowKey="awardRecordId"
        size="small"
        dataSource={view.unpaid}
        pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: true }}
        rowSelection={
          canWrite
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(z.array(z.string()).parse(keys)) }
            : undefined
        }
        locale={{
          emptyText: (
            <EmptyState
              title="Không còn khoản tiền thưởng nào chưa chi."
              hint="Khi quyết định được ban hành, tiền thưởng của từng đối tượng hiện ở đây cho đến khi được ghi đã chi."
            />
          ),
        }}
        columns={[
          { title: 'Cá nhân / Tập thể', dataIndex: 'subjectName', key: 'subjectName' },
          {
            title: 'Đối tượng',
            key: 'kind',
            render: (_: unknown, u: Unpaid) => SUBJECT_LABELS[u.subjectKind] ?? u.subjectKind,
          },
          {
            title: 'Quyết định',
            key: 'decision',
            render: (_: unknown, u: Unpaid) => (
              <Link to={`/decisions/${u.decisionId}`}>
                {u.decisionNumber ?? 'Xem'} {u.decisionDate ? `ngày ${formatDate(u.decisionDate)}` : ''}
              </Link>
            ),
          },
          {
            title: 'Số tiền',
            key: 'amount',
            align: 'right',
            render: (_: unknown, u: Unpaid) => formatVnd(u.amount),
          },
        ]}
        summary={() =>
          view.unpaid.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={canWrite ? 4 : 3}>
                <b>Tổng chưa chi</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <b data-testid="unpaid-total">{formatVnd(view.unpaid.reduce((s, u) => s + u.amount, 0))}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
