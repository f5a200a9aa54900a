import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { getNomination } from '../nominations/index.ts';
import { isAwardCode } from '../rules/index.ts';
import {
  awardRecordsOfDecision,
  getDecision,
  insertDecision,
  insertItems,
  type DecisionKind,
  type NewItem,
} from './decisions.repository.ts';
import { paidAmounts } from '../fund/index.ts';

export type SubjectInput = {
  subjectKind: 'individual' | 'collective' | 'household';
  personId?: string | null;
  householdId?: string | null;
  subjectOrgUnitId?: string | null;
  subjectName: string;
  awardCode: string;
  field?: string | null;
};

export type DraftInput = {
  year: number;
  title: string;
  awardCode?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
  /** Nominations the council approved (status 'approved'), in the annex order. */
  nominationIds?: string[];
  /** Subjects entered without a nomination (e.g. LĐTT recognized from the year's ratings). */
  subjects?: SubjectInput[];
};

async function assertBody(ctx: RequestCtx, orgUnitId: string): Promise<string> {
  const directory = await ctx.deps.directory.get();
  const body = directory.bodyOf(orgUnitId);
  if (!body || body.id !== orgUnitId)
    throw invalid('Quyết định do cơ quan ban hành (UBND) ra.', 'DECISION.NOT_A_BODY');
  return body.name;
}

/** The annex lines of approved nominations: each must belong to this body and be approved. */
export async function itemsFromNominations(
  db: DbOrTx,
  orgUnitId: string,
  ids: readonly string[],
): Promise<NewItem[]> {
  const out: NewItem[] = [];
  for (const id of ids) {
    const n = await getNomination(db, id);
    if (!n || n.bodyOrgUnitId !== orgUnitId) throw notFound('hồ sơ đề nghị khen thưởng');
    if (n.status !== 'approved') {
      throw conflict(
        `Hồ sơ “${n.subjectName}” chưa được Hội đồng đề nghị khen (trạng thái hiện tại không phải “đã duyệt”).`,
        'DECISION.NOMINATION_NOT_APPROVED',
      );
    }
    out.push({
      nominationId: n.id,
      subjectKind: n.subjectKind,
      personId: n.personId,
      householdId: n.householdId,
      subjectOrgUnitId: n.subjectOrgUnitId,
      subjectName: n.subjectName,
      awardCode: n.awardCode,
      field: n.field,
    });
  }
  return out;
}

function itemsFromSubjects(subjects: readonly SubjectInput[]): NewItem[] {
  return subjects.map((s) => {
    if (!isAwardCode(s.awardCode))
      throw invalid(
        `Danh hiệu, hình thức “${s.awardCode}” không có trong danh mục.`,
        'DECISION.UNKNOWN_AWARD',
      );
    const ref =
      s.subjectKind === 'individual'
        ? s.personId
        : s.subjectKind === 'household'
          ? s.householdId
          : s.subjectOrgUnitId;
    if (!ref) throw invalid(`Thiếu mã đối tượng được khen “${s.subjectName}”.`, 'DECISION.SUBJECT_REQUIRED');
    return {
      nominationId: null,
      subjectKind: s.subjectKind,
      personId: s.personId ?? null,
      householdId: s.householdId ?? null,
      subjectOrgUnitId: s.subjectOrgUnitId ?? null,
      subjectName: s.subjectName,
      awardCode: s.awardCode,
      field: s.field ?? null,
    };
  });
}

/** Drafts an award decision (quyết định khen thưởng / công nhận) from the approved list. */
export async function draftDecision(ctx: RequestCtx, orgUnitId: string, input: DraftInput): Promise<string> {
  assertCanWrite(ctx.auth, orgUnitId, 'quyết định');
  await assertBody(ctx, orgUnitId);
  return ctx.deps.database.db.transaction(async (tx) => {
    const items = [
      ...(await itemsFromNominations(tx, orgUnitId, input.nominationIds ?? [])),
      ...itemsFromSubjects(input.subjects ?? []),
    ];
    if (items.length === 0)
      throw invalid('Quyết định phải có ít nhất một đối tượng được khen.', 'DECISION.EMPTY');
    const id = await createDraft(tx, ctx, orgUnitId, 'award', input, items, null, null, null);
    return id;
  });
}

