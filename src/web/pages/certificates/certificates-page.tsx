import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { CalibrationRow, CertificateDecisionView } from '../../../contracts/certificates.ts';
import { apiGet, apiSend, downloadFile } from '../../lib/api.ts';
import { formatDate, formatDateTime, todayIso } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError } from '../../components/load-error.tsx';

type View = z.infer<typeof CertificateDecisionView>;
type Awardee = View['awardees'][number];
type Mode = 'full' | 'blank';

const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

/** Giấy khen of one decision: print them all as one PDF, and the register of pre-printed blanks. */
export function CertificatesPage() {
  const { decisionId = '' } = useParams();
  const session = useCurrentSession();
  const canWrite = allows(session, ['officer', 'chairman']);
  const view = useQuery({
    queryKey: ['certificates', decisionId],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/certificates/decisions/${decisionId}`, CertificateDecisionView, undefined, signal),
  });
  const data = view.data;
  return (
    <Page
      title="In Giấy khen"
      subtitle={
        data
          ? `Quyết định số ${data.numberText ?? '(chưa có số)'} ngày ${formatDate(data.decisionDate)}`
          : undefined
      }
      extra={data && <Link to={`/decisions/${data.decisionId}`}>Xem quyết định</Link>}
    >
      {view.isError && <LoadError title="Không tải được quyết định." error={view.error} />}
      {data && data.awardees.length === 0 && (
        <Card>
          <EmptyState
            title="Quyết định này chưa có đối tượng được khen thưởng."
            hint="Giấy khen chỉ in được cho quyết định đã ban hành có danh sách kèm theo."
          />
        </Card>
      )}
      {data && data.awardees.length > 0 && (
        <Flex vertical gap={16}>
          {canWrite && <PrintCard view={data} />}
          <RegisterCard view={data} canWrite={canWrite} />
        </Flex>
      )}
    </Page>
  );
}

function PrintCard({ view }: { view: View }) {
  const [mode, setMode] = useState<Mode>('full');
  const [calibrationId, setCalibrationId] = useState<string | undefined>(undefined);
  const calibrations = useQuery({
    queryKey: ['certificate-calibrations', view.orgUnitId],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/certificates/calibrations/${view.orgUnitId}`,
        z.array(CalibrationRow),
        undefined,
        signal,
      ),
  });
  const print = useMutation({
    mutationFn: () =>
      downloadFile(`/api/v1/certificates/decisions/${view.decisionId}/pdf`, 'giay-khen.pdf', {
        mode,
        calibrationId: mode === 'blank' ? calibrationId : undefined,
      }),
    onError: showError,
  });
  const options = (calibrations.data ?? []).map((c) => {
    const name = c.calibration['name'];
    return { value: c.id, label: typeof name === 'string' ? name : 'Phôi đã căn chỉnh' };
  });
  return (
    <Card size="small" title="In tất cả Giấy khen thành một tệp PDF">
      <Space direction="vertical">
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} aria-label="Cách in">
          <Radio value="full">In đầy đủ (viền, Quốc hiệu, nội dung) trên giấy trắng</Radio>
          <Radio value="blank">In lên phôi đã in sẵn (chỉ in nội dung)</Radio>
        </Radio.Group>
        {mode === 'blank' && (
          <Select
            aria-label="Mẫu căn chỉnh phôi"
            style={{ minWidth: 320 }}
            allowClear
            placeholder="Mẫu căn chỉnh mặc định (A4 ngang)"
            value={calibrationId}
            options={options}
            onChange={(v: string | undefined) => setCalibrationId(v)}
            notFoundContent="Chưa lưu mẫu căn chỉnh nào; dùng mẫu mặc định."
          />
        )}
        <Typography.Text type="secondary">
          {view.awardees.filter((a) => !a.revoked).length} Giấy khen, mỗi trang một Giấy khen, có mã QR để tra
          cứu.
        </Typography.Text>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          loading={print.isPending}
          onClick={() => print.mutate()}
        >
          Tải tệp PDF để in
        </Button>
      </Space>
    </Card>
  );
}

