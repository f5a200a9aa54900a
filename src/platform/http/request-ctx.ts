import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../auth/access.ts';
import type { AppDeps, RequestCtx } from './context.ts';

export function ctxOf(req: FastifyRequest, deps: AppDeps): RequestCtx {
  const auth = requireAuth(req.auth);
  return { deps, auth, actor: { userId: auth.userId, name: auth.displayName, correlationId: req.id } };
}
