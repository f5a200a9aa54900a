import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { FileStore, attachmentTypeOfMedia } from '../platform/files/index.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { normalizeText } from '../platform/text/index.ts';
import type { DossierPart } from './dossier.ts';
import { isEditable, isNominationStatus } from './nomination-status.ts';
import {
  deleteAttachment,
  getAttachment,
  getNomination,
  insertAttachment,
  type AttachmentRecord,
} from './nominations.repository.ts';

const fileStore = (ctx: RequestCtx) => new FileStore(ctx.deps.config.dataDir);

/** Shown only: the client's name never becomes a path (the store names files by hash). */
function displayNameOf(name: string | undefined, ext: string): string {
  const base = normalizeText(name ?? '')
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return base || `tep-dinh-kem.${ext}`;
}

async function loadEditable(ctx: RequestCtx, nominationId: string) {
  const n = await getNomination(ctx.deps.database.db, nominationId);
  if (!n) throw notFound('hồ sơ đề nghị khen thưởng');
  assertCanWrite(ctx.auth, n.orgUnitId, 'hồ sơ đề nghị khen thưởng');
  if (!isNominationStatus(n.status) || !isEditable(n.status)) {
    throw conflict('Chỉ thêm, bớt tài liệu khi hồ sơ đang soạn hoặc bị trả lại.', 'NOMINATION.NOT_EDITABLE');
  }
  return n;
}

export async function attachDossierFile(
  ctx: RequestCtx,
  nominationId: string,
  part: DossierPart,
  bytes: Uint8Array,
  clientName: string | undefined,
): Promise<AttachmentRecord> {
  const n = await loadEditable(ctx, nominationId);
  const stored = await fileStore(ctx).put(bytes);
  return ctx.deps.database.db.transaction(async (tx) => {
    const row = await insertAttachment(tx, {
      nominationId: n.id,
      orgUnitId: n.orgUnitId,
      part,
      sha256: stored.sha256,
      mediaType: stored.mediaType,
      size: stored.size,
      displayName: displayNameOf(clientName, stored.type),
      uploadedBy: ctx.auth.userId,
    });
    await writeAudit(tx, ctx.actor, {
      chain: n.bodyOrgUnitId,
      action: 'nomination.attach',
      entity: 'nomination',
      entityId: n.id,
      orgUnitId: n.orgUnitId,
      after: { attachmentId: row.id, part, sha256: stored.sha256, size: stored.size },
    });
    return row;
  });
}

export async function removeDossierFile(
  ctx: RequestCtx,
  nominationId: string,
  attachmentId: string,
): Promise<void> {
  const n = await loadEditable(ctx, nominationId);
  const a = await getAttachment(ctx.deps.database.db, attachmentId);
  if (!a || a.nominationId !== n.id) throw notFound('tài liệu đính kèm');
  await ctx.deps.database.db.transaction(async (tx) => {
    await deleteAttachment(tx, a.id);
    await writeAudit(tx, ctx.actor, {
      chain: n.bodyOrgUnitId,
      action: 'nomination.detach',
      entity: 'nomination',
      entityId: n.id,
      orgUnitId: n.orgUnitId,
      before: { attachmentId: a.id, part: a.part, sha256: a.sha256 },
    });
  });
}

export async function readDossierFile(
  ctx: RequestCtx,
  nominationId: string,
  attachmentId: string,
): Promise<{ attachment: AttachmentRecord; bytes: Buffer }> {
  const a = await getAttachment(ctx.deps.database.db, attachmentId);
  if (!a || a.nominationId !== nominationId) throw notFound('tài liệu đính kèm');
  assertCanRead(ctx.auth, a.orgUnitId, 'tài liệu đính kèm');
  const type = attachmentTypeOfMedia(a.mediaType);
  if (!type) throw notFound('tài liệu đính kèm');
  return { attachment: a, bytes: await fileStore(ctx).get(a.sha256, type) };
}
