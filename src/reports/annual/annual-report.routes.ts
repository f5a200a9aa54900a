import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnnualReportView,
  FormatQuery,
  IssueReport,
  ReportYearParams,
  SaveNarrative,
} from '../../contracts/reports.ts';
import { ctxOf } from '../../platform/http/request-ctx.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import {
  downloadAnnualReport,
  getAnnualReport,
  issueAnnualReport,
  saveAnnualNarrative,
} from './annual-report.ts';

export const REPORT_READERS = [
  'admin',
  'officer',
  'chairman',
  'council_member',
  'unit_head',
  'superior_viewer',
] as const;
export const REPORT_WRITERS = ['officer', 'chairman'] as const;

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** ASCII file name for the header, the Vietnamese one in filename* (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function annualReportRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/reports/annual/:orgUnitId/:year';
  const read = { access: { roles: [...REPORT_READERS], scope: 'org' as const } };
  const write = { access: { roles: [...REPORT_WRITERS], scope: 'org' as const } };
  r.get(
    base,
    { config: read, schema: { params: ReportYearParams, response: { 200: AnnualReportView } } },
    async (req) => getAnnualReport(ctxOf(req, deps), req.params.orgUnitId, req.params.year),
  );
  r.put(
    `${base}/narrative`,
    {
      config: write,
      schema: { params: ReportYearParams, body: SaveNarrative, response: { 200: AnnualReportView } },
    },
    async (req) =>
      saveAnnualNarrative(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body.narrative),
  );
  r.post(
    `${base}/issue`,
    {
      config: write,
      schema: { params: ReportYearParams, body: IssueReport, response: { 200: AnnualReportView } },
    },
    async (req) => issueAnnualReport(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
  r.get(
    `${base}/file`,
    { config: read, schema: { params: ReportYearParams, querystring: FormatQuery } },
    async (req, reply) => {
      const { orgUnitId, year } = req.params;
      const format = req.query.format;
      const body = await downloadAnnualReport(ctxOf(req, deps), orgUnitId, year, format);
      return reply
        .type(MIME[format])
        .header('content-disposition', attachment(`Bao-cao-tong-ket-TDKT-${year}.${format}`))
        .send(body);
    },
  );
}
