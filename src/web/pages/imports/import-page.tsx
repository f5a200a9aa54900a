import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Radio,
  Result,
  Skeleton,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { apiGet, apiUpload, downloadFile } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { showError } from '../../app/feedback.ts';
import { Page } from '../../components/page.tsx';
import {
  ImportAccepted,
  ImportJob,
  ImportKind,
  KIND_LABELS,
  columnOf,
  isRunning,
  problemOf,
  type ImportIssue,
} from './import-job.ts';

const KINDS = ImportKind.options;
const MAX_BYTES = 20 * 1024 * 1024;

type IssueRow = ImportIssue & { key: number };

const STEP_OF = { staging: 0, publishing: 1, published: 2, rejected: 0, failed: 0 } as const;

function JobProgress({ job }: { job: ImportJob }) {
  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={STEP_OF[job.status]}
        items={[{ title: 'Đọc và kiểm tra từng dòng' }, { title: 'Ghi vào hệ thống' }, { title: 'Hoàn tất' }]}
      />
      <Flex align="center" gap={12}>
        <Spin />
        <Typography.Text data-testid="import-progress">
          {job.status === 'staging'
            ? `Đang kiểm tra tệp ${job.fileName}: đã đọc ${formatNumber(job.rowsRead)} dòng…`
            : `Đang ghi ${formatNumber(job.rowsRead)} dòng vào hệ thống…`}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

function JobErrors({ job }: { job: ImportJob }) {
  const rows: IssueRow[] = job.errors.map((e, i) => ({ ...e, key: i }));
  const rejected = job.status === 'rejected';
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        title={
          rejected
            ? `Tệp ${job.fileName} có ${formatNumber(job.errors.length)} lỗi. Không có dòng nào được nhập.`
            : `Nhập tệp ${job.fileName} không thành công. Không có dòng nào được ghi.`
        }
        description={
          rejected
            ? 'Hãy sửa các ô được nêu dưới đây ngay trong tệp Excel rồi tải lên lại. Hệ thống chỉ nhập khi cả tệp không còn lỗi.'
            : 'Vui lòng tải tệp lên lại. Nếu vẫn lỗi, hãy báo cho quản trị hệ thống.'
        }
      />
      <div data-testid="import-errors">
        <Table<IssueRow>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: 'Không có chi tiết lỗi.' }}
          columns={[
            {
              title: 'Dòng',
              width: 80,
              dataIndex: 'row',
            },
            { title: 'Cột', width: 220, render: (_, r) => columnOf(r) },
            { title: 'Nội dung lỗi', render: (_, r) => problemOf(r.message) },
          ]}
        />
      </div>
    </Flex>
  );
}

function JobResult({ jobId, onRestart }: { jobId: string; onRestart: () => void }) {
  const job = useQuery({
    queryKey: ['imports', jobId],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/imports/${encodeURIComponent(jobId)}`, ImportJob, undefined, signal),
    // Poll while the job runs; stop once it has an outcome.
    refetchInterval: (q) => (q.state.data && !isRunning(q.state.data.status) ? false : 700),
    staleTime: 0,
  });
  if (job.isPending) return <Skeleton active />;
  if (job.isError) {
    return (
      <Alert type="error" showIcon title="Không xem được kết quả nhập." description={job.error.message} />
    );
  }
  const j = job.data;
  const again = <Button onClick={onRestart}>Nhập tệp khác</Button>;
  switch (j.status) {
    case 'staging':
    case 'publishing':
      return <JobProgress job={j} />;
    case 'published':
      return (
        <Result
          status="success"
          title={`Đã nhập ${formatNumber(j.rowsPublished)} dòng từ tệp ${j.fileName}.`}
          subTitle={
            <>
              Đã đọc {formatNumber(j.rowsRead)} dòng; tất cả đã được ghi vào hệ thống.
              {j.encoding && j.encoding !== 'unicode' && (
                <div style={{ marginTop: 8 }}>
                  <Tag color="gold">Đã chuyển chữ từ bảng mã {j.encoding.toUpperCase()} sang Unicode</Tag>
                </div>
              )}
            </>
          }
          extra={again}
        />
      );
    case 'rejected':
    case 'failed':
      return (
        <Flex vertical gap={12}>
          <JobErrors job={j} />
          <div>{again}</div>
        </Flex>
      );
  }
}

/** Excel import: pick a kind, get its template, upload, follow the job, read its row errors. */
export function ImportPage() {
  const [params, setParams] = useSearchParams();
  const rawKind = ImportKind.safeParse(params.get('kind'));
  const kind = rawKind.success ? rawKind.data : 'people';
  const jobId = params.get('job');
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const setKind = (k: ImportKind) => setParams({ kind: k });

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/api/v1/imports/templates/${kind}`, `mau-nhap-${kind}.xlsx`);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      showError(
        new Error('Chỉ nhận tệp Excel .xlsx. Nếu tệp là .xls, hãy mở bằng Excel và lưu lại dạng .xlsx.'),
      );
      return;
    }
    if (file.size > MAX_BYTES) {
      showError(new Error('Tệp quá lớn (tối đa 20 MB). Hãy chia thành nhiều tệp nhỏ hơn.'));
      return;
    }
    // The kind goes before the file: the server reads the form fields that precede the file part.
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    setUploading(true);
    try {
      const accepted = await apiUpload(`/api/v1/imports?kind=${kind}`, ImportAccepted, form);
      setParams({ kind, job: accepted.jobId });
    } catch (error) {
      showError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Page
      title="Nhập dữ liệu"
      subtitle="Nhập danh sách từ tệp Excel. Mỗi tệp được nhập trọn vẹn hoặc không nhập dòng nào."
    >
      <Card size="small" title="1. Chọn loại dữ liệu và tải tệp mẫu">
        <Flex vertical gap={12}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(e) => setKind(ImportKind.parse(e.target.value))}
            options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k].label }))}
            disabled={uploading}
          />
          <Typography.Text type="secondary">{KIND_LABELS[kind].hint}</Typography.Text>
          <div>
            <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={downloading}>
              Tải tệp mẫu ({KIND_LABELS[kind].label.toLowerCase()})
            </Button>
          </div>
        </Flex>
      </Card>
      <Card size="small" title="2. Tải tệp Excel đã điền lên">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void upload(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Bấm để chọn hoặc kéo tệp .xlsx vào đây</p>
          <p className="ant-upload-hint">
            Dùng đúng tệp mẫu của loại “{KIND_LABELS[kind].label}”; tối đa 20 MB. Tệp gõ bằng bảng mã TCVN3
            (.VnTime) hoặc VNI được tự chuyển sang Unicode.
          </p>
        </Upload.Dragger>
      </Card>
      <Card size="small" title="3. Kết quả">
        {uploading ? (
          <Flex align="center" gap={12}>
            <Spin />
            <Typography.Text>Đang tải tệp lên…</Typography.Text>
          </Flex>
        ) : jobId ? (
          <JobResult key={jobId} jobId={jobId} onRestart={() => setParams({ kind })} />
        ) : (
          <Typography.Text type="secondary">
            Chưa có tệp nào được tải lên. Hãy tải tệp mẫu ở bước 1, điền dữ liệu, rồi tải tệp lên ở bước 2.
          </Typography.Text>
        )}
      </Card>
    </Page>
  );
}
