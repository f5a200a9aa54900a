import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit, type AuditActor } from '../platform/audit/audit.ts';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db/client.ts';
import { conflict, forbidden, invalid } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { formatVnd } from '../rules/index.ts';
import { checkFundFor, type FundPosition } from './fund-position.ts';
import { fundCapRatioFor } from './fund-parameters.ts';
import {
  ensureFund,
  getFund,
  insertFundEntry,
  ledgerSums,
  listFundEntries,
  listUnpaidRewards,
  positionOf,
  updateFundSettings,
  type FundEntryRow,
  type UnpaidReward,
} from './fund.repository.ts';

export type FundView = {
  orgUnitId: string;
  year: number;
  recurrentSpending: number | null;
  capRatio: number;
  movementShare: number;
  position: FundPosition;
  entries: FundEntryRow[];
  unpaid: UnpaidReward[];
};

async function bodyId(ctx: RequestCtx, orgUnitId: string): Promise<string> {
  const directory = await ctx.deps.directory.get();
  const body = directory.bodyOf(orgUnitId);
  if (!body || body.id !== orgUnitId)
    throw invalid(
      'Quỹ thi đua, khen thưởng chỉ mở cho cơ quan ban hành quyết định (UBND).',
      'FUND.NOT_A_BODY',
    );
  return body.id;
}

export async function getFundView(ctx: RequestCtx, orgUnitId: string, year: number): Promise<FundView> {
  assertCanRead(ctx.auth, orgUnitId, 'quỹ thi đua, khen thưởng');
  const db = ctx.deps.database.db;
  const directory = await ctx.deps.directory.get();
  const fund = (await getFund(db, orgUnitId, year)) ?? {
    id: '',
    orgUnitId,
    year,
    recurrentSpending: null,
    capRatio: fundCapRatioFor(directory, orgUnitId, year),
    movementShare: 0.2,
  };
  const position = await positionOf(db, fund);
  return {
    orgUnitId,
    year,
    recurrentSpending: fund.recurrentSpending,
    capRatio: fund.capRatio,
    movementShare: fund.movementShare,
    position,
    entries: fund.id ? await listFundEntries(db, fund.id) : [],
    unpaid: fund.id ? await listUnpaidRewards(db, fund.id) : [],
  };
}

export async function setFundBudget(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: { recurrentSpending: number | null },
): Promise<FundView> {
  assertCanWrite(ctx.auth, orgUnitId, 'quỹ thi đua, khen thưởng');
  await bodyId(ctx, orgUnitId);
  const directory = await ctx.deps.directory.get();
  const capRatio = fundCapRatioFor(directory, orgUnitId, year);
  await ctx.deps.database.db.transaction(async (tx) => {
    const fund = await ensureFund(tx, orgUnitId, year, capRatio);
    await updateFundSettings(tx, fund.id, { recurrentSpending: input.recurrentSpending, capRatio });
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: 'fund.budget',
      entity: 'reward_fund',
      entityId: fund.id,
      orgUnitId,
      before: { recurrentSpending: fund.recurrentSpending },
      after: { recurrentSpending: input.recurrentSpending, capRatio },
    });
  });
  return getFundView(ctx, orgUnitId, year);
}

export type FundEntryInput = {
  kind: 'allocation' | 'contribution' | 'movement_expense';
  amount: number;
  entryDate: string;
  note?: string | null;
};

