// The annual report "Báo cáo Tổng kết Thi đua, khen thưởng năm N và phương hướng, nhiệm vụ năm N+1".
export { annualReportRoutes } from './annual-report.routes.ts';
export {
  getAnnualReport,
  saveAnnualNarrative,
  issueAnnualReport,
  renderAnnualReport,
} from './annual-report.ts';
export {
  buildAnnualReport,
  annualReportFigures,
  changedFigures,
  limitationHints,
  type AnnualReportFacts,
  type ReportFigures,
} from './annual-report-model.ts';
export { loadAnnualFacts } from './load-annual-facts.ts';
export { reportDrafts } from './report-drafts.schema.ts';
