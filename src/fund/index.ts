export { fundRoutes } from './fund.routes.ts';
export {
  postDecisionExpense,
  reverseRevokedRewards,
  getFundView,
  type DecisionExpense,
  type FundView,
} from './fund-use-cases.ts';
export { fundCapRatioFor } from './fund-parameters.ts';
export { ensureFund, getFund, insertFundEntry, paidAmounts, positionOf } from './fund.repository.ts';
export { checkFundFor, fundPosition, type FundPosition } from './fund-position.ts';
export { rewardFunds, fundEntries } from './fund.schema.ts';
export { listUnpaidRewards } from './fund.repository.ts';
