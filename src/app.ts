import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import './contracts/zod-locale.ts';
import { AppError } from './platform/errors.ts';
import { installAccessControl, type RegisteredRoute } from './platform/http/access-hook.ts';
import type { AppDeps } from './platform/http/context.ts';
import type { AuditCheckpointer } from './platform/audit/checkpointer.ts';
import { installScopedReferences } from './platform/http/scoped-refs.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { privacyRoutes } from './platform/privacy/privacy.routes.ts';
import { safeError, withLogRedaction } from './platform/privacy/log-redaction.ts';
import { organizationsRoutes } from './organizations/index.ts';
import { carryPeople, peopleRoutes } from './people/index.ts';
import { emulationRoutes } from './emulation/index.ts';
import { nominationsRoutes } from './nominations/index.ts';
import { councilRoutes } from './council/index.ts';
import { fundRoutes } from './fund/index.ts';
import { decisionsRoutes } from './decisions/index.ts';
import { signaturesRoutes } from './signatures/index.ts';
import { importRoutes } from './imports/index.ts';
import { clustersRoutes } from './clusters/index.ts';
import { annualReportRoutes } from './reports/annual/index.ts';
import { certificatesRoutes } from './certificates/index.ts';
import { documentsRoutes } from './reports/documents/index.ts';
import { dashboardRoutes } from './reports/dashboard/index.ts';
import { inspectionsRoutes } from './inspections/index.ts';
import { notificationsRoutes } from './notifications/index.ts';

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** Personal data and secrets never reach the logs (trust issue, item 4). */
const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'body.password',
  'body.citizenId',
];

export type BuildOptions = {
  logger?: FastifyServerOptions['logger'];
  /** Signs the audit chain heads every N writes, checked after each response (after the commit). */
  auditCheckpointer?: AuditCheckpointer;
};

/**
 * Composition root (STYLE.md "Explicit composition"): platform plugins first, then the modules
 * in dependency order, then the web app. Reading this file shows the architecture.
 */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: withLogRedaction(options.logger ?? false),
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
  });
  if (options.logger) app.log = app.log.child({}, { redact: LOG_REDACT });
  const checkpointer = options.auditCheckpointer;
  if (checkpointer) app.addHook('onResponse', async () => checkpointer.afterWrites());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        code: 'VALIDATION',
        message: 'Dữ liệu gửi lên không hợp lệ.',
        details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        correlationId: req.id,
      });
    }
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .send({ code: err.code, message: err.userMessage, details: err.details, correlationId: req.id });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 429) {
      return reply.status(429).send({
        code: 'RATE_LIMITED',
        message: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
        correlationId: req.id,
      });
    }
    if (status === 413) {
      return reply
        .status(413)
        .send({ code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.', correlationId: req.id });
    }
    if (status && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.', correlationId: req.id });
    }
    req.log.error({ err: safeError(err) }, 'unhandled error');
    return reply.status(500).send({
      code: 'INTERNAL',
      message: 'Đã có lỗi xảy ra. Vui lòng thử lại hoặc báo mã lỗi này.',
      correlationId: req.id,
    });
  });

  // Cookies are parsed by an onRequest hook, which must run before the access check's.
  await app.register(cookie);
  const registeredRoutes = installAccessControl(app, deps);
  installScopedReferences(app, deps);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  // Every multipart limit explicit: busboy's defaults bound neither parts nor field sizes.
  await app.register(multipart, {
    limits: {
      fileSize: 20 * 1024 * 1024,
      files: 1,
      fields: 20,
      parts: 25,
      fieldSize: 100 * 1024,
      headerPairs: 100,
    },
  });
  await app.register(swagger, {
    openapi: { info: { title: 'TĐKT API', version: '1.0.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: {}, staticCSP: true });

  const r = app.withTypeProvider();
  r.get(
    '/api/v1/health',
    {
      config: { access: { public: true, reason: 'health check' } },
      schema: { response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
    },
    async () => {
      await deps.database.query('select 1');
      return { status: 'ok' as const, database: deps.database.driver };
    },
  );

  await authRoutes(app, deps);
  await privacyRoutes(app, deps);
  await organizationsRoutes(app, deps, [carryPeople]);
  await peopleRoutes(app, deps);
  await emulationRoutes(app, deps);
  await nominationsRoutes(app, deps);
  await councilRoutes(app, deps);
  await fundRoutes(app, deps);
  await signaturesRoutes(app, deps);
  await decisionsRoutes(app, deps);
  await importRoutes(app, deps);
  await clustersRoutes(app, deps);
  await annualReportRoutes(app, deps);
  await certificatesRoutes(app, deps);
  await documentsRoutes(app, deps);
  await dashboardRoutes(app, deps);
  await inspectionsRoutes(app, deps);
  await notificationsRoutes(app, deps);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/verify/')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply
        .status(404)
        .send({ code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.', correlationId: req.id });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply
        .status(404)
        .send({ code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.', correlationId: req.id }),
    );
  }

  const built = app as unknown as App;
  built.registeredRoutes = registeredRoutes;
  return built;
}
