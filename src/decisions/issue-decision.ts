import { assertCanWrite, hasAnyRole } from '../platform/auth/access.ts';
import type { AuditActor } from '../platform/audit/audit.ts';
import type { Tx } from '../platform/db/client.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import { FileStore } from '../platform/files/index.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { recordOfficeNumber, takeNextNumber } from '../platform/numbering/index.ts';
import { markNominationsDecidedBulk } from '../nominations/index.ts';
import { defaultProvinceParameters, regimeFor, rewardAmount, isAwardCode } from '../rules/index.ts';
import { assertSignaturesHold, verifySignedCopy } from '../signatures/index.ts';
import type { PdfVerification } from '../contracts/signatures.ts';
import { fundCapRatioFor, postDecisionExpense, reverseRevokedRewards } from '../fund/index.ts';
import {
  claimDraftForIssue,
  countLiveRecords,
  getDecision,
  insertAwardRecordsFor,
  listItems,
  markAmended,
  nominationIdsOf,
  moneyGroups,
  revokeAwardRecords,
  setDecisionStatus,
  setGroupAmount,
  setTotalAmount,
  sumItemAmounts,
  type DecisionRow,
} from './decisions.repository.ts';

export type IssueInput = {
  decisionDate: string;
  signerName: string;
  signerTitle: string;
  /** A number from the office's own register; otherwise the body's register gives the next one. */
  officeNumber?: number | null;
  /** The signed copy (scan with the seal, or a digitally signed PDF). */
  signedCopy: { fileName: string; bytes: Uint8Array };
  /** Let the decision overdraw the reward fund (chairman only), with the reason. */
  fundOverrideReason?: string | null;
};

export type IssueResult = { id: string; numberText: string; awardRecords: number; totalAmount: number };

const STALE =
  'Quyết định này vừa được người khác ban hành trước bạn nên thao tác không được thực hiện. Vui lòng tải lại trang.';

/**
 * Issues a decision when its signed copy is attached. In one transaction: the number from the
 * register (NĐ 30/2020 Điều 15) or the office's; the money per line from the base salary on the
 * decision date (NĐ 98/2023 Điều 54, 58; NĐ 152/2025 Điều 49–54 via the rules engine); one award
 * record per line; the nominations marked decided; the fund posted (stopped when it would
 * overdraw, unless the chairman overrides). A second issuer finds no draft and gets HTTP 409.
 */
export async function issueDecision(ctx: RequestCtx, id: string, input: IssueInput): Promise<IssueResult> {
  const db = ctx.deps.database.db;
  const draft = await getDecision(db, id);
  if (!draft) throw notFound('quyết định');
  assertCanWrite(ctx.auth, draft.orgUnitId, 'quyết định');
  if (draft.status !== 'draft') throw conflict(STALE, 'DECISION.NOT_DRAFT');
  // Stored by content hash outside the database before the transaction: a rolled-back issue
  // leaves at most an unreferenced file, never a decision without its signed copy.
  const stored = await new FileStore(ctx.deps.config.dataDir).put(input.signedCopy.bytes);
  if (stored.type !== 'pdf' && stored.type !== 'png' && stored.type !== 'jpeg') {
    throw invalid('Bản ký phải là tệp PDF hoặc ảnh chụp (PNG, JPEG).', 'DECISION.SIGNED_COPY_TYPE');
  }
  // PAdES (ETSI EN 319 142): every digital signature in the PDF is verified on upload; a scan
  // without one is accepted and shown as such.
  let signatureCheck: PdfVerification | null = null;
  if (stored.type === 'pdf') {
    signatureCheck = await verifySignedCopy(db, input.signedCopy.bytes);
    assertSignaturesHold(signatureCheck);
  }
  const directory = await ctx.deps.directory.get();
  const body = directory.get(draft.orgUnitId);
  const year = Number(input.decisionDate.slice(0, 4));
  return db.transaction((tx) =>
    issueDecisionIn(
      tx,
      {
        actor: ctx.actor,
        isChairman: hasAnyRole(ctx.auth, ['chairman']),
        bodyName: body?.name ?? '',
        provinceCode: body?.provinceCode ?? '',
        capRatio: fundCapRatioFor(directory, draft.orgUnitId, year),
      },
      draft,
      {
        decisionDate: input.decisionDate,
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        officeNumber: input.officeNumber ?? null,
        signedFileSha256: stored.sha256,
        signedFileName: input.signedCopy.fileName,
        signatureCheck,
        signerRosterId: null,
        signerRole: null,
        fundOverrideReason: input.fundOverrideReason ?? null,
      },
    ),
  );
}

export type IssueEnv = {
  actor: AuditActor;
  isChairman: boolean;
  bodyName: string;
  provinceCode: string;
  capRatio: number;
};

export type IssueCoreInput = {
  decisionDate: string;
  signerName: string;
  signerTitle: string;
  officeNumber: number | null;
  signedFileSha256: string;
  signedFileName: string;
  signatureCheck?: PdfVerification | null;
  signerRosterId?: string | null;
  signerRole?: 'chairman' | 'vice_chairman' | null;
  fundOverrideReason: string | null;
};

