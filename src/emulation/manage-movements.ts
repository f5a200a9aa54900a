import type { z } from 'zod';
import { assertCanRead, assertCanWrite, canWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { conflict, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type {
  CreateMovement,
  CreateTarget,
  MovementStatusBody,
  RecordProgress,
} from '../contracts/emulation.ts';
import { isMovementStatus, movementTransition } from './movement-status.ts';
import { emulationMovements, movementTargets, targetProgress } from './emulation.schema.ts';
import {
  getMovement,
  getTarget,
  updateMovementIfStatus,
  type MovementRecord,
} from './emulation.repository.ts';

const chainOf = async (ctx: RequestCtx, orgUnitId: string) =>
  (await ctx.deps.directory.get()).bodyOf(orgUnitId)?.id ?? 'system';

export const STALE_MOVEMENT = 'Phong trào vừa được người khác cập nhật. Vui lòng tải lại trang.';

/** Drafts a movement with its goals, fields, period and participants (Luật TĐKT 2022, Điều 17). */
export async function createMovement(
  ctx: RequestCtx,
  input: z.infer<typeof CreateMovement>,
): Promise<MovementRecord> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'đơn vị phát động');
  for (const id of input.participantOrgUnitIds) assertCanRead(ctx.auth, id, 'đơn vị tham gia');
  const chain = await chainOf(ctx, input.orgUnitId);
  return ctx.deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emulationMovements)
      .values({
        ...input,
        launchDocument: input.launchDocument ?? null,
        parentMovementId: input.parentMovementId ?? null,
        createdBy: ctx.auth.userId,
      })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'movement.create',
      entity: 'emulation_movement',
      entityId: row!.id,
      orgUnitId: input.orgUnitId,
      after: input,
    });
    return row!;
  });
}

export async function changeMovementStatus(
  ctx: RequestCtx,
  id: string,
  input: z.infer<typeof MovementStatusBody>,
): Promise<MovementRecord> {
  const db = ctx.deps.database.db;
  const m = await getMovement(db, id);
  if (!m) throw notFound('phong trào thi đua');
  assertCanWrite(ctx.auth, m.orgUnitId, 'phong trào thi đua');
  if (!isMovementStatus(m.status) || m.status !== input.expectedStatus)
    throw conflict(STALE_MOVEMENT, 'MOVEMENT.STALE');
  const step = movementTransition(m.status, input.action);
  if (!step.ok) throw conflict(step.message, 'MOVEMENT.TRANSITION_FORBIDDEN');
  const chain = await chainOf(ctx, m.orgUnitId);
  return db.transaction(async (tx) => {
    const after = await updateMovementIfStatus(tx, id, m.status, {
      status: step.to,
      ...(input.action === 'launch'
        ? { launchedOn: input.launchedOn ?? new Date().toISOString().slice(0, 10) }
        : {}),
      ...(input.reviewNote ? { reviewNote: input.reviewNote } : {}),
    });
    if (!after) throw conflict(STALE_MOVEMENT, 'MOVEMENT.STALE');
    await writeAudit(tx, ctx.actor, {
      chain,
      action: `movement.${input.action}`,
      entity: 'emulation_movement',
      entityId: id,
      orgUnitId: m.orgUnitId,
      before: { status: m.status },
      after: { status: after.status, launchedOn: after.launchedOn, reviewNote: input.reviewNote ?? null },
    });
    return after;
  });
}

/** Adds a numeric target with the unit that owns it. */
export async function addTarget(ctx: RequestCtx, movementId: string, input: z.infer<typeof CreateTarget>) {
  const db = ctx.deps.database.db;
  const m = await getMovement(db, movementId);
  if (!m) throw notFound('phong trào thi đua');
  assertCanWrite(ctx.auth, m.orgUnitId, 'phong trào thi đua');
  assertCanRead(ctx.auth, input.ownerOrgUnitId, 'đơn vị phụ trách chỉ tiêu');
  if (m.status === 'closed')
    throw conflict('Phong trào đã kết thúc, không thêm chỉ tiêu.', 'MOVEMENT.CLOSED');
  const chain = await chainOf(ctx, m.orgUnitId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(movementTargets)
      .values({ ...input, targetValue: String(input.targetValue), movementId, orgUnitId: m.orgUnitId })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'movement.target',
      entity: 'emulation_movement',
      entityId: movementId,
      orgUnitId: m.orgUnitId,
      after: { targetId: row!.id, ...input },
    });
    return row!;
  });
}

/** The owner of a target (or the launching unit) reports progress while the movement runs. */
export async function recordTargetProgress(
  ctx: RequestCtx,
  targetId: string,
  input: z.infer<typeof RecordProgress>,
) {
  const db = ctx.deps.database.db;
  const target = await getTarget(db, targetId);
  if (!target) throw notFound('chỉ tiêu');
  // The owning unit reports on its own target even when it cannot see the launching unit.
  if (!canWrite(ctx.auth, target.ownerOrgUnitId)) assertCanWrite(ctx.auth, target.orgUnitId, 'chỉ tiêu');
  const m = await getMovement(db, target.movementId);
  if (!m || (m.status !== 'launched' && m.status !== 'in_progress' && m.status !== 'reviewed')) {
    throw conflict('Chỉ cập nhật tiến độ khi phong trào đang triển khai.', 'MOVEMENT.NOT_RUNNING');
  }
  const chain = await chainOf(ctx, target.orgUnitId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(targetProgress)
      .values({
        targetId,
        orgUnitId: target.ownerOrgUnitId,
        reportedOn: input.reportedOn,
        value: String(input.value),
        note: input.note ?? null,
        reportedBy: ctx.auth.userId,
      })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'movement.progress',
      entity: 'emulation_movement',
      entityId: target.movementId,
      orgUnitId: target.ownerOrgUnitId,
      after: { progressId: row!.id, targetId, ...input },
    });
  });
  return target.movementId;
}
