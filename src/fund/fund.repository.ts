import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/client.ts';
import { EMPTY_LEDGER, fundPosition, type FundLedgerSums, type FundPosition } from './fund-position.ts';

export type FundRow = {
  id: string;
  orgUnitId: string;
  year: number;
  recurrentSpending: number | null;
  capRatio: number;
  movementShare: number;
};

type RawFund = {
  id: string;
  org_unit_id: string;
  year: number;
  recurrent_spending: string | number | null;
  cap_ratio: number;
  movement_share: number;
};

const toFund = (r: RawFund): FundRow => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  year: Number(r.year),
  recurrentSpending: r.recurrent_spending === null ? null : Number(r.recurrent_spending),
  capRatio: Number(r.cap_ratio),
  movementShare: Number(r.movement_share),
});

export async function getFund(
  db: DbOrTx,
  orgUnitId: string,
  year: number,
  lock = false,
): Promise<FundRow | undefined> {
  const rows = await queryRows<RawFund>(
    db,
    lock
      ? sql`select * from reward_funds where org_unit_id = ${orgUnitId} and year = ${year} for update`
      : sql`select * from reward_funds where org_unit_id = ${orgUnitId} and year = ${year}`,
  );
  return rows[0] ? toFund(rows[0]) : undefined;
}

/** Opens the fund of a body and year (idempotent) and returns it. */
export async function ensureFund(
  db: DbOrTx,
  orgUnitId: string,
  year: number,
  capRatio: number,
  recurrentSpending: number | null = null,
): Promise<FundRow> {
  await db.execute(sql`
    insert into reward_funds (org_unit_id, year, cap_ratio, recurrent_spending)
    values (${orgUnitId}, ${year}, ${capRatio}, ${recurrentSpending})
    on conflict (org_unit_id, year) do nothing`);
  const fund = await getFund(db, orgUnitId, year);
  if (!fund) throw new Error('reward fund vanished');
  return fund;
}

export async function updateFundSettings(
  db: DbOrTx,
  fundId: string,
  changes: { recurrentSpending: number | null; capRatio: number },
): Promise<void> {
  await db.execute(
    sql`update reward_funds set recurrent_spending = ${changes.recurrentSpending}, cap_ratio = ${changes.capRatio} where id = ${fundId}`,
  );
}

export async function ledgerSums(db: DbOrTx, fundId: string): Promise<FundLedgerSums> {
  const rows = await queryRows<{ kind: string; total: string | number }>(
    db,
    sql`select kind, sum(amount) as total from fund_entries where fund_id = ${fundId} group by kind`,
  );
  const sums: FundLedgerSums = { ...EMPTY_LEDGER };
  const keys: Record<string, keyof FundLedgerSums> = {
    allocation: 'allocation',
    contribution: 'contribution',
    reward_expense: 'rewardExpense',
    expense_reversal: 'expenseReversal',
    movement_expense: 'movementExpense',
    payment: 'payment',
    recovery: 'recovery',
  };
  for (const r of rows) {
    const key = keys[r.kind];
    if (key) sums[key] = Number(r.total);
  }
  return sums;
}

export async function positionOf(db: DbOrTx, fund: FundRow): Promise<FundPosition> {
  return fundPosition(fund, await ledgerSums(db, fund.id));
}

export type FundEntryKind =
  | 'allocation'
  | 'contribution'
  | 'reward_expense'
  | 'expense_reversal'
  | 'movement_expense'
  | 'payment'
  | 'recovery';

export type NewFundEntry = {
  fundId: string;
  orgUnitId: string;
  kind: FundEntryKind;
  amount: number;
  entryDate: string;
  decisionId?: string | null;
  awardRecordId?: string | null;
  note?: string | null;
  overrideReason?: string | null;
  overrideBy?: string | null;
  createdBy?: string | null;
};