/** The issuing transaction itself (also used by the demo data, which has no request). */
export async function issueDecisionIn(
  tx: Tx,
  env: IssueEnv,
  draft: DecisionRow,
  input: IssueCoreInput,
): Promise<IssueResult> {
  const id = draft.id;
  const year = Number(input.decisionDate.slice(0, 4));
  if (year < draft.year)
    throw invalid('Ngày quyết định không thể trước năm thành tích.', 'DECISION.DATE_BEFORE_YEAR');
  if (!input.signerName.trim()) throw invalid('Nhập họ tên người ký.', 'DECISION.SIGNER_REQUIRED');
  const params = defaultProvinceParameters(env.provinceCode, year);
  const rounding = params.regimes[regimeFor(input.decisionDate, null).code].rounding.value;
  const number = input.officeNumber
    ? await recordOfficeNumber(tx, {
        issuerOrgUnitId: draft.orgUnitId,
        year,
        typeCode: draft.typeCode,
        entity: 'decision',
        entityId: id,
        number: input.officeNumber,
      })
    : await takeNextNumber(tx, {
        issuerOrgUnitId: draft.orgUnitId,
        year,
        typeCode: draft.typeCode,
        entity: 'decision',
        entityId: id,
      });
  const claimed = await claimDraftForIssue(tx, id, {
    number: number.number,
    numberText: number.text,
    numberSource: number.source,
    decisionDate: input.decisionDate,
    signerName: input.signerName.trim(),
    signerTitle: input.signerTitle.trim(),
    signedFileSha256: input.signedFileSha256,
    signedFileName: input.signedFileName,
    signatureCheck: input.signatureCheck ?? null,
    signerRosterId: input.signerRosterId ?? null,
    signerRole: input.signerRole ?? null,
    fundOverrideReason: input.fundOverrideReason,
    issuedBy: env.actor.userId,
  });
  if (!claimed) throw conflict(STALE, 'DECISION.NOT_DRAFT');

  let awardRecords = 0;
  let total = 0;
  if (draft.kind === 'award' || draft.kind === 'amendment') {
    for (const g of await moneyGroups(tx, id)) {
      if (!isAwardCode(g.awardCode)) continue;
      const money = rewardAmount({
        award: g.awardCode,
        subjectKind: g.subjectKind as 'individual' | 'collective' | 'household',
        decisionDate: input.decisionDate,
        rounding,
      });
      await setGroupAmount(tx, id, g.awardCode, g.subjectKind, money.amount);
    }
    total = await sumItemAmounts(tx, id);
    await setTotalAmount(tx, id, total);
    awardRecords = await insertAwardRecordsFor(tx, id, {
      issuerOrgUnitId: draft.orgUnitId,
      issuerName: env.bodyName,
      year: draft.year,
      numberText: number.text,
      decisionDate: input.decisionDate,
    });
    const nominationIds = await nominationIdsOf(tx, id);
    if (nominationIds.length > 0) await markNominationsDecidedBulk(tx, env.actor, nominationIds, id);
    await postDecisionExpense(tx, env.capRatio, {
      orgUnitId: draft.orgUnitId,
      decisionId: id,
      decisionNumber: number.text,
      decisionDate: input.decisionDate,
      amount: total,
      override: input.fundOverrideReason
        ? { reason: input.fundOverrideReason, userId: env.actor.userId, isChairman: env.isChairman }
        : null,
      actor: env.actor,
    });
    if (draft.kind === 'amendment' && draft.referencesDecisionId)
      await markAmended(tx, draft.referencesDecisionId, id);
  } else if (draft.kind === 'correction' && draft.referencesDecisionId) {
    await markAmended(tx, draft.referencesDecisionId, id);
  } else if (draft.kind === 'revocation' && draft.referencesDecisionId) {
    const targets = (await listItems(tx, id)).filter((i) => i.targetAwardRecordId !== null);
    await revokeAwardRecords(
      tx,
      targets.map((i) => i.targetAwardRecordId!),
      { revokedAt: input.decisionDate, reason: draft.reason ?? '', decisionId: id },
    );
    await reverseRevokedRewards(tx, {
      orgUnitId: draft.orgUnitId,
      decisionDate: input.decisionDate,
      actor: env.actor,
      items: targets.map((i) => ({
        awardRecordId: i.targetAwardRecordId!,
        amount: i.amount ?? 0,
        paid: i.recoverAmount ?? 0,
        originalDecisionId: draft.referencesDecisionId!,
      })),
    });
    total = targets.reduce((s, i) => s + (i.recoverAmount ?? 0), 0);
    await setTotalAmount(tx, id, total);
    if ((await countLiveRecords(tx, draft.referencesDecisionId)) === 0) {
      await setDecisionStatus(tx, draft.referencesDecisionId, 'revoked');
    }
  }
  await writeAudit(tx, env.actor, {
    chain: draft.orgUnitId,
    action: 'decision.issue',
    entity: 'decision',
    entityId: id,
    orgUnitId: draft.orgUnitId,
    before: { status: 'draft' },
    after: {
      status: 'issued',
      kind: draft.kind,
      number: number.text,
      numberSource: number.source,
      decisionDate: input.decisionDate,
      signer: input.signerName,
      signedCopySha256: input.signedFileSha256,
      digitalSignatures:
        input.signatureCheck?.signatures.map((s) => ({
          signer: s.signer?.commonName ?? null,
          certificateSha256: s.signer?.sha256 ?? null,
          valid: s.valid,
        })) ?? [],
      awardRecords,
      totalAmount: total,
      fundOverrideReason: input.fundOverrideReason,
    },
  });
  return { id, numberText: number.text, awardRecords, totalAmount: total };
}
