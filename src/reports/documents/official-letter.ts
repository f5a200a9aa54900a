// A công văn (official letter): no type name, the subject under the number as "V/v …" (NĐ 30/2020,
// Phụ lục I). The cluster head's letter asking members for their year-end report is the first one.
import type { AdministrativeDocument } from '../../platform/documents/index.ts';
import { formatDateVn } from '../../platform/documents/index.ts';
import type { BodyNaming } from './issuing-body.ts';

export type ClusterRequest = {
  clusterName: string;
  year: number;
  /** The member bodies the letter goes to, as they read in "Kính gửi". */
  members: string[];
  /** ISO date by which the reports are due; null leaves a blank for the office to fill. */
  dueDate: string | null;
  signerName: string;
  /** The letter's number and symbol when the head's office has taken it ("455/UBND-NV"). */
  numberText?: string | null;
  /** Trích yếu after "V/v", as the office wrote it; a default otherwise. */
  summary?: string | null;
};

/** "455/UBND-NV" → number 455, symbol UBND-NV; anything else stays a draft with the default symbol. */
function numberAndSymbolOf(numberText: string | null | undefined): { number?: string; symbol: string } {
  const m = numberText ? /^\s*(\d+)\s*\/\s*(\S+)\s*$/u.exec(numberText) : null;
  return m ? { number: m[1]!, symbol: m[2]! } : { symbol: 'UBND-VP' };
}

/** The summary split after its first comma so the "V/v" lines stay short, as the seed letters do. */
function summaryLinesOf(r: ClusterRequest): string[] {
  const summary = r.summary?.trim().replace(/^(V\/v|[Vv]ề việc)\s+/u, '');
  if (!summary) return [`báo cáo tổng kết công tác thi đua,`, `khen thưởng năm ${r.year}`];
  const comma = summary.indexOf(', ');
  return comma > 0 ? [summary.slice(0, comma + 1), summary.slice(comma + 2)] : [summary];
}

/** The cluster head's request for the members' year-end emulation report (công văn). */
export function buildClusterRequestLetter(
  head: BodyNaming,
  r: ClusterRequest,
  issueDate: string,
): AdministrativeDocument {
  return {
    issuingBody: head.issuingBody,
    numberAndSymbol: numberAndSymbolOf(r.numberText),
    place: head.place,
    issueDate,
    summaryLines: summaryLinesOf(r),
    body: [
      { kind: 'paragraph', content: 'Kính gửi:', indent: false },
      { kind: 'list', items: r.members.map((m) => `${m};`) },
      {
        kind: 'paragraph',
        content: `Thực hiện nhiệm vụ Trưởng ${r.clusterName} năm ${r.year}, ${head.committeeFull} đề nghị Ủy ban nhân dân các đơn vị trong Cụm báo cáo tổng kết công tác thi đua, khen thưởng năm ${r.year} và phương hướng, nhiệm vụ năm ${r.year + 1}, kèm bảng tự chấm điểm theo tiêu chí thi đua của Cụm.`,
      },
      {
        kind: 'paragraph',
        content: `Báo cáo gửi về ${head.committeeFull} trước ngày ${r.dueDate ? formatDateVn(r.dueDate) : '…/…/…'} để tổng hợp, bình xét.`,
      },
      { kind: 'paragraph', content: 'Rất mong nhận được sự phối hợp của các đơn vị./.' },
    ],
    recipients: { items: ['Như trên'] },
    signature: {
      authority: 'TM.',
      authorityOf: 'ỦY BAN NHÂN DÂN',
      position: 'CHỦ TỊCH',
      signerName: r.signerName,
    },
  };
}