/** Which blank (by its serial) went to whom, and when it was handed over. */
function RegisterCard({ view, canWrite }: { view: View; canWrite: boolean }) {
  const client = useQueryClient();
  const [serials, setSerials] = useState<Record<string, string>>({});
  const [handOver, setHandOver] = useState<Awardee | null>(null);
  const record = useMutation({
    mutationFn: () =>
      apiSend('POST', '/api/v1/certificates/blanks', CertificateDecisionView, {
        decisionId: view.decisionId,
        blanks: Object.entries(serials)
          .map(([awardRecordId, s]) => ({ awardRecordId, blankSerial: s.trim() }))
          .filter((b) => b.blankSerial !== ''),
      }),
    onSuccess: (v) => {
      client.setQueryData(['certificates', view.decisionId], v);
      setSerials({});
      showSuccess('Đã ghi số phôi vào sổ.');
    },
    onError: showError,
  });
  const pending = Object.values(serials).some((s) => s.trim() !== '');
  return (
    <Card
      size="small"
      title="Sổ theo dõi phôi Giấy khen"
      extra={
        canWrite && (
          <Button disabled={!pending} loading={record.isPending} onClick={() => record.mutate()}>
            Ghi số phôi
          </Button>
        )
      }
    >
      <Table<Awardee>
        rowKey="awardRecordId"
        size="small"
        pagination={false}
        scroll={{ x: 800 }}
        dataSource={view.awardees}
        columns={[
          { title: 'TT', dataIndex: 'position', width: 50 },
          {
            title: 'Người/tập thể nhận',
            render: (_: unknown, a) => (
              <>
                {a.recipientName} {a.revoked && <Tag color="red">Đã thu hồi</Tag>}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {SUBJECT_LABELS[a.subjectKind] ?? a.subjectKind}
                    {a.detail ? ` — ${a.detail}` : ''}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: 'Số phôi',
            width: 180,
            render: (_: unknown, a) =>
              a.blank ? (
                <>
                  {a.blank.blankSerial}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      In {formatDateTime(a.blank.printedAt)}
                    </Typography.Text>
                  </div>
                </>
              ) : canWrite && !a.revoked ? (
                <Input
                  aria-label={`Số phôi của ${a.recipientName}`}
                  placeholder="Nhập số phôi"
                  value={serials[a.awardRecordId] ?? ''}
                  onChange={(e) => setSerials({ ...serials, [a.awardRecordId]: e.target.value })}
                />
              ) : (
                '—'
              ),
          },
          {
            title: 'Bàn giao',
            width: 240,
            render: (_: unknown, a) =>
              a.blank?.handedOverTo ? (
                `${a.blank.handedOverTo}, ${formatDate(a.blank.handedOverOn)}`
              ) : a.blank && canWrite ? (
                <Button size="small" onClick={() => setHandOver(a)}>
                  Ghi bàn giao
                </Button>
              ) : (
                <Typography.Text type="secondary">Chưa bàn giao</Typography.Text>
              ),
          },
        ]}
      />
      {handOver && (
        <HandOverModal awardee={handOver} decisionId={view.decisionId} onClose={() => setHandOver(null)} />
      )}
    </Card>
  );
}

function HandOverModal({
  awardee,
  decisionId,
  onClose,
}: {
  awardee: Awardee;
  decisionId: string;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [to, setTo] = useState(awardee.recipientName);
  const [on, setOn] = useState<string | null>(todayIso());
  const save = useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        `/api/v1/certificates/blanks/${awardee.blank?.id ?? ''}/hand-over`,
        CertificateDecisionView,
        {
          handedOverTo: to.trim(),
          handedOverOn: on,
        },
      ),
    onSuccess: (v) => {
      client.setQueryData(['certificates', decisionId], v);
      showSuccess('Đã ghi bàn giao Giấy khen.');
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open
      title={`Bàn giao Giấy khen — phôi số ${awardee.blank?.blankSerial ?? ''}`}
      okText="Ghi bàn giao"
      cancelText="Hủy"
      okButtonProps={{ disabled: !to.trim() || !on, loading: save.isPending }}
      onCancel={onClose}
      onOk={() => save.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label="Người nhận" required>
          <Input aria-label="Người nhận" value={to} onChange={(e) => setTo(e.target.value)} />
        </Form.Item>
        <Form.Item label="Ngày bàn giao" required>
          <DateInput value={on} onChange={setOn} aria-label="Ngày bàn giao" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
