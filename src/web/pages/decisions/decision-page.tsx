import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Created, DecisionDetail, IssueResult } from '../../../contracts/decisions.ts';
import { Ok } from '../../../contracts/common.ts';
// A pure function (no imports): the words printed under the total, as on the signed decision.
import { amountInWords } from '../../../rules/vnd.ts';
import { UnverifiedTag } from '../../components/unverified-tag.tsx';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatVnd, todayIso } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { FullPageSpin } from '../../app/app-layout.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import {
  DECISION_KIND_LABELS,
  DECISION_STATUS_COLORS,
  DECISION_STATUS_LABELS,
  SUBJECT_KIND_LABELS,
  fileToBase64,
} from './decision-labels.ts';
import { LoadError } from '../../components/load-error.tsx';
import { PdfVerification } from '../../../contracts/signatures.ts';
import { SignatureCheckView } from '../signatures/signature-check.tsx';

type Line = DecisionDetail['items'][number];

/** One decision: its particulars, the annex (danh sách kèm theo) with money and the total in words. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const session = useCurrentSession();
  const canWrite = allows(session, ['officer', 'chairman']);
  const detail = useQuery({
    queryKey: ['decision', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/decisions/${id}`, DecisionDetail, undefined, signal),
  });
  if (detail.isPending) return <FullPageSpin />;
  if (detail.isError) {
    return <LoadError title="Không tải được quyết định." error={detail.error} />;
  }
  const d = detail.data;
  const total = d.totalAmount ?? d.items.reduce((sum, i) => sum + (i.amount ?? 0), 0);
  const hasMoney = d.items.some((i) => i.amount !== null);

  return (
    <Page
      title={d.numberText ? `Quyết định số ${d.numberText}` : 'Dự thảo quyết định'}
      subtitle={d.title}
      extra={
        <Flex gap={8} wrap>
          <Tag color={DECISION_STATUS_COLORS[d.status]}>{DECISION_STATUS_LABELS[d.status]}</Tag>
          <Link to={`/decisions?year=${d.year}`}>Danh sách quyết định năm {d.year}</Link>
        </Flex>
      }
    >
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Loại">{DECISION_KIND_LABELS[d.kind]}</Descriptions.Item>
          <Descriptions.Item label="Năm thành tích">{d.year}</Descriptions.Item>
          <Descriptions.Item label="Ngày ký">{formatDate(d.decisionDate)}</Descriptions.Item>
          <Descriptions.Item label="Người ký">
            {d.signerName ? `${d.signerTitle ?? ''} ${d.signerName}`.trim() : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Hình thức">{d.awardName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Bản ký">{d.signedFileName ?? 'Chưa đính kèm'}</Descriptions.Item>
          {d.signedFileName && (
            <Descriptions.Item label="Chữ ký số" span={2}>
              <SignatureCheckView check={d.signatureCheck} chosenSigner={d.signerName} />
            </Descriptions.Item>
          )}
          {d.issuedAt && (
            <Descriptions.Item label="Ban hành lúc">{formatDateTime(d.issuedAt)}</Descriptions.Item>
          )}
          {d.reason && <Descriptions.Item label="Lý do">{d.reason}</Descriptions.Item>}
          {d.fundOverrideReason && (
            <Descriptions.Item label="Chi vượt quỹ được chấp thuận vì">
              {d.fundOverrideReason}
            </Descriptions.Item>
          )}
        </Descriptions>
        {d.references && (
          <div>
            {DECISION_KIND_LABELS[d.kind]} đối với quyết định{' '}
            <Link to={`/decisions/${d.references.id}`}>{d.references.numberText ?? d.references.title}</Link>
          </div>
        )}
        {d.laterDecisions.length > 0 && (
          <div>
            Các quyết định sau liên quan:{' '}
            {d.laterDecisions.map((l, k) => (
              <span key={l.id}>
                {k > 0 && '; '}
                <Link to={`/decisions/${l.id}`}>
                  {DECISION_KIND_LABELS[l.kind]} {l.numberText ?? '(dự thảo)'}
                </Link>
              </span>
            ))}
          </div>
        )}
      </Card>

      {canWrite && d.status === 'draft' && <IssueCard decision={d} />}
      {d.status === 'issued' && d.kind === 'award' && (
        <Link to={`/certificates/${d.id}`} style={{ marginRight: 8 }}>
          <Button>In giấy khen</Button>
        </Link>
      )}
      {canWrite && d.status === 'issued' && d.kind === 'award' && <RevokeButton decision={d} />}

      <Card size="small" title={`Danh sách kèm theo (${d.items.length})`}>
        <Table<Line>
          rowKey="id"
          size="small"
          data-testid="annex"
          dataSource={d.items}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <EmptyState title="Quyết định chưa có đối tượng nào." /> }}
          columns={[
            { title: 'STT', key: 'position', width: 60, render: (_: unknown, l: Line) => l.position },
            { title: 'Họ và tên / Tập thể', dataIndex: 'subjectName', key: 'subjectName' },
            {
              title: 'Đối tượng',
              key: 'kind',
              render: (_: unknown, l: Line) => SUBJECT_KIND_LABELS[l.subjectKind] ?? l.subjectKind,
            },
            { title: 'Hình thức', key: 'award', render: (_: unknown, l: Line) => l.awardName ?? l.awardCode },
            {
              title: 'Số tiền',
              key: 'amount',
              align: 'right',
              render: (_: unknown, l: Line) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatVnd(l.recoverAmount ?? l.amount)}
                  {l.recoverAmount === null && <UnverifiedTag citations={l.unverifiedCitations} />}
                </span>
              ),
            },
          ]}
          summary={() =>
            hasMoney ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <b>Tổng cộng</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <b data-testid="decision-total">{formatVnd(total)}</b>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
        {hasMoney && (
          <Typography.Paragraph italic style={{ marginTop: 8 }} data-testid="total-in-words">
            Bằng chữ: {amountInWords(total)}.
          </Typography.Paragraph>
        )}
        {d.status === 'draft' && !hasMoney && (
          <Typography.Text type="secondary">
            Số tiền thưởng được tính theo mức lương cơ sở tại ngày ký khi ban hành quyết định.
          </Typography.Text>
        )}
      </Card>
    </Page>
  );
}

/** Issuing: the signed copy is attached and the decision takes effect — irreversible, so confirmed. */
function IssueCard({ decision }: { decision: DecisionDetail }) {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const session = useCurrentSession();
  const [date, setDate] = useState<string | null>(todayIso());
  const [signerName, setSignerName] = useState(decision.signerName ?? '');
  const [signerTitle, setSignerTitle] = useState(decision.signerTitle ?? 'Chủ tịch');
  const [officeNumber, setOfficeNumber] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [override, setOverride] = useState('');
  // Recording a signed decision needs the recorder to prove presence again (ADR 0007): the
  // password, or the 6-digit code of the authenticator app for an account with two-step sign-in.
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // The signed PDF's digital signatures are checked as soon as it is chosen, before issuing.
  const check = useMutation({
    mutationFn: async (f: File) =>
      apiSend('POST', '/api/v1/signatures/verify', PdfVerification, {
        fileName: f.name,
        contentBase64: await fileToBase64(f),
      }),
    onError: showError,
  });
  const issue = useMutation({
    mutationFn: async () => {
      if (!file || !date) throw new Error('Chọn ngày ký và tệp bản ký.');
      await apiSend('POST', '/api/v1/auth/reauth', Ok, code.trim() ? { code: code.trim() } : { password });
      return apiSend('POST', `/api/v1/decisions/${decision.id}/issue`, IssueResult, {
        decisionDate: date,
        signerName: signerName.trim(),
        signerTitle: signerTitle.trim(),
        officeNumber,
        signedCopy: { fileName: file.name, contentBase64: await fileToBase64(file) },
        fundOverrideReason: override.trim() || null,
      });
    },
    onSuccess: async (r) => {
      setPassword('');
      setCode('');
      showSuccess(
        `Đã ban hành Quyết định số ${r.numberText}: ${r.awardRecords} đối tượng, ${formatVnd(r.totalAmount)}.`,
      );
      await client.invalidateQueries({ queryKey: ['decision', decision.id] });
      await client.invalidateQueries({ queryKey: ['decisions'] });
      await client.invalidateQueries({ queryKey: ['fund'] });
    },
    onError: showError,
  });
  const signatureFails = check.data?.signatures.some((s) => !s.valid) ?? false;
  const ready =
    !!date &&
    !!file &&
    !!signerName.trim() &&
    !!signerTitle.trim() &&
    !signatureFails &&
    !check.isPending &&
    (!!password || /^\d{6}$/.test(code.trim()));
  const confirm = () =>
    modal.confirm({
      title: 'Ban hành quyết định?',
      content: (
        <>
          <p>
            Quyết định có hiệu lực với {decision.items.length} đối tượng: hệ thống ghi nhận khen thưởng,
            chuyển hồ sơ sang &quot;Đã có quyết định&quot;, tính tiền thưởng theo lương cơ sở ngày{' '}
            {formatDate(date)} và ghi chi quỹ.
          </p>
          <p>
            <b>Không thể hủy thao tác này.</b> Sai sót phải sửa bằng quyết định đính chính, sửa đổi hoặc thu
            hồi.
          </p>
        </>
      ),
      okText: 'Ban hành',
      cancelText: 'Xem lại',
      onOk: () => issue.mutateAsync(),
    });
  return (
    <Card size="small" title="Ban hành: đính kèm bản đã ký, đóng dấu">
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label="Ngày ký" required>
          <DateInput value={date} onChange={setDate} aria-label="Ngày ký" />
        </Form.Item>
        <Form.Item label="Người ký" required>
          <Input aria-label="Người ký" value={signerName} onChange={(e) => setSignerName(e.target.value)} />
        </Form.Item>
        <Form.Item label="Chức vụ người ký" required>
          <Input
            aria-label="Chức vụ người ký"
            value={signerTitle}
            onChange={(e) => setSignerTitle(e.target.value)}
          />
        </Form.Item>
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
        <Form.Item label="Bản ký (bản quét có dấu hoặc PDF ký số)" required>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              check.reset();
              if (f.name.toLowerCase().endsWith('.pdf')) check.mutate(f);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              check.reset();
            }}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        {check.isPending && <p>Đang kiểm tra chữ ký số…</p>}
        {check.data && (
          <Form.Item label="Kiểm tra chữ ký số">
            <SignatureCheckView check={check.data} chosenSigner={signerName.trim() || null} />
          </Form.Item>
        )}
        {allows(session, ['chairman']) && (
          <Form.Item
            label="Lý do chi vượt quỹ (chỉ khi quỹ không đủ)"
            extra="Quyết định làm quỹ bị âm sẽ bị dừng, trừ khi Chủ tịch ghi rõ lý do chấp thuận."
          >
            <Input.TextArea rows={2} value={override} onChange={(e) => setOverride(e.target.value)} />
          </Form.Item>
        )}
        <Form.Item
          label="Mật khẩu của bạn (xác nhận lại để ghi nhận quyết định đã ký)"
          required
          extra="Tài khoản có xác thực hai lớp có thể nhập mã 6 số của ứng dụng xác thực thay cho mật khẩu."
        >
          <Input.Password
            aria-label="Mật khẩu xác nhận"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Form.Item>
        <Form.Item label="Hoặc mã xác thực (6 chữ số)">
          <Input
            aria-label="Mã xác thực"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ maxWidth: 160 }}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" disabled={!ready} loading={issue.isPending} onClick={confirm}>
          Ban hành quyết định
        </Button>
      </Form>
    </Card>
  );
}

