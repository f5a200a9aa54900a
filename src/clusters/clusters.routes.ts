import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClusterOverview,
  ClusterYearSettings,
  Confirmation,
  CopyCriteria,
  CovenantInput,
  CreateClusterYear,
  CriteriaTableInput,
  ImportResult,
  InstanceKey,
  Notification,
  PackageBody,
  RegisterMemberKey,
  ScoreTable,
  SubmissionView,
  SubmitPeerScores,
  SubmitReport,
  UpdateLeadership,
} from '../contracts/clusters.ts';
import { Ok } from '../contracts/common.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import type { Role } from '../platform/auth/roles.ts';
import { toOrgUnitDto } from '../organizations/index.ts';
import { notFound } from '../platform/errors.ts';
import { createClusterYear, saveClusterYearSettings, updateLeadership } from './manage-cluster-year.ts';
import { saveCovenant } from './save-covenant.ts';
import { copyCriteriaTable, saveCriteriaTable } from './save-criteria-table.ts';
import { submitReport } from './submit-report.ts';
import { submitPeerScores } from './submit-peer-scores.ts';
import { getClusterOverview, getReportFile, getScoreTable, getSubmission } from './read-cluster.ts';
import { computeRanking, confirmRanking, makeProposals } from './rank-cluster.ts';
import { exportPackage, importPackage, instanceKeyOf, registerMemberKey } from './exchange-packages.ts';
import { listMyNotifications, readNotification } from './reminders.ts';
import { renderClusterDocument } from './render-cluster-documents.ts';
import type { ClusterPackage } from './package-format.ts';

const READERS: Role[] = ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'];
const WRITERS: Role[] = ['admin', 'officer', 'chairman'];
const MEMBER_ACTORS: Role[] = ['officer', 'chairman'];
const read = { access: { roles: READERS, scope: 'org' as const } };
const write = { access: { roles: WRITERS, scope: 'org' as const } };
const member = { access: { roles: MEMBER_ACTORS, scope: 'org' as const } };
const ClusterParams = z.object({ clusterId: z.string().max(64) });
const MemberParams = ClusterParams.extend({ orgUnitId: z.string().max(64) });
const PACKAGE_LIMIT = 40 * 1024 * 1024;

