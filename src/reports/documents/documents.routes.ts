import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocumentFormat } from '../../contracts/reports.ts';
import { Uuid } from '../../contracts/common.ts';
import { ctxOf } from '../../platform/http/request-ctx.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { renderDecisionDocument } from './decision-document-data.ts';
import {
  achievementReportModel,
  proposalDocumentModel,
  renderCouncilDocument,
} from './council-document-data.ts';
import { renderDocx, renderPdf } from '../../platform/documents/index.ts';
import { collectiveAchievementReportModel } from './collective-achievement-report.ts';
import { clusterRequestLetterModel } from './official-letter-data.ts';
import { statisticsWorkbook } from './statistics-workbook.ts';
import { attachment } from '../annual/annual-report.routes.ts';

const READERS = ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'] as const;
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const Year = z.coerce.number().int().min(1990).max(2100);

export async function documentsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/documents/decisions/:decisionId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: {
        params: z.object({ decisionId: Uuid }),
        querystring: z.object({
          kind: z.enum(['decision', 'payment-list']).default('decision'),
          format: DocumentFormat.default('docx'),
        }),
      },
    },
    async (req, reply) => {
      const { kind, format } = req.query;
      const body = await renderDecisionDocument(ctxOf(req, deps), req.params.decisionId, kind, format);
      return reply
        .type(MIME[format])
        .header('content-disposition', `attachment; filename="${kind}-${req.params.decisionId}.${format}"`)
        .send(body);
    },
  );
  r.get(
    '/api/v1/documents/council-sessions/:sessionId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: {
        params: z.object({ sessionId: Uuid }),
        querystring: z.object({
          kind: z.enum(['council-minutes', 'vote-count']).default('council-minutes'),
          format: DocumentFormat.default('docx'),
        }),
      },
    },
    async (req, reply) => {
      const { kind, format } = req.query;
      const body = await renderCouncilDocument(ctxOf(req, deps), req.params.sessionId, kind, format);
      return reply
        .type(MIME[format])
        .header('content-disposition', `attachment; filename="${kind}-${req.params.sessionId}.${format}"`)
        .send(body);
    },
  );
  r.get(
    '/api/v1/documents/people/:personId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: {
        params: z.object({ personId: Uuid }),
        querystring: z.object({
          kind: z.enum(['achievement-report']).default('achievement-report'),
          year: z.coerce.number().int().min(1990).max(2100),
          awardCode: z.string().max(80).default('commune_certificate_of_merit'),
          format: DocumentFormat.default('docx'),
        }),
      },
    },
    async (req, reply) => {
      const { kind, format, year, awardCode } = req.query;
      const model = await achievementReportModel(ctxOf(req, deps), req.params.personId, year, awardCode);
      const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
      return reply
        .type(MIME[format])
        .header('content-disposition', `attachment; filename="${kind}-${req.params.personId}.${format}"`)
        .send(body);
    },
  );
  r.get(
    '/api/v1/documents/nominations/:orgUnitId/:year',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: {
        params: z.object({ orgUnitId: Uuid, year: z.coerce.number().int().min(1990).max(2100) }),
        querystring: z.object({
          kind: z.enum(['proposal']).default('proposal'),
          format: DocumentFormat.default('docx'),
        }),
      },
    },
    async (req, reply) => {
      const { kind, format } = req.query;
      const model = await proposalDocumentModel(ctxOf(req, deps), req.params.orgUnitId, req.params.year);
      const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
      return reply
        .type(MIME[format])
        .header('content-disposition', `attachment; filename="${kind}-${req.params.year}.${format}"`)
        .send(body);
    },
  );
  r.get(
    '/api/v1/documents/org-units/:orgUnitId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: {
        params: z.object({ orgUnitId: Uuid }),
        querystring: z.object({
          kind: z.enum(['achievement-report']).default('achievement-report'),
          year: Year,
          awardCode: z.string().max(80).default('commune_certificate_of_merit'),
          format: DocumentFormat.default('docx'),
        }),
      },
    },
    async (req, reply) => {
      const { kind, format, year, awardCode } = req.query;
      const model = await collectiveAchievementReportModel(
        ctxOf(req, deps),
        req.params.orgUnitId,
        year,
        awardCode,
      );
      const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
      return reply
        .type(MIME[format])
        .header('content-disposition', `attachment; filename="${kind}-${req.params.orgUnitId}.${format}"`)
        .send(body);
    },
  );
  r.get(
    '/api/v1/documents/clusters/:clusterId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: {
        params: z.object({ clusterId: Uuid }),
        querystring: z.object({
          kind: z.enum(['cluster-request']).default('cluster-request'),
          format: DocumentFormat.default('docx'),
        }),
      },
    },
    async (req, reply) => {
      const { kind, format } = req.query;
      const model = await clusterRequestLetterModel(ctxOf(req, deps), req.params.clusterId);
      const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
      return reply
        .type(MIME[format])
        .header('content-disposition', `attachment; filename="${kind}-${req.params.clusterId}.${format}"`)
        .send(body);
    },
  );
  r.get(
    '/api/v1/documents/statistics/:orgUnitId/:year',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { params: z.object({ orgUnitId: Uuid, year: Year }) },
    },
    async (req, reply) => {
      const { file, fileName } = await statisticsWorkbook(
        ctxOf(req, deps),
        req.params.orgUnitId,
        req.params.year,
      );
      return reply.type(MIME.xlsx).header('content-disposition', attachment(fileName)).send(file);
    },
  );
}
