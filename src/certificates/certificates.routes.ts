import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BlankParams,
  Calibration,
  CalibrationRow,
  CertificateDecisionParams,
  CertificateDecisionView,
  CertificateOrgParams,
  HandOver,
  PrintQuery,
  RecordBlanks,
  VerifyParams,
} from '../contracts/certificates.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import {
  getCertificateDecision,
  handOverBlank,
  listCalibrations,
  printCertificates,
  recordBlanks,
  saveCalibration,
} from './certificates.ts';
import { findPublicCertificate, verificationPage } from './verify-certificate.ts';

const READERS = ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'] as const;
const WRITERS = ['officer', 'chairman'] as const;

export async function certificatesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { roles: [...READERS], scope: 'org' as const } };
  const write = { access: { roles: [...WRITERS], scope: 'org' as const } };

  r.get(
    '/api/v1/certificates/decisions/:decisionId',
    {
      config: read,
      schema: { params: CertificateDecisionParams, response: { 200: CertificateDecisionView } },
    },
    async (req) => getCertificateDecision(ctxOf(req, deps), req.params.decisionId),
  );
  r.get(
    '/api/v1/certificates/decisions/:decisionId/pdf',
    { config: write, schema: { params: CertificateDecisionParams, querystring: PrintQuery } },
    async (req, reply) => {
      const pdf = await printCertificates(ctxOf(req, deps), req.params.decisionId, req.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="giay-khen-${req.params.decisionId}.pdf"`)
        .send(pdf);
    },
  );
  r.get(
    '/api/v1/certificates/calibrations/:orgUnitId',
    { config: read, schema: { params: CertificateOrgParams, response: { 200: z.array(CalibrationRow) } } },
    async (req) => listCalibrations(ctxOf(req, deps), req.params.orgUnitId),
  );
  r.put(
    '/api/v1/certificates/calibrations/:orgUnitId',
    {
      config: write,
      schema: { params: CertificateOrgParams, body: Calibration, response: { 200: z.array(CalibrationRow) } },
    },
    async (req) => saveCalibration(ctxOf(req, deps), req.params.orgUnitId, req.body),
  );
  r.post(
    '/api/v1/certificates/blanks',
    { config: write, schema: { body: RecordBlanks, response: { 200: CertificateDecisionView } } },
    async (req) => recordBlanks(ctxOf(req, deps), req.body),
  );
  r.post(
    '/api/v1/certificates/blanks/:blankId/hand-over',
    {
      config: write,
      schema: { params: BlankParams, body: HandOver, response: { 200: CertificateDecisionView } },
    },
    async (req) => handOverBlank(ctxOf(req, deps), req.params.blankId, req.body),
  );
  r.get(
    '/verify/:token',
    {
      config: {
        access: {
          public: true,
          reason:
            'Anyone holding a Giấy khen checks it by its QR code; the page shows no other personal data',
        },
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: { params: VerifyParams },
    },
    async (req, reply) => {
      const cert = await findPublicCertificate(deps.database.db, req.params.token);
      return reply
        .status(cert ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(verificationPage(cert));
    },
  );
}
