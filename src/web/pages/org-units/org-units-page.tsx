import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import dayjs from 'dayjs';
import { OrgTreeResponse, type OrgTreeNode } from '../../../contracts/organizations.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { OrgUnitDetailCard } from './org-unit-detail.tsx';
import { useScopeDate } from './use-scope-date.ts';
import { LoadError } from '../../components/load-error.tsx';

/** A unit's end date is shown where it differs from its parent's: one tag for a whole merged ward. */
function toTreeData(nodes: OrgTreeNode[], parentEnd: string | null = null): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <span>
        {n.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          · {n.kindLabel}
        </Typography.Text>
        {n.validTo && n.validTo !== parentEnd && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            hoạt động đến {formatDate(n.validTo)}
          </Tag>
        )}
      </span>
    ),
    children: toTreeData(n.children, n.validTo),
  }));
}

function countNodes(nodes: OrgTreeNode[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countNodes(n.children), 0);
}

/** Org tree as of a date (the structure before and after a merge differ), with the chosen unit. */
export function OrgUnitsPage() {
  const [params, setParams] = useSearchParams();
  const scope = useScopeDate();
  const asOf = params.get('asOf') ?? scope.asOf;
  const selected = params.get('unit');

  const tree = useQuery({
    queryKey: ['org-units', 'tree', asOf],
    queryFn: ({ signal }) => apiGet('/api/v1/org-units/tree', OrgTreeResponse, { asOf }, signal),
    enabled: !scope.pending || params.has('asOf'),
  });
  const treeData = useMemo(() => toTreeData(tree.data?.roots ?? []), [tree.data]);

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const lastYearEnd = `${new Date().getFullYear() - 1}-12-31`;
  return (
    <Page
      title="Cơ cấu tổ chức"
      subtitle={`Cơ cấu tại ngày ${formatDate(asOf)}${tree.data ? ` · ${countNodes(tree.data.roots)} đơn vị` : ''}`}
      extra={
        <Flex align="center" gap={8}>
          <Typography.Text>Xem cơ cấu tại ngày</Typography.Text>
          <DateInput
            aria-label="Ngày xem cơ cấu"
            value={asOf}
            allowClear={false}
            onChange={(iso) => update({ asOf: iso ?? todayIso() })}
            presets={[
              { label: 'Hôm nay', value: dayjs() },
              ...(scope.ownUnitEnded ? [{ label: 'Ngày cuối trước sắp xếp', value: dayjs(scope.asOf) }] : []),
              { label: `Cuối năm ${new Date().getFullYear() - 1}`, value: dayjs(lastYearEnd) },
              {
                label: `Cuối năm ${new Date().getFullYear() - 2}`,
                value: dayjs(`${new Date().getFullYear() - 2}-12-31`),
              },
            ]}
          />
        </Flex>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="Sơ đồ đơn vị" size="small">
            {tree.isPending ? (
              <Skeleton active />
            ) : tree.isError ? (
              <LoadError title="Không tải được cơ cấu tổ chức." />
            ) : treeData.length === 0 ? (
              <EmptyState
                title={`Không có đơn vị nào trong phạm vi của bạn tại ngày ${formatDate(asOf)}.`}
                hint={
                  scope.ownUnitEnded && asOf >= scope.ownUnitEnded
                    ? `Đơn vị của bạn đã kết thúc hoạt động từ ngày ${formatDate(scope.ownUnitEnded)} (sắp xếp, sáp nhập). Hãy chọn một ngày trước đó.`
                    : 'Đơn vị có thể đã được sáp nhập hoặc chưa thành lập vào ngày này. Hãy chọn một ngày khác.'
                }
                action={
                  scope.ownUnitEnded && asOf >= scope.ownUnitEnded ? (
                    <Button onClick={() => update({ asOf: scope.asOf })}>
                      Xem cơ cấu ngày {formatDate(scope.asOf)}
                    </Button>
                  ) : undefined
                }
              />
            ) : (
              <Tree
                key={asOf}
                showLine
                defaultExpandAll
                blockNode
                treeData={treeData}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => {
                  const id = keys[0];
                  if (typeof id === 'string') update({ unit: id });
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {selected ? (
            <OrgUnitDetailCard id={selected} onOpen={(id) => update({ unit: id })} />
          ) : (
            <Card size="small">
              <EmptyState
                title="Chưa chọn đơn vị"
                hint="Bấm vào một đơn vị trong sơ đồ để xem thông tin, các đơn vị tiền thân, kế thừa và lịch sử sắp xếp."
              />
            </Card>
          )}
        </Col>
      </Row>
    </Page>
  );
}
