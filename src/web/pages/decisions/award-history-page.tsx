import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Tag } from 'antd';
import type { z } from 'zod';
import { AwardHistory } from '../../../contracts/decisions.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate, formatVnd } from '../../lib/format.ts';
import { useCurrentSession } from '../../app/session.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { SUBJECT_KIND_LABELS } from './decision-labels.ts';
import { LoadError } from '../../components/load-error.tsx';

type Row = z.infer<typeof AwardHistory>[number];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Every commendation recorded in the body: issued here, entered for earlier years, or revoked. */
export function AwardHistoryPage() {
  const session = useCurrentSession();
  const orgUnitId = session.orgUnit.id;
  const [q, setQ] = useState('');
  const history = useQuery({
    queryKey: ['award-history', orgUnitId],
    queryFn: ({ signal }) => apiGet('/api/v1/award-history', AwardHistory, { orgUnitId }, signal),
  });
  const rows = useMemo(() => {
    const needle = fold(q.trim());
    const all = history.data ?? [];
    return needle ? all.filter((r) => fold(r.subjectName ?? '').includes(needle)) : all;
  }, [history.data, q]);

  return (
    <Page
      title="Lịch sử khen thưởng"
      subtitle={`Khen thưởng của cá nhân, tập thể thuộc ${session.orgUnit.name}, qua các năm.`}
    >
      <Input.Search
        aria-label="Tìm theo tên"
        placeholder="Tìm theo tên cá nhân, tập thể (có thể gõ không dấu)"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ maxWidth: 360 }}
      />
      {history.isError ? (
        <LoadError title="Không tải được lịch sử khen thưởng." error={history.error} />
      ) : (
        <Card size="small">
          <Table<Row>
            rowKey="id"
            size="small"
            loading={history.isPending}
            dataSource={rows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: true }}
            locale={{
              emptyText: (
                <EmptyState
                  title={
                    q
                      ? 'Không có khen thưởng nào khớp với tên đã nhập.'
                      : 'Chưa có khen thưởng nào được ghi nhận.'
                  }
                  hint={
                    q
                      ? 'Thử gõ một phần của tên.'
                      : 'Khen thưởng được ghi nhận khi một quyết định được ban hành ở mục Quyết định khen thưởng.'
                  }
                />
              ),
            }}
            columns={[
              { title: 'Năm', dataIndex: 'year', key: 'year', width: 70 },
              {
                title: 'Cá nhân / Tập thể',
                key: 'name',
                render: (_: unknown, r: Row) => r.subjectName ?? '—',
              },
              {
                title: 'Đối tượng',
                key: 'kind',
                render: (_: unknown, r: Row) => SUBJECT_KIND_LABELS[r.subjectKind] ?? r.subjectKind,
              },
              { title: 'Hình thức', dataIndex: 'awardName', key: 'awardName' },
              {
                title: 'Quyết định',
                key: 'decision',
                render: (_: unknown, r: Row) =>
                  r.decisionNumber ? `${r.decisionNumber} ngày ${formatDate(r.decisionDate)}` : '—',
              },
              { title: 'Cơ quan khen', key: 'issuer', render: (_: unknown, r: Row) => r.issuerName ?? '—' },
              {
                title: 'Số tiền',
                key: 'amount',
                align: 'right',
                render: (_: unknown, r: Row) => formatVnd(r.amount),
              },
              {
                title: 'Ghi chú',
                key: 'note',
                render: (_: unknown, r: Row) =>
                  r.revokedAt ? (
                    <Tag color="red">
                      Thu hồi {formatDate(r.revokedAt)}: {r.revocationReason ?? ''}
                    </Tag>
                  ) : r.source !== 'decision' ? (
                    <Tag>Nhập từ hồ sơ cũ</Tag>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
    </Page>
  );
}
