import { useQuery } from '@tanstack/react-query';
import { OrgTreeResponse, type OrgTreeNode } from '../../../contracts/organizations.ts';
import { apiGet } from '../../lib/api.ts';

function flatten(nodes: readonly OrgTreeNode[], out: Map<string, string>): Map<string, string> {
  for (const n of nodes) {
    out.set(n.id, n.name);
    flatten(n.children, out);
  }
  return out;
}

/** Names of the units the user can see as they were on a date (units merge and get renamed). */
export function useUnitNames(asOf: string | undefined): Map<string, string> {
  const tree = useQuery({
    queryKey: ['org-tree', asOf],
    enabled: !!asOf,
    queryFn: ({ signal }) => apiGet('/api/v1/org-units/tree', OrgTreeResponse, { asOf }, signal),
  });
  return tree.data ? flatten(tree.data.roots, new Map()) : new Map();
}
