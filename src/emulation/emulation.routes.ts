import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  AssessArticle,
  ConferenceDto,
  CovenantDto,
  CreateConference,
  CreateCovenant,
  CreateMovement,
  CreateRegistration,
  CreateTarget,
  MovementDetail,
  MovementStatusBody,
  MovementSummary,
  RecordProgress,
  RegistrationDto,
  RegistrationList,
  ReviewRegistration,
  TargetDto,
} from '../contracts/emulation.ts';
import { Ref } from '../contracts/common.ts';
import { assertCanRead } from '../platform/auth/access.ts';
import type { Role } from '../platform/auth/roles.ts';
import { queryRows } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps, RequestCtx } from '../platform/http/context.ts';
import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import { addTarget, changeMovementStatus, createMovement, recordTargetProgress } from './manage-movements.ts';
import { assessCovenantArticle, recordConference, signCovenant } from './manage-covenants.ts';
import { registerTitle, reviewRegistration } from './manage-registrations.ts';
import {
  getConference,
  getCovenant,
  getMovement,
  listMovements,
  listRegistrations,
  targetsOf,
  type MovementRecord,
  type RegistrationRecord,
  type TargetWithProgress,
} from './emulation.repository.ts';
import {
  MOVEMENT_STATUS_LABELS,
  registrationRequired,
  targetShare,
  type MovementStatus,
} from './movement-status.ts';

const READERS: readonly Role[] = [
  'admin',
  'officer',
  'unit_head',
  'council_member',
  'chairman',
  'superior_viewer',
];
const OFFICERS: readonly Role[] = ['admin', 'officer'];
const UNIT_WRITERS: readonly Role[] = ['admin', 'officer', 'unit_head'];

const awardNameOf = (code: string) => (isAwardCode(code) ? catalogueEntry(code).name : code);

function movementSummary(m: MovementRecord) {
  const status = m.status as MovementStatus;
  return {
    id: m.id,
    orgUnitId: m.orgUnitId,
    year: m.year,
    name: m.name,
    kind: m.kind as 'regular' | 'thematic',
    fields: m.fields as string[],
    status,
    statusLabel: MOVEMENT_STATUS_LABELS[status] ?? m.status,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    launchedOn: m.launchedOn,
  };
}

function targetDto(t: TargetWithProgress) {
  const latest = t.progress.at(-1) ?? null;
  const targetValue = Number(t.targetValue);
  return {
    id: t.id,
    name: t.name,
    measure: t.measure,
    targetValue,
    ownerOrgUnitId: t.ownerOrgUnitId,
    ownerOrgUnitName: t.ownerOrgUnitName,
    latestValue: latest?.value ?? null,
    latestReportedOn: latest?.reportedOn ?? null,
    share: targetShare(targetValue, latest?.value ?? null),
    progress: t.progress,
  };
}

async function movementDetail(ctx: RequestCtx, id: string) {
  const m = await getMovement(ctx.deps.database.db, id);
  if (!m) throw notFound('phong trào thi đua');
  assertCanRead(ctx.auth, m.orgUnitId, 'phong trào thi đua');
  const targets = await targetsOf(ctx.deps.database.db, id);
  return {
    ...movementSummary(m),
    launchDocument: m.launchDocument,
    goals: m.goals,
    parentMovementId: m.parentMovementId,
    participantOrgUnitIds: m.participantOrgUnitIds as string[],
    reviewNote: m.reviewNote,
    targets: targets.map(targetDto),
  };
}

function registrationDto(r: RegistrationRecord & { org_unit_name?: string }, orgUnitName: string) {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.org_unit_name ?? orgUnitName,
    year: r.year,
    subjectKind: r.subjectKind as 'individual' | 'collective',
    subjectName: r.subjectName,
    awardCode: r.awardCode,
    awardName: awardNameOf(r.awardCode),
    status: r.status as 'submitted' | 'accepted' | 'returned',
    returnReason: r.returnReason,
  };
}