/** Revocation (thu hồi) is a later decision: this drafts it with the reason, then it is issued. */
function RevokeButton({ decision }: { decision: DecisionDetail }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/v1/decisions/${decision.id}/revocations`, Created, {
        title: `Về việc thu hồi Quyết định số ${decision.numberText ?? ''}`.trim(),
        reason: reason.trim(),
      }),
    onSuccess: (r) => {
      showSuccess('Đã lập dự thảo quyết định thu hồi. Đính kèm bản ký để ban hành.');
      setOpen(false);
      navigate(`/decisions/${r.id}`);
    },
    onError: showError,
  });
  return (
    <div>
      <Button danger onClick={() => setOpen(true)}>
        Thu hồi quyết định
      </Button>
      <Modal
        open={open}
        title={`Thu hồi Quyết định số ${decision.numberText ?? ''}`}
        okText="Lập dự thảo thu hồi"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: revoke.isPending }}
        cancelText="Hủy"
        onCancel={() => setOpen(false)}
        onOk={() => revoke.mutate()}
      >
        <Typography.Paragraph>
          Hệ thống lập dự thảo quyết định thu hồi, tính số tiền phải thu hồi; khen thưởng chỉ bị thu hồi khi
          quyết định thu hồi được ban hành.
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="Lý do thu hồi"
          rows={3}
          placeholder="Ví dụ: phát hiện cá nhân bị kỷ luật trong năm xét khen thưởng"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
