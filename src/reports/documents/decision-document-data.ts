import { readAwardees, readDecision } from '../../certificates/index.ts';
import { assertCanRead } from '../../platform/auth/access.ts';
import { renderDocx, renderPdf, type AdministrativeDocument } from '../../platform/documents/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, RequestCtx } from '../../platform/http/context.ts';
import type { DocumentFormat } from '../../contracts/reports.ts';
import { buildDecisionDocument, buildPaymentList } from './decision-documents.ts';
import { bodyNaming } from './issuing-body.ts';

export type DecisionDocumentKind = 'decision' | 'payment-list';

/** The decision's Word/PDF document or payment list, from its stored annex lines and award records. */
export async function decisionDocumentModel(
  deps: AppDeps,
  decisionId: string,
  kind: DecisionDocumentKind,
  check?: (orgUnitId: string) => void,
): Promise<AdministrativeDocument> {
  const db = deps.database.db;
  const decision = await readDecision(db, decisionId);
  if (!decision) throw notFound('quyết định');
  check?.(decision.org_unit_id);
  const directory = await deps.directory.get();
  const unit = directory.get(decision.org_unit_id);
  if (!unit) throw notFound('đơn vị');
  const body = bodyNaming(unit, unit.parentId ? directory.get(unit.parentId) : undefined);
  const awardees = await readAwardees(db, decisionId);
  const data = {
    year: Number(decision.year),
    title: decision.title,
    awardCode: decision.award_code,
    numberText: decision.number_text,
    decisionDate: decision.decision_date,
    signerName: decision.signer_name,
    signerTitle: decision.signer_title,
  };
  const lines = awardees.map((a) => ({
    name: a.subject_name,
    subjectKind: a.subject_kind,
    position: a.subject_kind === 'individual' ? a.person_position : null,
    unit: a.unit_name,
    amount: a.amount,
    revoked: a.revoked_at !== null,
  }));
  return kind === 'payment-list'
    ? buildPaymentList(body, data, lines)
    : buildDecisionDocument(body, data, lines);
}

export async function renderDecisionDocument(
  ctx: RequestCtx,
  decisionId: string,
  kind: DecisionDocumentKind,
  format: DocumentFormat,
): Promise<Buffer> {
  const model = await decisionDocumentModel(ctx.deps, decisionId, kind, (org) =>
    assertCanRead(ctx.auth, org, 'quyết định'),
  );
  return format === 'pdf' ? renderPdf(model) : renderDocx(model);
}