export async function recordFundEntry(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: FundEntryInput,
): Promise<FundView> {
  assertCanWrite(ctx.auth, orgUnitId, 'quỹ thi đua, khen thưởng');
  await bodyId(ctx, orgUnitId);
  if (!Number.isInteger(input.amount) || input.amount <= 0)
    throw invalid('Số tiền phải là số nguyên dương (đồng).');
  const directory = await ctx.deps.directory.get();
  await ctx.deps.database.db.transaction(async (tx) => {
    const opened = await ensureFund(tx, orgUnitId, year, fundCapRatioFor(directory, orgUnitId, year));
    const fund = (await getFund(tx, orgUnitId, year, true)) ?? opened;
    const position = await positionOf(tx, fund);
    if (input.kind === 'allocation' && position.allocationCap !== null) {
      const allocated = position.income - (await contributionOf(tx, fund.id));
      // NĐ 98/2023 Điều 50; NĐ 152/2025 Điều 46 khoản 3 điểm b: allocation ≤ cap % of recurrent spending.
      if (allocated + input.amount > position.allocationCap) {
        throw conflict(
          `Kinh phí ngân sách trích lập quỹ vượt mức tối đa ${formatVnd(position.allocationCap)} đồng (${String(fund.capRatio * 100).replace('.', ',')} % chi thường xuyên).`,
          'FUND.CAP_EXCEEDED',
        );
      }
    }
    if (input.kind === 'movement_expense' && input.amount > position.movementRemaining) {
      throw conflict(
        `Phần 20 % dành cho tổ chức phong trào thi đua chỉ còn ${formatVnd(Math.max(position.movementRemaining, 0))} đồng.`,
        'FUND.MOVEMENT_SHARE_EXCEEDED',
      );
    }
    const id = await insertFundEntry(tx, {
      fundId: fund.id,
      orgUnitId,
      kind: input.kind,
      amount: input.amount,
      entryDate: input.entryDate,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: `fund.${input.kind}`,
      entity: 'fund_entry',
      entityId: id,
      orgUnitId,
      after: input,
    });
  });
  return getFundView(ctx, orgUnitId, year);
}

async function contributionOf(tx: Tx, fundId: string): Promise<number> {
  return (await ledgerSums(tx, fundId)).contribution;
}

/** Records payment of rewards, each paid once, while the fund has money for rewards. */
export async function recordPayments(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: { awardRecordIds: string[]; paidOn: string },
): Promise<FundView> {
  assertCanWrite(ctx.auth, orgUnitId, 'quỹ thi đua, khen thưởng');
  await ctx.deps.database.db.transaction(async (tx) => {
    const fund = await getFund(tx, orgUnitId, year, true);
    if (!fund) throw conflict('Quỹ thi đua, khen thưởng của năm này chưa được mở.', 'FUND.NOT_OPEN');
    const unpaid = await listUnpaidRewards(tx, fund.id, input.awardRecordIds);
    if (unpaid.length !== new Set(input.awardRecordIds).size) {
      throw conflict(
        'Có khoản thưởng đã được chi, đã bị thu hồi hoặc không thuộc quỹ này.',
        'FUND.NOT_UNPAID',
      );
    }
    const total = unpaid.reduce((s, u) => s + u.amount, 0);
    const position = await positionOf(tx, fund);
    if (total > position.rewardCash) {
      throw conflict(
        `Quỹ chỉ còn ${formatVnd(Math.max(position.rewardCash, 0))} đồng để chi thưởng, không đủ chi ${formatVnd(total)} đồng.`,
        'FUND.NO_CASH',
        { rewardCash: position.rewardCash, total },
      );
    }
    for (const u of unpaid) {
      await insertFundEntry(tx, {
        fundId: fund.id,
        orgUnitId,
        kind: 'payment',
        amount: u.amount,
        entryDate: input.paidOn,
        awardRecordId: u.awardRecordId,
        decisionId: u.decisionId,
        createdBy: ctx.actor.userId,
      });
    }
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: 'fund.payment',
      entity: 'reward_fund',
      entityId: fund.id,
      orgUnitId,
      after: { awardRecordIds: input.awardRecordIds, total, paidOn: input.paidOn },
    });
  });
  return getFundView(ctx, orgUnitId, year);
}

export type DecisionExpense = {
  orgUnitId: string;
  decisionId: string;
  decisionNumber: string;
  decisionDate: string;
  amount: number;
  /** A reason to let the decision overdraw the fund; only the chairman may give one. */
  override?: { reason: string; userId: string | null; isChairman: boolean } | null;
  actor: AuditActor;
};

/**
 * Posts an issued decision's reward money to the fund of the decision's year, in the issuing
 * transaction. A decision that would overdraw the fund is stopped (HTTP 409) unless the chairman —
 * who pays from the fund of his level (Luật TĐKT 2022, Điều 11 khoản 4) — overrides with a reason.
 */
