import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Cluster,
  ClusterListQuery,
  CreateOrgUnit,
  OrgTreeQuery,
  OrgTreeResponse,
  OrgUnitDetail,
  RestructureOrg,
  type OrgTreeNode as OrgTreeNodeDto,
  type OrgUnit as OrgUnitDto,
} from '../contracts/organizations.ts';
import { assertCanRead, assertCanWrite, canRead } from '../platform/auth/access.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { ORG_KIND_LABELS, type OrgKind, type OrgTreeNode, type OrgUnitRow } from './org-directory.ts';
import { codeTakenOn, insertOrgUnit, listClusters } from './organizations.repository.ts';
import { restructureOrg, type RestructureCarrier } from './restructure-org.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function toOrgUnitDto(u: OrgUnitRow): OrgUnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind as OrgKind,
    kindLabel: ORG_KIND_LABELS[u.kind as OrgKind] ?? u.kind,
    parentId: u.parentId,
    validFrom: u.validFrom,
    validTo: u.validTo,
  };
}

export async function organizationsRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  carriers: readonly RestructureCarrier[] = [],
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = 'authenticated' as const;

  r.get(
    '/api/v1/org-units/tree',
    {
      config: { access: { roles: readers, scope: 'org' } },
      schema: { querystring: OrgTreeQuery, response: { 200: OrgTreeResponse } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const asOf = req.query.asOf ?? today();
      const directory = await deps.directory.get();
      // Keep the readable part of the tree: a node outside the scope is replaced by its children.
      const prune = (nodes: OrgTreeNode[]): OrgTreeNodeDto[] =>
        nodes.flatMap((n) =>
          canRead(ctx.auth, n.unit.id)
            ? [{ ...toOrgUnitDto(n.unit), children: prune(n.children) }]
            : prune(n.children),
        );
      return { asOf, roots: prune(directory.treeAsOf(asOf)) };
    },
  );

  r.get(
    '/api/v1/org-units/:id',
    {
      config: { access: { roles: readers, scope: 'org' } },
      schema: { params: z.object({ id: z.string() }), response: { 200: OrgUnitDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const directory = await deps.directory.get();
      const unit = directory.get(req.params.id);
      if (!unit) throw notFound('đơn vị');
      assertCanRead(ctx.auth, unit.id, 'đơn vị');
      const dto = (id: string) => {
        const u = directory.get(id);
        return u ? [toOrgUnitDto(u)] : [];
      };
      const events = await deps.database.query<{
        kind: string;
        effective_date: string;
        predecessor_id: string;
        successor_id: string;
        legal_basis: string | null;
      }>(
        `select kind, effective_date::text, predecessor_id, successor_id, legal_basis from org_events
          where predecessor_id = $1 or successor_id = $1 order by effective_date`,
        [unit.id],
      );
      const [count] = await deps.database.query<{ n: number }>(
        'select count(*)::int as n from people where org_unit_id = any($1::uuid[])',
        [directory.subtree(unit.id)],
      );
      return {
        ...toOrgUnitDto(unit),
        ancestors: directory.ancestors(unit.id).map(toOrgUnitDto).reverse(),
        predecessors: directory.predecessorsOf(unit.id).flatMap(dto),
        successors: directory.successorsOf(unit.id).flatMap(dto),
        history: events.flatMap((e) => {
          const p = directory.get(e.predecessor_id);
          const s = directory.get(e.successor_id);
          return p && s
            ? [
                {
                  kind: e.kind as 'merge' | 'split' | 'rename',
                  effectiveDate: e.effective_date,
                  predecessor: toOrgUnitDto(p),
                  successor: toOrgUnitDto(s),
                  legalBasis: e.legal_basis,
                },
              ]
            : [];
        }),
        peopleCount: count?.n ?? 0,
      };
    },
  );

  r.post(
    '/api/v1/org-units',
    {
      config: { access: { roles: ['admin', 'officer'], scope: 'org' } },
      schema: { body: CreateOrgUnit, response: { 201: z.object({ id: z.string() }) } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      assertCanWrite(ctx.auth, req.body.parentId, 'đơn vị cấp trên');
      const directory = await deps.directory.get();
      const id = await deps.database.db.transaction(async (tx) => {
        if (await codeTakenOn(tx, req.body.code, req.body.validFrom)) {
          throw conflict(`Mã đơn vị "${req.body.code}" đã được dùng.`);
        }
        const row = await insertOrgUnit(tx, { ...req.body });
        await writeAudit(tx, ctx.actor, {
          chain: directory.bodyOf(req.body.parentId)?.id ?? 'system',
          action: 'org.create',
          entity: 'org_unit',
          entityId: row.id,
          orgUnitId: row.id,
          after: req.body,
        });
        return row.id;
      });
      deps.directory.invalidate();
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/v1/org-units/restructure',
    {
      config: { access: { roles: ['admin', 'officer'], scope: 'org' } },
      schema: { body: RestructureOrg, response: { 200: z.object({ successorIds: z.array(z.string()) }) } },
    },
    async (req) => restructureOrg(ctxOf(req, deps), req.body, carriers),
  );

  r.get(
    '/api/v1/clusters',
    {
      config: { access: { roles: readers, scope: 'org' } },
      schema: { querystring: ClusterListQuery, response: { 200: z.object({ items: z.array(Cluster) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const directory = await deps.directory.get();
      const clusters = await listClusters(deps.database.db, req.query.year);
      const dto = (id: string | null) => {
        const u = id ? directory.get(id) : undefined;
        return u ? toOrgUnitDto(u) : null;
      };
      // A cluster is visible to its organiser's scope and to each member's.
      const visible = clusters.filter(
        (c) => canRead(ctx.auth, c.organiserId) || c.memberIds.some((m) => canRead(ctx.auth, m)),
      );
      return {
        items: visible.flatMap((c) => {
          const organiser = dto(c.organiserId);
          if (!organiser) return [];
          return [
            {
              id: c.id,
              name: c.name,
              year: c.year,
              organiser,
              head: dto(c.headId),
              deputy: dto(c.deputyId),
              members: c.memberIds.flatMap((m) => {
                const d = dto(m);
                return d ? [d] : [];
              }),
            },
          ];
        }),
      };
    },
  );
}
