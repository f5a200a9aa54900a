// Documents pre-filled from data and rendered with the document engine (platform/documents).
export { documentsRoutes } from './documents.routes.ts';
export {
  buildDecisionDocument,
  buildPaymentList,
  type AnnexLine,
  type DecisionData,
} from './decision-documents.ts';
export {
  decisionDocumentFacts,
  decisionDocumentModel,
  pendingLineAmount,
  renderDecisionDocument,
  type DecisionDocumentKind,
} from './decision-document-data.ts';
export { bodyNaming, bodyNamingAsOf, unitAsOf, type BodyNaming } from './issuing-body.ts';
export { buildCouncilMinutes, buildVoteCountRecord, type CouncilDocumentKind } from './council-documents.ts';
export {
  achievementReportModel,
  councilDocumentModel,
  proposalDocumentModel,
  renderCouncilDocument,
} from './council-document-data.ts';
export { buildProposalDocument, type ForwardedNomination } from './proposal-document.ts';
export { buildAchievementReport, type AchievementData } from './achievement-report.ts';
export { buildClusterRequestLetter, type ClusterRequest } from './official-letter.ts';
export { clusterRequestLetterModel } from './official-letter-data.ts';
export {
  buildCollectiveAchievementReport,
  collectiveAchievementReportModel,
  type CollectiveAchievementData,
} from './collective-achievement-report.ts';
export { statisticsSheets, statisticsWorkbook, STATISTICS_TREND_YEARS } from './statistics-workbook.ts';