export async function postDecisionExpense(
  tx: Tx,
  directoryCapRatio: number,
  e: DecisionExpense,
): Promise<FundPosition> {
  const year = Number(e.decisionDate.slice(0, 4));
  await ensureFund(tx, e.orgUnitId, year, directoryCapRatio);
  const fund = (await getFund(tx, e.orgUnitId, year, true))!;
  const position = await positionOf(tx, fund);
  const check = checkFundFor(position, e.amount);
  if (check.outcome === 'overdraw') {
    if (!e.override) {
      throw conflict(
        `Quyết định cần ${formatVnd(e.amount)} đồng nhưng quỹ thi đua, khen thưởng năm ${year} chỉ còn ${formatVnd(Math.max(position.uncommitted, 0))} đồng chưa sử dụng (thiếu ${formatVnd(check.shortfall)} đồng). Cần Chủ tịch quyết định vượt quỹ và ghi rõ lý do.`,
        'FUND.OVERDRAW',
        { required: e.amount, uncommitted: position.uncommitted, shortfall: check.shortfall },
      );
    }
    if (!e.override.isChairman) {
      throw forbidden(
        'Chỉ Chủ tịch (người ký quyết định) được cho phép chi vượt quỹ thi đua, khen thưởng.',
        'FUND.OVERRIDE_FORBIDDEN',
      );
    }
  }
  if (e.amount > 0 || check.outcome === 'overdraw') {
    await insertFundEntry(tx, {
      fundId: fund.id,
      orgUnitId: e.orgUnitId,
      kind: 'reward_expense',
      amount: e.amount,
      entryDate: e.decisionDate,
      decisionId: e.decisionId,
      note: `Tiền thưởng theo Quyết định số ${e.decisionNumber}`,
      overrideReason: check.outcome === 'overdraw' ? e.override!.reason : null,
      overrideBy: check.outcome === 'overdraw' ? e.override!.userId : null,
      createdBy: e.actor.userId,
    });
  }
  return positionOf(tx, fund);
}

/** Revoked rewards: the unpaid ones leave the commitments; the paid ones are money to recover. */
export async function reverseRevokedRewards(
  tx: Tx,
  e: {
    orgUnitId: string;
    decisionDate: string;
    actor: AuditActor;
    items: { awardRecordId: string; amount: number; paid: number; originalDecisionId: string }[];
  },
): Promise<void> {
  for (const item of e.items) {
    if (item.paid > 0 || item.amount <= 0) continue;
    const fund = await fundOfDecision(tx, item.originalDecisionId);
    if (!fund) continue;
    await insertFundEntry(tx, {
      fundId: fund.fundId,
      orgUnitId: e.orgUnitId,
      kind: 'expense_reversal',
      amount: item.amount,
      entryDate: e.decisionDate,
      awardRecordId: item.awardRecordId,
      decisionId: item.originalDecisionId,
      note: 'Thu hồi khen thưởng chưa chi',
      createdBy: e.actor.userId,
    });
  }
}

async function fundOfDecision(tx: Tx, decisionId: string): Promise<{ fundId: string } | undefined> {
  const rows = await queryRows<{ fund_id: string }>(
    tx,
    sql`select fund_id from fund_entries where decision_id = ${decisionId} and kind = 'reward_expense'`,
  );
  return rows[0] ? { fundId: rows[0].fund_id } : undefined;
}

/** Money paid back after a revocation. */
export async function recordRecovery(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: { awardRecordId: string; amount: number; entryDate: string; note?: string | null },
): Promise<FundView> {
  assertCanWrite(ctx.auth, orgUnitId, 'quỹ thi đua, khen thưởng');
  await ctx.deps.database.db.transaction(async (tx) => {
    const fund = await getFund(tx, orgUnitId, year, true);
    if (!fund) throw conflict('Quỹ thi đua, khen thưởng của năm này chưa được mở.', 'FUND.NOT_OPEN');
    const id = await insertFundEntry(tx, {
      fundId: fund.id,
      orgUnitId,
      kind: 'recovery',
      amount: input.amount,
      entryDate: input.entryDate,
      awardRecordId: input.awardRecordId,
      note: input.note ?? 'Thu hồi tiền thưởng',
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx.actor, {
      chain: orgUnitId,
      action: 'fund.recovery',
      entity: 'fund_entry',
      entityId: id,
      orgUnitId,
      after: input,
    });
  });
  return getFundView(ctx, orgUnitId, year);
}
