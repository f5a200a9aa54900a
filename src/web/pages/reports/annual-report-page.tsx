import { useEffect, useState } from 'react';
import {} from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { AnnualReportView } from '../../../contracts/reports.ts';
import { apiGet, apiSend, downloadFile } from '../../lib/api.ts';
import { formatDate, formatDateTime, todayIso } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkingYear } from '../../app/working-year.ts';
import { LoadError } from '../../components/load-error.tsx';

type Figure = { key: string; label: string; value: string };
type Change = AnnualReportView['changedFigures'][number];

/**
 * The annual report (báo cáo tổng kết thi đua, khen thưởng) of the user's body: figures from data,
 * editable narrative, issue with a number, downloads, for the working year chosen in the header.
 */
export function AnnualReportPage() {
  const session = useCurrentSession();
  const orgUnitId = session.orgUnit.id;
  const [year] = useWorkingYear();
  const canWrite = allows(session, ['officer', 'chairman']);
  const path = `/api/v1/reports/annual/${orgUnitId}/${year}`;
  const report = useQuery({
    queryKey: ['annual-report', orgUnitId, year],
    queryFn: ({ signal }) => apiGet(path, AnnualReportView, undefined, signal),
  });
  const download = useMutation({
    mutationFn: (format: 'docx' | 'pdf') =>
      downloadFile(`${path}/file`, `Bao-cao-tong-ket-TDKT-${year}.${format}`, { format }),
    onError: showError,
  });

  return (
    <Page
      title="Báo cáo tổng kết thi đua, khen thưởng"
      subtitle={`${session.orgUnit.name}, năm ${year}`}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending && download.variables === 'docx'}
            onClick={() => download.mutate('docx')}
          >
            Tải Word
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending && download.variables === 'pdf'}
            onClick={() => download.mutate('pdf')}
          >
            Tải PDF
          </Button>
        </Space>
      }
    >
      {report.isError && <LoadError title="Không tải được báo cáo." error={report.error} />}
      {report.data && <ReportBody view={report.data} path={path} canWrite={canWrite} />}
    </Page>
  );
}

