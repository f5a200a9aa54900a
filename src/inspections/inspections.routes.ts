import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateInspection,
  CreateInspectionTask,
  InspectionDetail,
  InspectionList,
  InspectionSummary,
  SaveInspectedUnit,
  UpdateInspectionTask,
} from '../contracts/inspections.ts';
import { Ref, Uuid } from '../contracts/common.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import type { Role } from '../platform/auth/roles.ts';
import { assertCanRead } from '../platform/auth/access.ts';
import {
  addInspectionTask,
  createInspection,
  getInspection,
  listInspections,
  saveInspectedUnit,
  setInspectionTaskStatus,
} from './manage-inspections.ts';
import { summarizeInspections } from './summarize-inspections.ts';

const READERS: Role[] = ['admin', 'officer', 'chairman', 'unit_head', 'superior_viewer'];
const WRITERS: Role[] = ['admin', 'officer'];
const read = { access: { roles: READERS, scope: 'org' as const } };
const write = { access: { roles: WRITERS, scope: 'org' as const } };
const PlanParams = z.object({ inspectionId: Uuid });
const Year = z.coerce.number().int().min(2000).max(2100);

/** Inspections of emulation and commendation work (issue 7, item 4). */
export async function inspectionsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/inspections',
    {
      config: read,
      schema: { querystring: z.object({ year: Year.optional() }), response: { 200: InspectionList } },
    },
    async (req) => listInspections(ctxOf(req, deps), req.query.year),
  );
  r.get(
    '/api/v1/inspections/summary',
    {
      config: read,
      schema: {
        querystring: z.object({ orgUnitId: Ref('orgUnit'), year: Year }),
        response: { 200: InspectionSummary },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      assertCanRead(ctx.auth, req.query.orgUnitId, 'cơ quan');
      return summarizeInspections(deps.database.db, req.query.orgUnitId, req.query.year);
    },
  );
  r.post(
    '/api/v1/inspections',
    { config: write, schema: { body: CreateInspection, response: { 201: InspectionDetail } } },
    async (req, reply) => reply.status(201).send(await createInspection(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/api/v1/inspections/:inspectionId',
    { config: read, schema: { params: PlanParams, response: { 200: InspectionDetail } } },
    async (req) => getInspection(ctxOf(req, deps), req.params.inspectionId),
  );
  r.put(
    '/api/v1/inspections/:inspectionId/units/:orgUnitId',
    {
      config: write,
      schema: {
        params: PlanParams.extend({ orgUnitId: Uuid }),
        body: SaveInspectedUnit,
        response: { 200: InspectionDetail },
      },
    },
    async (req) =>
      saveInspectedUnit(ctxOf(req, deps), req.params.inspectionId, req.params.orgUnitId, req.body),
  );
  r.post(
    '/api/v1/inspections/:inspectionId/tasks',
    {
      config: write,
      schema: { params: PlanParams, body: CreateInspectionTask, response: { 201: InspectionDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await addInspectionTask(ctxOf(req, deps), req.params.inspectionId, req.body)),
  );
  r.patch(
    '/api/v1/inspection-tasks/:taskId',
    {
      config: write,
      schema: {
        params: z.object({ taskId: Uuid }),
        body: UpdateInspectionTask,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => setInspectionTaskStatus(ctxOf(req, deps), req.params.taskId, req.body.status),
  );
}
