import { describe, expect, it } from 'vitest';
import { checkFundFor, EMPTY_LEDGER, fundPosition } from './fund-position.ts';

const settings = { capRatio: 0.01, movementShare: 0.2, recurrentSpending: 2_000_000_000 };

describe('fundPosition', () => {
  it('keeps 20 % of income for organising movements and leaves the rest for rewards', () => {
    const p = fundPosition(settings, { ...EMPTY_LEDGER, allocation: 15_000_000, contribution: 5_000_000 });
    expect(p.income).toBe(20_000_000);
    expect(p.movementReserve).toBe(4_000_000);
    expect(p.rewardBudget).toBe(16_000_000);
  });

  it('caps the budget allocation at the share of recurrent spending', () => {
    expect(fundPosition(settings, EMPTY_LEDGER).allocationCap).toBe(20_000_000);
    expect(fundPosition({ ...settings, recurrentSpending: null }, EMPTY_LEDGER).allocationCap).toBeNull();
  });

  it('counts revoked unpaid rewards out of what is committed and recoveries out of what is paid', () => {
    const p = fundPosition(settings, {
      ...EMPTY_LEDGER,
      allocation: 10_000_000,
      rewardExpense: 6_000_000,
      expenseReversal: 1_000_000,
      payment: 3_000_000,
      recovery: 500_000,
    });
    expect(p.committed).toBe(5_000_000);
    expect(p.paid).toBe(2_500_000);
    expect(p.unpaid).toBe(2_500_000);
    expect(p.uncommitted).toBe(3_000_000);
    expect(p.rewardCash).toBe(5_500_000);
  });
});

describe('checkFundFor', () => {
  const position = fundPosition(settings, {
    ...EMPTY_LEDGER,
    allocation: 10_000_000,
    rewardExpense: 7_000_000,
  });

  it('lets a decision through when its money fits in the uncommitted reward budget', () => {
    expect(checkFundFor(position, 1_000_000).outcome).toBe('ok');
    expect(checkFundFor(position, 1_000_000 + 0).outcome).toBe('ok');
  });

  it('stops a decision that would overdraw the fund and says by how much', () => {
    const check = checkFundFor(position, 1_500_000);
    expect(check).toMatchObject({ outcome: 'overdraw', shortfall: 500_000 });
  });
});
