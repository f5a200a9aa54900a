import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The reward fund (quỹ thi đua, khen thưởng) of one body for one year. The budget allocation is
 * capped at a share of the body's recurrent spending (NĐ 98/2023 Điều 50; NĐ 152/2025 Điều 46
 * khoản 3 điểm b: 1,0 % in delta provinces); 20 % of the fund is kept for organising movements.
 */
export const rewardFunds = pgTable(
  'reward_funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing body (UBND phường …): org scope and audit chain. */
    orgUnitId: uuid('org_unit_id').notNull(),
    year: integer('year').notNull(),
    /** Chi ngân sách thường xuyên of the body's budget for the year (VND); null = not entered. */
    recurrentSpending: bigint('recurrent_spending', { mode: 'number' }),
    /** Cap as a share of recurrent spending, from the province parameters when the fund opened. */
    capRatio: doublePrecision('cap_ratio').notNull(),
    /** Share kept for organising movements (NĐ 98/2023 Điều 50: 20 %). */
    movementShare: doublePrecision('movement_share').notNull().default(0.2),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reward_funds_org_year').on(t.orgUnitId, t.year)],
);

/**
 * The fund's ledger. Amounts are positive VND; the kind says which way they move:
 * allocation, contribution (income) · reward_expense (a decision's rewards, committed when it is
 * issued) · expense_reversal (a revoked reward never paid) · movement_expense (the 20 % slice) ·
 * payment (one award paid out) · recovery (money paid back after a revocation).
 */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    kind: text('kind').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    entryDate: date('entry_date').notNull(),
    decisionId: uuid('decision_id'),
    awardRecordId: uuid('award_record_id'),
    note: text('note'),
    /** Why a decision was let through although it overdrew the fund, and who said so. */
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_entries_fund').on(t.fundId, t.kind),
    // A decision's rewards are posted once, and an award is paid once (issue 4, acceptance).
    uniqueIndex('fund_entries_decision_expense')
      .on(t.decisionId)
      .where(sql`kind = 'reward_expense'`),
    uniqueIndex('fund_entries_award_payment')
      .on(t.awardRecordId)
      .where(sql`kind = 'payment'`),
    uniqueIndex('fund_entries_award_reversal')
      .on(t.awardRecordId)
      .where(sql`kind = 'expense_reversal'`),
  ],
);
