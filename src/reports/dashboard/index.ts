// Public API of the reports module's dashboards and statistics (read-only over every module).
export { dashboardRoutes } from './dashboard.routes.ts';
export {
  getDashboard,
  getDrill,
  getFundForecast,
  getProvinceView,
  getTrend,
  getUnevenness,
} from './dashboard-views.ts';
export { getStatisticForm, statisticSheets } from '../statistics/statistics.ts';
export { buildStatisticForm, FORM_TITLES } from '../statistics/statistic-forms.ts';
export {
  awardCubeSql,
  staffSql,
  staffHeadcountSql,
  nominationCountSql,
  trendSql,
  rollUpOf,
} from './dashboard.queries.ts';
export { scopeOf, COMMUNE_KINDS } from './scope.ts';
