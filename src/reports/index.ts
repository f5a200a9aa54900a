// Official documents (issue 5): the annual report and decision documents pre-filled from data.
export {
  annualReportRoutes,
  renderAnnualReport,
  loadAnnualFacts,
  buildAnnualReport,
} from './annual/index.ts';
export {
  documentsRoutes,
  decisionDocumentModel,
  decisionDocumentFacts,
  bodyNamingAsOf,
  unitAsOf,
  buildDecisionDocument,
  buildPaymentList,
  councilDocumentModel,
  achievementReportModel,
  proposalDocumentModel,
  collectiveAchievementReportModel,
  clusterRequestLetterModel,
  statisticsWorkbook,
} from './documents/index.ts';
