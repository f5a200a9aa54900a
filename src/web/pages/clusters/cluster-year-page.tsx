import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { z } from 'zod';
import { ClusterOverview, ScoreTable, SubmissionView } from '../../../contracts/clusters.ts';
import { Ok } from '../../../contracts/common.ts';
import { apiGet, apiSend, downloadFile } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { showError } from '../../app/feedback.ts';
import { Page } from '../../components/page.tsx';
import { RankingChart } from './ranking-chart.tsx';
import { LoadError } from '../../components/load-error.tsx';

type Overview = z.infer<typeof ClusterOverview>;
type Item = NonNullable<Overview['criteriaTable']>['groups'][number]['items'][number];
type Sheet = Record<string, { points: number; evidence?: string }>;

const PHASE: Record<Overview['phase'], { label: string; color: string }> = {
  not_started: { label: 'Chưa mở', color: 'default' },
  reporting: { label: 'Đang nhận báo cáo', color: 'blue' },
  scoring: { label: 'Đang chấm chéo', color: 'orange' },
  closed: { label: 'Đã hết hạn chấm', color: 'green' },
};
const KIND_LABEL: Record<Item['kind'], string> = {
  standard: 'Tiêu chí',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
};
const METHOD_LABEL = {
  mean: 'Bình quân',
  trimmed_mean: 'Bình quân bỏ điểm cao nhất, thấp nhất',
  median: 'Trung vị',
} as const;

function items(o: Overview): Item[] {
  return o.criteriaTable?.groups.flatMap((g) => g.items) ?? [];
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(new Error('Không đọc được tệp.'));
    reader.readAsDataURL(file);
  });
}

