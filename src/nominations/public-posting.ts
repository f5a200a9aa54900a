import { eq, sql } from 'drizzle-orm';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { queryRows } from '../platform/db/client.ts';
import { invalid, notFound } from '../platform/errors.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { todayInVietnam } from '../contracts/working-year.ts';
import { awardName } from './dossier.ts';
import { uuidArray } from './nominations.repository.ts';
import { postingComments, publicPostings } from './nominations.schema.ts';

type PostingRecord = typeof publicPostings.$inferSelect;
type CommentRecord = typeof postingComments.$inferSelect;

/**
 * Posts the body's candidate list (accepted nominations of the year) publicly for a set period
 * before the council meets, so staff and people can comment (Luật TĐKT 2022, Điều 5: công khai,
 * minh bạch). The list is frozen at posting time.
 */
export async function postCandidateList(
  ctx: RequestCtx,
  input: { orgUnitId: string; year: number; title: string; startsOn: string; endsOn: string },
): Promise<PostingRecord> {
  assertCanWrite(ctx.auth, input.orgUnitId, 'cơ quan niêm yết');
  const db = ctx.deps.database.db;
  const ids = await queryRows<{ id: string }>(
    db,
    sql`select id from nominations where body_org_unit_id = ${input.orgUnitId} and year = ${input.year}
          and status in ('accepted', 'at_council') order by subject_sort_key, id`,
  );
  if (ids.length === 0) throw invalid('Chưa có hồ sơ nào đã tiếp nhận để niêm yết.', 'POSTING.EMPTY');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publicPostings)
      .values({ ...input, nominationIds: ids.map((r) => r.id), createdBy: ctx.auth.userId })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain: input.orgUnitId,
      action: 'posting.create',
      entity: 'public_posting',
      entityId: row!.id,
      orgUnitId: input.orgUnitId,
      after: { ...input, count: ids.length },
    });
    return row!;
  });
}

export async function getPosting(ctx: RequestCtx, id: string) {
  const db = ctx.deps.database.db;
  const [posting] = await db.select().from(publicPostings).where(eq(publicPostings.id, id)).limit(1);
  if (!posting) throw notFound('đợt niêm yết');
  assertCanRead(ctx.auth, posting.orgUnitId, 'đợt niêm yết');
  const ids = posting.nominationIds as string[];
  const candidates = await queryRows<{
    id: string;
    subject_name: string;
    award_code: string;
    org_unit_name: string;
    subject_sort_key: string;
  }>(
    db,
    sql`select n.id, n.subject_name, n.award_code, u.name as org_unit_name, n.subject_sort_key
          from nominations n join org_units u on u.id = n.org_unit_id where n.id = any(${uuidArray(ids)})
         order by n.subject_sort_key, n.id`,
  );
  const comments = await db
    .select()
    .from(postingComments)
    .where(eq(postingComments.postingId, id))
    .orderBy(postingComments.createdAt);
  const today = todayInVietnam();
  return {
    posting,
    open: posting.startsOn <= today && today <= posting.endsOn,
    candidates: candidates.map((c) => ({
      id: c.id,
      subjectName: c.subject_name,
      awardName: awardName(c.award_code),
      orgUnitName: c.org_unit_name,
    })),
    comments,
  };
}

export async function listPostings(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<PostingRecord[]> {
  assertCanRead(ctx.auth, orgUnitId, 'cơ quan niêm yết');
  return ctx.deps.database.db
    .select()
    .from(publicPostings)
    .where(sql`${publicPostings.orgUnitId} = ${orgUnitId} and ${publicPostings.year} = ${year}`)
    .orderBy(publicPostings.createdAt);
}

/** Records a comment received during the posting (in writing, by phone, at the office). */
export async function recordPostingComment(
  ctx: RequestCtx,
  postingId: string,
  input: { nominationId?: string | undefined; authorName: string; content: string; receivedOn: string },
): Promise<CommentRecord> {
  const db = ctx.deps.database.db;
  const [posting] = await db.select().from(publicPostings).where(eq(publicPostings.id, postingId)).limit(1);
  if (!posting) throw notFound('đợt niêm yết');
  assertCanWrite(ctx.auth, posting.orgUnitId, 'đợt niêm yết');
  if (input.receivedOn < posting.startsOn || input.receivedOn > posting.endsOn) {
    throw invalid('Góp ý nhận ngoài thời gian niêm yết.', 'POSTING.OUT_OF_PERIOD');
  }
  if (input.nominationId && !(posting.nominationIds as string[]).includes(input.nominationId)) {
    throw invalid('Người được góp ý không có trong danh sách niêm yết.', 'POSTING.NOT_LISTED');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(postingComments)
      .values({
        postingId,
        orgUnitId: posting.orgUnitId,
        nominationId: input.nominationId ?? null,
        authorName: input.authorName,
        content: input.content,
        receivedOn: input.receivedOn,
      })
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain: posting.orgUnitId,
      action: 'posting.comment',
      entity: 'public_posting',
      entityId: postingId,
      orgUnitId: posting.orgUnitId,
      after: { commentId: row!.id, nominationId: input.nominationId ?? null },
    });
    return row!;
  });
}

export async function answerPostingComment(
  ctx: RequestCtx,
  postingId: string,
  commentId: string,
  answer: string,
): Promise<CommentRecord> {
  const db = ctx.deps.database.db;
  const [comment] = await db.select().from(postingComments).where(eq(postingComments.id, commentId)).limit(1);
  if (!comment || comment.postingId !== postingId) throw notFound('góp ý');
  assertCanWrite(ctx.auth, comment.orgUnitId, 'góp ý');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(postingComments)
      .set({ answer, answeredBy: ctx.auth.userId, answeredAt: new Date() })
      .where(eq(postingComments.id, commentId))
      .returning();
    await writeAudit(tx, ctx.actor, {
      chain: comment.orgUnitId,
      action: 'posting.answer',
      entity: 'public_posting',
      entityId: postingId,
      orgUnitId: comment.orgUnitId,
      before: { answer: comment.answer },
      after: { commentId, answer },
    });
    return row!;
  });
}