function ReportBody({ view, path, canWrite }: { view: AnnualReportView; path: string; canWrite: boolean }) {
  const figures: Figure[] = Object.entries(view.figures).map(([key, f]) => ({ key, ...f }));
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={view.title}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="Trạng thái">
            {view.issuedAt ? <Tag color="green">Đã ban hành</Tag> : <Tag>Dự thảo</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Số, ký hiệu">{view.numberText ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">{formatDate(view.issueDate)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {view.issuedAt && <ChangesCard changes={view.changedFigures} issuedAt={view.issuedAt} />}
      <Card size="small" title="Số liệu lấy từ dữ liệu">
        {figures.length === 0 ? (
          <EmptyState
            title={`Chưa có số liệu năm ${view.year}.`}
            hint="Số liệu được tổng hợp từ phong trào, đề nghị và quyết định khen thưởng của năm."
          />
        ) : (
          <Table<Figure>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={figures}
            columns={[
              { title: 'Nội dung', dataIndex: 'label' },
              { title: 'Số liệu', dataIndex: 'value', width: '40%' },
            ]}
          />
        )}
        {!view.movementsFromData && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title="Chưa có phong trào thi đua nào được ghi trong dữ liệu năm này."
            description="Báo cáo in danh sách phong trào do cán bộ nhập ở mục I.2 bên dưới."
          />
        )}
      </Card>
      {view.hints.length > 0 && (
        <Card size="small" title="Gợi ý cho phần hạn chế (từ dữ liệu)">
          <ul style={{ margin: 0 }}>
            {view.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </Card>
      )}
      <NarrativeCard view={view} path={path} canWrite={canWrite} />
      {canWrite && <IssueCard view={view} path={path} />}
    </Flex>
  );
}

function ChangesCard({ changes, issuedAt }: { changes: Change[]; issuedAt: string }) {
  return (
    <Card size="small" title={`Số liệu thay đổi so với lần ban hành ${formatDateTime(issuedAt)}`}>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">
          Không có số liệu nào thay đổi từ lần ban hành trước.
        </Typography.Text>
      ) : (
        <Table<Change>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={changes}
          columns={[
            { title: 'Nội dung', dataIndex: 'label' },
            { title: 'Khi ban hành', dataIndex: 'before', render: (v: string | null) => v ?? '—' },
            {
              title: 'Hiện nay',
              dataIndex: 'now',
              render: (v: string | null) => <Typography.Text strong>{v ?? '—'}</Typography.Text>,
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Each paragraph the officer may rewrite; empty means the text the system writes from data. */
function NarrativeCard({
  view,
  path,
  canWrite,
}: {
  view: AnnualReportView;
  path: string;
  canWrite: boolean;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Record<string, string>>(view.narrative);
  useEffect(() => setDraft(view.narrative), [view.narrative]);
  const dirty = Object.keys(view.labels).some((k) => (draft[k] ?? '') !== (view.narrative[k] ?? ''));
  const save = useMutation({
    mutationFn: () => {
      const narrative: Record<string, string> = {};
      for (const key of Object.keys(view.labels)) {
        const text = draft[key]?.trim();
        if (text) narrative[key] = text;
      }
      return apiSend('PUT', `${path}/narrative`, AnnualReportView, { narrative });
    },
    onSuccess: async (v) => {
      client.setQueryData(['annual-report', v.orgUnitId, v.year], v);
      showSuccess('Đã lưu nội dung báo cáo.');
      await client.invalidateQueries({ queryKey: ['annual-report', v.orgUnitId, v.year] });
    },
    onError: showError,
  });
  return (
    <Card
      size="small"
      title="Nội dung diễn giải"
      extra={
        canWrite && (
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
            Lưu nội dung
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        Để trống một đoạn để dùng đoạn văn hệ thống viết sẵn (hiện dưới dạng gợi ý). Số liệu luôn lấy từ dữ
        liệu, không sửa ở đây.
      </Typography.Paragraph>
      <Form layout="vertical">
        {Object.entries(view.labels).map(([key, label]) => (
          <Form.Item key={key} label={label}>
            <Input.TextArea
              aria-label={label}
              autoSize={{ minRows: 2, maxRows: 12 }}
              readOnly={!canWrite}
              placeholder={view.defaults[key] ?? ''}
              value={draft[key] ?? ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}

/** Issuing takes a number from the register and freezes the figures: irreversible, so confirmed. */
function IssueCard({ view, path }: { view: AnnualReportView; path: string }) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const [date, setDate] = useState<string | null>(view.issueDate ?? todayIso());
  const [officeNumber, setOfficeNumber] = useState<number | null>(null);
  const issue = useMutation({
    mutationFn: () =>
      apiSend('POST', `${path}/issue`, AnnualReportView, {
        issueDate: date,
        ...(officeNumber !== null ? { officeNumber } : {}),
      }),
    onSuccess: (v) => {
      client.setQueryData(['annual-report', v.orgUnitId, v.year], v);
      showSuccess(`Đã ban hành báo cáo số ${v.numberText ?? ''}.`);
    },
    onError: showError,
  });
  const confirm = () =>
    modal.confirm({
      title: view.issuedAt ? 'Ban hành lại báo cáo?' : 'Ban hành báo cáo?',
      content: (
        <>
          <p>
            Báo cáo được ghi ngày ban hành {formatDate(date)}
            {view.numberText
              ? `, giữ số ${view.numberText}`
              : officeNumber !== null
                ? `, số ${officeNumber} theo sổ văn thư`
                : ', lấy số tiếp theo trong sổ đăng ký văn bản'}
            ; số liệu hiện tại được lưu lại để đối chiếu về sau.
          </p>
          <p>
            <b>Không thể hủy thao tác này:</b> số đã cấp không được dùng lại.
          </p>
        </>
      ),
      okText: 'Ban hành',
      cancelText: 'Xem lại',
      onOk: () => issue.mutateAsync(),
    });
  return (
    <Card size="small" title={view.issuedAt ? 'Ban hành lại' : 'Ban hành báo cáo'}>
      <Form layout="vertical" style={{ maxWidth: 420 }}>
        <Form.Item label="Ngày ban hành" required>
          <DateInput value={date} onChange={setDate} aria-label="Ngày ban hành" />
        </Form.Item>
        {!view.numberText && (
          <Form.Item
            label="Số theo sổ văn thư"
            extra="Để trống để hệ thống cấp số tiếp theo trong sổ đăng ký văn bản."
          >
            <InputNumber
              aria-label="Số theo sổ văn thư"
              min={1}
              value={officeNumber}
              onChange={(v) => setOfficeNumber(v)}
            />
          </Form.Item>
        )}
        <Button type="primary" disabled={!date} loading={issue.isPending} onClick={confirm}>
          Ban hành báo cáo
        </Button>
      </Form>
    </Card>
  );
}
