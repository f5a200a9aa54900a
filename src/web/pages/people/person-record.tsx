import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge, Card, Descriptions, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { formatDate, formatPeriod } from '../../lib/format.ts';
import {
  GENDER_LABELS,
  RATING_COLORS,
  RATING_LABELS,
  STAFF_CATEGORY_LABELS,
  absenceLabel,
  disciplineLabel,
  initiativeScopeLabel,
} from '../../lib/labels.ts';
import {
  personYears,
  type Absence,
  type Award,
  type Discipline,
  type Initiative,
  type Person,
  type PersonYear,
} from './person-years.ts';

export type { Person };

type Employment = Person['employments'][number];

const list = (items: ReactNode[]) =>
  items.length === 0 ? (
    '—'
  ) : (
    <Flex vertical gap={2}>
      {items}
    </Flex>
  );

function awardText(a: Award): ReactNode {
  return (
    <span key={`${a.awardCode}-${a.decisionNumber ?? ''}`}>
      {a.revoked ? <Typography.Text delete>{a.awardLabel}</Typography.Text> : a.awardLabel}
      {a.revoked && (
        <Tag color="red" style={{ marginLeft: 4 }}>
          Đã thu hồi
        </Tag>
      )}
    </span>
  );
}

const tabLabel = (text: string, count: number) => (
  <span>
    {text} <Badge count={count} showZero color={count > 0 ? '#1f5fad' : '#bfbfbf'} size="small" />
  </span>
);

