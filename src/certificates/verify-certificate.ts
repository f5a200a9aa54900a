import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import { formatDateVn } from '../platform/documents/index.ts';
import { catalogueEntry, isAwardCode } from '../rules/index.ts';

/** What the public page shows: the award, its recipient, decision and issuer — nothing else personal. */
export type PublicCertificate = {
  recipientName: string;
  awardName: string;
  year: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string;
  revoked: boolean;
  revokedOn: string | null;
  revokingDecisionNumber: string | null;
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;

export async function findPublicCertificate(db: DbOrTx, token: string): Promise<PublicCertificate | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const rows = await queryRows<{
    subject_name: string;
    award_code: string;
    year: number;
    decision_number: string | null;
    decision_date: string | null;
    issuer_name: string | null;
    body_name: string | null;
    revoked_at: string | null;
    revoking_number: string | null;
  }>(
    db,
    sql`select coalesce(i.subject_name, '') as subject_name, a.award_code, a.year, a.decision_number,
               a.decision_date::text as decision_date, a.issuer_name, b.name as body_name,
               a.revoked_at::text as revoked_at, r.number_text as revoking_number
        from certificate_tokens t
        join award_records a on a.id = t.award_record_id
        left join decision_items i on i.id = a.decision_item_id
        left join org_units b on b.id = t.org_unit_id
        left join decisions r on r.id = a.revoked_by_decision_id
        where t.token = ${token}`,
  );
  const r = rows[0];
  if (!r) return null;
  const body = r.body_name ? r.body_name.charAt(0).toLocaleLowerCase('vi') + r.body_name.slice(1) : '';
  return {
    recipientName: r.subject_name,
    awardName: isAwardCode(r.award_code) ? catalogueEntry(r.award_code).name : r.award_code,
    year: Number(r.year),
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    issuer: r.issuer_name ?? `Chủ tịch Ủy ban nhân dân ${body}`,
    revoked: r.revoked_at !== null,
    revokedOn: r.revoked_at,
    revokingDecisionNumber: r.revoking_number,
  };
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A self-contained page (no script, inline style only), readable on a phone after scanning the QR. */
export function verificationPage(c: PublicCertificate | null): string {
  const rows = c
    ? [
        ['Khen thưởng', c.awardName],
        ['Tặng', c.recipientName],
        ['Năm', String(c.year)],
        [
          'Quyết định',
          `${c.decisionNumber ? `Số ${c.decisionNumber}` : ''}${c.decisionDate ? ` ngày ${formatDateVn(c.decisionDate)}` : ''}`.trim(),
        ],
        ['Cơ quan khen thưởng', c.issuer],
      ]
    : [];
  const status = !c
    ? '<p class="bad">Không tìm thấy Giấy khen với mã này.</p>'
    : c.revoked
      ? `<p class="bad">ĐÃ BỊ THU HỒI${c.revokedOn ? ` ngày ${escapeHtml(formatDateVn(c.revokedOn))}` : ''}${c.revokingDecisionNumber ? ` theo Quyết định số ${escapeHtml(c.revokingDecisionNumber)}` : ''}.</p>`
      : '<p class="ok">Giấy khen có trong sổ khen thưởng và còn hiệu lực.</p>';
  const table = rows
    .map(([k, v]) => `<tr><th>${escapeHtml(k ?? '')}</th><td>${escapeHtml(v ?? '')}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Xác thực Giấy khen</title>
<style>body{font-family:"Times New Roman",Tinos,serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
th{text-align:left;padding:.3rem 1rem .3rem 0;vertical-align:top}td{padding:.3rem 0}.ok{color:#135200}.bad{color:#a8071a;font-weight:bold}</style>
</head><body><h1>Xác thực Giấy khen</h1>${status}${table ? `<table>${table}</table>` : ''}</body></html>`;
}
