import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerPostingComment,
  AttachmentDto,
  CollectiveRatingDto,
  CreateNomination,
  CreatePosting,
  CreatePostingComment,
  DossierPartCode,
  NominationActionBody,
  NominationCounts,
  NominationCountsQuery,
  NominationDetail,
  NominationList,
  NominationListQuery,
  PostingDto,
  PrefillCandidates,
  PrefillResult,
  RecordCollectiveRating,
  UpdateNomination,
} from '../contracts/nominations.ts';
import { Ok, Ref } from '../contracts/common.ts';
import { assertCanRead, canRead, hasAnyRole } from '../platform/auth/access.ts';
import type { Role } from '../platform/auth/roles.ts';
import { invalid, notFound } from '../platform/errors.ts';
import { MAX_ATTACHMENT_BYTES } from '../platform/files/index.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps, RequestCtx } from '../platform/http/context.ts';
import { foldVietnamese } from '../platform/text/index.ts';
import { actOnNomination, ACTION_ROLES, type UserAction } from './act-on-nomination.ts';
import { attachDossierFile, readDossierFile, removeDossierFile } from './attach-dossier-file.ts';
import { createNomination } from './create-nomination.ts';
import type { Conflict } from './detect-conflicts.ts';
import {
  awardName,
  checkDossier,
  DOSSIER_PART_LABELS,
  isNominationKind,
  NOMINATION_KIND_LABELS,
  type DossierPart,
  type NominationKind,
} from './dossier.ts';
import {
  NOMINATION_ACTION_LABELS,
  NOMINATION_STATUS_LABELS,
  transition,
  type NominationAction,
  type NominationStatus,
} from './nomination-status.ts';
import type { Verdict } from './nomination-verdict.ts';
import {
  countNominationsByStatus,
  getNomination,
  listAttachments,
  listNominationRows,
  nominationHistory,
  type AttachmentRecord,
  type NominationFilter,
  type NominationHistoryRow,
  type NominationListRow,
  type NominationRecord,
} from './nominations.repository.ts';
import { prefillCandidates } from './prefill-candidates.ts';
import {
  answerPostingComment,
  getPosting,
  listPostings,
  postCandidateList,
  recordPostingComment,
} from './public-posting.ts';
import { updateNomination } from './update-nomination.ts';
import {
  listCollectiveRatings,
  recordCollectiveRating,
  type CollectiveRatingRow,
} from './record-collective-rating.ts';

function collectiveRatingDto(r: CollectiveRatingRow & { org_unit_name: string }) {
  return {
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    year: r.year,
    rating: r.rating,
    activeEmulation: r.active_emulation,
    internalUnity: r.internal_unity,
    pendingDiscipline: r.pending_discipline,
  };
}

const READERS: readonly Role[] = [
  'admin',
  'officer',
  'unit_head',
  'council_member',
  'chairman',
  'superior_viewer',
];
const UNIT_WRITERS: readonly Role[] = ['admin', 'officer', 'unit_head'];
const OFFICERS: readonly Role[] = ['admin', 'officer'];

type SubjectKind = 'individual' | 'collective' | 'household';

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}
function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof sortKey === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { sortKey, id };
  } catch {
    // An unreadable cursor starts from the first page.
  }
  return undefined;
}

function summaryOf(n: NominationListRow) {
  const status = n.status as NominationStatus;
  const kind = n.kind as NominationKind;
  return {
    id: n.id,
    orgUnitId: n.org_unit_id,
    orgUnitName: n.org_unit_name,
    bodyOrgUnitId: n.body_org_unit_id,
    year: n.year,
    kind,
    kindLabel: NOMINATION_KIND_LABELS[kind] ?? n.kind,
    subjectKind: n.subject_kind as SubjectKind,
    subjectName: n.subject_name,
    awardCode: n.award_code,
    awardName: awardName(n.award_code),
    status,
    statusLabel: NOMINATION_STATUS_LABELS[status] ?? n.status,
    origin: n.origin as 'manual' | 'prefill',
    eligible: n.eligible,
    unverifiedCitations: [...new Set(n.unverified_citations ?? [])],
    conflictCount: n.conflict_count,
    returnReason: n.return_reason,
  };
}

