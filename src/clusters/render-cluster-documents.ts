import type { RequestCtx } from '../platform/http/context.ts';
import { conflict } from '../platform/errors.ts';
import { renderDocx } from '../platform/documents/index.ts';
import { getOutcome } from './clusters.repository.ts';
import { loadCluster } from './load-cluster.ts';
import { buildMeetingMinutes, buildProposalLetter, type DocumentInput } from './proposal-documents.ts';
import { AWARD_LABELS } from './rank-cluster.ts';

export type ClusterDocumentKind = 'proposal-letter' | 'minutes';

/** The tờ trình or the meeting minutes of a confirmed cluster year, as a Word file. */
export async function renderClusterDocument(
  ctx: RequestCtx,
  clusterId: string,
  kind: ClusterDocumentKind,
): Promise<Buffer> {
  const { cluster, directory } = await loadCluster(ctx, clusterId);
  const outcome = await getOutcome(ctx.deps.database.db, cluster.id);
  const c = outcome?.confirmation;
  if (!outcome || !c)
    throw conflict('Kết quả xếp hạng chưa được cuộc họp cụm xác nhận.', 'CLUSTER.NOT_CONFIRMED');
  if (kind === 'proposal-letter' && !outcome.proposals)
    throw conflict('Cụm chưa lập danh sách đề nghị khen thưởng.', 'CLUSTER.NO_PROPOSALS');
  const name = (id: string) => directory.get(id)?.name ?? 'Đơn vị';
  const head = cluster.headId ? directory.get(cluster.headId) : undefined;
  const input: DocumentInput = {
    clusterName: cluster.name,
    year: cluster.year,
    headName: head?.name ?? 'phường trưởng cụm',
    headPlace: head?.placeName ?? head?.name ?? '',
    organiserName: name(cluster.organiserId),
    issueDate: (outcome.proposedAt ?? outcome.confirmedAt ?? new Date()).toISOString().slice(0, 10),
    ranking: outcome.ranking.map((r) => ({ name: name(r.orgUnitId), aggregate: r.aggregate, rank: r.rank })),
    proposals: (outcome.proposals ?? []).map((p) => ({
      name: name(p.orgUnitId),
      rank: p.rank,
      awardLabel: AWARD_LABELS[p.award],
    })),
    meeting: {
      date: c.meetingDate,
      place: c.place,
      chairName: c.chairName,
      presentNames: c.presentOrgUnitIds.map(name),
      votesFor: c.votesFor,
      votesAgainst: c.votesAgainst,
      abstentions: c.abstentions,
      minutesText: c.minutesText,
    },
    signerName: c.chairName,
  };
  return renderDocx(kind === 'minutes' ? buildMeetingMinutes(input) : buildProposalLetter(input));
}
