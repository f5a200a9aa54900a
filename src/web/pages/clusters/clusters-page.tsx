import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Skeleton, Table, Tag } from 'antd';
import { z } from 'zod';
import { Cluster, type OrgUnit } from '../../../contracts/organizations.ts';
import { apiGet } from '../../lib/api.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { useWorkingYear } from '../../app/working-year.ts';

const ClusterList = z.object({ items: z.array(Cluster) });
type ClusterDto = z.infer<typeof Cluster>;

type MemberRow = { key: string; no: number; unit: OrgUnit; role: 'head' | 'deputy' | 'member' };

const ROLE_TAGS = {
  head: <Tag color="red">Trưởng cụm</Tag>,
  deputy: <Tag color="volcano">Phó cụm</Tag>,
  member: <Tag>Thành viên</Tag>,
} as const;

function memberRows(c: ClusterDto): MemberRow[] {
  return c.members.map((unit, i) => ({
    key: unit.id,
    no: i + 1,
    unit,
    role: unit.id === c.head?.id ? 'head' : unit.id === c.deputy?.id ? 'deputy' : 'member',
  }));
}

function ClusterCard({ cluster }: { cluster: ClusterDto }) {
  return (
    <Card
      size="small"
      title={cluster.name}
      extra={
        <Flex gap={8} align="center">
          <Tag color="blue">Năm {cluster.year}</Tag>
          <Link to={`/clusters/${cluster.id}`}>Chấm điểm, xếp hạng</Link>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'organiser', label: 'Đơn vị tổ chức', children: cluster.organiser.name },
            { key: 'head', label: 'Trưởng cụm', children: cluster.head?.name ?? 'Chưa phân công' },
            { key: 'deputy', label: 'Phó cụm', children: cluster.deputy?.name ?? 'Chưa phân công' },
          ]}
        />
        <Table<MemberRow>
          size="small"
          pagination={false}
          dataSource={memberRows(cluster)}
          locale={{ emptyText: 'Cụm chưa có đơn vị thành viên.' }}
          columns={[
            { title: 'STT', dataIndex: 'no', width: 60 },
            { title: 'Đơn vị thành viên', render: (_, r) => r.unit.name },
            { title: 'Loại', render: (_, r) => r.unit.kindLabel, width: 200 },
            { title: 'Vai trò trong cụm', render: (_, r) => ROLE_TAGS[r.role], width: 160 },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** Emulation clusters (cụm thi đua) of one year: organiser, head, deputy and members. */
export function ClustersPage() {
  const [year] = useWorkingYear();
  const all = useQuery({
    queryKey: ['clusters', 'all'],
    queryFn: ({ signal }) => apiGet('/api/v1/clusters', ClusterList, undefined, signal),
  });
  const yearsWithData = [...new Set((all.data?.items ?? []).map((c) => c.year))].sort((a, b) => b - a);

  const ofYear = useQuery({
    queryKey: ['clusters', year],
    queryFn: ({ signal }) => apiGet('/api/v1/clusters', ClusterList, { year }, signal),
    enabled: all.isSuccess,
  });

  return (
    <Page
      title="Cụm thi đua"
      subtitle="Các cụm, khối thi đua theo từng năm: đơn vị tổ chức, trưởng cụm, phó cụm và thành viên."
    >
      {all.isPending || ofYear.isPending ? (
        <Skeleton active />
      ) : ofYear.isError || all.isError ? (
        <LoadError title="Không tải được danh sách cụm thi đua." />
      ) : ofYear.data.items.length === 0 ? (
        <Card size="small">
          <EmptyState
            title={`Chưa có cụm thi đua nào trong năm ${year} mà đơn vị của bạn tham gia.`}
            hint={
              yearsWithData.length > 0
                ? `Đã có dữ liệu các năm: ${yearsWithData.join(', ')}. Hãy chọn năm làm việc ở đầu trang.`
                : 'Cụm thi đua do cấp trên thành lập hằng năm; khi có quyết định, cán bộ TĐKT nhập vào hệ thống.'
            }
          />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {ofYear.data.items.map((c) => (
            <ClusterCard key={c.id} cluster={c} />
          ))}
        </Flex>
      )}
    </Page>
  );
}
