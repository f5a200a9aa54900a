import { z } from 'zod';
import { IsoDate, Ref, Text } from './common.ts';

export const OrgKindCode = z.enum([
  'province',
  'district',
  'commune',
  'ward',
  'township',
  'special_zone',
  'agency',
  'mass_organization',
  'neighbourhood',
  'school',
  'enterprise',
  'other',
]);

export const OrgUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: OrgKindCode,
  kindLabel: z.string(),
  parentId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export type OrgTreeNode = OrgUnit & { children: OrgTreeNode[] };
export const OrgTreeNode: z.ZodType<OrgTreeNode> = OrgUnit.extend({
  children: z.lazy(() => z.array(OrgTreeNode)),
});

export const OrgTreeQuery = z.object({ asOf: IsoDate.optional() });
export const OrgTreeResponse = z.object({ asOf: z.string(), roots: z.array(OrgTreeNode) });

export const OrgHistoryEvent = z.object({
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveDate: z.string(),
  predecessor: OrgUnit,
  successor: OrgUnit,
  legalBasis: z.string().nullable(),
});
export const OrgUnitDetail = OrgUnit.extend({
  ancestors: z.array(OrgUnit),
  predecessors: z.array(OrgUnit),
  successors: z.array(OrgUnit),
  history: z.array(OrgHistoryEvent),
  peopleCount: z.number(),
});

export const CreateOrgUnit = z.object({
  code: Text(50).pipe(z.string().min(1, 'Vui lòng nhập mã đơn vị')),
  name: Text(200).pipe(z.string().min(1, 'Vui lòng nhập tên đơn vị')),
  kind: OrgKindCode,
  parentId: Ref('orgUnit', 'write'),
  validFrom: IsoDate,
});

export const RestructureOrg = z.object({
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveDate: IsoDate,
  /** Units closed on the effective date. */
  predecessorIds: z.array(Ref('orgUnit', 'write')).min(1),
  /** New units opened on the effective date (one for merge and rename, several for split). */
  successors: z
    .array(
      z.object({
        code: Text(50),
        name: Text(200),
        kind: OrgKindCode,
        parentId: Ref('orgUnit', 'write').nullable(),
      }),
    )
    .min(1),
  legalBasis: Text(300).optional(),
});

export const Cluster = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  organiser: OrgUnit,
  head: OrgUnit.nullable(),
  deputy: OrgUnit.nullable(),
  members: z.array(OrgUnit),
});
export const ClusterListQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