function attachmentDto(a: AttachmentRecord) {
  return {
    id: a.id,
    part: a.part as DossierPart,
    partLabel: DOSSIER_PART_LABELS[a.part as DossierPart] ?? a.part,
    displayName: a.displayName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}

const EVENT_LABELS: Record<string, string> = {
  'nomination.create': 'Lập hồ sơ đề nghị',
  'nomination.prefill': 'Lập từ danh sách gợi ý cuối năm',
  'nomination.update': 'Sửa nội dung đề nghị',
  'nomination.attach': 'Đính kèm tệp hồ sơ',
  'nomination.detach': 'Gỡ tệp hồ sơ',
  'nomination.decide_bulk': 'Ghi nhận quyết định khen thưởng',
};

const statusLabel = (s: string | undefined) =>
  s ? (NOMINATION_STATUS_LABELS[s as NominationStatus] ?? s) : null;

function historyEntry(h: NominationHistoryRow) {
  const action = h.action.replace(/^nomination\./, '') as NominationAction;
  const verb = NOMINATION_ACTION_LABELS[action];
  const label = EVENT_LABELS[h.action] ?? (verb ? verb.charAt(0).toUpperCase() + verb.slice(1) : h.action);
  const from = h.before?.status;
  const to = h.after?.status;
  return {
    at: h.at,
    action: h.action,
    label,
    actorName: h.actor_name,
    fromStatus: from && to && from !== to ? statusLabel(from) : null,
    toStatus: to && from !== to ? statusLabel(to) : null,
    note: h.after?.returnReason ?? h.after?.forwardedTo ?? null,
  };
}

async function detailOf(ctx: RequestCtx, n: NominationRecord) {
  const directory = await ctx.deps.directory.get();
  const [attachments, history] = await Promise.all([
    listAttachments(ctx.deps.database.db, n.id),
    nominationHistory(ctx.deps.database.db, n.id),
  ]);
  const status = n.status as NominationStatus;
  const dossier = isNominationKind(n.kind)
    ? checkDossier(
        n.kind,
        n.awardCode,
        attachments.map((a) => a.part),
      )
    : { complete: false, missing: [] };
  const allowedActions = (Object.keys(ACTION_ROLES) as UserAction[]).filter(
    (a) => hasAnyRole(ctx.auth, ACTION_ROLES[a]) && transition(status, a).ok,
  );
  return {
    ...summaryOf({
      id: n.id,
      org_unit_id: n.orgUnitId,
      org_unit_name: directory.get(n.orgUnitId)?.name ?? '',
      body_org_unit_id: n.bodyOrgUnitId,
      year: n.year,
      kind: n.kind,
      subject_kind: n.subjectKind,
      person_id: n.personId,
      household_id: n.householdId,
      subject_org_unit_id: n.subjectOrgUnitId,
      subject_name: n.subjectName,
      subject_sort_key: n.subjectSortKey,
      award_code: n.awardCode,
      movement_id: n.movementId,
      field: n.field,
      origin: n.origin,
      status: n.status,
      return_reason: n.returnReason,
      eligible: (n.verdict as Verdict | null)?.eligible ?? null,
      unverified_citations: ((n.verdict as Verdict | null)?.reasons ?? [])
        .filter((r) => !r.verified)
        .map((r) => r.citation),
      conflict_count: (n.conflicts as Conflict[]).length,
      updated_at: n.updatedAt.toISOString(),
    }),
    personId: n.personId,
    householdId: n.householdId,
    subjectOrgUnitId: n.subjectOrgUnitId,
    movementId: n.movementId,
    field: n.field,
    achievementSummary: n.achievementSummary,
    verdict: (n.verdict as Verdict | null) ?? null,
    conflicts: n.conflicts as Conflict[],
    dossier: {
      complete: dossier.complete,
      missing: dossier.missing.map((m) => ({
        part: m.part,
        label: DOSSIER_PART_LABELS[m.part],
        citation: m.citation,
      })),
    },
    attachments: attachments.map(attachmentDto),
    forwardedTo: n.forwardedTo,
    resultAwarded: n.resultAwarded,
    resultNote: n.resultNote,
    decisionId: n.decisionId,
    allowedActions,
    history: history.map(historyEntry),
  };
}

export async function nominationsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: z.uuid() });

  /**
   * The rows a query may see. Whoever reads a body reads every nomination it receives: the
   * filter on the body alone then lets the (body, year, status, sort key) index serve the page.
   */
  const scopeOf = async (
    ctx: RequestCtx,
    q: { orgUnitId?: string | undefined; bodyOrgUnitId?: string | undefined },
  ): Promise<string[] | undefined> => {
    if (q.orgUnitId) {
      assertCanRead(ctx.auth, q.orgUnitId, 'đơn vị');
      const directory = await deps.directory.get();
      return directory.subtree(q.orgUnitId).filter((id) => ctx.auth.readOrgIds.has(id));
    }
    return q.bodyOrgUnitId && canRead(ctx.auth, q.bodyOrgUnitId) ? undefined : [...ctx.auth.readOrgIds];
  };
  const filterOf = async (
    ctx: RequestCtx,
    q: z.infer<typeof NominationCountsQuery>,
  ): Promise<Omit<NominationFilter, 'limit'>> => ({
    orgUnitIds: await scopeOf(ctx, q),
    bodyOrgUnitId: q.bodyOrgUnitId,
    year: q.year,
    kind: q.kind,
    awardCode: q.awardCode,
    subjectKind: q.subjectKind,
    q: q.q ? foldVietnamese(q.q) : undefined,
  });

  // One page, one indexed query: the counts per status are their own request (below), so paging
  // through a list never recounts it (issue 4, benchmark).
  r.get(
    '/api/v1/nominations',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { querystring: NominationListQuery, response: { 200: NominationList } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const q = req.query;
      const rows = await listNominationRows(deps.database.db, {
        ...(await filterOf(ctx, q)),
        statuses: q.status as NominationStatus[] | undefined,
        limit: q.limit,
        after: decodeCursor(q.cursor),
      });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(summaryOf),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.subject_sort_key, last.id) : null,
      };
    },
  );

  r.get(
    '/api/v1/nominations/counts',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { querystring: NominationCountsQuery, response: { 200: NominationCounts } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const countsByStatus = await countNominationsByStatus(deps.database.db, await filterOf(ctx, req.query));
      return { countsByStatus, total: Object.values(countsByStatus).reduce((a, b) => a + b, 0) };
    },
  );

  r.post(
    '/api/v1/nominations',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: { body: CreateNomination, response: { 201: NominationDetail } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const row = await createNomination(ctx, req.body);
      return reply.status(201).send(await detailOf(ctx, row));
    },
  );

  r.get(
    '/api/v1/nominations/:id',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { params, response: { 200: NominationDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const n = await getNomination(deps.database.db, req.params.id);
      if (!n) throw notFound('hồ sơ đề nghị khen thưởng');
      assertCanRead(ctx.auth, n.orgUnitId, 'hồ sơ đề nghị khen thưởng');
      return detailOf(ctx, n);
    },
  );

  r.patch(
    '/api/v1/nominations/:id',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: { params, body: UpdateNomination, response: { 200: NominationDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      return detailOf(ctx, await updateNomination(ctx, req.params.id, req.body));
    },
  );

  const actionRoute = (path: string, action: UserAction) =>
    r.post(
      `/api/v1/nominations/:id/${path}`,
      {
        config: { access: { roles: ACTION_ROLES[action], scope: 'org' } },
        schema: { params, body: NominationActionBody, response: { 200: NominationDetail } },
      },
      async (req) => {
        const ctx = ctxOf(req, deps);
        return detailOf(ctx, await actOnNomination(ctx, req.params.id, action, req.body));
      },
    );
  actionRoute('submit', 'submit');
  actionRoute('return', 'return');
  actionRoute('accept', 'accept');
  actionRoute('forward', 'forward');
  actionRoute('result', 'record_result');

  r.post(
    '/api/v1/nominations/:id/attachments',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: { params, querystring: z.object({ part: DossierPartCode }), response: { 201: AttachmentDto } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      if (!req.isMultipart()) throw invalid('Hãy gửi tệp đính kèm dạng multipart/form-data.');
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1 } });
      if (!file) throw invalid('Chưa chọn tệp đính kèm.');
      const bytes = await file.toBuffer().catch(() => {
        throw invalid(
          `Tệp đính kèm vượt quá dung lượng cho phép (${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB).`,
          'FILE.TOO_LARGE',
        );
      });
      const row = await attachDossierFile(ctx, req.params.id, req.query.part, bytes, file.filename);
      return reply.status(201).send(attachmentDto(row));
    },
  );

  r.get(
    '/api/v1/nominations/:id/attachments/:attachmentId',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const { attachment, bytes } = await readDossierFile(ctx, req.params.id, req.params.attachmentId);
      return reply
        .type(attachment.mediaType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.displayName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );

  r.delete(
    '/api/v1/nominations/:id/attachments/:attachmentId',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: { params: z.object({ id: z.uuid(), attachmentId: z.uuid() }), response: { 200: Ok } },
    },
    async (req) => {
      await removeDossierFile(ctxOf(req, deps), req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/nominations/prefill',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: { body: PrefillCandidates, response: { 200: PrefillResult } },
    },
    async (req) => {
      const out = await prefillCandidates(ctxOf(req, deps), req.body.orgUnitId, req.body.year);
      return {
        created: out.created.length,
        skipped: out.skipped,
        unratedCollectives: out.unratedCollectives,
        items: out.created,
      };
    },
  );

  r.get(
    '/api/v1/collective-ratings',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: {
        querystring: z.object({
          orgUnitId: Ref('orgUnit'),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: z.array(CollectiveRatingDto) },
      },
    },
    async (req) =>
      (await listCollectiveRatings(ctxOf(req, deps), req.query.orgUnitId, req.query.year)).map(
        collectiveRatingDto,
      ),
  );

  r.put(
    '/api/v1/collective-ratings',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { body: RecordCollectiveRating, response: { 200: CollectiveRatingDto } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await recordCollectiveRating(ctx, req.body);
      const saved = (await listCollectiveRatings(ctx, req.body.orgUnitId, req.body.year)).find(
        (r) => r.org_unit_id === req.body.orgUnitId,
      );
      if (!saved) throw notFound('xếp loại tập thể');
      return collectiveRatingDto(saved);
    },
  );

  const postingDto = async (ctx: RequestCtx, id: string) => {
    const p = await getPosting(ctx, id);
    return {
      id: p.posting.id,
      orgUnitId: p.posting.orgUnitId,
      year: p.posting.year,
      title: p.posting.title,
      startsOn: p.posting.startsOn,
      endsOn: p.posting.endsOn,
      open: p.open,
      candidates: p.candidates,
      comments: p.comments.map((c) => ({
        id: c.id,
        nominationId: c.nominationId,
        authorName: c.authorName,
        content: c.content,
        receivedOn: c.receivedOn,
        answer: c.answer,
        answeredAt: c.answeredAt ? c.answeredAt.toISOString() : null,
      })),
    };
  };

  r.get(
    '/api/v1/postings',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: {
        querystring: z.object({ orgUnitId: Ref('orgUnit'), year: z.coerce.number().int() }),
        response: { 200: z.array(PostingDto.omit({ candidates: true, comments: true })) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const rows = await listPostings(ctx, req.query.orgUnitId, req.query.year);
      return Promise.all(
        rows.map(async (p) => {
          const { candidates: _c, comments: _m, ...rest } = await postingDto(ctx, p.id);
          return rest;
        }),
      );
    },
  );

  r.post(
    '/api/v1/postings',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { body: CreatePosting, response: { 201: PostingDto } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const row = await postCandidateList(ctx, req.body);
      return reply.status(201).send(await postingDto(ctx, row.id));
    },
  );

  r.get(
    '/api/v1/postings/:id',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { params, response: { 200: PostingDto } },
    },
    async (req) => postingDto(ctxOf(req, deps), req.params.id),
  );

  r.post(
    '/api/v1/postings/:id/comments',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { params, body: CreatePostingComment, response: { 201: PostingDto } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      await recordPostingComment(ctx, req.params.id, req.body);
      return reply.status(201).send(await postingDto(ctx, req.params.id));
    },
  );

  r.post(
    '/api/v1/postings/:id/comments/:commentId/answer',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: {
        params: z.object({ id: z.uuid(), commentId: z.uuid() }),
        body: AnswerPostingComment,
        response: { 200: PostingDto },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await answerPostingComment(ctx, req.params.id, req.params.commentId, req.body.answer);
      return postingDto(ctx, req.params.id);
    },
  );
}
