import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Modal, Select, Table, Typography } from 'antd';
import { z } from 'zod';
import { CollectiveRatingDto } from '../../../contracts/nominations.ts';
import { OrgTreeResponse, type OrgTreeNode } from '../../../contracts/organizations.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { RATING_LABELS, type Rating } from '../../lib/labels.ts';
import { showError, showSuccess } from '../../app/feedback.ts';

type Unit = { id: string; name: string };

/** The units directly under the body as they stood in the middle of the year. */
function unitsUnder(roots: readonly OrgTreeNode[], bodyId: string): Unit[] {
  const find = (nodes: readonly OrgTreeNode[]): OrgTreeNode | undefined => {
    for (const n of nodes) {
      if (n.id === bodyId) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return (find(roots)?.children ?? []).map((c) => ({ id: c.id, name: c.name }));
}

/**
 * The collectives' own ratings of a year (xếp loại tập thể): the year-end pre-fill reads them to
 * propose "Tập thể lao động tiên tiến / xuất sắc" with the members' results.
 */
export function CollectiveRatingsDialog({
  bodyId,
  year,
  onClose,
}: {
  bodyId: string;
  year: number;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const tree = useQuery({
    queryKey: ['org-tree', `${year}-07-01`],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/org-units/tree', OrgTreeResponse, { asOf: `${year}-07-01` }, signal),
  });
  const ratings = useQuery({
    queryKey: ['collective-ratings', bodyId, year],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/collective-ratings', z.array(CollectiveRatingDto), { orgUnitId: bodyId, year }, signal),
  });
  const save = useMutation({
    mutationFn: (input: { orgUnitId: string; rating: Rating }) =>
      apiSend('PUT', '/api/v1/collective-ratings', CollectiveRatingDto, { ...input, year }),
    onSuccess: async (r) => {
      showSuccess(`${r.orgUnitName}: ${RATING_LABELS[r.rating]}.`);
      await client.invalidateQueries({ queryKey: ['collective-ratings', bodyId, year] });
    },
    onError: showError,
  });
  const units = tree.data ? unitsUnder(tree.data.roots, bodyId) : [];
  const byUnit = new Map((ratings.data ?? []).map((r) => [r.orgUnitId, r]));
  return (
    <Modal open title={`Xếp loại tập thể năm ${year}`} footer={null} onCancel={onClose} width={720}>
      <Typography.Paragraph type="secondary">
        Danh hiệu tập thể được xét từ xếp loại của chính tập thể và kết quả của các thành viên. Chọn xếp loại
        cho từng tập thể, rồi bấm “Lập danh sách gợi ý cuối năm”.
      </Typography.Paragraph>
      <Table<Unit>
        rowKey="id"
        size="small"
        pagination={false}
        loading={tree.isLoading || ratings.isLoading}
        dataSource={units}
        columns={[
          { title: 'Tập thể', dataIndex: 'name', key: 'name' },
          {
            title: 'Xếp loại',
            key: 'rating',
            width: 280,
            render: (_: unknown, u: Unit) => (
              <Select<Rating>
                aria-label={`Xếp loại ${u.name}`}
                style={{ width: 260 }}
                placeholder="Chưa xếp loại"
                value={byUnit.get(u.id)?.rating}
                loading={save.isPending && save.variables?.orgUnitId === u.id}
                onChange={(rating) => save.mutate({ orgUnitId: u.id, rating })}
                options={(Object.keys(RATING_LABELS) as Rating[]).map((r) => ({
                  value: r,
                  label: RATING_LABELS[r],
                }))}
              />
            ),
          },
        ]}
        locale={{ emptyText: 'Đơn vị không có tập thể trực thuộc trong năm này.' }}
      />
    </Modal>
  );
}
