import { and, eq } from 'drizzle-orm';
import type {
  CreateInspection,
  CreateInspectionTask,
  InspectionDetail,
  SaveInspectedUnit,
} from '../contracts/inspections.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { defaultChecklist } from './checklist.ts';
import {
  getPlan,
  getTask,
  listPlans,
  listTasks,
  listUnits,
  type InspectionPlanRow,
} from './inspections.repository.ts';
import {
  inspectionPlans,
  inspectionTasks,
  inspectionUnits,
  type InspectionTaskStatus,
} from './inspections.schema.ts';

const WHAT = 'kế hoạch kiểm tra';

function planDto(p: InspectionPlanRow) {
  return {
    id: p.id,
    orgUnitId: p.orgUnitId,
    year: p.year,
    title: p.title,
    subject: p.subject,
    inspectors: p.inspectors,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
  };
}

async function chainOf(ctx: RequestCtx, orgUnitId: string): Promise<string> {
  return (await ctx.deps.directory.get()).bodyOf(orgUnitId)?.id ?? 'system';
}

export async function listInspections(ctx: RequestCtx, year?: number) {
  const rows = await listPlans(ctx.deps.database.db, [...ctx.auth.readOrgIds], year);
  return { items: rows.filter((p) => ctx.auth.readOrgIds.has(p.orgUnitId)).map(planDto) };
}

async function loadPlan(ctx: RequestCtx, id: string): Promise<InspectionPlanRow> {
  const plan = await getPlan(ctx.deps.database.db, id);
  if (!plan) throw notFound(WHAT);
  assertCanRead(ctx.auth, plan.orgUnitId, WHAT);
  return plan;
}

export async function getInspection(ctx: RequestCtx, id: string): Promise<InspectionDetail> {
  const plan = await loadPlan(ctx, id);
  const db = ctx.deps.database.db;
  const directory = await ctx.deps.directory.get();
  const units = await listUnits(db, [plan.id]);
  const tasks = await listTasks(db, [plan.id]);
  return {
    ...planDto(plan),
    units: units.map((u) => ({
      id: u.id,
      orgUnitId: u.orgUnitId,
      orgUnitName: directory.get(u.orgUnitId)?.name ?? '',
      scheduledOn: u.scheduledOn,
      checklist: u.checklist,
      findings: u.findings,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      planId: t.planId,
      orgUnitId: t.orgUnitId,
      title: t.title,
      ownerName: t.ownerName,
      ownerUserId: t.ownerUserId,
      dueOn: t.dueOn,
      status: t.status,
    })),
  };
}

export async function createInspection(ctx: RequestCtx, input: CreateInspection) {
  assertCanWrite(ctx.auth, input.orgUnitId, WHAT);
  if (input.endsOn < input.startsOn)
    throw invalid('Ngày kết thúc phải sau ngày bắt đầu.', 'INSPECTION.DATES');
  const unitIds = input.units.map((u) => u.orgUnitId);
  if (new Set(unitIds).size !== unitIds.length)
    throw invalid('Một đơn vị được chọn hai lần.', 'INSPECTION.UNITS');
  const directory = await ctx.deps.directory.get();
  const bodyScope = new Set(directory.subtree(input.orgUnitId));
  for (const id of unitIds) {
    assertCanRead(ctx.auth, id, 'đơn vị được kiểm tra');
    if (!bodyScope.has(id))
      throw invalid('Đơn vị được kiểm tra không thuộc cơ quan lập kế hoạch.', 'INSPECTION.UNIT_SCOPE');
  }
  const chain = await chainOf(ctx, input.orgUnitId);
  const db = ctx.deps.database.db;
  const plan = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionPlans)
      .values({
        orgUnitId: input.orgUnitId,
        year: input.year,
        title: input.title,
        subject: input.subject,
        inspectors: input.inspectors,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const units = await tx
      .insert(inspectionUnits)
      .values(
        input.units.map((u) => ({
          planId: row.id,
          orgUnitId: u.orgUnitId,
          scheduledOn: u.scheduledOn,
          checklist: defaultChecklist(),
        })),
      )
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'inspection.create',
      entity: 'inspection_plan',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      before: null,
      after: { ...row, units },
    });
    return row;
  });
  return getInspection(ctx, plan.id);
}

export async function saveInspectedUnit(
  ctx: RequestCtx,
  planId: string,
  orgUnitId: string,
  input: SaveInspectedUnit,
) {
  const plan = await loadPlan(ctx, planId);
  assertCanWrite(ctx.auth, plan.orgUnitId, WHAT);
  const db = ctx.deps.database.db;
  const before = (await listUnits(db, [plan.id])).find((u) => u.orgUnitId === orgUnitId);
  if (!before) throw notFound('đơn vị trong kế hoạch kiểm tra');
  const codes = input.checklist.map((i) => i.code);
  if (new Set(codes).size !== codes.length)
    throw invalid('Nội dung kiểm tra bị trùng.', 'INSPECTION.CHECKLIST');
  const chain = await chainOf(ctx, plan.orgUnitId);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(inspectionUnits)
      .set({ checklist: input.checklist, findings: input.findings, updatedAt: new Date() })
      .where(eq(inspectionUnits.id, before.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'inspection.unit',
      entity: 'inspection_unit',
      entityId: before.id,
      orgUnitId: plan.orgUnitId,
      before,
      after,
    });
  });
  return getInspection(ctx, plan.id);
}

export async function addInspectionTask(ctx: RequestCtx, planId: string, input: CreateInspectionTask) {
  const plan = await loadPlan(ctx, planId);
  assertCanWrite(ctx.auth, plan.orgUnitId, WHAT);
  const db = ctx.deps.database.db;
  const units = await listUnits(db, [plan.id]);
  if (!units.some((u) => u.orgUnitId === input.orgUnitId))
    throw invalid('Đơn vị thực hiện không có trong kế hoạch kiểm tra.', 'INSPECTION.TASK_UNIT');
  const chain = await chainOf(ctx, plan.orgUnitId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionTasks)
      .values({
        planId: plan.id,
        orgUnitId: input.orgUnitId,
        title: input.title,
        ownerName: input.ownerName,
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn,
      })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'inspection.task.create',
      entity: 'inspection_task',
      entityId: row?.id ?? null,
      orgUnitId: plan.orgUnitId,
      before: null,
      after: row,
    });
  });
  return getInspection(ctx, plan.id);
}

export async function setInspectionTaskStatus(ctx: RequestCtx, taskId: string, status: InspectionTaskStatus) {
  const db = ctx.deps.database.db;
  const task = await getTask(db, taskId);
  if (!task) throw notFound('việc cần khắc phục');
  const plan = await loadPlan(ctx, task.planId);
  assertCanWrite(ctx.auth, plan.orgUnitId, 'việc cần khắc phục');
  const chain = await chainOf(ctx, plan.orgUnitId);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(inspectionTasks)
      .set({ status, doneAt: status === 'done' ? new Date() : null })
      .where(and(eq(inspectionTasks.id, task.id), eq(inspectionTasks.status, task.status)))
      .returning();
    if (!after)
      throw conflict('Việc này vừa được người khác cập nhật, vui lòng tải lại.', 'INSPECTION.TASK_CHANGED');
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'inspection.task.status',
      entity: 'inspection_task',
      entityId: task.id,
      orgUnitId: plan.orgUnitId,
      before: task,
      after,
    });
  });
  return getInspection(ctx, plan.id);
}
