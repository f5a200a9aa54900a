import type { z } from 'zod';
import { sql } from 'drizzle-orm';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { queryRows } from '../platform/db/client.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { CreateRegistration, ReviewRegistration } from '../contracts/emulation.ts';
import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import { titleRegistrations } from './emulation.schema.ts';
import { getRegistration, type RegistrationRecord } from './emulation.repository.ts';

/**
 * A unit registers a person or collective for a title of the year (đăng ký danh hiệu thi đua).
 * Optional workflow step: Luật TĐKT 2022, Điều 7 dropped registration as a basis for awarding,
 * many provinces still ask for it (legal-brief §2).
 */
export async function registerTitle(
  ctx: RequestCtx,
  input: z.infer<typeof CreateRegistration>,
): Promise<RegistrationRecord> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'đơn vị đăng ký');
  if (!isAwardCode(input.awardCode) || catalogueEntry(input.awardCode).category !== 'title') {
    throw invalid('Chỉ đăng ký danh hiệu thi đua có trong danh mục.', 'REGISTRATION.NOT_A_TITLE');
  }
  if (!(catalogueEntry(input.awardCode).subjectKinds as readonly string[]).includes(input.subjectKind)) {
    throw invalid('Danh hiệu này không dành cho loại đối tượng đã chọn.', 'REGISTRATION.SUBJECT_KIND');
  }
  const db = ctx.deps.database.db;
  const directory = await ctx.deps.directory.get();
  const body = directory.bodyOf(input.orgUnitId);
  if (!body) throw notFound('cơ quan xét khen thưởng của đơn vị');
  let subjectName: string;
  if (input.subjectKind === 'individual') {
    const p = (
      await queryRows<{ full_name: string; org_unit_id: string }>(
        db,
        sql`select full_name, org_unit_id from people where id = ${input.personId ?? null}`,
      )
    )[0];
    if (!p) throw notFound('cá nhân đăng ký');
    assertCanRead(ctx.auth, p.org_unit_id, 'cá nhân đăng ký');
    subjectName = p.full_name;
  } else {
    const u = directory.get(input.subjectOrgUnitId!);
    if (!u) throw notFound('tập thể đăng ký');
    assertCanRead(ctx.auth, u.id, 'tập thể đăng ký');
    subjectName = u.name;
  }
  const dup = await queryRows<{ id: string }>(
    db,
    sql`select id from title_registrations where year = ${input.year} and award_code = ${input.awardCode} and status <> 'returned'
          and ${input.subjectKind === 'individual' ? sql`person_id = ${input.personId ?? null}` : sql`subject_org_unit_id = ${input.subjectOrgUnitId ?? null}`}`,
  );
  if (dup.length > 0)
    throw conflict(
      `${subjectName} đã đăng ký danh hiệu này cho năm ${input.year}.`,
      'REGISTRATION.DUPLICATE',
    );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(titleRegistrations)
      .values({
        orgUnitId: input.orgUnitId,
        bodyOrgUnitId: body.id,
        year: input.year,
        subjectKind: input.subjectKind,
        personId: input.subjectKind === 'individual' ? (input.personId ?? null) : null,
        subjectOrgUnitId: input.subjectKind === 'collective' ? (input.subjectOrgUnitId ?? null) : null,
        subjectName,
        awardCode: input.awardCode,
        conferenceId: input.conferenceId ?? null,
        createdBy: ctx.auth.userId,
      })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain: body.id,
      action: 'registration.create',
      entity: 'title_registration',
      entityId: row!.id,
      orgUnitId: input.orgUnitId,
      after: { ...input, subjectName },
    });
    return row!;
  });
}

/** The officer accepts a registration or returns it with a reason. */
export async function reviewRegistration(
  ctx: RequestCtx,
  id: string,
  input: z.infer<typeof ReviewRegistration>,
): Promise<RegistrationRecord> {
  const db = ctx.deps.database.db;
  const reg = await getRegistration(db, id);
  if (!reg) throw notFound('đăng ký danh hiệu');
  assertCanRead(ctx.auth, reg.orgUnitId, 'đăng ký danh hiệu');
  assertCanWrite(ctx.auth, reg.bodyOrgUnitId, 'đăng ký danh hiệu');
  if (reg.status !== 'submitted') throw conflict('Đăng ký này đã được xử lý.', 'REGISTRATION.NOT_SUBMITTED');
  if (input.decision === 'return' && !input.reason) {
    throw invalid('Phải ghi rõ lý do trả lại đăng ký.', 'REGISTRATION.RETURN_REASON_REQUIRED');
  }
  const status = input.decision === 'accept' ? 'accepted' : 'returned';
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(titleRegistrations)
      .set({
        status,
        returnReason: input.decision === 'return' ? input.reason! : null,
        updatedAt: new Date(),
      })
      .where(sql`${titleRegistrations.id} = ${id} and ${titleRegistrations.status} = 'submitted'`)
      .returning();
    if (!rows[0])
      throw conflict('Đăng ký vừa được người khác xử lý. Vui lòng tải lại trang.', 'REGISTRATION.STALE');
    await writeAudit(tx, ctx.actor, {
      chain: reg.bodyOrgUnitId,
      action: `registration.${input.decision}`,
      entity: 'title_registration',
      entityId: id,
      orgUnitId: reg.orgUnitId,
      before: { status: reg.status },
      after: { status, reason: input.reason ?? null },
    });
    return rows[0];
  });
}
