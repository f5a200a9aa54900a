/** Sums of a fund's ledger by kind (VND). */
export type FundLedgerSums = {
  allocation: number;
  contribution: number;
  rewardExpense: number;
  expenseReversal: number;
  movementExpense: number;
  payment: number;
  recovery: number;
};

export type FundSettings = { capRatio: number; movementShare: number; recurrentSpending: number | null };

export type FundPosition = {
  income: number;
  /** Largest budget allocation allowed: cap ratio × recurrent spending; null when spending is not entered. */
  allocationCap: number | null;
  /** Kept for organising movements, council meetings and TĐKT work (NĐ 98/2023 Điều 50: 20 %). */
  movementReserve: number;
  movementRemaining: number;
  /** What the fund may spend on reward money. */
  rewardBudget: number;
  /** Reward money of issued decisions, less rewards revoked before payment. */
  committed: number;
  /** Reward budget not yet committed by a decision; negative once a decision overdrew it. */
  uncommitted: number;
  /** Reward money paid out, less money recovered. */
  paid: number;
  /** Reward money the fund can still pay out now. */
  rewardCash: number;
  /** Committed but not yet paid. */
  unpaid: number;
};

export const EMPTY_LEDGER: FundLedgerSums = Object.freeze({
  allocation: 0,
  contribution: 0,
  rewardExpense: 0,
  expenseReversal: 0,
  movementExpense: 0,
  payment: 0,
  recovery: 0,
});

/**
 * The position of a reward fund (legal brief §7): income is the budget allocation (capped at a
 * share of recurrent spending: NĐ 98/2023 Điều 50; NĐ 152/2025 Điều 46 khoản 3 điểm b) plus
 * contributions; a share is kept for organising the movements (NĐ 98/2023 Điều 50: 20 %); the rest
 * pays reward money. Pure: the ledger sums come from the repository.
 */
export function fundPosition(settings: FundSettings, l: FundLedgerSums): FundPosition {
  const income = l.allocation + l.contribution;
  const movementReserve = Math.round(income * settings.movementShare);
  const rewardBudget = income - movementReserve;
  const committed = l.rewardExpense - l.expenseReversal;
  const paid = l.payment - l.recovery;
  return {
    income,
    allocationCap:
      settings.recurrentSpending === null ? null : Math.floor(settings.recurrentSpending * settings.capRatio),
    movementReserve,
    movementRemaining: movementReserve - l.movementExpense,
    rewardBudget,
    committed,
    uncommitted: rewardBudget - committed,
    paid,
    rewardCash: rewardBudget - paid,
    unpaid: committed - paid,
  };
}

export type FundCheck =
  | { outcome: 'ok'; position: FundPosition }
  | { outcome: 'overdraw'; position: FundPosition; shortfall: number };

/** Whether a decision's reward money fits in what the fund has not yet committed. */
export function checkFundFor(position: FundPosition, amount: number): FundCheck {
  if (amount <= position.uncommitted) return { outcome: 'ok', position };
  return { outcome: 'overdraw', position, shortfall: amount - Math.max(position.uncommitted, 0) };
}
