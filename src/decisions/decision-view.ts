import { assertCanRead } from '../platform/auth/access.ts';
import { notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import {
  getDecision,
  listDecisions,
  listItems,
  listReferencing,
  type DecisionRow,
  type ItemRow,
} from './decisions.repository.ts';

const awardName = (code: string | null) => (code && isAwardCode(code) ? catalogueEntry(code).name : code);

export type DecisionSummary = DecisionRow & { awardName: string | null };
export type DecisionDetail = DecisionSummary & {
  items: (ItemRow & { awardName: string | null })[];
  references: DecisionSummary | null;
  /** Later decisions that correct, amend or revoke this one (history). */
  laterDecisions: DecisionSummary[];
};

const summary = (d: DecisionRow): DecisionSummary => ({ ...d, awardName: awardName(d.awardCode) });

export async function listDecisionSummaries(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number | null,
): Promise<DecisionSummary[]> {
  assertCanRead(ctx.auth, orgUnitId, 'quyết định');
  return (await listDecisions(ctx.deps.database.db, orgUnitId, year)).map(summary);
}

export async function getDecisionDetail(ctx: RequestCtx, id: string): Promise<DecisionDetail> {
  const db = ctx.deps.database.db;
  const d = await getDecision(db, id);
  if (!d) throw notFound('quyết định');
  assertCanRead(ctx.auth, d.orgUnitId, 'quyết định');
  const items = await listItems(db, id);
  const references = d.referencesDecisionId ? await getDecision(db, d.referencesDecisionId) : undefined;
  return {
    ...summary(d),
    items: items.map((i) => ({ ...i, awardName: awardName(i.awardCode) })),
    references: references ? summary(references) : null,
    laterDecisions: (await listReferencing(db, id)).map(summary),
  };
}