/** The points (and, for the self round, evidence) of every item of the criteria table. */
function SheetEditor({
  overview,
  sheet,
  onChange,
  withEvidence,
  evidenceOf,
}: {
  overview: Overview;
  sheet: Sheet;
  onChange: (s: Sheet) => void;
  withEvidence: boolean;
  evidenceOf?: Record<string, string>;
}) {
  const total = items(overview).reduce(
    (sum, i) => sum + (i.kind === 'penalty' ? -1 : 1) * (sheet[i.id]?.points ?? 0),
    0,
  );
  return (
    <Flex vertical gap={8}>
      <Table<Item>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items(overview)}
        columns={[
          { title: 'Mã', dataIndex: 'id', width: 60 },
          {
            title: 'Tiêu chí',
            render: (_, i) => (
              <>
                {i.title} {i.kind !== 'standard' && <Tag>{KIND_LABEL[i.kind]}</Tag>}
              </>
            ),
          },
          { title: 'Tối đa', dataIndex: 'maxPoints', width: 80 },
          ...(evidenceOf
            ? [{ title: 'Minh chứng của đơn vị', render: (_: unknown, i: Item) => evidenceOf[i.id] ?? '' }]
            : []),
          {
            title: 'Điểm',
            width: 110,
            render: (_, i) => (
              <InputNumber
                aria-label={`Điểm ${i.id}`}
                min={0}
                max={i.maxPoints}
                step={0.5}
                value={sheet[i.id]?.points ?? null}
                onChange={(v) => onChange({ ...sheet, [i.id]: { ...sheet[i.id], points: Number(v ?? 0) } })}
              />
            ),
          },
          ...(withEvidence
            ? [
                {
                  title: 'Minh chứng',
                  render: (_: unknown, i: Item) => (
                    <Input
                      aria-label={`Minh chứng ${i.id}`}
                      placeholder={i.evidenceRequired ? 'Bắt buộc khi có điểm' : ''}
                      value={sheet[i.id]?.evidence ?? ''}
                      onChange={(e) =>
                        onChange({
                          ...sheet,
                          [i.id]: { points: sheet[i.id]?.points ?? 0, evidence: e.target.value },
                        })
                      }
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Text strong data-testid="sheet-total">
        Tổng điểm: {total.toLocaleString('vi-VN')}
      </Typography.Text>
    </Flex>
  );
}

function SubmitTab({ overview, base }: { overview: Overview; base: string }) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [ref, setRef] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<Sheet>({});
  const submit = useMutation({
    mutationFn: async () =>
      apiSend('POST', `${base}/submission`, z.object({ submittedAt: z.string(), selfTotal: z.number() }), {
        reportText: text || null,
        reportRef: ref || null,
        file: file
          ? {
              name: file.name,
              mime: file.type || 'application/octet-stream',
              contentBase64: await toBase64(file),
            }
          : null,
        selfScores: sheet,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cluster', overview.id] }),
    onError: showError,
  });
  const mine = overview.memberStatus.find((m) => m.orgUnit.id === overview.viewer.actingMemberId);
  return (
    <Flex vertical gap={12}>
      {mine?.submitted && (
        <Alert
          type="success"
          showIcon
          title={`Đơn vị đã nộp báo cáo lúc ${formatDateTime(mine.submittedAt)}. Nộp lại sẽ thay bản trước cho đến hạn.`}
        />
      )}
      <Input.TextArea
        aria-label="Nội dung báo cáo"
        rows={5}
        placeholder="Nội dung báo cáo tổng kết (hoặc dẫn chiếu, hoặc tải tệp)"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Input
        aria-label="Dẫn chiếu báo cáo"
        placeholder="Số, ký hiệu báo cáo (ví dụ 184/BC-UBND ngày 26/12/2023)"
        value={ref}
        onChange={(e) => setRef(e.target.value)}
      />
      <input aria-label="Tệp báo cáo" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <Typography.Title level={5}>Bảng tự chấm điểm</Typography.Title>
      <SheetEditor overview={overview} sheet={sheet} onChange={setSheet} withEvidence />
      <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
        Nộp báo cáo và bảng tự chấm
      </Button>
    </Flex>
  );
}

function PeerTab({ overview, base }: { overview: Overview; base: string }) {
  const qc = useQueryClient();
  const me = overview.viewer.actingMemberId;
  const targets = overview.memberStatus.filter((m) => m.submitted && m.orgUnit.id !== me);
  const [target, setTarget] = useState<string>();
  const [sheet, setSheet] = useState<Sheet>({});
  const submission = useQuery({
    queryKey: ['cluster', overview.id, 'submission', target],
    queryFn: ({ signal }) => apiGet(`${base}/submissions/${target}`, SubmissionView, undefined, signal),
    enabled: !!target,
  });
  const send = useMutation({
    mutationFn: () =>
      apiSend('POST', `${base}/peer-scores`, z.object({ total: z.number(), submittedAt: z.string() }), {
        targetOrgUnitId: target,
        sheet,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cluster', overview.id] }),
    onError: showError,
  });
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        Đơn vị chấm chéo các đơn vị khác đã nộp báo cáo; không chấm chính mình. Điểm của các đơn vị được giữ
        kín đến hết hạn chấm.
      </Typography.Text>
      <Select
        aria-label="Đơn vị được chấm"
        placeholder="Chọn đơn vị để chấm"
        style={{ maxWidth: 360 }}
        value={target}
        options={targets.map((t) => ({ value: t.orgUnit.id, label: t.orgUnit.name }))}
        onChange={(v) => {
          setTarget(v);
          setSheet({});
        }}
      />
      {submission.data && (
        <Card size="small" title={`Báo cáo của ${submission.data.orgUnit.name}`}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {submission.data.reportText ?? submission.data.reportRef ?? ''}
          </Typography.Paragraph>
          {submission.data.file && (
            <Button
              onClick={() =>
                downloadFile(
                  `${base}/submissions/${target}/file`,
                  submission.data.file?.name ?? 'bao-cao',
                ).catch(showError)
              }
            >
              Tải tệp báo cáo ({submission.data.file.name})
            </Button>
          )}
        </Card>
      )}
      {target && (
        <SheetEditor
          overview={overview}
          sheet={sheet}
          onChange={setSheet}
          withEvidence={false}
          evidenceOf={submission.data?.evidence}
        />
      )}
      <Button type="primary" disabled={!target} loading={send.isPending} onClick={() => send.mutate()}>
        Gửi phiếu chấm chéo
      </Button>
    </Flex>
  );
}

/** "lúc 17:00 ngày 10/01/2024" from an instant, in the browser's time zone. */
function deadlineWords(iso: string | null): string {
  if (!iso) return 'chấm điểm';
  const [date, time] = formatDateTime(iso).split(' ');
  return `lúc ${time} ngày ${date}`;
}

/** The value of a datetime-local input: the instant in the browser's own time zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function ScoresCard({ base, overview }: { base: string; overview: Overview }) {
  const scores = useQuery({
    queryKey: ['cluster', overview.id, 'scores'],
    queryFn: ({ signal }) => apiGet(`${base}/scores`, ScoreTable, undefined, signal),
  });
  if (!scores.data) return <Skeleton active />;
  if (!scores.data.visible) {
    const own = scores.data.sheets;
    return (
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          data-testid="scores-secret"
          title={`Điểm của các phường sẽ hiện sau khi tất cả đã chấm hoặc hết hạn ${deadlineWords(scores.data.deadline)}.`}
          description="Trước đó mỗi phường, kể cả phường trưởng cụm, chỉ thấy bảng điểm mình đã chấm và ai đã nộp."
        />
        {own.length > 0 && (
          <Table
            size="small"
            rowKey={(r) => `${r.round}:${r.target.id}`}
            pagination={false}
            data-testid="own-sheets"
            title={() => 'Bảng điểm phường mình đã chấm'}
            dataSource={own}
            columns={[
              {
                title: 'Đơn vị được chấm',
                key: 't',
                render: (_: unknown, r) =>
                  r.round === 'self' ? `${r.target.name} (tự chấm)` : r.target.name,
              },
              { title: 'Tổng điểm', dataIndex: 'total', key: 'total', align: 'right' },
            ]}
          />
        )}
      </Flex>
    );
  }
  const members = overview.members;
  const cell = (scorer: string, target: string) =>
    scores.data.sheets.find(
      (s) =>
        s.scorer.id === scorer && s.target.id === target && s.round === (scorer === target ? 'self' : 'peer'),
    )?.total;
  return (
    <Flex vertical gap={12}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="score-table"
        dataSource={members}
        columns={[
          { title: 'Đơn vị chấm \\ được chấm', render: (_, m) => m.name },
          ...members.map((t) => ({
            title: t.name,
            render: (_: unknown, m: (typeof members)[number]) =>
              cell(m.id, t.id)?.toLocaleString('vi-VN') ?? '—',
          })),
        ]}
      />
      <RankingChart
        rows={scores.data.ranking.map((r) => ({
          name: r.orgUnit.name,
          aggregate: r.aggregate,
          self: r.self,
        }))}
      />
      <Table
        size="small"
        rowKey={(r) => r.orgUnit.id}
        pagination={false}
        data-testid="ranking-table"
        dataSource={scores.data.ranking}
        columns={[
          { title: 'Hạng', render: (_, r) => (r.rank ?? '—') + (r.tied ? ' (bằng điểm)' : '') },
          { title: 'Đơn vị', render: (_, r) => r.orgUnit.name },
          { title: 'Điểm tổng hợp', render: (_, r) => r.aggregate?.toLocaleString('vi-VN') ?? '—' },
          { title: 'Tự chấm', render: (_, r) => r.self?.toLocaleString('vi-VN') ?? '—' },
          {
            title: 'Thiếu phiếu của',
            render: (_, r) =>
              r.missingScorers.map((id) => members.find((m) => m.id === id)?.name ?? id).join(', '),
          },
        ]}
      />
    </Flex>
  );
}

function HeadTab({ overview, base }: { overview: Overview; base: string }) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['cluster', overview.id] });
  const s = overview.settings;
  const [letter, setLetter] = useState(s?.requestLetterNumber ?? '');
  const [reportDeadline, setReportDeadline] = useState(s ? localInput(s.reportDeadline) : '');
  const [scoringDeadline, setScoringDeadline] = useState(s ? localInput(s.scoringDeadline) : '');
  const scoringBegun =
    overview.phase === 'scoring' ||
    overview.phase === 'closed' ||
    overview.memberStatus.some((m) => m.peerScoresGiven > 0);
  const [method, setMethod] = useState<keyof typeof METHOD_LABEL>(s?.method ?? 'trimmed_mean');
  const [votes, setVotes] = useState<number>(overview.members.length);
  const save = useMutation({
    mutationFn: () =>
      apiSend('PUT', `${base}/settings`, Ok, {
        requestLetterNumber: letter || null,
        requestLetterDate: null,
        requestLetterSummary: null,
        reportDeadline: new Date(reportDeadline).toISOString(),
        scoringDeadline: new Date(scoringDeadline).toISOString(),
        method,
        trimCount: s?.trimCount ?? 1,
        missingScores: s?.missingScores ?? 'exclude',
        tieBreak: s?.tieBreak ?? ['higher_min_peer', 'earlier_submission'],
        flagCount: s?.flagCount ?? 1,
        diplomaCount: s?.diplomaCount ?? 2,
      }),
    onSuccess: refresh,
    onError: showError,
  });
  const rank = useMutation({
    mutationFn: () => apiSend('POST', `${base}/ranking`, Ok),
    onSuccess: refresh,
    onError: showError,
  });
  const confirm = useMutation({
    mutationFn: () =>
      apiSend('POST', `${base}/confirmation`, Ok, {
        meetingDate: new Date().toISOString().slice(0, 10),
        place: `Hội trường UBND ${overview.head?.name ?? ''}`,
        chairName: 'Chủ tịch UBND phường trưởng cụm',
        presentOrgUnitIds: overview.members.map((m) => m.id),
        votesFor: votes,
        votesAgainst: overview.members.length - votes,
        abstentions: 0,
        minutesText: 'Cuộc họp cụm thống nhất kết quả chấm điểm chéo và xếp hạng.',
        minutesRef: null,
        order: overview.outcome?.ranking.map((r) => r.orgUnit.id) ?? [],
      }),
    onSuccess: refresh,
    onError: showError,
  });
  const propose = useMutation({
    mutationFn: () => apiSend('POST', `${base}/proposals`, Ok),
    onSuccess: refresh,
    onError: showError,
  });
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="Công văn đề nghị báo cáo và hạn chót">
        <Space wrap>
          <Input
            aria-label="Số công văn"
            placeholder="Số công văn (455/UBND-NV)"
            value={letter}
            onChange={(e) => setLetter(e.target.value)}
          />
          <label>
            Hạn nộp báo cáo{' '}
            <input
              aria-label="Hạn nộp báo cáo"
              type="datetime-local"
              value={reportDeadline}
              onChange={(e) => setReportDeadline(e.target.value)}
            />
          </label>
          <label>
            Hạn chấm chéo{' '}
            <input
              aria-label="Hạn chấm chéo"
              type="datetime-local"
              value={scoringDeadline}
              onChange={(e) => setScoringDeadline(e.target.value)}
            />
          </label>
          <Select
            aria-label="Cách tổng hợp"
            style={{ width: 300 }}
            value={method}
            onChange={setMethod}
            options={Object.entries(METHOD_LABEL).map(([value, label]) => ({ value, label }))}
          />
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            Lưu và gửi công văn
          </Button>
        </Space>
        {scoringBegun && s && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 8, marginBottom: 0 }}
            data-testid="deadline-rule"
          >
            Đã bắt đầu chấm điểm chéo: hạn chấm chỉ được gia hạn (sau {formatDateTime(s.scoringDeadline)}),
            không được rút ngắn, để không phường nào thấy điểm của phường khác trước khi tự chấm xong.
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title="Xếp hạng, xác nhận và đề nghị khen thưởng">
        <Space wrap>
          <Button disabled={!overview.scoresVisible} onClick={() => rank.mutate()}>
            Tổng hợp kết quả xếp hạng
          </Button>
          <InputNumber
            aria-label="Số phiếu đồng ý"
            min={0}
            max={overview.members.length}
            value={votes}
            onChange={(v) => setVotes(Number(v ?? 0))}
          />
          <Button
            disabled={!overview.outcome || !!overview.outcome.confirmation}
            onClick={() => confirm.mutate()}
          >
            Ghi nhận biểu quyết của cuộc họp cụm
          </Button>
          <Button disabled={!overview.outcome?.confirmation} onClick={() => propose.mutate()}>
            Lập danh sách đề nghị khen thưởng
          </Button>
          <Button
            disabled={!overview.outcome?.proposals}
            onClick={() =>
              downloadFile(`${base}/documents/proposal-letter.docx`, 'to-trinh.docx').catch(showError)
            }
          >
            Tải tờ trình (Word)
          </Button>
          <Button
            disabled={!overview.outcome?.confirmation}
            onClick={() => downloadFile(`${base}/documents/minutes.docx`, 'bien-ban.docx').catch(showError)}
          >
            Tải biên bản họp (Word)
          </Button>
        </Space>
      </Card>
    </Flex>
  );
}

/** One cluster year: the head's dashboard and the members' report and scoring screens. */
export function ClusterYearPage() {
  const { id = '' } = useParams();
  const base = `/api/v1/clusters/${id}`;
  const q = useQuery({
    queryKey: ['cluster', id],
    queryFn: ({ signal }) => apiGet(base, ClusterOverview, undefined, signal),
  });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <LoadError title="Không tải được cụm thi đua." />;
  const o = q.data;
  const member = o.viewer.actingMemberId !== null;
  return (
    <Page
      title={`${o.name} năm ${o.year}`}
      subtitle={`Đơn vị tổ chức: ${o.organiser.name} · Trưởng cụm: ${o.head?.name ?? 'chưa phân công'} · Phó cụm: ${o.deputy?.name ?? 'chưa phân công'}`}
      extra={<Tag color={PHASE[o.phase].color}>{PHASE[o.phase].label}</Tag>}
    >
      <Tabs
        items={[
          {
            key: 'overview',
            label: 'Tổng quan',
            children: (
              <Flex vertical gap={16}>
                {o.settings && (
                  <Descriptions
                    size="small"
                    column={{ xs: 1, md: 3 }}
                    items={[
                      { key: 'l', label: 'Công văn', children: o.settings.requestLetterNumber ?? '—' },
                      {
                        key: 'r',
                        label: 'Hạn nộp báo cáo',
                        children: formatDateTime(o.settings.reportDeadline),
                      },
                      {
                        key: 's',
                        label: 'Hạn chấm chéo',
                        children: formatDateTime(o.settings.scoringDeadline),
                      },
                    ]}
                  />
                )}
                <Table
                  size="small"
                  rowKey={(m) => m.orgUnit.id}
                  pagination={false}
                  data-testid="member-status"
                  dataSource={o.memberStatus}
                  columns={[
                    { title: 'Đơn vị thành viên', render: (_, m) => m.orgUnit.name },
                    {
                      title: 'Báo cáo',
                      render: (_, m) =>
                        m.submitted ? (
                          <Tag color="green">Đã nộp {formatDateTime(m.submittedAt)}</Tag>
                        ) : (
                          <Tag>Chưa nộp</Tag>
                        ),
                    },
                    {
                      title: 'Phiếu chấm chéo đã gửi',
                      render: (_, m) => `${m.peerScoresGiven}/${m.peerScoresExpected}`,
                    },
                  ]}
                />
                <ScoresCard base={base} overview={o} />
                {o.outcome?.proposals && (
                  <Card size="small" title="Đề nghị khen thưởng">
                    <ul data-testid="proposals">
                      {o.outcome.proposals.map((p) => (
                        <li key={p.orgUnit.id}>
                          {p.orgUnit.name}: {p.awardLabel}
                        </li>
                      ))}
                    </ul>
                  </Card>
                )}
                {o.covenant && (
                  <Card size="small" title={o.covenant.title}>
                    <ol>
                      {o.covenant.articles.map((a) => (
                        <li key={a.no}>
                          {a.text}
                          {a.target ? ` (chỉ tiêu: ${a.target})` : ''}
                        </li>
                      ))}
                    </ol>
                  </Card>
                )}
              </Flex>
            ),
          },
          ...(member && o.phase === 'reporting'
            ? [
                {
                  key: 'submit',
                  label: 'Nộp báo cáo và tự chấm',
                  children: <SubmitTab overview={o} base={base} />,
                },
              ]
            : []),
          ...(member && (o.phase === 'reporting' || o.phase === 'scoring')
            ? [{ key: 'peer', label: 'Chấm chéo', children: <PeerTab overview={o} base={base} /> }]
            : []),
          ...(o.viewer.canManage
            ? [{ key: 'head', label: 'Điều hành cụm', children: <HeadTab overview={o} base={base} /> }]
            : []),
        ]}
      />
    </Page>
  );
}
