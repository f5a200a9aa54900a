import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  InstallTrustedRoot,
  PdfVerification,
  TrustedRoot,
  TrustedRootParams,
  VerifyUpload,
} from '../contracts/signatures.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import { installTrustedRoots, listTrusted, removeTrustedRoot } from './trusted-roots.ts';
import { verifySignedCopy } from './verify-signed-copy.ts';

export async function signaturesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/admin/trusted-roots',
    {
      config: { access: { roles: ['admin', 'officer', 'chairman'], scope: 'none' } },
      schema: { response: { 200: z.array(TrustedRoot) } },
    },
    async (req) => listTrusted(ctxOf(req, deps)),
  );
  // A trust anchor decides which signatures the whole province accepts: a fresh proof is asked.
  r.post(
    '/api/v1/admin/trusted-roots',
    {
      config: { access: { roles: ['admin'], scope: 'none', reauth: true } },
      schema: { body: InstallTrustedRoot, response: { 200: z.array(TrustedRoot) } },
    },
    async (req) =>
      installTrustedRoots(
        ctxOf(req, deps),
        Buffer.from(req.body.contentBase64, 'base64'),
        req.body.note ?? null,
      ),
  );
  r.delete(
    '/api/v1/admin/trusted-roots/:rootId',
    {
      config: { access: { roles: ['admin'], scope: 'none', reauth: true } },
      schema: { params: TrustedRootParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req) => {
      await removeTrustedRoot(ctxOf(req, deps), req.params.rootId);
      return { ok: true as const };
    },
  );
  // Checks a file before it is attached to a decision; nothing is stored.
  r.post(
    '/api/v1/signatures/verify',
    {
      config: { access: { roles: ['officer', 'chairman', 'admin'], scope: 'none' } },
      bodyLimit: 22 * 1024 * 1024,
      schema: { body: VerifyUpload, response: { 200: PdfVerification } },
    },
    async (req) => verifySignedCopy(deps.database.db, Buffer.from(req.body.contentBase64, 'base64')),
  );
}