/** Emulation clusters (issue 6): the year, covenant, criteria, scoring, ranking, proposals, packages. */
export async function clustersRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/clusters',
    { config: write, schema: { body: CreateClusterYear, response: { 201: z.object({ id: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await createClusterYear(ctxOf(req, deps), req.body)),
  );

  r.get(
    '/api/v1/clusters/:clusterId',
    { config: read, schema: { params: ClusterParams, response: { 200: ClusterOverview } } },
    async (req) => getClusterOverview(ctxOf(req, deps), req.params.clusterId),
  );

  r.put(
    '/api/v1/clusters/:clusterId/leadership',
    { config: write, schema: { params: ClusterParams, body: UpdateLeadership, response: { 200: Ok } } },
    async (req) => {
      await updateLeadership(ctxOf(req, deps), req.params.clusterId, req.body);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/v1/clusters/:clusterId/settings',
    { config: write, schema: { params: ClusterParams, body: ClusterYearSettings, response: { 200: Ok } } },
    async (req) => {
      await saveClusterYearSettings(ctxOf(req, deps), req.params.clusterId, req.body);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/v1/clusters/:clusterId/covenant',
    { config: write, schema: { params: ClusterParams, body: CovenantInput, response: { 200: Ok } } },
    async (req) => {
      await saveCovenant(ctxOf(req, deps), req.params.clusterId, req.body);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/v1/clusters/:clusterId/criteria',
    { config: write, schema: { params: ClusterParams, body: CriteriaTableInput, response: { 200: Ok } } },
    async (req) => {
      await saveCriteriaTable(ctxOf(req, deps), req.params.clusterId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/clusters/:clusterId/criteria/copy',
    { config: write, schema: { params: ClusterParams, body: CopyCriteria, response: { 200: Ok } } },
    async (req) => {
      await copyCriteriaTable(ctxOf(req, deps), req.params.clusterId, req.body.fromClusterId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/clusters/:clusterId/submission',
    {
      config: member,
      bodyLimit: PACKAGE_LIMIT,
      schema: {
        params: ClusterParams,
        body: SubmitReport,
        response: { 200: z.object({ submittedAt: z.string(), selfTotal: z.number() }) },
      },
    },
    async (req) => submitReport(ctxOf(req, deps), req.params.clusterId, req.body),
  );

  r.get(
    '/api/v1/clusters/:clusterId/submissions/:orgUnitId',
    { config: read, schema: { params: MemberParams, response: { 200: SubmissionView } } },
    async (req) => getSubmission(ctxOf(req, deps), req.params.clusterId, req.params.orgUnitId),
  );

  r.get(
    '/api/v1/clusters/:clusterId/submissions/:orgUnitId/file',
    { config: read, schema: { params: MemberParams } },
    async (req, reply) => {
      const file = await getReportFile(ctxOf(req, deps), req.params.clusterId, req.params.orgUnitId);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(Buffer.from(file.contentBase64, 'base64'));
    },
  );

  r.post(
    '/api/v1/clusters/:clusterId/peer-scores',
    {
      config: member,
      schema: {
        params: ClusterParams,
        body: SubmitPeerScores,
        response: { 200: z.object({ total: z.number(), submittedAt: z.string() }) },
      },
    },
    async (req) => submitPeerScores(ctxOf(req, deps), req.params.clusterId, req.body),
  );

  r.get(
    '/api/v1/clusters/:clusterId/scores',
    { config: read, schema: { params: ClusterParams, response: { 200: ScoreTable } } },
    async (req) => getScoreTable(ctxOf(req, deps), req.params.clusterId),
  );

  r.post(
    '/api/v1/clusters/:clusterId/ranking',
    { config: write, schema: { params: ClusterParams, response: { 200: Ok } } },
    async (req) => {
      await computeRanking(ctxOf(req, deps), req.params.clusterId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/clusters/:clusterId/confirmation',
    { config: write, schema: { params: ClusterParams, body: Confirmation, response: { 200: Ok } } },
    async (req) => {
      await confirmRanking(ctxOf(req, deps), req.params.clusterId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/clusters/:clusterId/proposals',
    { config: write, schema: { params: ClusterParams, response: { 200: Ok } } },
    async (req) => {
      await makeProposals(ctxOf(req, deps), req.params.clusterId);
      return { ok: true as const };
    },
  );

  for (const kind of ['proposal-letter', 'minutes'] as const) {
    r.get(
      `/api/v1/clusters/:clusterId/documents/${kind}.docx`,
      { config: read, schema: { params: ClusterParams } },
      async (req, reply) => {
        const docx = await renderClusterDocument(ctxOf(req, deps), req.params.clusterId, kind);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="${kind === 'minutes' ? 'bien-ban-hop-cum' : 'to-trinh-de-nghi-khen-thuong'}.docx"`,
          )
          .send(docx);
      },
    );
  }

  r.get(
    '/api/v1/cluster-notifications',
    {
      config: { access: { roles: 'authenticated', scope: 'org' } },
      schema: { response: { 200: z.object({ items: z.array(Notification) }) } },
    },
    async (req) => {
      const { rows, directory } = await listMyNotifications(ctxOf(req, deps));
      const names = new Map<string, string>();
      const items = [];
      for (const n of rows) {
        const unit = directory.get(n.orgUnitId);
        if (!unit) continue;
        if (!names.has(n.clusterId)) {
          const found = await deps.database.query<{ name: string; year: number }>(
            'select name, year from emulation_clusters where id = $1',
            [n.clusterId],
          );
          names.set(n.clusterId, found[0] ? `${found[0].name} năm ${found[0].year}` : 'Cụm thi đua');
        }
        items.push({
          id: n.id,
          clusterId: n.clusterId,
          clusterName: names.get(n.clusterId)!,
          orgUnit: toOrgUnitDto(unit),
          kind: n.kind,
          message: n.message,
          dueAt: n.dueAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        });
      }
      return { items };
    },
  );

  r.post(
    '/api/v1/cluster-notifications/:notificationId/read',
    {
      config: { access: { roles: 'authenticated', scope: 'org' } },
      schema: { params: z.object({ notificationId: z.string().max(64) }), response: { 200: Ok } },
    },
    async (req) => {
      if (!(await readNotification(ctxOf(req, deps), req.params.notificationId))) throw notFound('thông báo');
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/cluster-instance-key',
    { config: { access: { roles: WRITERS, scope: 'none' } }, schema: { response: { 200: InstanceKey } } },
    async (req) => {
      const key = instanceKeyOf(ctxOf(req, deps));
      return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
    },
  );

  r.put(
    '/api/v1/clusters/:clusterId/member-keys',
    {
      config: write,
      schema: {
        params: ClusterParams,
        body: RegisterMemberKey,
        response: { 200: z.object({ fingerprint: z.string() }) },
      },
    },
    async (req) => registerMemberKey(ctxOf(req, deps), req.params.clusterId, req.body),
  );

  r.get(
    '/api/v1/clusters/:clusterId/package',
    {
      config: member,
      schema: {
        params: ClusterParams,
        querystring: z.object({ kind: z.enum(['member', 'head']).default('member') }),
        response: { 200: PackageBody },
      },
    },
    async (req) => exportPackage(ctxOf(req, deps), req.params.clusterId, req.query.kind),
  );

  r.post(
    '/api/v1/clusters/:clusterId/package',
    {
      config: member,
      bodyLimit: PACKAGE_LIMIT,
      schema: { params: ClusterParams, body: PackageBody, response: { 200: ImportResult } },
    },
    async (req) => importPackage(ctxOf(req, deps), req.params.clusterId, req.body as ClusterPackage),
  );
}
