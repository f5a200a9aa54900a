import { assertCanRead } from '../../platform/auth/access.ts';
import { renderDocx, renderPdf, type AdministrativeDocument } from '../../platform/documents/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, RequestCtx } from '../../platform/http/context.ts';
import type { DocumentFormat } from '../../contracts/reports.ts';
import {
  defaultProvinceParameters,
  documentLegalBases,
  isAwardCode,
  isRegimeCode,
  regimeFor,
  rewardAmount,
  type RegimeCode,
} from '../../rules/index.ts';
import {
  buildDecisionDocument,
  buildPaymentList,
  type AnnexLine,
  type DecisionData,
} from './decision-documents.ts';
import { readAnnexLines, readDocumentDecision, type AnnexLineRow } from './decision-documents.repository.ts';
import { bodyNamingAsOf, type BodyNaming } from './issuing-body.ts';

export type DecisionDocumentKind = 'decision' | 'payment-list';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The money of a line not yet fixed by issuing, worked out exactly as issuing will: the award's
 * amount for its subject kind on the decision date (the draft's date, else today), under the
 * decision's regime, rounded as the province's parameters say.
 */
export function pendingLineAmount(
  line: Pick<AnnexLineRow, 'award_code' | 'subject_kind'>,
  date: string,
  regime: RegimeCode | null,
  provinceCode: string,
): number | null {
  if (!isAwardCode(line.award_code)) return null;
  const params = defaultProvinceParameters(provinceCode, Number(date.slice(0, 4)));
  const rounding = params.regimes[regimeFor(date, regime).code].rounding.value;
  return rewardAmount({
    award: line.award_code,
    subjectKind: line.subject_kind as 'individual' | 'collective' | 'household',
    decisionDate: date,
    rounding,
    ...(regime ? { regime } : {}),
  }).amount;
}

export type DecisionDocumentFacts = {
  data: DecisionData;
  lines: AnnexLine[];
  body: BodyNaming;
};

/** Everything a decision's documents say, as of the decision's date (a draft: as of today). */
export async function decisionDocumentFacts(
  deps: AppDeps,
  decisionId: string,
  check?: (orgUnitId: string) => void,
): Promise<DecisionDocumentFacts> {
  const db = deps.database.db;
  const decision = await readDocumentDecision(db, decisionId);
  if (!decision) throw notFound('quyết định');
  check?.(decision.org_unit_id);
  const directory = await deps.directory.get();
  const draft = decision.status === 'draft';
  const asOf = decision.decision_date ?? today();
  const body = bodyNamingAsOf(directory, decision.org_unit_id, asOf);
  if (!body) throw notFound('đơn vị');
  const regime = isRegimeCode(decision.regime_code) ? decision.regime_code : null;
  const provinceCode = directory.get(decision.org_unit_id)?.provinceCode ?? '';
  const rows = await readAnnexLines(db, decisionId, asOf);
  const lines: AnnexLine[] = rows.map((a) => ({
    name: a.subject_name,
    subjectKind: a.subject_kind,
    position: a.position,
    unit: a.unit_name,
    // A draft's stored amount is not yet fixed (issuing sets it): show what issuing will set.
    amount: draft && a.award_record_id === null ? pendingLineAmount(a, asOf, regime, provinceCode) : a.amount,
    revoked: a.revoked_at !== null,
  }));
  const data: DecisionData = {
    year: Number(decision.year),
    title: decision.title,
    awardCode: decision.award_code,
    numberText: decision.number_text,
    decisionDate: decision.decision_date,
    signerName: decision.signer_name,
    signerTitle: decision.signer_title,
    bases: documentLegalBases(asOf, regime, provinceCode),
    draft,
  };
  return { data, lines, body };
}

/** The decision's Word/PDF document or payment list, from its annex lines and award records. */
export async function decisionDocumentModel(
  deps: AppDeps,
  decisionId: string,
  kind: DecisionDocumentKind,
  check?: (orgUnitId: string) => void,
): Promise<AdministrativeDocument> {
  const { data, lines, body } = await decisionDocumentFacts(deps, decisionId, check);
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
