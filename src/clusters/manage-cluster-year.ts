import type { ClusterYearSettings } from '../contracts/clusters.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { assertCanWrite } from '../platform/auth/access.ts';
import { conflict, invalid } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { insertCluster, COMMUNE_LEVEL_KINDS, type OrgKind } from '../organizations/index.ts';
import { assertDeadlineNotForward, assertManager, scoringComplete } from './cluster-access.ts';
import {
  addNotification,
  findClusterByNameYear,
  listScores,
  listSubmissions,
  setLeadership,
  upsertClusterYear,
} from './clusters.repository.ts';
import { loadCluster } from './load-cluster.ts';
import { formatDeadline } from './reminders.ts';

/**
 * Opens a cluster year: its organiser (the city before 07/2025, the province after — legal-brief
 * §11, unverified who organises after the reform, so it is whatever the caller names), its
 * members, head and deputy. Head and deputy are elected or rotated yearly: data, not code
 * (legal-brief §9, practice examples S90).
 */
export async function createClusterYear(
  ctx: RequestCtx,
  input: {
    name: string;
    year: number;
    organiserId: string;
    headId: string;
    deputyId: string | null;
    memberIds: string[];
  },
): Promise<{ id: string }> {
  assertCanWrite(ctx.auth, input.organiserId, 'cơ quan tổ chức cụm');
  const directory = await ctx.deps.directory.get();
  const members = [...new Set(input.memberIds)];
  for (const id of members) {
    const unit = directory.get(id);
    if (!unit || !COMMUNE_LEVEL_KINDS.includes(unit.kind as OrgKind)) {
      throw invalid('Thành viên cụm phải là xã, phường, thị trấn hoặc đặc khu.', 'CLUSTER.BAD_MEMBER');
    }
  }
  if (!members.includes(input.headId))
    throw invalid('Phường trưởng cụm phải là thành viên của cụm.', 'CLUSTER.HEAD_NOT_MEMBER');
  if (input.deputyId && (!members.includes(input.deputyId) || input.deputyId === input.headId)) {
    throw invalid('Phó cụm phải là một thành viên khác của cụm.', 'CLUSTER.BAD_DEPUTY');
  }
  const db = ctx.deps.database.db;
  return db.transaction(async (tx) => {
    if (await findClusterByNameYear(tx, input.name, input.year)) {
      throw conflict(`Cụm "${input.name}" năm ${input.year} đã có.`, 'CLUSTER.EXISTS');
    }
    const id = await insertCluster(tx, { ...input, memberIds: members });
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(input.organiserId)?.id ?? 'system',
      action: 'cluster.create',
      entity: 'emulation_cluster',
      entityId: id,
      orgUnitId: input.organiserId,
      after: { ...input, memberIds: members },
    });
    return { id };
  });
}

/** Elects or rotates the head and deputy for the year. */
export async function updateLeadership(
  ctx: RequestCtx,
  clusterId: string,
  input: { headId: string; deputyId: string | null },
) {
  const { cluster, chain } = await loadCluster(ctx, clusterId);
  assertCanWrite(ctx.auth, cluster.organiserId, 'cơ quan tổ chức cụm');
  if (!cluster.memberIds.includes(input.headId))
    throw invalid('Phường trưởng cụm phải là thành viên của cụm.', 'CLUSTER.HEAD_NOT_MEMBER');
  if (input.deputyId && (!cluster.memberIds.includes(input.deputyId) || input.deputyId === input.headId)) {
    throw invalid('Phó cụm phải là một thành viên khác của cụm.', 'CLUSTER.BAD_DEPUTY');
  }
  await ctx.deps.database.db.transaction(async (tx) => {
    await setLeadership(tx, cluster.id, input.headId, input.deputyId);
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.leadership',
      entity: 'emulation_cluster',
      entityId: cluster.id,
      orgUnitId: cluster.organiserId,
      before: { headId: cluster.headId, deputyId: cluster.deputyId },
      after: input,
    });
  });
}

/**
 * Saves the year's settings and the head's request letter (công văn) with its deadlines. Each
 * member gets an in-app notice of the letter; reminders follow as the deadline nears.
 */
export async function saveClusterYearSettings(
  ctx: RequestCtx,
  clusterId: string,
  input: ClusterYearSettings,
  now = new Date(),
) {
  const { cluster, settings, viewer, chain } = await loadCluster(ctx, clusterId);
  assertManager(viewer);
  const reportDeadline = new Date(input.reportDeadline);
  const scoringDeadline = new Date(input.scoringDeadline);
  if (scoringDeadline <= reportDeadline) {
    throw invalid('Hạn chấm điểm chéo phải sau hạn nộp báo cáo.', 'CLUSTER.DEADLINES');
  }
  const db = ctx.deps.database.db;
  const scores = await listScores(db, cluster.id);
  const complete = scoringComplete(cluster.memberIds, await listSubmissions(db, cluster.id), scores);
  const scoringBegun =
    (!!settings?.reportDeadline && now > settings.reportDeadline) || scores.some((s) => s.round === 'peer');
  assertDeadlineNotForward(settings, scoringDeadline, scoringBegun);
  if (scoringDeadline <= now && !complete) {
    // Otherwise moving the deadline into the past would reveal the scores early.
    throw conflict(
      'Chỉ được kết thúc chấm điểm trước hạn khi mọi đơn vị đã nộp báo cáo và chấm chéo đầy đủ.',
      'CLUSTER.SCORING_INCOMPLETE',
    );
  }
  const orgUnitId = cluster.headId ?? cluster.organiserId;
  return ctx.deps.database.db.transaction(async (tx) => {
    const row = await upsertClusterYear(tx, {
      clusterId: cluster.id,
      orgUnitId,
      requestLetterNumber: input.requestLetterNumber,
      requestLetterDate: input.requestLetterDate,
      requestLetterSummary: input.requestLetterSummary,
      reportDeadline,
      scoringDeadline,
      method: input.method,
      trimCount: input.trimCount,
      missingScores: input.missingScores,
      tieBreak: input.tieBreak,
      flagCount: input.flagCount,
      diplomaCount: input.diplomaCount,
    });
    if (input.requestLetterNumber) {
      for (const memberId of cluster.memberIds) {
        await addNotification(tx, {
          clusterId: cluster.id,
          orgUnitId: memberId,
          kind: `request:${input.requestLetterNumber}`,
          message: `Công văn số ${input.requestLetterNumber} của phường trưởng cụm: đề nghị gửi báo cáo tổng kết và bảng tự chấm điểm năm ${cluster.year} trước ${formatDeadline(reportDeadline)}.`,
          dueAt: reportDeadline,
        });
      }
    }
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.settings',
      entity: 'cluster_year',
      entityId: row.id,
      orgUnitId,
      before: settings ?? null,
      after: row,
    });
    return row;
  });
}
