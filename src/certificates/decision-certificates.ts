import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import type { CertificateModel, SigningAuthority } from '../platform/documents/index.ts';
import type { OrgDirectory } from '../organizations/index.ts';
import { unitAsOf } from '../reports/index.ts';
import { documentLegalBases, isRegimeCode } from '../rules/index.ts';

export type DecisionRow = {
  id: string;
  org_unit_id: string;
  year: number;
  kind: string;
  status: string;
  title: string;
  award_code: string | null;
  number_text: string | null;
  decision_date: string | null;
  signer_name: string | null;
  signer_title: string | null;
  regime_code: string | null;
};

export type AwardeeRow = {
  award_record_id: string;
  subject_kind: string;
  subject_name: string;
  field: string | null;
  amount: number | null;
  revoked_at: string | null;
  person_position: string | null;
  unit_name: string | null;
  item_position: number;
  achievement: string | null;
};

export async function readDecision(db: DbOrTx, id: string): Promise<DecisionRow | undefined> {
  const rows = await queryRows<DecisionRow>(
    db,
    sql`select id, org_unit_id, year, kind, status, title, award_code, number_text,
               decision_date::text as decision_date, signer_name, signer_title, regime_code
        from decisions where id = ${id}`,
  );
  return rows[0];
}

/**
 * The decision's annex lines with the award record each produced, in annex order; a person's post
 * and unit are those of the decision date (employment history), not today's.
 */
export async function readAwardees(db: DbOrTx, decisionId: string): Promise<AwardeeRow[]> {
  const rows = await queryRows<AwardeeRow>(
    db,
    sql`select a.id as award_record_id, a.subject_kind, i.subject_name, coalesce(a.field, i.field) as field,
               a.amount, a.revoked_at::text as revoked_at,
               case when a.subject_kind = 'individual'
                    then coalesce(e.position, case when e.id is null then p.position end) end as person_position,
               coalesce(eu.name, ou.name) as unit_name, i.position as item_position,
               n.achievement_summary as achievement
        from award_records a
        join decision_items i on i.id = a.decision_item_id
        join decisions d on d.id = a.decision_id
        left join people p on p.id = a.person_id
        left join lateral (
          select e.id, e.position, e.org_unit_id from employments e
          where e.person_id = a.person_id and e.start_date <= coalesce(d.decision_date, current_date)
            and (e.end_date is null or e.end_date > coalesce(d.decision_date, current_date))
          order by e.start_date desc limit 1
        ) e on true
        left join org_units eu on eu.id = e.org_unit_id
        left join org_units ou on ou.id = a.org_unit_id
        left join nominations n on n.id = i.nomination_id
        where a.decision_id = ${decisionId}
        order by i.position`,
  );
  return rows.map((r) => ({
    ...r,
    item_position: Number(r.item_position),
    amount: r.amount === null ? null : Number(r.amount),
  }));
}

/** 144 random bits, URL-safe: unguessable, and unrelated to any id (issue 5, item 5). */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The verification token of each award record, created on first print and kept. */
export async function ensureTokens(
  db: DbOrTx,
  orgUnitId: string,
  awardRecordIds: readonly string[],
): Promise<Map<string, string>> {
  if (awardRecordIds.length === 0) return new Map();
  const list = sql.join(
    awardRecordIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const existing = await queryRows<{ award_record_id: string; token: string }>(
    db,
    sql`select award_record_id, token from certificate_tokens where award_record_id in (${list})`,
  );
  const tokens = new Map(existing.map((r) => [r.award_record_id, r.token]));
  const missing = awardRecordIds.filter((id) => !tokens.has(id));
  if (missing.length > 0) {
    const values = missing.map((id) => ({ id, token: newToken() }));
    await db.execute(sql`
      insert into certificate_tokens (award_record_id, org_unit_id, token)
      values ${sql.join(
        values.map((v) => sql`(${v.id}, ${orgUnitId}, ${v.token})`),
        sql`, `,
      )}
      on conflict (award_record_id) do nothing`);
    const again = await queryRows<{ award_record_id: string; token: string }>(
      db,
      sql`select award_record_id, token from certificate_tokens where award_record_id in (${list})`,
    );
    for (const r of again) tokens.set(r.award_record_id, r.token);
  }
  return tokens;
}

/** "Chủ tịch Ủy ban nhân dân phường" → CHỦ TỊCH; a vice-chairman signs "KT. CHỦ TỊCH" (NĐ 30/2020, Điều 13). */
export function certificateSignature(signerTitle: string | null, signerName: string | null) {
  const title = (signerTitle ?? 'Chủ tịch').trim();
  const deputy = /^phó/i.test(title);
  const authority: SigningAuthority | undefined = deputy ? 'KT.' : undefined;
  return {
    ...(authority ? { authority, authorityOf: 'CHỦ TỊCH' } : {}),
    position: deputy ? 'PHÓ CHỦ TỊCH' : 'CHỦ TỊCH',
    signerName: signerName ?? '',
  };
}

export function verifyUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${token}`;
}

/** One Giấy khen per award record that has not been revoked, in annex order. */
export function certificateModels(
  decision: DecisionRow,
  awardees: readonly AwardeeRow[],
  directory: OrgDirectory,
  tokens: ReadonlyMap<string, string>,
  publicUrl: string,
): CertificateModel[] {
  const date = decision.decision_date ?? new Date().toISOString().slice(0, 10);
  const body = unitAsOf(directory, decision.org_unit_id, date);
  const bodyName = body?.name ?? '';
  const place = body?.placeName ?? bodyName;
  const regime = isRegimeCode(decision.regime_code) ? decision.regime_code : null;
  const bases = documentLegalBases(date, regime, body?.provinceCode ?? null);
  return awardees
    .filter((a) => a.revoked_at === null)
    .map((a) => {
      const token = tokens.get(a.award_record_id);
      const detail =
        a.subject_kind === 'individual'
          ? [a.person_position, a.unit_name].filter((x): x is string => !!x).join(', ')
          : '';
      const achievement =
        a.achievement && a.achievement.trim() !== ''
          ? a.achievement.trim().replace(/^Có/, 'Đã có')
          : `Đã có thành tích trong phong trào thi đua${a.field ? ` lĩnh vực ${a.field}` : ''} năm ${decision.year}.`;
      return {
        issuerLines: ['CHỦ TỊCH ỦY BAN NHÂN DÂN', bodyName.toLocaleUpperCase('vi')],
        recipientName: a.subject_name,
        ...(detail ? { recipientDetail: detail } : {}),
        achievement,
        decisionNumber: decision.number_text ?? '',
        decisionDate: decision.decision_date ?? '',
        place,
        issueDate: decision.decision_date ?? '',
        signature: certificateSignature(decision.signer_title, decision.signer_name),
        legalBasis: `Khen thưởng theo ${bases.shortLine}`,
        ...(token ? { verifyUrl: verifyUrlOf(publicUrl, token) } : {}),
      };
    });
}
