import { getSessionView } from '../../council/index.ts';
import { renderDocx, renderPdf, type AdministrativeDocument } from '../../platform/documents/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import type { DocumentFormat } from '../../contracts/reports.ts';
import { buildCouncilMinutes, buildVoteCountRecord, type CouncilDocumentKind } from './council-documents.ts';
import { bodyNaming } from './issuing-body.ts';
import { buildProposalDocument, loadForwardedNominations } from './proposal-document.ts';
import { awardNameOf, buildAchievementReport, loadAchievementData } from './achievement-report.ts';

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

/** Báo cáo thành tích of one person for a year, proposing `awardCode`. */
export async function achievementReportModel(
  ctx: RequestCtx,
  personId: string,
  year: number,
  awardCode: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<AdministrativeDocument> {
  const data = await loadAchievementData(ctx.deps.database.db, personId, year);
  if (!data) throw notFound('cán bộ');
  // As the people module: a reader of a unit the person worked in also reads the record.
  const readable = [data.orgUnitId, ...data.workedInOrgIds].some((id) => ctx.auth.readOrgIds.has(id));
  if (!readable) throw notFound('cán bộ');
  const directory = await ctx.deps.directory.get();
  const unit = directory.get(data.orgUnitId);
  const body = directory.bodyOf(data.orgUnitId) ?? unit;
  if (!unit || !body) throw notFound('đơn vị');
  const naming = bodyNaming(body, body.parentId ? directory.get(body.parentId) : undefined);
  return buildAchievementReport(
    { ...data, unitName: unit.name, proposedAward: awardNameOf(awardCode) },
    naming.place,
    today,
  );
}

/** The tờ trình for the nominations a body forwarded to the higher level in a year. */
export async function proposalDocumentModel(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<AdministrativeDocument> {
  if (!ctx.auth.readOrgIds.has(orgUnitId)) throw notFound('đơn vị');
  const directory = await ctx.deps.directory.get();
  const body = directory.bodyOf(orgUnitId);
  if (!body) throw notFound('đơn vị');
  const naming = bodyNaming(body, body.parentId ? directory.get(body.parentId) : undefined);
  const list = await loadForwardedNominations(ctx.deps.database.db, body.id, year);
  return buildProposalDocument(naming, year, list, today);
}
