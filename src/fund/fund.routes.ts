import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FundParams,
  FundView,
  RecordFundEntry,
  RecordPayments,
  RecordRecovery,
  SetFundBudget,
} from '../contracts/fund.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import {
  getFundView,
  recordFundEntry,
  recordPayments,
  recordRecovery,
  setFundBudget,
} from './fund-use-cases.ts';

const READERS = ['admin', 'officer', 'chairman', 'council_member', 'superior_viewer'] as const;
const WRITERS = ['officer', 'chairman'] as const;

export async function fundRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/funds/:orgUnitId/:year';

  r.get(
    base,
    {
      config: { access: { roles: [...READERS], scope: 'org' } },
      schema: { params: FundParams, response: { 200: FundView } },
    },
    async (req) => getFundView(ctxOf(req, deps), req.params.orgUnitId, req.params.year),
  );
  r.put(
    base,
    {
      config: { access: { roles: [...WRITERS], scope: 'org' } },
      schema: { params: FundParams, body: SetFundBudget, response: { 200: FundView } },
    },
    async (req) => setFundBudget(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
  r.post(
    `${base}/entries`,
    {
      config: { access: { roles: [...WRITERS], scope: 'org' } },
      schema: { params: FundParams, body: RecordFundEntry, response: { 200: FundView } },
    },
    async (req) => recordFundEntry(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
  r.post(
    `${base}/payments`,
    {
      config: { access: { roles: [...WRITERS], scope: 'org' } },
      schema: { params: FundParams, body: RecordPayments, response: { 200: FundView } },
    },
    async (req) => recordPayments(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
  r.post(
    `${base}/recoveries`,
    {
      config: { access: { roles: [...WRITERS], scope: 'org' } },
      schema: { params: FundParams, body: RecordRecovery, response: { 200: FundView } },
    },
    async (req) => recordRecovery(ctxOf(req, deps), req.params.orgUnitId, req.params.year, req.body),
  );
}
