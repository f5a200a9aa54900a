import { useQuery } from '@tanstack/react-query';
import { OrgUnitDetail } from '../../../contracts/organizations.ts';
import { apiGet } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { useCurrentSession } from '../../app/session.ts';

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type ScopeDate = {
  /** The date at which the user's own structure is shown by default. */
  asOf: string;
  /** Set when the user's unit has ended (merged, split): its last day of existence is `asOf`. */
  ownUnitEnded: string | null;
  pending: boolean;
};

/**
 * Today, unless the user's own unit has ended (the 2025 merges closed whole wards): then its last
 * day, so an officer of a merged ward still sees the structure they work with by default.
 */
export function useScopeDate(): ScopeDate {
  const session = useCurrentSession();
  const own = useQuery({
    queryKey: ['org-units', 'detail', session.orgUnit.id],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/org-units/${encodeURIComponent(session.orgUnit.id)}`, OrgUnitDetail, undefined, signal),
    meta: { silent: true },
    staleTime: 10 * 60_000,
  });
  const today = todayIso();
  const ended = own.data?.validTo && own.data.validTo <= today ? own.data.validTo : null;
  return { asOf: ended ? dayBefore(ended) : today, ownUnitEnded: ended, pending: own.isPending };
}
