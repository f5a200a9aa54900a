import type { AdministrativeDocument, TableCell } from '../platform/documents/index.ts';
import { formatDateVn } from '../platform/documents/index.ts';

/**
 * The cluster's tờ trình proposing its leading members to the province, and the minutes of the
 * meeting that confirmed the ranking, as NĐ 30/2020 document models (rendered by the platform's
 * DOCX/PDF engines). Pure. Award names come from the rules catalogue; which ranks a cluster
 * proposes is the province's quy chế (legal-brief §9, unverified), so it is configuration.
 */
export type DocumentInput = {
  clusterName: string;
  year: number;
  headName: string;
  headPlace: string;
  organiserName: string;
  issueDate: string;
  ranking: { name: string; aggregate: number | null; rank: number | null }[];
  proposals: { name: string; rank: number; awardLabel: string }[];
  meeting: {
    date: string;
    place: string;
    chairName: string;
    presentNames: string[];
    votesFor: number;
    votesAgainst: number;
    abstentions: number;
    minutesText: string;
  };
  signerName: string;
};

const fmtPoints = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));

function rankingTable(input: DocumentInput) {
  const rows: TableCell[][] = input.ranking.map((r) => [
    { text: r.rank === null ? '—' : String(r.rank), align: 'center' },
    r.name,
    { text: fmtPoints(r.aggregate), align: 'right' },
  ]);
  return {
    kind: 'table' as const,
    table: { columnWidths: [1, 5, 2], headerRows: [['Hạng', 'Đơn vị', 'Điểm bình quân']], rows },
  };
}

function issuingBody(input: DocumentInput) {
  return {
    parentLines: [input.clusterName.toUpperCase()],
    nameLines: [`UBND ${input.headName.toUpperCase()}`],
  };
}

export function buildProposalLetter(input: DocumentInput): AdministrativeDocument {
  const flag = input.proposals.filter((p) => p.awardLabel.startsWith('Cờ'));
  const diploma = input.proposals.filter((p) => !p.awardLabel.startsWith('Cờ'));
  return {
    issuingBody: issuingBody(input),
    numberAndSymbol: { symbol: 'TTr-UBND' },
    place: input.headPlace,
    issueDate: input.issueDate,
    typeName: 'TỜ TRÌNH',
    summaryLines: [`Về việc đề nghị khen thưởng các đơn vị dẫn đầu ${input.clusterName} năm ${input.year}`],
    body: [
      {
        kind: 'paragraph',
        content: `Căn cứ kết quả chấm điểm chéo và biên bản họp cụm ngày ${formatDateVn(input.meeting.date)}, ${input.clusterName} đã thống nhất xếp hạng các đơn vị thành viên năm ${input.year} như sau:`,
      },
      rankingTable(input),
      {
        kind: 'paragraph',
        content: `Phường trưởng cụm kính trình ${input.organiserName} xem xét, đề nghị Chủ tịch Ủy ban nhân dân tỉnh:`,
      },
      {
        kind: 'list',
        items: [
          ...flag.map((p) => `Tặng ${p.awardLabel} cho ${p.name} (hạng ${p.rank});`),
          ...diploma.map((p) => `Tặng ${p.awardLabel} cho ${p.name} (hạng ${p.rank});`),
        ],
      },
      { kind: 'paragraph', content: 'Kính trình xem xét, quyết định./.' },
    ],
    recipients: { items: [input.organiserName, 'Các đơn vị thành viên cụm'] },
    signature: {
      authority: 'TM.',
      authorityOf: 'ỦY BAN NHÂN DÂN',
      position: 'CHỦ TỊCH',
      signerName: input.signerName,
    },
  };
}

export function buildMeetingMinutes(input: DocumentInput): AdministrativeDocument {
  const m = input.meeting;
  return {
    issuingBody: issuingBody(input),
    numberAndSymbol: { symbol: 'BB-UBND' },
    place: input.headPlace,
    issueDate: m.date,
    typeName: 'BIÊN BẢN',
    summaryLines: [`Họp ${input.clusterName} xác nhận kết quả xếp hạng năm ${input.year}`],
    body: [
      { kind: 'paragraph', content: `Thời gian: ngày ${formatDateVn(m.date)}. Địa điểm: ${m.place}.` },
      { kind: 'paragraph', content: `Chủ trì: ${m.chairName}. Đơn vị dự họp: ${m.presentNames.join(', ')}.` },
      rankingTable(input),
      {
        kind: 'paragraph',
        content: `Kết quả biểu quyết thông qua kết quả xếp hạng: ${m.votesFor} đồng ý, ${m.votesAgainst} không đồng ý, ${m.abstentions} không biểu quyết.`,
      },
      { kind: 'paragraph', content: m.minutesText },
    ],
    recipients: { items: ['Các đơn vị thành viên cụm'] },
    signature: { position: 'CHỦ TRÌ', signerName: m.chairName },
  };
}
