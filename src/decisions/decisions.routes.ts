import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AwardHistory,
  AwardHistoryQuery,
  Created,
  CreateHigherProposal,
  DecisionDetail,
  DecisionListQuery,
  DecisionParams,
  DecisionSummary,
  DraftCorrection,
  DraftDecision,
  DraftRevocation,
  EnterAwardRecord,
  HigherProposal,
  HigherProposalListQuery,
  IssueDecision,
  IssueResult,
  ProposalParams,
  RecordHigherResult,
} from '../contracts/decisions.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { enterAwardRecord, getAwardHistory } from './award-history.ts';
import { getDecisionDetail, listDecisionSummaries } from './decision-view.ts';
import { draftCorrection, draftDecision, draftRevocation } from './draft-decision.ts';
import { createHigherProposal, listHigherProposals, recordHigherResult } from './higher-proposals.ts';
import { issueDecision } from './issue-decision.ts';

const READERS = ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'] as const;
const WRITERS = ['officer', 'chairman'] as const;

export async function decisionsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { access: { roles: [...WRITERS], scope: 'org' as const } };

  r.get(
    '/api/v1/decisions',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { querystring: DecisionListQuery, response: { 200: z.array(DecisionSummary) } },
    },
    async (req) => listDecisionSummaries(ctxOf(req, deps), req.query.orgUnitId, req.query.year ?? null),
  );
  r.get(
    '/api/v1/decisions/:decisionId',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { params: DecisionParams, response: { 200: DecisionDetail } },
    },
    async (req) => getDecisionDetail(ctxOf(req, deps), req.params.decisionId),
  );
  r.post(
    '/api/v1/decisions',
    { config: write, schema: { body: DraftDecision, response: { 200: Created } } },
    async (req) => ({ id: await draftDecision(ctxOf(req, deps), req.body.orgUnitId, req.body) }),
  );
  r.post(
    '/api/v1/decisions/:decisionId/issue',
    {
      // Recording a signed decision is an administrative act: the recorder proves presence again
      // (ADR 0007), as for a role change.
      config: { access: { ...write.access, reauth: true } },
      bodyLimit: 22 * 1024 * 1024,
      schema: { params: DecisionParams, body: IssueDecision, response: { 200: IssueResult } },
    },
    async (req) => {
      const { signedCopy, ...rest } = req.body;
      return issueDecision(ctxOf(req, deps), req.params.decisionId, {
        ...rest,
        signedCopy: { fileName: signedCopy.fileName, bytes: Buffer.from(signedCopy.contentBase64, 'base64') },
      });
    },
  );
  r.post(
    '/api/v1/decisions/:decisionId/corrections',
    { config: write, schema: { params: DecisionParams, body: DraftCorrection, response: { 200: Created } } },
    async (req) => ({ id: await draftCorrection(ctxOf(req, deps), req.params.decisionId, req.body) }),
  );
  r.post(
    '/api/v1/decisions/:decisionId/revocations',
    { config: write, schema: { params: DecisionParams, body: DraftRevocation, response: { 200: Created } } },
    async (req) => ({ id: await draftRevocation(ctxOf(req, deps), req.params.decisionId, req.body) }),
  );
  r.get(
    '/api/v1/award-history',
    {
      config: { access: { roles: 'authenticated', scope: 'org' } },
      schema: { querystring: AwardHistoryQuery, response: { 200: AwardHistory } },
    },
    async (req) => getAwardHistory(ctxOf(req, deps), req.query),
  );
  r.post(
    '/api/v1/award-history',
    { config: write, schema: { body: EnterAwardRecord, response: { 200: Created } } },
    async (req) => ({ id: await enterAwardRecord(ctxOf(req, deps), req.body) }),
  );
  r.get(
    '/api/v1/higher-proposals',
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { querystring: HigherProposalListQuery, response: { 200: z.array(HigherProposal) } },
    },
    async (req) => listHigherProposals(ctxOf(req, deps), req.query.orgUnitId, req.query.year),
  );
  r.post(
    '/api/v1/higher-proposals',
    { config: write, schema: { body: CreateHigherProposal, response: { 200: HigherProposal } } },
    async (req) => createHigherProposal(ctxOf(req, deps), req.body.orgUnitId, req.body),
  );
  r.post(
    '/api/v1/higher-proposals/:proposalId/result',
    {
      config: write,
      schema: { params: ProposalParams, body: RecordHigherResult, response: { 200: HigherProposal } },
    },
    async (req) => recordHigherResult(ctxOf(req, deps), req.params.proposalId, req.body),
  );
}
