import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddAgenda,
  AttendanceResult,
  CastBallot,
  CloseSession,
  CouncilParams,
  CouncilView,
  CreateSession,
  DeclareConflict,
  ItemParams,
  OpenVoting,
  PaperTally,
  WrittenOpinion,
  RecordAttendance,
  SaveCouncil,
  SessionParams,
  SessionSummary,
  SessionView,
  VotingResult,
} from '../contracts/council.ts';
import { Ok } from '../contracts/common.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import {
  addAgendaItems,
  closeSession,
  createSession,
  getCouncilView,
  recordAttendance,
  saveCouncil,
} from './manage-council.ts';
import { getSessionView } from './session-view.ts';
import {
  castBallot,
  closeVoting,
  declareConflict,
  enterWrittenOpinion,
  openVoting,
  recordPaperTally,
  resetVoting,
} from './vote.ts';

const READERS = ['admin', 'officer', 'chairman', 'council_member', 'superior_viewer'] as const;
const MANAGERS = ['officer', 'chairman'] as const;
const VOTERS = ['council_member', 'chairman'] as const;

export async function councilRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { access: { roles: [...MANAGERS], scope: 'org' as const } };

  r.get(
    '/api/v1/councils/:orgUnitId/:year',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { params: CouncilParams, response: { 200: CouncilView } },
    },
    async (req) => getCouncilView(ctxOf(req, deps), req.params.orgUnitId, req.params.year),
  );
  r.put(
    '/api/v1/councils/:orgUnitId/:year',
    { config: manage, schema: { params: CouncilParams, body: SaveCouncil, response: { 200: CouncilView } } },
    async (req) => saveCouncil(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
  r.post(
    '/api/v1/councils/:orgUnitId/:year/sessions',
    {
      config: manage,
      schema: { params: CouncilParams, body: CreateSession, response: { 200: SessionSummary } },
    },
    async (req) => createSession(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
  r.get(
    '/api/v1/council-sessions/:sessionId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { params: SessionParams, response: { 200: SessionView } },
    },
    async (req) => getSessionView(ctxOf(req, deps), req.params.sessionId),
  );
  r.put(
    '/api/v1/council-sessions/:sessionId/attendance',
    {
      config: manage,
      schema: { params: SessionParams, body: RecordAttendance, response: { 200: AttendanceResult } },
    },
    async (req) => recordAttendance(ctxOf(req, deps), req.params.sessionId, req.body),
  );
  r.post(
    '/api/v1/council-sessions/:sessionId/agenda',
    { config: manage, schema: { params: SessionParams, body: AddAgenda, response: { 200: SessionView } } },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await addAgendaItems(ctx, req.params.sessionId, req.body.nominationIds);
      return getSessionView(ctx, req.params.sessionId);
    },
  );
  r.post(
    '/api/v1/council-sessions/:sessionId/close',
    { config: manage, schema: { params: SessionParams, body: CloseSession, response: { 200: SessionView } } },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await closeSession(ctx, req.params.sessionId, req.body);
      return getSessionView(ctx, req.params.sessionId);
    },
  );
  r.post(
    '/api/v1/council-items/:itemId/open',
    { config: manage, schema: { params: ItemParams, body: OpenVoting, response: { 200: Ok } } },
    async (req) => {
      await openVoting(ctxOf(req, deps), req.params.itemId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/council-items/:itemId/close',
    { config: manage, schema: { params: ItemParams, response: { 200: VotingResult } } },
    async (req) => closeVoting(ctxOf(req, deps), req.params.itemId),
  );
  r.post(
    '/api/v1/council-items/:itemId/paper-tally',
    { config: manage, schema: { params: ItemParams, body: PaperTally, response: { 200: VotingResult } } },
    async (req) => recordPaperTally(ctxOf(req, deps), req.params.itemId, req.body),
  );
  r.post(
    '/api/v1/council-items/:itemId/written-opinion',
    { config: manage, schema: { params: ItemParams, body: WrittenOpinion, response: { 200: Ok } } },
    async (req) => {
      await enterWrittenOpinion(ctxOf(req, deps), req.params.itemId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/council-items/:itemId/reset',
    { config: manage, schema: { params: ItemParams, response: { 200: Ok } } },
    async (req) => {
      await resetVoting(ctxOf(req, deps), req.params.itemId);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/council-items/:itemId/ballot',
    {
      config: { access: { roles: [...VOTERS], scope: 'org' } },
      schema: { params: ItemParams, body: CastBallot, response: { 200: Ok } },
    },
    async (req) => {
      await castBallot(ctxOf(req, deps), req.params.itemId, req.body.choice);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/council-items/:itemId/recusal',
    {
      config: { access: { roles: ['officer', 'chairman', 'council_member'], scope: 'org' } },
      schema: { params: ItemParams, body: DeclareConflict, response: { 200: Ok } },
    },
    async (req) => {
      await declareConflict(ctxOf(req, deps), req.params.itemId, req.body);
      return { ok: true as const };
    },
  );
}
