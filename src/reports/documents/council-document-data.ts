import { getSessionView } from '../../council/index.ts';
import { renderDocx, renderPdf, type AdministrativeDocument } from '../../platform/documents/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import type { DocumentFormat } from '../../contracts/reports.ts';
import { buildCouncilMinutes, buildVoteCountRecord, type CouncilDocumentKind } from './council-documents.ts';
import { bodyNaming } from './issuing-body.ts';

/** A council session's minutes or vote-count record; the session view checks the caller's scope. */
export async function councilDocumentModel(
  ctx: RequestCtx,
  sessionId: string,
  kind: CouncilDocumentKind,
): Promise<AdministrativeDocument> {
  const session = await getSessionView(ctx, sessionId);
  const directory = await ctx.deps.directory.get();
  const unit = directory.bodyOf(session.orgUnitId) ?? directory.get(session.orgUnitId);
  if (!unit) throw notFound('đơn vị');
  const body = bodyNaming(unit, unit.parentId ? directory.get(unit.parentId) : undefined);
  return kind === 'vote-count' ? buildVoteCountRecord(body, session) : buildCouncilMinutes(body, session);
}

export async function renderCouncilDocument(
  ctx: RequestCtx,
  sessionId: string,
  kind: CouncilDocumentKind,
  format: DocumentFormat,
): Promise<Buffer> {
  const model = await councilDocumentModel(ctx, sessionId, kind);
  return format === 'pdf' ? renderPdf(model) : renderDocx(model);
}
