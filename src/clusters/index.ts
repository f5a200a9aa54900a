export { clustersRoutes } from './clusters.routes.ts';
export { sweepReminders } from './reminders.ts';
export {
  rankMembers,
  type AggregationConfig,
  type AggregationMethod,
  type TieBreakRule,
} from './aggregation.ts';
export { checkCriteriaTable, sheetTotal, type CriteriaTable } from './criteria-table.ts';
export { buildPackage, verifyPackage, keyFingerprint, type ClusterPackage } from './package-format.ts';
export { countClusterRows } from './clusters.repository.ts';
export {
  clusterYears,
  clusterCovenants,
  clusterCriteriaTables,
  clusterFiles,
  clusterSubmissions,
  clusterScores,
  clusterOutcomes,
  clusterMemberKeys,
  clusterNotifications,
} from './clusters.schema.ts';