async function covenantDto(ctx: RequestCtx, id: string) {
  const found = await getCovenant(ctx.deps.database.db, id);
  if (!found) throw notFound('giao ước thi đua');
  assertCanRead(ctx.auth, found.covenant.orgUnitId, 'giao ước thi đua');
  const directory = await ctx.deps.directory.get();
  const c = found.covenant;
  return {
    id: c.id,
    orgUnitId: c.orgUnitId,
    year: c.year,
    title: c.title,
    signedOn: c.signedOn,
    documentRef: c.documentRef,
    parties: (c.partyOrgUnitIds as string[]).map((p) => ({ id: p, name: directory.get(p)?.name ?? '' })),
    articles: found.articles.map((a) => ({
      id: a.id,
      position: a.position,
      content: a.content,
      indicator: a.indicator,
      assessment: a.assessment as 'met' | 'partly_met' | 'not_met' | null,
      assessmentNote: a.assessmentNote,
      assessedOn: a.assessedOn,
    })),
    assessedCount: found.articles.filter((a) => a.assessment !== null).length,
    metCount: found.articles.filter((a) => a.assessment === 'met').length,
  };
}

export async function emulationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: z.uuid() });
  const scopeQuery = z.object({
    orgUnitId: Ref('orgUnit').optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  });

  const readableUnits = async (ctx: RequestCtx, orgUnitId: string | undefined) => {
    if (!orgUnitId) return [...ctx.auth.readOrgIds];
    assertCanRead(ctx.auth, orgUnitId, 'đơn vị');
    return (await deps.directory.get()).subtree(orgUnitId).filter((id) => ctx.auth.readOrgIds.has(id));
  };

  r.get(
    '/api/v1/movements',
    {
      config: { access: { roles: 'authenticated', scope: 'org' } },
      schema: { querystring: scopeQuery, response: { 200: z.array(MovementSummary) } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const ids = await listMovements(
        deps.database.db,
        await readableUnits(ctx, req.query.orgUnitId),
        req.query.year,
      );
      const rows = await Promise.all(ids.map((i) => getMovement(deps.database.db, i.id)));
      return rows.filter((m): m is MovementRecord => !!m).map(movementSummary);
    },
  );
  r.post(
    '/api/v1/movements',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { body: CreateMovement, response: { 201: MovementDetail } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const m = await createMovement(ctx, req.body);
      return reply.status(201).send(await movementDetail(ctx, m.id));
    },
  );
  r.get(
    '/api/v1/movements/:id',
    {
      config: { access: { roles: 'authenticated', scope: 'org' } },
      schema: { params, response: { 200: MovementDetail } },
    },
    async (req) => movementDetail(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/api/v1/movements/:id/status',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { params, body: MovementStatusBody, response: { 200: MovementDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await changeMovementStatus(ctx, req.params.id, req.body);
      return movementDetail(ctx, req.params.id);
    },
  );
  r.post(
    '/api/v1/movements/:id/targets',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { params, body: CreateTarget, response: { 201: MovementDetail } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      await addTarget(ctx, req.params.id, req.body);
      return reply.status(201).send(await movementDetail(ctx, req.params.id));
    },
  );
  r.post(
    '/api/v1/targets/:targetId/progress',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: {
        params: z.object({ targetId: z.uuid() }),
        body: RecordProgress,
        response: { 201: TargetDto },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const movementId = await recordTargetProgress(ctx, req.params.targetId, req.body);
      const target = (await targetsOf(deps.database.db, movementId)).find(
        (x) => x.id === req.params.targetId,
      );
      if (!target) throw notFound('chỉ tiêu');
      return reply.status(201).send(targetDto(target));
    },
  );

  r.get(
    '/api/v1/conferences',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { querystring: scopeQuery, response: { 200: z.array(ConferenceDto) } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const units = await readableUnits(ctx, req.query.orgUnitId);
      const rows = await queryRows<{ id: string }>(
        deps.database.db,
        sql`select id from staff_conferences where org_unit_id = any(${`{${units.join(',')}}`}::uuid[]) ${req.query.year ? sql`and year = ${req.query.year}` : sql``} order by held_on`,
      );
      return Promise.all(rows.map((c) => conferenceDto(ctx, c.id)));
    },
  );
  const conferenceDto = async (ctx: RequestCtx, id: string) => {
    const c = await getConference(deps.database.db, id);
    if (!c) throw notFound('hội nghị');
    assertCanRead(ctx.auth, c.orgUnitId, 'hội nghị');
    const ids = c.movementIds as string[];
    const movements = await Promise.all(ids.map((m) => getMovement(deps.database.db, m)));
    const counts = await queryRows<{ regs: number; covs: number }>(
      deps.database.db,
      sql`select (select count(*)::int from title_registrations where conference_id = ${id}) as regs,
                 (select count(*)::int from emulation_covenants where conference_id = ${id}) as covs`,
    );
    return {
      id: c.id,
      orgUnitId: c.orgUnitId,
      year: c.year,
      heldOn: c.heldOn,
      lastYearReview: c.lastYearReview,
      movements: movements.filter((m): m is MovementRecord => !!m).map((m) => ({ id: m.id, name: m.name })),
      registrationCount: counts[0]?.regs ?? 0,
      covenantCount: counts[0]?.covs ?? 0,
      note: c.note,
    };
  };
  r.post(
    '/api/v1/conferences',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { body: CreateConference, response: { 201: ConferenceDto } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      return reply.status(201).send(await conferenceDto(ctx, await recordConference(ctx, req.body)));
    },
  );

  r.get(
    '/api/v1/registrations',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: {
        querystring: z.object({
          orgUnitId: Ref('orgUnit').optional(),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: RegistrationList },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const rows = await listRegistrations(
        deps.database.db,
        await readableUnits(ctx, req.query.orgUnitId),
        undefined,
        req.query.year,
      );
      const totals = new Map<string, { accepted: number; submitted: number }>();
      for (const row of rows) {
        const t = totals.get(row.awardCode) ?? { accepted: 0, submitted: 0 };
        if (row.status === 'accepted') t.accepted++;
        if (row.status === 'submitted') t.submitted++;
        totals.set(row.awardCode, t);
      }
      const directory = await deps.directory.get();
      const province = directory.get(req.query.orgUnitId ?? ctx.auth.orgUnitId)?.provinceCode ?? '';
      return {
        required: registrationRequired(province),
        items: rows.map((row) => registrationDto(row, row.org_unit_name)),
        totals: [...totals].map(([awardCode, t]) => ({ awardCode, awardName: awardNameOf(awardCode), ...t })),
      };
    },
  );
  r.post(
    '/api/v1/registrations',
    {
      config: { access: { roles: UNIT_WRITERS, scope: 'org' } },
      schema: { body: CreateRegistration, response: { 201: RegistrationDto } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const row = await registerTitle(ctx, req.body);
      const directory = await deps.directory.get();
      return reply.status(201).send(registrationDto(row, directory.get(row.orgUnitId)?.name ?? ''));
    },
  );
  r.post(
    '/api/v1/registrations/:id/review',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { params, body: ReviewRegistration, response: { 200: RegistrationDto } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const row = await reviewRegistration(ctx, req.params.id, req.body);
      const directory = await deps.directory.get();
      return registrationDto(row, directory.get(row.orgUnitId)?.name ?? '');
    },
  );

  r.post(
    '/api/v1/covenants',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: { body: CreateCovenant, response: { 201: CovenantDto } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      return reply.status(201).send(await covenantDto(ctx, await signCovenant(ctx, req.body)));
    },
  );
  r.get(
    '/api/v1/covenants',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { querystring: scopeQuery, response: { 200: z.array(CovenantDto) } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const units = await readableUnits(ctx, req.query.orgUnitId);
      const rows = await queryRows<{ id: string }>(
        deps.database.db,
        sql`select id from emulation_covenants where org_unit_id = any(${`{${units.join(',')}}`}::uuid[]) ${req.query.year ? sql`and year = ${req.query.year}` : sql``} order by signed_on, title`,
      );
      return Promise.all(rows.map((c) => covenantDto(ctx, c.id)));
    },
  );
  r.get(
    '/api/v1/covenants/:id',
    {
      config: { access: { roles: READERS, scope: 'org' } },
      schema: { params, response: { 200: CovenantDto } },
    },
    async (req) => covenantDto(ctxOf(req, deps), req.params.id),
  );
  r.put(
    '/api/v1/covenants/:id/articles/:articleId/assessment',
    {
      config: { access: { roles: OFFICERS, scope: 'org' } },
      schema: {
        params: z.object({ id: z.uuid(), articleId: z.uuid() }),
        body: AssessArticle,
        response: { 200: CovenantDto },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await assessCovenantArticle(ctx, req.params.id, req.params.articleId, req.body);
      return covenantDto(ctx, req.params.id);
    },
  );
}
