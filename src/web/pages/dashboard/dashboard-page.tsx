import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { DashboardView, DrillView, UnevennessView } from '../../../contracts/dashboard.ts';
import { apiGet, downloadFile } from '../../lib/api.ts';
import { formatNumber, formatVnd } from '../../lib/format.ts';
import { Page } from '../../components/page.tsx';
import { useCurrentSession } from '../../app/session.ts';
import { useWorkingYear } from '../../app/working-year.ts';
import { EChart, type EChartOption } from './echart.tsx';

type ExportTableName =
  'by-award' | 'by-unit' | 'by-gender' | 'by-staff-category' | 'by-field' | 'unevenness' | 'drill';

function ExportButton({
  orgUnitId,
  year,
  table,
  query,
}: {
  orgUnitId: string;
  year: number;
  table: ExportTableName;
  query?: Record<string, string>;
}) {
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      onClick={() =>
        void downloadFile(`/api/v1/dashboard/${orgUnitId}/${year}/export`, `${table}.xlsx`, {
          table,
          ...query,
        })
      }
    >
      Xuất Excel
    </Button>
  );
}

function bar(names: string[], series: { name: string; data: number[] }[]): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: names, inverse: true },
    series: series.map((s) => ({ ...s, type: 'bar', stack: 'total' })),
  };
}

