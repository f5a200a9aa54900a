import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { z } from 'zod';
import { OrgUnitDetail, type OrgUnit } from '../../../contracts/organizations.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate, formatNumber, formatPeriod } from '../../lib/format.ts';
import { orgEventLabel } from '../../lib/labels.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { PEOPLE_READERS } from '../../app/routes.tsx';
import { LoadError } from '../../components/load-error.tsx';

type Detail = z.infer<typeof OrgUnitDetail>;

function UnitLinks({
  units,
  onOpen,
  empty,
}: {
  units: OrgUnit[];
  onOpen: (id: string) => void;
  empty: string;
}) {
  if (units.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex vertical gap={2} align="flex-start">
      {units.map((u) => (
        <Button key={u.id} type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(u.id)}>
          {u.name} ({formatPeriod(u.validFrom, u.validTo).toLowerCase()})
        </Button>
      ))}
    </Flex>
  );
}

/**
 * One line per restructuring: a merge of six wards is one event with six predecessors, not six
 * lines repeating the same date and legal basis.
 */
function historyItems(detail: Detail) {
  const groups = new Map<
    string,
    { kind: string; date: string; basis: string | null; from: string[]; to: string[] }
  >();
  for (const e of detail.history) {
    const key = `${e.kind}|${e.effectiveDate}|${e.legalBasis ?? ''}`;
    const group = groups.get(key) ?? {
      kind: e.kind,
      date: e.effectiveDate,
      basis: e.legalBasis,
      from: [],
      to: [],
    };
    if (!group.from.includes(e.predecessor.name)) group.from.push(e.predecessor.name);
    if (!group.to.includes(e.successor.name)) group.to.push(e.successor.name);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, g]) => ({
    key,
    content: (
      <div>
        <Typography.Text strong>{formatDate(g.date)}</Typography.Text>{' '}
        <Tag color={g.kind === 'merge' ? 'purple' : g.kind === 'split' ? 'cyan' : 'gold'}>
          {orgEventLabel(g.kind)}
        </Tag>
        <div>
          {g.from.join(', ')} → {g.to.join(', ')}
        </div>
        {g.basis && <Typography.Text type="secondary">Căn cứ: {g.basis}</Typography.Text>}
      </div>
    ),
  }));
}

/** One unit: where it sits, how long it existed, what it came from and became. */
export function OrgUnitDetailCard({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const session = useCurrentSession();
  const detail = useQuery({
    queryKey: ['org-units', 'detail', id],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/org-units/${encodeURIComponent(id)}`, OrgUnitDetail, undefined, signal),
  });
  if (detail.isPending) {
    return (
      <Card size="small">
        <Skeleton active />
      </Card>
    );
  }
  if (detail.isError) {
    return <LoadError title="Không tải được thông tin đơn vị." error={detail.error} />;
  }
  const unit = detail.data;
  return (
    <Card
      size="small"
      title={unit.name}
      extra={unit.validTo ? <Tag color="orange">Đã kết thúc</Tag> : <Tag color="green">Đang hoạt động</Tag>}
      data-testid="org-unit-detail"
    >
      <Flex vertical gap={16}>
        {unit.ancestors.length > 0 && (
          <Breadcrumb
            items={[
              ...unit.ancestors.map((a) => ({
                key: a.id,
                title: (
                  <a
                    href="#"
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(a.id);
                    }}
                  >
                    {a.name}
                  </a>
                ),
              })),
              { key: unit.id, title: unit.name },
            ]}
          />
        )}
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 190 } }}
          items={[
            { key: 'code', label: 'Mã đơn vị', children: unit.code },
            { key: 'kind', label: 'Loại đơn vị', children: unit.kindLabel },
            {
              key: 'valid',
              label: 'Thời gian hoạt động',
              children: formatPeriod(unit.validFrom, unit.validTo),
            },
            {
              key: 'people',
              label: 'Số cán bộ (kể cả đơn vị trực thuộc)',
              children: allows(session, PEOPLE_READERS) ? (
                <Link to={`/people?orgUnitId=${encodeURIComponent(unit.id)}`}>
                  {formatNumber(unit.peopleCount)} người
                </Link>
              ) : (
                `${formatNumber(unit.peopleCount)} người`
              ),
            },
            {
              key: 'predecessors',
              label: 'Đơn vị tiền thân',
              children: <UnitLinks units={unit.predecessors} onOpen={onOpen} empty="Không có" />,
            },
            {
              key: 'successors',
              label: 'Đơn vị kế thừa',
              children: <UnitLinks units={unit.successors} onOpen={onOpen} empty="Không có" />,
            },
          ]}
        />
        <div>
          <Typography.Title level={5}>Lịch sử sắp xếp, sáp nhập</Typography.Title>
          {unit.history.length === 0 ? (
            <Typography.Text type="secondary">
              Đơn vị chưa qua lần sáp nhập, chia tách hay đổi tên nào.
            </Typography.Text>
          ) : (
            <Timeline items={historyItems(unit)} />
          )}
        </div>
      </Flex>
    </Card>
  );
}