/** A person's whole record: identity, employment history and the yearly facts. */
export function PersonRecord({ person }: { person: Person }) {
  const rows = personYears(person);
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: 'Mã cán bộ', children: person.code },
            { key: 'gender', label: 'Giới tính', children: GENDER_LABELS[person.gender] },
            { key: 'birthDate', label: 'Ngày sinh', children: formatDate(person.birthDate) },
            {
              key: 'citizenId',
              label: 'Số CCCD',
              children: person.citizenId ? (
                <Typography.Text code>{person.citizenId}</Typography.Text>
              ) : (
                'Chưa có'
              ),
            },
            {
              key: 'unit',
              label: 'Đơn vị',
              children: (
                <Link to={`/org-units?unit=${encodeURIComponent(person.orgUnitId)}`}>
                  {person.orgUnitName}
                </Link>
              ),
            },
            { key: 'position', label: 'Chức vụ', children: person.position ?? '—' },
            { key: 'category', label: 'Loại cán bộ', children: STAFF_CATEGORY_LABELS[person.staffCategory] },
          ]}
        />
      </Card>
      <Card size="small" title="Tổng hợp theo năm">
        <Table<PersonYear>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 900 }}
          locale={{ emptyText: 'Chưa có xếp loại, khen thưởng hay kỷ luật nào được ghi nhận.' }}
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 70 },
            {
              title: 'Xếp loại',
              width: 230,
              render: (_, r) =>
                r.rating ? (
                  <Tag color={RATING_COLORS[r.rating]}>{RATING_LABELS[r.rating]}</Tag>
                ) : (
                  'Chưa xếp loại'
                ),
            },
            { title: 'Khen thưởng', render: (_, r) => list(r.awards.map(awardText)) },
            {
              title: 'Kỷ luật',
              render: (_, r) =>
                list(r.disciplines.map((d, i) => <span key={i}>{disciplineLabel(d.form)}</span>)),
            },
            {
              title: 'Sáng kiến',
              render: (_, r) => list(r.initiatives.map((x, i) => <span key={i}>{x.title}</span>)),
            },
            {
              title: 'Nghỉ dài ngày',
              render: (_, r) => list(r.absences.map((a, i) => <span key={i}>{absenceLabel(a.kind)}</span>)),
            },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'employments',
              label: tabLabel('Quá trình công tác', person.employments.length),
              children: (
                <Table<Employment>
                  rowKey={(e) => `${e.orgUnitId}-${e.startDate}`}
                  size="small"
                  pagination={false}
                  dataSource={person.employments}
                  locale={{ emptyText: 'Chưa có quá trình công tác.' }}
                  columns={[
                    {
                      title: 'Thời gian',
                      render: (_, e) => formatPeriod(e.startDate, e.endDate),
                      width: 260,
                    },
                    { title: 'Đơn vị', dataIndex: 'orgUnitName' },
                    { title: 'Chức vụ', render: (_, e) => e.position ?? '—' },
                    { title: 'Loại cán bộ', render: (_, e) => STAFF_CATEGORY_LABELS[e.staffCategory] },
                  ]}
                />
              ),
            },
            {
              key: 'awards',
              label: tabLabel('Khen thưởng', person.awards.length),
              children: (
                <Table<Award>
                  rowKey={(a) => `${a.year}-${a.awardCode}-${a.decisionNumber ?? ''}`}
                  size="small"
                  pagination={false}
                  dataSource={person.awards}
                  locale={{ emptyText: 'Chưa có khen thưởng nào được ghi nhận.' }}
                  columns={[
                    { title: 'Năm', dataIndex: 'year', width: 70 },
                    { title: 'Hình thức, danh hiệu', render: (_, a) => awardText(a) },
                    { title: 'Số quyết định', render: (_, a) => a.decisionNumber ?? '—' },
                    { title: 'Ngày quyết định', render: (_, a) => formatDate(a.decisionDate), width: 130 },
                    { title: 'Cơ quan ban hành', render: (_, a) => a.issuerName ?? '—' },
                  ]}
                />
              ),
            },
            {
              key: 'disciplines',
              label: tabLabel('Kỷ luật', person.disciplines.length),
              children: (
                <Table<Discipline>
                  rowKey={(d) => `${d.form}-${d.fromDate ?? 'pending'}`}
                  size="small"
                  pagination={false}
                  dataSource={person.disciplines}
                  locale={{ emptyText: 'Không bị kỷ luật.' }}
                  columns={[
                    { title: 'Hình thức', render: (_, d) => disciplineLabel(d.form) },
                    { title: 'Từ ngày', render: (_, d) => formatDate(d.fromDate), width: 120 },
                    { title: 'Đến ngày', render: (_, d) => formatDate(d.toDate), width: 120 },
                    {
                      title: 'Tình trạng',
                      render: (_, d) =>
                        d.pending ? <Tag color="orange">Đang xem xét</Tag> : <Tag>Đã quyết định</Tag>,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'initiatives',
              label: tabLabel('Sáng kiến', person.initiatives.length),
              children: (
                <Table<Initiative>
                  rowKey={(i) => `${i.title}-${i.recognizedOn}`}
                  size="small"
                  pagination={false}
                  dataSource={person.initiatives}
                  locale={{ emptyText: 'Chưa có sáng kiến được công nhận.' }}
                  columns={[
                    { title: 'Tên sáng kiến', dataIndex: 'title' },
                    {
                      title: 'Phạm vi ảnh hưởng',
                      render: (_, i) => initiativeScopeLabel(i.scope),
                      width: 180,
                    },
                    { title: 'Ngày công nhận', render: (_, i) => formatDate(i.recognizedOn), width: 140 },
                  ]}
                />
              ),
            },
            {
              key: 'absences',
              label: tabLabel('Nghỉ dài ngày', person.absences.length),
              children: (
                <Table<Absence>
                  rowKey={(a) => `${a.kind}-${a.fromDate}`}
                  size="small"
                  pagination={false}
                  dataSource={person.absences}
                  locale={{ emptyText: 'Không có thời gian nghỉ dài ngày.' }}
                  columns={[
                    { title: 'Lý do', render: (_, a) => absenceLabel(a.kind) },
                    { title: 'Từ ngày', render: (_, a) => formatDate(a.fromDate), width: 120 },
                    { title: 'Đến ngày', render: (_, a) => formatDate(a.toDate), width: 120 },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
