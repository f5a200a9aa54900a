import { assertCanRead } from '../platform/auth/access.ts';
import { notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import {
  catalogueEntry,
  defaultProvinceParameters,
  isAwardCode,
  regimeFor,
  rewardAmount,
  unverifiedMoneyCitations,
} from '../rules/index.ts';
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
  items: (ItemRow & { awardName: string | null; unverifiedCitations: string[] })[];
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

/**
 * The unverified rules behind an item's amount, recomputed with the rules the amount was issued
 * with (decision date, default rounding), so the annex can mark an amount no text settles.
 */
function moneyCitations(i: ItemRow, decisionDate: string | null, provinceCode: string): string[] {
  if (i.amount === null || !decisionDate || !isAwardCode(i.awardCode)) return [];
  if (i.subjectKind !== 'individual' && i.subjectKind !== 'collective' && i.subjectKind !== 'household')
    return [];
  const regime = regimeFor(decisionDate).code;
  const rounding = defaultProvinceParameters(provinceCode, Number(decisionDate.slice(0, 4))).regimes[regime]
    .rounding.value;
  return unverifiedMoneyCitations(
    rewardAmount({ award: i.awardCode, subjectKind: i.subjectKind, decisionDate, regime, rounding }),
  );
}

export async function getDecisionDetail(ctx: RequestCtx, id: string): Promise<DecisionDetail> {
  const db = ctx.deps.database.db;
  const d = await getDecision(db, id);
  if (!d) throw notFound('quyết định');
  assertCanRead(ctx.auth, d.orgUnitId, 'quyết định');
  const items = await listItems(db, id);
  const provinceCode = (await ctx.deps.directory.get()).bodyOf(d.orgUnitId)?.provinceCode ?? '';
  const references = d.referencesDecisionId ? await getDecision(db, d.referencesDecisionId) : undefined;
  return {
    ...summary(d),
    items: items.map((i) => ({
      ...i,
      awardName: awardName(i.awardCode),
      unverifiedCitations: moneyCitations(i, d.decisionDate, provinceCode),
    })),
    references: references ? summary(references) : null,
    laterDecisions: (await listReferencing(db, id)).map(summary),
  };
}