/** The year at a glance for the user's body: charts, the table behind each, Excel export, drill-down to the records. */
export function DashboardPage() {
  const session = useCurrentSession();
  const orgUnitId = session.orgUnit.id;
  const [year] = useWorkingYear();
  const [unitId, setUnitId] = useState<string>();
  const dashboard = useQuery({
    queryKey: ['dashboard', orgUnitId, year],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/dashboard/${orgUnitId}/${year}`, DashboardView, undefined, signal),
  });
  const unevenness = useQuery({
    queryKey: ['unevenness', orgUnitId, year],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/dashboard/${orgUnitId}/${year}/unevenness`, UnevennessView, undefined, signal),
  });
  const drill = useQuery({
    queryKey: ['drill', orgUnitId, year, unitId],
    enabled: !!unitId,
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/dashboard/${orgUnitId}/${year}/awards`, DrillView, { unitId }, signal),
  });
  const d = dashboard.data;
  const awardChart = useMemo(
    () =>
      d &&
      bar(
        d.byAward.map((a) => a.label),
        [
          { name: 'Tập thể', data: d.byAward.map((a) => a.collective) },
          { name: 'Cá nhân', data: d.byAward.map((a) => a.individual) },
          { name: 'Hộ gia đình', data: d.byAward.map((a) => a.household) },
        ],
      ),
    [d],
  );
  const unitChart = useMemo(
    () =>
      d &&
      bar(
        d.byUnit.map((u) => u.name),
        [{ name: 'Lượt khen thưởng', data: d.byUnit.map((u) => u.total) }],
      ),
    [d],
  );
  const genderChart = useMemo<EChartOption | undefined>(
    () =>
      d && {
        tooltip: { trigger: 'item' },
        series: [
          { type: 'pie', radius: '65%', data: d.byGender.map((g) => ({ name: g.label, value: g.count })) },
        ],
      },
    [d],
  );
  const unitName = d?.byUnit.find((u) => u.orgUnitId === unitId)?.name;

  return (
    <Page
      title="Tổng quan thi đua, khen thưởng"
      subtitle={d ? `${d.orgUnit.name} — năm ${year}` : session.orgUnit.name}
    >
      {dashboard.isError && <Alert type="error" showIcon message={dashboard.error.message} />}
      {!d ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{d.yearBasis}</Typography.Text>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Tổng lượt khen thưởng" value={d.totals.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Tập thể" value={d.totals.collective} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Cá nhân" value={d.totals.individual} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Tiền thưởng (đồng)" value={formatVnd(d.money.awarded)} />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title="Theo danh hiệu, hình thức"
            extra={<ExportButton orgUnitId={orgUnitId} year={year} table="by-award" />}
          >
            {awardChart && <EChart option={awardChart} label="Biểu đồ theo danh hiệu, hình thức" />}
            <Table
              data-testid="table-by-award"
              size="small"
              pagination={false}
              rowKey="awardCode"
              dataSource={d.byAward}
              columns={[
                { title: 'Danh hiệu, hình thức', dataIndex: 'label' },
                { title: 'Tập thể', dataIndex: 'collective', align: 'right' },
                { title: 'Cá nhân', dataIndex: 'individual', align: 'right' },
                { title: 'Hộ gia đình', dataIndex: 'household', align: 'right' },
                { title: 'Tổng số', dataIndex: 'total', align: 'right' },
              ]}
            />
          </Card>
          <Card
            size="small"
            title="Theo đơn vị"
            extra={<ExportButton orgUnitId={orgUnitId} year={year} table="by-unit" />}
          >
            {unitChart && <EChart option={unitChart} height={360} label="Biểu đồ theo đơn vị" />}
            <Table
              data-testid="table-by-unit"
              size="small"
              pagination={false}
              rowKey="orgUnitId"
              dataSource={d.byUnit}
              columns={[
                {
                  title: 'Đơn vị',
                  dataIndex: 'name',
                  render: (name: string, row) => (
                    <Button type="link" size="small" onClick={() => setUnitId(row.orgUnitId)}>
                      {name}
                    </Button>
                  ),
                },
                { title: 'Tập thể', dataIndex: 'collective', align: 'right' },
                { title: 'Cá nhân', dataIndex: 'individual', align: 'right' },
                { title: 'Tổng số', dataIndex: 'total', align: 'right' },
              ]}
            />
          </Card>
          {unitId && (
            <Card
              size="small"
              title={`Danh sách khen thưởng — ${unitName ?? ''}`}
              extra={<ExportButton orgUnitId={orgUnitId} year={year} table="drill" query={{ unitId }} />}
            >
              <Table
                data-testid="table-drill"
                size="small"
                loading={drill.isLoading}
                rowKey="awardRecordId"
                dataSource={drill.data?.items ?? []}
                columns={[
                  { title: 'Tập thể, cá nhân', dataIndex: 'subjectName' },
                  { title: 'Danh hiệu, hình thức', dataIndex: 'awardLabel' },
                  { title: 'Số quyết định', dataIndex: 'decisionNumber' },
                  { title: 'Ngày quyết định', dataIndex: 'decisionDate' },
                ]}
              />
            </Card>
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Card
                size="small"
                title="Theo giới tính (cá nhân)"
                extra={<ExportButton orgUnitId={orgUnitId} year={year} table="by-gender" />}
              >
                {genderChart && <EChart option={genderChart} height={220} label="Biểu đồ theo giới tính" />}
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={d.byGender}
                  columns={[
                    { title: 'Giới tính', dataIndex: 'label' },
                    { title: 'Số lượt', dataIndex: 'count', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card
                size="small"
                title="Theo đối tượng (cá nhân)"
                extra={<ExportButton orgUnitId={orgUnitId} year={year} table="by-staff-category" />}
              >
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={d.byStaffCategory}
                  columns={[
                    { title: 'Đối tượng', dataIndex: 'label' },
                    { title: 'Số lượt', dataIndex: 'count', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {unevenness.data && (
            <Card
              size="small"
              title="Mức độ tham gia của các đơn vị"
              extra={<ExportButton orgUnitId={orgUnitId} year={year} table="unevenness" />}
            >
              <Flex vertical gap={4} style={{ marginBottom: 12 }}>
                {Object.values(unevenness.data.sentences).map((s) => (
                  <Typography.Paragraph key={s} copyable style={{ margin: 0 }}>
                    {s}
                  </Typography.Paragraph>
                ))}
              </Flex>
              <Table
                size="small"
                pagination={false}
                rowKey="orgUnitId"
                dataSource={unevenness.data.units}
                columns={[
                  { title: 'Đơn vị', dataIndex: 'name' },
                  { title: 'Số người', dataIndex: 'members', align: 'right' },
                  { title: 'Đề nghị', dataIndex: 'nominations', align: 'right' },
                  { title: 'Khen thưởng', dataIndex: 'awards', align: 'right' },
                  {
                    title: 'Chỉ số tham gia',
                    dataIndex: 'index',
                    align: 'right',
                    render: (v: number) => formatNumber(v),
                  },
                ]}
              />
            </Card>
          )}
        </Flex>
      )}
    </Page>
  );
}
