import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePerson,
  PersonDetail,
  PersonList,
  PersonListQuery,
  UpsertRating,
} from '../contracts/people.ts';
import { assertCanRead, assertCanWrite, canRead, requireAuth } from '../platform/auth/access.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { awardLabel } from './award-labels.ts';
import {
  citizenIdTaken,
  getPerson,
  insertPeople,
  personRecord,
  searchPeople,
  upsertRating,
  workedIn,
} from './people.repository.ts';
import { maskBirthDate, maskCitizenId, seesPersonalData } from './privacy.ts';
import { nextPersonCode } from './person-code.ts';

type Gender = 'male' | 'female';
type StaffCategory = 'cadre' | 'civil_servant' | 'public_employee' | 'part_time_official' | 'worker';
type Rating = 'excellent' | 'good' | 'completed' | 'not_completed';

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}
function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof sortKey === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { sortKey, id };
  } catch {
    // fall through
  }
  return undefined;
}

export async function peopleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/people',
    {
      config: {
        access: {
          roles: ['admin', 'officer', 'unit_head', 'council_member', 'chairman', 'superior_viewer'],
          scope: 'org',
        },
      },
      schema: { querystring: PersonListQuery, response: { 200: PersonList } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      let orgUnitIds = [...ctx.auth.readOrgIds];
      if (req.query.orgUnitId) {
        assertCanRead(ctx.auth, req.query.orgUnitId, 'đơn vị');
        const directory = await deps.directory.get();
        orgUnitIds = directory.subtree(req.query.orgUnitId).filter((id) => ctx.auth.readOrgIds.has(id));
      }
      const rows = await searchPeople(deps.database.db, {
        orgUnitIds,
        q: req.query.q,
        staffCategory: req.query.staffCategory,
        gender: req.query.gender,
        limit: req.query.limit,
        after: decodeCursor(req.query.cursor),
      });
      const page = rows.slice(0, req.query.limit);
      const last = page[page.length - 1];
      const sees = seesPersonalData(ctx.auth);
      return {
        items: page.map((p) => ({
          id: p.id,
          code: p.code,
          fullName: p.full_name,
          gender: p.gender as Gender,
          birthDate: maskBirthDate(p.birth_date, sees),
          citizenId: maskCitizenId(p.citizen_id),
          orgUnitId: p.org_unit_id,
          orgUnitName: p.org_unit_name,
          position: p.position,
          staffCategory: p.staff_category as StaffCategory,
        })),
        nextCursor: rows.length > req.query.limit && last ? encodeCursor(last.name_sort_key, last.id) : null,
      };
    },
  );

  const detail = async (auth: ReturnType<typeof requireAuth>, id: string) => {
    const person = await getPerson(deps.database.db, id);
    if (!person) throw notFound('cán bộ');
    const own = auth.personId === person.id;
    if (
      !own &&
      !canRead(auth, person.orgUnitId) &&
      !(await workedIn(deps.database.db, person.id, auth.readOrgIds))
    ) {
      throw notFound('cán bộ');
    }
    const record = await personRecord(deps.database.db, person.id);
    const directory = await deps.directory.get();
    const sees = seesPersonalData(auth, person.id);
    return {
      id: person.id,
      code: person.code,
      fullName: person.fullName,
      gender: person.gender as Gender,
      birthDate: maskBirthDate(person.birthDate, sees),
      citizenId: sees ? person.citizenId : maskCitizenId(person.citizenId),
      orgUnitId: person.orgUnitId,
      orgUnitName: directory.get(person.orgUnitId)?.name ?? '',
      position: person.position,
      staffCategory: person.staffCategory as StaffCategory,
      employments: record.employments.map((e) => ({
        orgUnitId: e.org_unit_id,
        orgUnitName: e.org_unit_name,
        position: e.position,
        staffCategory: e.staff_category as StaffCategory,
        startDate: e.start_date,
        endDate: e.end_date,
      })),
      ratings: record.ratings.map((x) => ({ year: x.year, rating: x.rating as Rating })),
      disciplines: record.disciplines.map((d) => ({
        form: d.form,
        fromDate: d.fromDate,
        toDate: d.toDate,
        pending: d.pending,
      })),
      initiatives: record.initiatives.map((i) => ({
        title: i.title,
        scope: i.scope,
        recognizedOn: i.recognizedOn,
      })),
      absences: record.absences.map((a) => ({ kind: a.kind, fromDate: a.fromDate, toDate: a.toDate })),
      awards: record.awards.map((a) => ({
        year: a.year,
        awardCode: a.award_code,
        awardLabel: awardLabel(a.award_code),
        decisionNumber: a.decision_number,
        decisionDate: a.decision_date,
        issuerName: a.issuer_name,
        revoked: a.revoked_at !== null,
      })),
    };
  };

  r.get(
    '/api/v1/people/:id',
    {
      config: { access: { roles: 'authenticated', scope: 'org' } },
      schema: { params: z.object({ id: z.uuid() }), response: { 200: PersonDetail } },
    },
    async (req) => detail(requireAuth(req.auth), req.params.id),
  );

  r.get(
    '/api/v1/me/record',
    {
      config: { access: { roles: 'authenticated', scope: 'self' } },
      schema: { response: { 200: PersonDetail } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      if (!auth.personId) throw notFound('hồ sơ cá nhân gắn với tài khoản này');
      return detail(auth, auth.personId);
    },
  );

  r.post(
    '/api/v1/people',
    {
      config: { access: { roles: ['admin', 'officer'], scope: 'org' } },
      schema: { body: CreatePerson, response: { 201: z.object({ id: z.string(), code: z.string() }) } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      assertCanWrite(ctx.auth, req.body.orgUnitId, 'đơn vị');
      const directory = await deps.directory.get();
      const unit = directory.get(req.body.orgUnitId);
      if (!unit) throw notFound('đơn vị');
      const result = await deps.database.db.transaction(async (tx) => {
        if (req.body.citizenId && (await citizenIdTaken(tx, req.body.citizenId))) {
          throw conflict(
            'Số CCCD này đã có trong hệ thống; hãy tìm người đó thay vì tạo mới.',
            'PERSON.CITIZEN_ID_TAKEN',
          );
        }
        const code = await nextPersonCode(tx, unit.provinceCode);
        const [id] = await insertPeople(tx, [{ ...req.body, code, provinceCode: unit.provinceCode }]);
        await writeAudit(tx, ctx.actor, {
          chain: directory.bodyOf(unit.id)?.id ?? 'system',
          action: 'person.create',
          entity: 'person',
          entityId: id,
          orgUnitId: unit.id,
          after: { ...req.body, citizenId: req.body.citizenId ? maskCitizenId(req.body.citizenId) : null },
        });
        return { id: id!, code };
      });
      return reply.status(201).send(result);
    },
  );

  r.put(
    '/api/v1/people/:id/ratings',
    {
      config: { access: { roles: ['admin', 'officer', 'unit_head'], scope: 'org' } },
      schema: {
        params: z.object({ id: z.uuid() }),
        body: UpsertRating,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const person = await getPerson(deps.database.db, req.params.id);
      if (!person) throw notFound('cán bộ');
      assertCanWrite(ctx.auth, person.orgUnitId, 'cán bộ');
      if (ctx.auth.personId === person.id) throw forbidden('Không được tự xếp loại cho chính mình.');
      const directory = await deps.directory.get();
      await deps.database.db.transaction(async (tx) => {
        const before = await upsertRating(tx, person.id, person.orgUnitId, req.body.year, req.body.rating);
        await writeAudit(tx, ctx.actor, {
          chain: directory.bodyOf(person.orgUnitId)?.id ?? 'system',
          action: 'person.rating',
          entity: 'person',
          entityId: person.id,
          orgUnitId: person.orgUnitId,
          before: before ?? null,
          after: req.body,
        });
      });
      return { ok: true as const };
    },
  );
}