export async function createDraft(
  tx: DbOrTx,
  ctx: Pick<RequestCtx, 'actor'>,
  orgUnitId: string,
  kind: DecisionKind,
  input: Pick<DraftInput, 'year' | 'title' | 'awardCode' | 'signerName' | 'signerTitle'>,
  items: readonly NewItem[],
  referencesDecisionId: string | null,
  reason: string | null,
  corrections: unknown,
): Promise<string> {
  const id = await insertDecision(tx, {
    orgUnitId,
    year: input.year,
    kind,
    title: input.title,
    awardCode: input.awardCode ?? null,
    signerName: input.signerName ?? null,
    signerTitle: input.signerTitle ?? null,
    referencesDecisionId,
    reason,
    corrections: corrections ?? null,
    createdBy: ctx.actor.userId,
  });
  await insertItems(tx, id, orgUnitId, items);
  await writeAudit(tx, ctx.actor, {
    chain: orgUnitId,
    action: `decision.draft_${kind}`,
    entity: 'decision',
    entityId: id,
    orgUnitId,
    after: { title: input.title, year: input.year, items: items.length, referencesDecisionId, reason },
  });
  return id;
}

async function loadIssued(ctx: RequestCtx, id: string) {
  const d = await getDecision(ctx.deps.database.db, id);
  if (!d) throw notFound('quyết định');
  assertCanRead(ctx.auth, d.orgUnitId, 'quyết định');
  assertCanWrite(ctx.auth, d.orgUnitId, 'quyết định');
  if (d.status !== 'issued' || d.kind === 'revocation' || d.kind === 'correction') {
    throw conflict(
      'Chỉ đính chính, sửa đổi hoặc thu hồi một quyết định khen thưởng đã ban hành.',
      'DECISION.NOT_ISSUED',
    );
  }
  return d;
}

/**
 * Drafts a later decision that corrects (đính chính: wording, names, numbers — no new award) or
 * amends (sửa đổi, bổ sung: adds subjects) an issued decision; the earlier one stays as issued.
 */
export async function draftCorrection(
  ctx: RequestCtx,
  originalId: string,
  input: {
    kind: 'correction' | 'amendment';
    title: string;
    reason: string;
    corrections?: { field: string; from: string; to: string }[];
    subjects?: SubjectInput[];
    nominationIds?: string[];
  },
): Promise<string> {
  const original = await loadIssued(ctx, originalId);
  if (input.kind === 'correction' && (input.corrections ?? []).length === 0) {
    throw invalid('Nêu rõ nội dung đính chính.', 'DECISION.CORRECTIONS_REQUIRED');
  }
  return ctx.deps.database.db.transaction(async (tx) => {
    const items =
      input.kind === 'amendment'
        ? [
            ...(await itemsFromNominations(tx, original.orgUnitId, input.nominationIds ?? [])),
            ...itemsFromSubjects(input.subjects ?? []),
          ]
        : [];
    if (input.kind === 'amendment' && items.length === 0) {
      throw invalid('Quyết định sửa đổi, bổ sung phải có đối tượng được bổ sung.', 'DECISION.EMPTY');
    }
    return createDraft(
      tx,
      ctx,
      original.orgUnitId,
      input.kind,
      {
        year: original.year,
        title: input.title,
        awardCode: original.awardCode,
        signerName: original.signerName,
        signerTitle: original.signerTitle,
      },
      items,
      original.id,
      input.reason,
      input.corrections ?? null,
    );
  });
}

/**
 * Drafts a revocation (thu hồi) of some or all awards of an issued decision, with the reason
 * (Luật TĐKT 2022, Chương VII) and, per award, the money already paid that must be recovered.
 */
export async function draftRevocation(
  ctx: RequestCtx,
  originalId: string,
  input: { title: string; reason: string; awardRecordIds?: string[] },
): Promise<string> {
  const original = await loadIssued(ctx, originalId);
  return ctx.deps.database.db.transaction(async (tx) => {
    const records = (await awardRecordsOfDecision(tx, original.id)).filter(
      (r) => r.revokedAt === null && (!input.awardRecordIds || input.awardRecordIds.includes(r.id)),
    );
    if (records.length === 0)
      throw invalid('Không có khen thưởng nào để thu hồi.', 'DECISION.NOTHING_TO_REVOKE');
    const paid = await paidAmounts(
      tx,
      records.map((r) => r.id),
    );
    const items: NewItem[] = records.map((r) => ({
      nominationId: null,
      subjectKind: r.subjectKind,
      personId: r.personId,
      householdId: r.householdId,
      subjectOrgUnitId: r.subjectKind === 'collective' ? r.orgUnitId : null,
      subjectName: r.subjectName ?? '',
      awardCode: r.awardCode,
      field: r.field,
      targetAwardRecordId: r.id,
      recoverAmount: paid.get(r.id) ?? 0,
      amount: r.amount,
    }));
    return createDraft(
      tx,
      ctx,
      original.orgUnitId,
      'revocation',
      {
        year: original.year,
        title: input.title,
        awardCode: original.awardCode,
        signerName: original.signerName,
        signerTitle: original.signerTitle,
      },
      items,
      original.id,
      input.reason,
      null,
    );
  });
}
