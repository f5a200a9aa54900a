// The tờ trình to the higher level for the nominations a body forwards (status 'forwarded'): who,
// which award, the field and the achievement summary, one row each.
import { sql } from 'drizzle-orm';
import type { AdministrativeDocument, TableCell } from '../../platform/documents/index.ts';
import { queryRows, type Db } from '../../platform/db/client.ts';
import type { BodyNaming } from './issuing-body.ts';
import { awardNameOf } from './achievement-report.ts';

export type ForwardedNomination = {
  subjectName: string;
  subjectKind: string;
  awardCode: string;
  field: string | null;
  achievementSummary: string;
  forwardedTo: string | null;
};

export async function loadForwardedNominations(
  db: Db,
  bodyOrgUnitId: string,
  year: number,
): Promise<ForwardedNomination[]> {
  const rows = await queryRows<{
    subject_name: string;
    subject_kind: string;
    award_code: string;
    field: string | null;
    achievement_summary: string;
    forwarded_to: string | null;
  }>(
    db,
    sql`select subject_name, subject_kind, award_code, field, achievement_summary, forwarded_to
        from nominations where body_org_unit_id = ${bodyOrgUnitId} and year = ${year} and status = 'forwarded'
        order by award_code, subject_kind, subject_sort_key, id`,
  );
  return rows.map((r) => ({
    subjectName: r.subject_name,
    subjectKind: r.subject_kind,
    awardCode: r.award_code,
    field: r.field,
    achievementSummary: r.achievement_summary,
    forwardedTo: r.forwarded_to,
  }));
}

/** Tờ trình đề nghị khen thưởng, signed by the body's chairman, with the list in a table. */
export function buildProposalDocument(
  body: BodyNaming,
  year: number,
  list: readonly ForwardedNomination[],
  issueDate: string,
  signerName = '',
): AdministrativeDocument {
  const higher =
    list.find((n) => n.forwardedTo)?.forwardedTo ??
    (body.parentInSentence ? `UBND ${body.parentInSentence}` : 'cấp trên');
  const individuals = list.filter((n) => n.subjectKind === 'individual').length;
  const collectives = list.length - individuals;
  const rows: TableCell[][] = list.map((n, i) => [
    String(i + 1),
    n.subjectName,
    awardNameOf(n.awardCode),
    n.field ?? '',
    n.achievementSummary,
  ]);
  return {
    issuingBody: body.issuingBody,
    numberAndSymbol: { symbol: 'TTr-UBND' },
    place: body.place,
    issueDate,
    typeName: 'TỜ TRÌNH',
    summaryLines: [`Về việc đề nghị khen thưởng năm ${year}`],
    body: [
      { kind: 'paragraph', content: `Kính gửi: ${higher}.`, align: 'center', indent: false },
      {
        kind: 'paragraph',
        content: `Căn cứ kết quả phong trào thi đua năm ${year} và đề nghị của Hội đồng Thi đua - Khen thưởng ${body.inSentence}, ${body.committeeFull} kính trình ${higher} xem xét, khen thưởng cho ${collectives} tập thể và ${individuals} cá nhân có thành tích xuất sắc, cụ thể như sau:`,
      },
      rows.length > 0
        ? {
            kind: 'table',
            table: {
              columnWidths: [6, 26, 22, 16, 30],
              headerRows: [['TT', 'Tập thể, cá nhân', 'Hình thức đề nghị', 'Lĩnh vực', 'Tóm tắt thành tích']],
              columnAlign: ['center', 'left', 'left', 'left', 'left'],
              rows,
              fontSize: 11,
            },
          }
        : { kind: 'paragraph', content: 'Chưa có hồ sơ nào được chuyển cấp trên.' },
      {
        kind: 'paragraph',
        content: `(Kèm theo hồ sơ, báo cáo thành tích của từng tập thể, cá nhân.) Kính trình ${higher} xem xét, quyết định./.`,
      },
    ],
    recipients: { items: [`Như trên`, `Hội đồng TĐKT ${body.inSentence}`] },
    signature: { authority: 'TM.', authorityOf: 'ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName },
  };
}
