// Public API of the decisions module: decisions, annex lists, award records, corrections,
// revocations, higher-level proposals.
export { decisionsRoutes } from './decisions.routes.ts';
export {
  draftDecision,
  draftCorrection,
  draftRevocation,
  type DraftInput,
  type SubjectInput,
} from './draft-decision.ts';
export { issueDecision, type IssueInput, type IssueResult } from './issue-decision.ts';
export { getDecisionDetail, listDecisionSummaries } from './decision-view.ts';
export { getAwardHistory, enterAwardRecord } from './award-history.ts';
export { createHigherProposal, recordHigherResult, listHigherProposals } from './higher-proposals.ts';
export { awardRecords } from './awards.schema.ts';
export { decisions, decisionItems, higherProposals } from './decisions.schema.ts';
export { issueDecisionIn, type IssueEnv, type IssueCoreInput } from './issue-decision.ts';
export { createDraft, itemsFromNominations } from './draft-decision.ts';
export { getDecision } from './decisions.repository.ts';
