import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DashboardParams,
  DashboardView,
  DrillQuery,
  DrillView,
  ExportQuery,
  FundForecastView,
  ProvinceView,
  StatisticForm,
  StatisticParams,
  TrendQuery,
  TrendView,
  UnevennessView,
} from '../../contracts/dashboard.ts';
import { ctxOf } from '../../platform/http/request-ctx.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { writeXlsxToBuffer } from '../../platform/xlsx/index.ts';
import { getStatisticForm, statisticSheets } from '../statistics/statistics.ts';
import {
  getDashboard,
  getDrill,
  getFundForecast,
  getProvinceView,
  getTrend,
  getUnevenness,
} from './dashboard-views.ts';
import { exportSheet } from './export-table.ts';

/**
 * Read-only reports. A ward officer, chairman or council member reads its ward; a unit head its
 * own unit; a superior viewer every unit of its subtree (scope checked by `reportScope`).
 */
const READERS = ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ForecastQuery = z.object({ decisionDate: z.iso.date().optional() });

export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/dashboard/:orgUnitId/:year';
  const access = { roles: [...READERS], scope: 'org' as const };

  r.get(
    base,
    { config: { access }, schema: { params: DashboardParams, response: { 200: DashboardView } } },
    async (req) => getDashboard(ctxOf(req, deps), req.params.orgUnitId, req.params.year),
  );
  r.get(
    '/api/v1/dashboard/:orgUnitId/trend',
    {
      config: { access },
      schema: {
        params: z.object({ orgUnitId: z.uuid() }),
        querystring: TrendQuery,
        response: { 200: TrendView },
      },
    },
    async (req) => getTrend(ctxOf(req, deps), req.params.orgUnitId, req.query.from, req.query.to),
  );
  r.get(
    `${base}/unevenness`,
    { config: { access }, schema: { params: DashboardParams, response: { 200: UnevennessView } } },
    async (req) => getUnevenness(ctxOf(req, deps), req.params.orgUnitId, req.params.year),
  );
  r.get(
    `${base}/fund-forecast`,
    {
      config: { access },
      schema: { params: DashboardParams, querystring: ForecastQuery, response: { 200: FundForecastView } },
    },
    async (req) =>
      getFundForecast(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.query.decisionDate),
  );
  r.get(
    `${base}/communes`,
    { config: { access }, schema: { params: DashboardParams, response: { 200: ProvinceView } } },
    async (req) => getProvinceView(ctxOf(req, deps), req.params.orgUnitId, req.params.year),
  );
  r.get(
    `${base}/awards`,
    {
      config: { access },
      schema: { params: DashboardParams, querystring: DrillQuery, response: { 200: DrillView } },
    },
    async (req) => getDrill(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.query),
  );
  r.get(
    `${base}/export`,
    { config: { access }, schema: { params: DashboardParams, querystring: ExportQuery } },
    async (req, reply) => {
      const { table, ...drill } = req.query;
      const { sheet, fileName } = await exportSheet(
        ctxOf(req, deps),
        req.params.orgUnitId,
        req.params.year,
        table,
        drill,
      );
      const body = await writeXlsxToBuffer([sheet]);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
    },
  );
  r.get(
    '/api/v1/statistics/:orgUnitId/:year/:form',
    { config: { access }, schema: { params: StatisticParams, response: { 200: StatisticForm } } },
    async (req) => getStatisticForm(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.params.form),
  );
  r.get(
    '/api/v1/statistics/:orgUnitId/:year/:form/xlsx',
    { config: { access }, schema: { params: StatisticParams } },
    async (req, reply) => {
      const f = await getStatisticForm(
        ctxOf(req, deps),
        req.params.orgUnitId,
        req.params.year,
        req.params.form,
      );
      const body = await writeXlsxToBuffer(statisticSheets(f));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="bieu-${f.form}-${f.year}.xlsx"`)
        .send(body);
    },
  );
}
