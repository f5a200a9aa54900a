import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import type { AssessArticle, CreateConference, CreateCovenant } from '../contracts/emulation.ts';
import { covenantArticles, emulationCovenants, staffConferences } from './emulation.schema.ts';

const chainOf = async (ctx: RequestCtx, orgUnitId: string) =>
  (await ctx.deps.directory.get()).bodyOf(orgUnitId)?.id ?? 'system';

/** Records a signed covenant (giao ước thi đua) between units, with its articles as indicators. */
export async function signCovenant(ctx: RequestCtx, input: z.infer<typeof CreateCovenant>): Promise<string> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'đơn vị tổ chức giao ước');
  for (const id of input.partyOrgUnitIds) assertCanRead(ctx.auth, id, 'đơn vị ký giao ước');
  const chain = await chainOf(ctx, input.orgUnitId);
  return ctx.deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emulationCovenants)
      .values({
        orgUnitId: input.orgUnitId,
        year: input.year,
        title: input.title,
        signedOn: input.signedOn,
        documentRef: input.documentRef ?? null,
        partyOrgUnitIds: input.partyOrgUnitIds,
        conferenceId: input.conferenceId ?? null,
        createdBy: ctx.auth.userId,
      })
      .returning();
    await tx.insert(covenantArticles).values(
      input.articles.map((a, i) => ({
        covenantId: row!.id,
        orgUnitId: input.orgUnitId,
        position: i + 1,
        content: a.content,
        indicator: a.indicator ?? null,
      })),
    );
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'covenant.sign',
      entity: 'emulation_covenant',
      entityId: row!.id,
      orgUnitId: input.orgUnitId,
      after: input,
    });
    return row!.id;
  });
}

/** Year-end assessment of one covenant article. */
export async function assessCovenantArticle(
  ctx: RequestCtx,
  covenantId: string,
  articleId: string,
  input: z.infer<typeof AssessArticle>,
): Promise<void> {
  const db = ctx.deps.database.db;
  const article = (
    await db.select().from(covenantArticles).where(eq(covenantArticles.id, articleId)).limit(1)
  )[0];
  if (!article || article.covenantId !== covenantId) throw notFound('điều khoản giao ước');
  assertCanWrite(ctx.auth, article.orgUnitId, 'giao ước thi đua');
  const chain = await chainOf(ctx, article.orgUnitId);
  await db.transaction(async (tx) => {
    await tx
      .update(covenantArticles)
      .set({
        assessment: input.assessment,
        assessmentNote: input.note ?? null,
        assessedOn: input.assessedOn,
        assessedBy: ctx.auth.userId,
      })
      .where(eq(covenantArticles.id, articleId));
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'covenant.assess',
      entity: 'emulation_covenant',
      entityId: covenantId,
      orgUnitId: article.orgUnitId,
      before: { articleId, assessment: article.assessment },
      after: { articleId, ...input },
    });
  });
}

/** Records the year-start staff conference (hội nghị cán bộ, công chức). */
export async function recordConference(
  ctx: RequestCtx,
  input: z.infer<typeof CreateConference>,
): Promise<string> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'đơn vị tổ chức hội nghị');
  const chain = await chainOf(ctx, input.orgUnitId);
  return ctx.deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffConferences)
      .values({ ...input, note: input.note ?? null, createdBy: ctx.auth.userId })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'conference.record',
      entity: 'staff_conference',
      entityId: row!.id,
      orgUnitId: input.orgUnitId,
      after: input,
    });
    return row!.id;
  });
}
