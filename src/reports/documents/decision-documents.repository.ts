import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';

export type DocumentDecisionRow = {
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

export type AnnexLineRow = {
  item_id: string;
  award_record_id: string | null;
  subject_kind: string;
  subject_name: string;
  award_code: string;
  field: string | null;
  /** Fixed at issue; null on a draft, whose money the document works out as issuing would. */
  amount: number | null;
  revoked_at: string | null;
  position: string | null;
  unit_name: string | null;
  item_position: number;
  achievement: string | null;
};

export async function readDocumentDecision(db: DbOrTx, id: string): Promise<DocumentDecisionRow | undefined> {
  const rows = await queryRows<DocumentDecisionRow>(
    db,
    sql`select id, org_unit_id, year, kind, status, title, award_code, number_text,
               decision_date::text as decision_date, signer_name, signer_title, regime_code
        from decisions where id = ${id}`,
  );
  return rows[0];
}

/**
 * The annex lines of a decision, draft or issued, with each person's post and unit as they were on
 * `asOf` (the decision date) from the employment history — not today's, which after a merger names a
 * unit that did not exist then. A household's unit is its khóm/ấp; a collective is its own unit.
 */
export async function readAnnexLines(db: DbOrTx, decisionId: string, asOf: string): Promise<AnnexLineRow[]> {
  const rows = await queryRows<AnnexLineRow>(
    db,
    sql`select i.id as item_id, a.id as award_record_id, i.subject_kind, i.subject_name, i.award_code,
               coalesce(a.field, i.field) as field, coalesce(a.amount, i.amount) as amount,
               a.revoked_at::text as revoked_at,
               case when i.subject_kind = 'individual'
                    then coalesce(e.position, case when e.id is null then p.position end) end as position,
               case when i.subject_kind = 'individual' then coalesce(eu.name, pu.name)
                    when i.subject_kind = 'household' then hu.name end as unit_name,
               i.position as item_position, n.achievement_summary as achievement
        from decision_items i
        left join award_records a on a.decision_item_id = i.id
        left join people p on p.id = i.person_id
        left join lateral (
          select e.id, e.position, e.org_unit_id from employments e
          where e.person_id = i.person_id and e.start_date <= ${asOf}
            and (e.end_date is null or e.end_date > ${asOf})
          order by e.start_date desc limit 1
        ) e on true
        left join org_units eu on eu.id = e.org_unit_id
        left join org_units pu on pu.id = p.org_unit_id
        left join households h on h.id = i.household_id
        left join org_units hu on hu.id = h.org_unit_id
        left join nominations n on n.id = i.nomination_id
        where i.decision_id = ${decisionId} and i.target_award_record_id is null
        order by i.position`,
  );
  return rows.map((r) => ({
    ...r,
    item_position: Number(r.item_position),
    amount: r.amount === null ? null : Number(r.amount),
  }));
}