export async function insertFundEntry(db: DbOrTx, e: NewFundEntry): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into fund_entries (fund_id, org_unit_id, kind, amount, entry_date, decision_id, award_record_id, note,
                                  override_reason, override_by, created_by)
        values (${e.fundId}, ${e.orgUnitId}, ${e.kind}, ${e.amount}, ${e.entryDate}, ${e.decisionId ?? null},
                ${e.awardRecordId ?? null}, ${e.note ?? null}, ${e.overrideReason ?? null}, ${e.overrideBy ?? null},
                ${e.createdBy ?? null})
        returning id`,
  );
  return rows[0]!.id;
}

export type FundEntryRow = {
  id: string;
  kind: FundEntryKind;
  amount: number;
  entryDate: string;
  decisionId: string | null;
  decisionNumber: string | null;
  note: string | null;
  overrideReason: string | null;
};

/** Ledger lines except individual payments (listed with the rewards they pay). */
export async function listFundEntries(db: DbOrTx, fundId: string): Promise<FundEntryRow[]> {
  const rows = await queryRows<{
    id: string;
    kind: FundEntryKind;
    amount: string | number;
    entry_date: string;
    decision_id: string | null;
    number_text: string | null;
    note: string | null;
    override_reason: string | null;
  }>(
    db,
    sql`select e.id, e.kind, e.amount, e.entry_date::text as entry_date, e.decision_id, d.number_text, e.note, e.override_reason
        from fund_entries e left join decisions d on d.id = e.decision_id
        where e.fund_id = ${fundId} and e.kind not in ('payment', 'expense_reversal')
        order by e.entry_date, e.created_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amount: Number(r.amount),
    entryDate: r.entry_date,
    decisionId: r.decision_id,
    decisionNumber: r.number_text,
    note: r.note,
    overrideReason: r.override_reason,
  }));
}

export type UnpaidReward = {
  awardRecordId: string;
  subjectKind: string;
  subjectName: string;
  awardCode: string;
  amount: number;
  decisionId: string;
  decisionNumber: string | null;
  decisionDate: string | null;
};

/**
 * Rewards committed by the body's issued decisions of the year that are neither paid nor revoked
 * (issue 4 item 8: the seed says the budget delayed reward payments).
 */
export async function listUnpaidRewards(
  db: DbOrTx,
  fundId: string,
  awardRecordIds?: readonly string[],
): Promise<UnpaidReward[]> {
  const filter =
    awardRecordIds && awardRecordIds.length > 0
      ? sql`and a.id in (${sql.join(
          awardRecordIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  const rows = await queryRows<{
    id: string;
    subject_kind: string;
    subject_name: string;
    award_code: string;
    amount: number;
    decision_id: string;
    decision_number: string | null;
    decision_date: string | null;
  }>(
    db,
    sql`select a.id, a.subject_kind, coalesce(i.subject_name, '') as subject_name, a.award_code, a.amount,
               a.decision_id, a.decision_number, a.decision_date::text as decision_date
        from fund_entries x
        join award_records a on a.decision_id = x.decision_id
        left join decision_items i on i.id = a.decision_item_id
        where x.fund_id = ${fundId} and x.kind = 'reward_expense'
          and a.amount > 0 and a.revoked_at is null
          and not exists (select 1 from fund_entries p where p.award_record_id = a.id and p.kind = 'payment')
          ${filter}
        order by a.decision_date, i.position`,
  );
  return rows.map((r) => ({
    awardRecordId: r.id,
    subjectKind: r.subject_kind,
    subjectName: r.subject_name,
    awardCode: r.award_code,
    amount: Number(r.amount),
    decisionId: r.decision_id,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
  }));
}

/** Amounts already paid for award records (for money to recover on revocation). */
export async function paidAmounts(
  db: DbOrTx,
  awardRecordIds: readonly string[],
): Promise<Map<string, number>> {
  if (awardRecordIds.length === 0) return new Map();
  const rows = await queryRows<{ award_record_id: string; amount: string | number }>(
    db,
    sql`select award_record_id, amount from fund_entries where kind = 'payment' and award_record_id in (${sql.join(
      awardRecordIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.award_record_id, Number(r.amount)]));
}
