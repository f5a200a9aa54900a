import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, TreeSelect, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { OrgTreeResponse, type OrgTreeNode } from '../../../contracts/organizations.ts';
import { PersonList, type PersonSummary } from '../../../contracts/people.ts';
import { apiGet } from '../../lib/api.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { GENDER_LABELS, STAFF_CATEGORY_LABELS, type Gender, type StaffCategory } from '../../lib/labels.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { IMPORTERS } from '../../app/routes.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { useScopeDate } from '../org-units/use-scope-date.ts';
import { LoadError } from '../../components/load-error.tsx';

const PAGE_SIZE = 50;

type TreeOption = { value: string; title: string; children: TreeOption[] };

function toOptions(nodes: OrgTreeNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));
}

/** The units to filter by: the structure the user's own unit belongs to (see useScopeDate). */
function useUnitOptions() {
  const scope = useScopeDate();
  const tree = useQuery({
    queryKey: ['org-units', 'tree', scope.asOf],
    queryFn: ({ signal }) => apiGet('/api/v1/org-units/tree', OrgTreeResponse, { asOf: scope.asOf }, signal),
    enabled: !scope.pending,
  });
  return useMemo(() => toOptions(tree.data?.roots ?? []), [tree.data]);
}

const STAFF_OPTIONS = (Object.keys(STAFF_CATEGORY_LABELS) as StaffCategory[]).map((value) => ({
  value,
  label: STAFF_CATEGORY_LABELS[value],
}));
const GENDER_OPTIONS = (Object.keys(GENDER_LABELS) as Gender[]).map((value) => ({
  value,
  label: GENDER_LABELS[value],
}));

function isStaffCategory(v: string | null): v is StaffCategory {
  return v !== null && v in STAFF_CATEGORY_LABELS;
}
function isGender(v: string | null): v is Gender {
  return v !== null && v in GENDER_LABELS;
}

const COLUMNS = [
  {
    title: 'Họ và tên',
    key: 'fullName',
    render: (_: unknown, p: PersonSummary) => <Link to={`/people/${p.id}`}>{p.fullName}</Link>,
  },
  { title: 'Mã cán bộ', dataIndex: 'code', key: 'code', width: 120 },
  {
    title: 'Giới tính',
    key: 'gender',
    width: 90,
    render: (_: unknown, p: PersonSummary) => GENDER_LABELS[p.gender],
  },
  {
    title: 'Ngày sinh',
    key: 'birthDate',
    width: 110,
    render: (_: unknown, p: PersonSummary) => formatDate(p.birthDate),
  },
  {
    title: 'Số CCCD',
    key: 'citizenId',
    width: 140,
    render: (_: unknown, p: PersonSummary) => <Typography.Text code>{p.citizenId ?? '—'}</Typography.Text>,
  },
  { title: 'Đơn vị', dataIndex: 'orgUnitName', key: 'orgUnitName' },
  { title: 'Chức vụ', key: 'position', render: (_: unknown, p: PersonSummary) => p.position ?? '—' },
  {
    title: 'Loại cán bộ',
    key: 'staffCategory',
    render: (_: unknown, p: PersonSummary) => STAFF_CATEGORY_LABELS[p.staffCategory],
  },
];

/** People of the user's scope: diacritic-insensitive search (server-side), filters, keyset paging. */
export function PeoplePage() {
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const orgUnitId = params.get('orgUnitId');
  const rawCategory = params.get('staffCategory');
  const rawGender = params.get('gender');
  const staffCategory = isStaffCategory(rawCategory) ? rawCategory : null;
  const gender = isGender(rawGender) ? rawGender : null;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const unitOptions = useUnitOptions();

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const people = useInfiniteQuery({
    queryKey: ['people', 'list', { q, orgUnitId, staffCategory, gender }],
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        '/api/v1/people',
        PersonList,
        { q: q.trim(), orgUnitId, staffCategory, gender, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const filtered = q.trim() !== '' || !!orgUnitId || !!staffCategory || !!gender;

  const empty = filtered ? (
    <EmptyState
      title="Không tìm thấy cán bộ phù hợp."
      hint="Có thể gõ không dấu (ví dụ: lieu quoc binh), gõ một phần của tên, hoặc bỏ bớt điều kiện lọc."
      action={<Button onClick={() => setParams({}, { replace: true })}>Xóa điều kiện tìm kiếm</Button>}
    />
  ) : (
    <EmptyState
      title="Chưa có cán bộ nào trong phạm vi của bạn."
      hint={
        allows(session, IMPORTERS) ? (
          <>
            Hãy nhập danh sách cán bộ từ tệp Excel ở mục <Link to="/imports">Nhập dữ liệu</Link>.
          </>
        ) : (
          'Cán bộ phụ trách TĐKT của đơn vị nhập danh sách cán bộ vào hệ thống.'
        )
      }
    />
  );

  return (
    <Page
      title="Cán bộ"
      subtitle="Cán bộ, công chức, viên chức và người lao động trong phạm vi đơn vị của bạn."
    >
      <Card size="small">
        <Flex wrap gap={12}>
          <Input.Search
            aria-label="Tìm cán bộ"
            placeholder="Tìm theo họ tên, mã cán bộ… (có thể gõ không dấu)"
            allowClear
            enterButton={<SearchOutlined />}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => set('q', value.trim() || null)}
            style={{ width: 320 }}
          />
          <TreeSelect
            aria-label="Đơn vị"
            placeholder="Tất cả đơn vị"
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={unitOptions}
            value={orgUnitId ?? undefined}
            onChange={(v: string | undefined) => set('orgUnitId', v ?? null)}
            style={{ width: 260 }}
          />
          <Select
            aria-label="Loại cán bộ"
            placeholder="Tất cả loại cán bộ"
            allowClear
            options={STAFF_OPTIONS}
            value={staffCategory ?? undefined}
            onChange={(v: StaffCategory | undefined) => set('staffCategory', v ?? null)}
            style={{ width: 220 }}
          />
          <Select
            aria-label="Giới tính"
            placeholder="Nam và nữ"
            allowClear
            options={GENDER_OPTIONS}
            value={gender ?? undefined}
            onChange={(v: Gender | undefined) => set('gender', v ?? null)}
            style={{ width: 120 }}
          />
        </Flex>
      </Card>
      {people.isError ? (
        <LoadError title="Không tải được danh sách cán bộ." error={people.error} />
      ) : (
        <Card size="small">
          <Table<PersonSummary>
            rowKey="id"
            size="small"
            loading={people.isPending}
            dataSource={rows}
            columns={COLUMNS}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: people.isPending ? ' ' : empty }}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary" data-testid="people-count">
              {rows.length > 0 &&
                `Đang hiển thị ${formatNumber(rows.length)} người${people.hasNextPage ? ' — còn nữa' : ''}`}
            </Typography.Text>
            {people.hasNextPage && (
              <Button onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
                Xem thêm
              </Button>
            )}
          </Flex>
        </Card>
      )}
    </Page>
  );
}
