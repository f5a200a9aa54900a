import type { SubmitReport } from '../contracts/clusters.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { AppError, conflict, invalid } from '../platform/errors.ts';
import { canonicalJson, writeAudit } from '../platform/audit/audit.ts';
import { requireActingMember } from './cluster-access.ts';
import { getCriteriaTable, insertFile, upsertScore, upsertSubmission } from './clusters.repository.ts';
import { checkScoreSheet, sheetTotal, type ScoreSheet } from './criteria-table.ts';
import { loadCluster } from './load-cluster.ts';
import { sha256Hex } from './package-format.ts';

export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

/**
 * A member hands in its annual report (text, a reference to the report made in src/reports, or
 * a file) with its self-score and the evidence for it, before the report deadline. Handing in
 * again replaces the earlier version until the deadline.
 */
export async function submitReport(
  ctx: RequestCtx,
  clusterId: string,
  input: SubmitReport,
  now = new Date(),
) {
  const { cluster, settings, viewer, chain } = await loadCluster(ctx, clusterId);
  const memberId = requireActingMember(viewer);
  if (!settings?.reportDeadline) {
    throw conflict('Phường trưởng cụm chưa gửi công văn đề nghị báo cáo và hạn nộp.', 'CLUSTER.NOT_STARTED');
  }
  if (now > settings.reportDeadline) {
    throw conflict('Đã quá hạn nộp báo cáo của cụm thi đua.', 'CLUSTER.REPORT_DEADLINE_PASSED');
  }
  const db = ctx.deps.database.db;
  const table = await getCriteriaTable(db, cluster.id);
  if (!table) throw conflict('Cụm chưa có bảng tiêu chí chấm điểm.', 'CLUSTER.NO_CRITERIA');
  const sheet: ScoreSheet = input.selfScores;
  const problems = checkScoreSheet(table, sheet, 'self');
  if (problems.length > 0) throw invalid(problems.map((p) => p.message).join(' '), 'CLUSTER.SHEET', problems);
  let content: Buffer | undefined;
  if (input.file) {
    content = Buffer.from(input.file.contentBase64, 'base64');
    if (content.length === 0) throw invalid('Tệp báo cáo rỗng.', 'CLUSTER.EMPTY_FILE');
    if (content.length > MAX_REPORT_FILE_BYTES) {
      throw new AppError('payload_too_large', 'CLUSTER.FILE_TOO_LARGE', 'Tệp báo cáo vượt quá 20 MB.');
    }
  }
  return db.transaction(async (tx) => {
    const fileId =
      input.file && content
        ? await insertFile(tx, {
            clusterId: cluster.id,
            orgUnitId: memberId,
            name: input.file.name,
            mime: input.file.mime,
            size: content.length,
            sha256: sha256Hex(content),
            contentBase64: content.toString('base64'),
          })
        : null;
    const submission = await upsertSubmission(tx, {
      clusterId: cluster.id,
      orgUnitId: memberId,
      reportText: input.reportText?.trim() || null,
      reportRef: input.reportRef ?? null,
      reportFileId: fileId,
      source: 'direct',
      submittedAt: now,
    });
    const score = await upsertScore(tx, {
      clusterId: cluster.id,
      round: 'self',
      orgUnitId: memberId,
      targetOrgUnitId: memberId,
      sheet,
      total: sheetTotal(table, sheet),
      source: 'direct',
      submittedAt: now,
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.submit',
      entity: 'cluster_submission',
      entityId: submission.id,
      orgUnitId: memberId,
      // A digest, not the points: scores stay secret until the deadline, from audit readers too.
      after: { submissionId: submission.id, fileId, selfSheetSha256: sha256Hex(canonicalJson(sheet)) },
    });
    return { submittedAt: submission.submittedAt.toISOString(), selfTotal: score.total };
  });
}
