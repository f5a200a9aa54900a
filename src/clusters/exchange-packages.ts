import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { TieBreakRule } from '../contracts/clusters.ts';
import type { RequestCtx } from '../platform/http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { assertManager, scoresVisible, scoringComplete } from './cluster-access.ts';
import {
  getCriteriaTable,
  getFile,
  getOutcome,
  insertFile,
  listMemberKeys,
  listScores,
  listSubmissions,
  upsertMemberKey,
  upsertOutcome,
  upsertScore,
  upsertSubmission,
} from './clusters.repository.ts';
import type { ClusterProposal, RankingConfirmation, RankingEntry } from './clusters.schema.ts';
import { checkScoreSheet, sheetTotal, type ScoreSheet } from './criteria-table.ts';
import { keyDirOf, loadInstanceKey } from './instance-key.ts';
import { loadCluster } from './load-cluster.ts';
import {
  buildPackage,
  keyFingerprint,
  sha256Hex,
  verifyPackage,
  type ClusterPackage,
  type PackageFile,
  type PackageKind,
} from './package-format.ts';

/** What travels in payload.json. Wards are named by code: ids differ between instances. */
export type PackagePayload = {
  submissions: {
    memberCode: string;
    reportText: string | null;
    reportRef: string | null;
    file: { path: string; name: string; mime: string } | null;
    submittedAt: string;
  }[];
  scores: {
    round: 'self' | 'peer';
    scorerCode: string;
    targetCode: string;
    sheet: ScoreSheet;
    submittedAt: string;
  }[];
  outcome: {
    ranking: (Omit<RankingEntry, 'orgUnitId' | 'missingScorers'> & {
      code: string;
      missingScorerCodes: string[];
    })[];
    confirmation: (Omit<RankingConfirmation, 'presentOrgUnitIds'> & { presentCodes: string[] }) | null;
    proposals: { code: string; rank: number; award: ClusterProposal['award'] }[] | null;
  } | null;
};

/**
 * The shape payload.json must have before anything in it is used. A package signed by a
 * registered member is still untrusted input: a wrong shape is refused in Vietnamese (400), never
 * a server error (found by test/fuzz-packages.test.ts).
 */
const MemberCode = z.string().max(50);
const Instant = z.iso.datetime({ offset: true });
const PayloadShape = z.object({
  submissions: z
    .array(
      z.object({
        memberCode: MemberCode,
        reportText: z.string().max(200_000).nullable(),
        reportRef: z.string().max(300).nullable(),
        file: z
          .object({ path: z.string().max(500), name: z.string().max(200), mime: z.string().max(100) })
          .nullable(),
        submittedAt: Instant,
      }),
    )
    .max(200),
  scores: z
    .array(
      z.object({
        round: z.enum(['self', 'peer']),
        scorerCode: MemberCode,
        targetCode: MemberCode,
        sheet: z.record(
          z.string().max(40),
          z.object({ points: z.number(), evidence: z.string().max(2000).optional() }),
        ),
        submittedAt: Instant,
      }),
    )
    .max(10_000),
  outcome: z
    .object({
      ranking: z.array(
        z.looseObject({
          code: MemberCode,
          self: z.number().nullable(),
          aggregate: z.number().nullable(),
          peerTotals: z.array(z.number()),
          missingScorerCodes: z.array(MemberCode),
          rank: z.number().int().nullable(),
          tied: z.boolean(),
          tieBrokenBy: TieBreakRule.nullable(),
        }),
      ),
      confirmation: z
        .looseObject({
          meetingDate: z.string().max(30),
          place: z.string().max(200),
          chairName: z.string().max(200),
          presentCodes: z.array(MemberCode),
          votesFor: z.number().int().min(0),
          votesAgainst: z.number().int().min(0),
          abstentions: z.number().int().min(0),
          minutesText: z.string().max(5000),
          minutesRef: z.string().max(300).nullable(),
          method: z.literal('recorded'),
        })
        .nullable(),
      proposals: z
        .array(
          z.object({
            code: MemberCode,
            rank: z.number().int(),
            award: z.enum(['provincial_emulation_flag', 'provincial_diploma_of_merit']),
          }),
        )
        .nullable(),
    })
    .nullable(),
});

function parsePayload(content: Buffer | undefined): PackagePayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content?.toString('utf8') ?? '');
  } catch {
    parsed = undefined;
  }
  const shaped = PayloadShape.safeParse(parsed);
  if (!shaped.success) {
    throw rejected(
      'PACKAGE.FORMAT',
      'Gói dữ liệu không có nội dung payload.json hợp lệ. Gói đã bị từ chối, không có dữ liệu nào thay đổi.',
    );
  }
  return shaped.data as PackagePayload;
}

export function instanceKeyOf(ctx: RequestCtx) {
  return loadInstanceKey(keyDirOf(ctx.deps.config.dataDir));
}

/**
 * Registers the public key of a member's instance for this cluster year. The head ward
 * registers its members' keys; a member registers the head ward's key, to accept the results.
 */
export async function registerMemberKey(
  ctx: RequestCtx,
  clusterId: string,
  input: { orgUnitId: string; publicKeyPem: string },
) {
  const { cluster, viewer, chain } = await loadCluster(ctx, clusterId);
  if (!cluster.memberIds.includes(input.orgUnitId)) throw notFound('đơn vị thành viên cụm');
  const memberRegistersHead = viewer.actingMemberId !== null && input.orgUnitId === cluster.headId;
  if (!memberRegistersHead) assertManager(viewer);
  let fingerprint: string;
  try {
    if (createPublicKey(input.publicKeyPem).asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    fingerprint = keyFingerprint(input.publicKeyPem);
  } catch {
    throw invalid(
      'Khóa công khai không hợp lệ: cần khóa Ed25519 dạng PEM do hệ thống TĐKT của đơn vị xuất ra.',
      'CLUSTER.BAD_KEY',
    );
  }
  return ctx.deps.database.db.transaction(async (tx) => {
    const row = await upsertMemberKey(tx, {
      clusterId: cluster.id,
      orgUnitId: input.orgUnitId,
      publicKeyPem: input.publicKeyPem.trim(),
      fingerprint,
    });
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.register_key',
      entity: 'cluster_member_key',
      entityId: row.id,
      orgUnitId: input.orgUnitId,
      after: { fingerprint },
    });
    return { fingerprint };
  });
}

/**
 * Exports a signed package. A member's package carries its own submission, self-score and the
 * peer sheets it wrote. The head's carries every submission (so members on other instances can
 * score them) and, after the scoring deadline only, every sheet and the outcome.
 */
export async function exportPackage(
  ctx: RequestCtx,
  clusterId: string,
  kind: PackageKind,
  now = new Date(),
): Promise<ClusterPackage> {
  const { cluster, settings, viewer, directory } = await loadCluster(ctx, clusterId);
  const fromId =
    kind === 'member' ? viewer.actingMemberId : viewer.isHead && viewer.canManage ? cluster.headId : null;
  if (!fromId) {
    throw forbidden(
      kind === 'member'
        ? 'Chỉ cán bộ của đơn vị thành viên được xuất gói dữ liệu của đơn vị mình.'
        : 'Chỉ phường trưởng cụm được xuất gói kết quả của cụm.',
      'CLUSTER.EXPORT_FORBIDDEN',
    );
  }
  const from = directory.get(fromId);
  if (!from) throw notFound('đơn vị');
  const code = (id: string) => directory.get(id)?.code ?? id;
  const db = ctx.deps.database.db;
  const submissions = await listSubmissions(db, cluster.id);
  const scores = await listScores(db, cluster.id);
  const visible = scoresVisible(settings, now, scoringComplete(cluster.memberIds, submissions, scores));
  const files: PackageFile[] = [];
  const payload: PackagePayload = { submissions: [], scores: [], outcome: null };
  for (const s of submissions.filter((x) => kind === 'head' || x.orgUnitId === fromId)) {
    let file: PackagePayload['submissions'][number]['file'] = null;
    if (s.reportFileId) {
      const f = await getFile(db, s.reportFileId);
      if (f) {
        const p = `files/${code(s.orgUnitId)}/${f.sha256.slice(0, 12)}-${f.name.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`;
        files.push({ path: p, content: Buffer.from(f.contentBase64, 'base64') });
        file = { path: p, name: f.name, mime: f.mime };
      }
    }
    payload.submissions.push({
      memberCode: code(s.orgUnitId),
      reportText: s.reportText,
      reportRef: s.reportRef,
      file,
      submittedAt: s.submittedAt.toISOString(),
    });
  }
  for (const s of scores) {
    const mine = s.orgUnitId === fromId;
    if (kind === 'member' ? !mine : !visible) {
      // Before the deadline the head relays the evidence members need, never the points.
      if (kind === 'head' && s.round === 'self') {
        const evidenceOnly = Object.fromEntries(
          Object.entries(s.sheet).flatMap(([k, v]) =>
            v.evidence ? [[k, { points: 0, evidence: v.evidence }]] : [],
          ),
        );
        payload.scores.push({
          round: 'self',
          scorerCode: code(s.orgUnitId),
          targetCode: code(s.targetOrgUnitId),
          sheet: evidenceOnly,
          submittedAt: s.submittedAt.toISOString(),
        });
      }
      continue;
    }
    payload.scores.push({
      round: s.round,
      scorerCode: code(s.orgUnitId),
      targetCode: code(s.targetOrgUnitId),
      sheet: s.sheet,
      submittedAt: s.submittedAt.toISOString(),
    });
  }
  if (kind === 'head' && visible) {
    const o = await getOutcome(db, cluster.id);
    if (o) {
      payload.outcome = {
        ranking: o.ranking.map(({ orgUnitId, missingScorers, ...r }) => ({
          ...r,
          code: code(orgUnitId),
          missingScorerCodes: missingScorers.map(code),
        })),
        confirmation: o.confirmation
          ? (({ presentOrgUnitIds, ...c }) => ({ ...c, presentCodes: presentOrgUnitIds.map(code) }))(
              o.confirmation,
            )
          : null,
        proposals:
          o.proposals?.map((p) => ({ code: code(p.orgUnitId), rank: p.rank, award: p.award })) ?? null,
      };
    }
  }
  files.unshift({ path: 'payload.json', content: Buffer.from(JSON.stringify(payload), 'utf8') });
  return buildPackage(
    {
      kind,
      cluster: { name: cluster.name, year: cluster.year },
      from: { code: from.code, name: from.name },
      createdAt: now.toISOString(),
    },
    files,
    instanceKeyOf(ctx),
  );
}

const rejected = (code: string, message: string) => new AppError('validation', code, message);

/**
 * Imports a package from another instance. Everything is checked before anything is written:
 * the manifest names this cluster, the signature verifies with the key registered for the
 * signing member, the files match their SHA-256, every record belongs to the signer (a member
 * carries only its own report and sheets; only the head relays others' and the outcome), and
 * the deadlines held when the package was signed. Any failure leaves the database untouched.
 */
export async function importPackage(
  ctx: RequestCtx,
  clusterId: string,
  pkg: ClusterPackage,
  now = new Date(),
) {
  const { cluster, settings, viewer, directory, chain } = await loadCluster(ctx, clusterId);
  if (!viewer.canManage && !viewer.actingMemberId) {
    throw forbidden(
      'Chỉ phường trưởng cụm hoặc đơn vị thành viên được nhập gói dữ liệu của cụm.',
      'CLUSTER.IMPORT_FORBIDDEN',
    );
  }
  const m = pkg.manifest;
  if (m.cluster.name !== cluster.name || m.cluster.year !== cluster.year) {
    throw rejected(
      'PACKAGE.WRONG_CLUSTER',
      `Gói dữ liệu thuộc "${m.cluster.name}" năm ${m.cluster.year}, không phải cụm đang mở. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  }
  const db = ctx.deps.database.db;
  const byCode = new Map(cluster.memberIds.map((id) => [directory.get(id)?.code ?? id, id]));
  const keys = await listMemberKeys(db, cluster.id);
  const trusted = keys.map((k) => {
    const u = directory.get(k.orgUnitId);
    return { code: u?.code ?? k.orgUnitId, name: u?.name ?? 'đơn vị', publicKeyPem: k.publicKeyPem };
  });
  const verified = verifyPackage(pkg, trusted);
  if (!verified.ok) throw rejected(verified.code, verified.message);
  const signerId = byCode.get(m.from.code);
  if (!signerId)
    throw rejected(
      'PACKAGE.OUTSIDER',
      `"${m.from.name}" không thuộc cụm thi đua. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  if (m.kind === 'head' && signerId !== cluster.headId) {
    throw rejected(
      'PACKAGE.NOT_HEAD',
      `Gói kết quả phải do phường trưởng cụm ký, không phải "${m.from.name}". Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  }
  const payload = parsePayload(verified.files.get('payload.json'));
  const created = new Date(m.createdAt);
  if (Number.isNaN(created.getTime()) || created.getTime() > now.getTime() + 5 * 60_000) {
    throw rejected(
      'PACKAGE.TIME',
      'Thời điểm ký gói dữ liệu không hợp lệ. Gói đã bị từ chối, không có dữ liệu nào thay đổi.',
    );
  }
  const table = await getCriteriaTable(db, cluster.id);
  if (!table) throw conflict('Cụm chưa có bảng tiêu chí chấm điểm.', 'CLUSTER.NO_CRITERIA');
  const idOf = (c: string) => {
    const id = byCode.get(c);
    if (!id)
      throw rejected(
        'PACKAGE.UNKNOWN_MEMBER',
        `Gói dữ liệu nhắc đến đơn vị mã "${c}" không thuộc cụm. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
      );
    return id;
  };
  const own = (c: string) => m.kind === 'head' || idOf(c) === signerId;
  const notOwn = () =>
    rejected(
      'PACKAGE.NOT_OWN',
      `Gói của "${m.from.name}" chứa báo cáo hoặc phiếu chấm của đơn vị khác. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
    );
  const late = (what: string) =>
    rejected('PACKAGE.LATE', `Gói được ký sau ${what}. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`);
  for (const s of payload.submissions) {
    if (!own(s.memberCode)) throw notOwn();
    if (m.kind === 'member' && settings?.reportDeadline && created > settings.reportDeadline)
      throw late('hạn nộp báo cáo');
    if (s.file && !verified.files.has(s.file.path))
      throw rejected(
        'PACKAGE.TAMPERED',
        `Gói thiếu tệp "${s.file.path}". Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
      );
  }
  const sheets = payload.scores.map((s) => {
    if (!own(s.scorerCode)) throw notOwn();
    const scorer = idOf(s.scorerCode);
    const target = idOf(s.targetCode);
    if (s.round === 'peer' && scorer === target) {
      throw rejected(
        'CLUSTER.SELF_PEER_SCORE',
        `Gói có phiếu chấm chéo "${m.from.name}" tự chấm mình. Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
      );
    }
    if (s.round === 'self' && scorer !== target) throw notOwn();
    if (m.kind === 'member') {
      const deadline = s.round === 'self' ? settings?.reportDeadline : settings?.scoringDeadline;
      if (deadline && created > deadline)
        throw late(s.round === 'self' ? 'hạn nộp báo cáo' : 'hạn chấm điểm chéo');
    }
    const problems = checkScoreSheet(table, s.sheet, m.kind === 'head' ? 'peer' : s.round);
    if (problems.length > 0)
      throw rejected(
        'CLUSTER.SHEET',
        `${problems.map((p) => p.message).join(' ')} Gói đã bị từ chối, không có dữ liệu nào thay đổi.`,
      );
    return { ...s, scorer, target };
  });
  if (payload.outcome && m.kind !== 'head') throw notOwn();

  // A head package relays everyone's records; this instance's own ward keeps its own.
  const keepLocal = (id: string) => m.kind === 'head' && id === viewer.actingMemberId;
  return db.transaction(async (tx) => {
    for (const s of payload.submissions) {
      const memberId = idOf(s.memberCode);
      if (keepLocal(memberId)) continue;
      let fileId: string | null = null;
      if (s.file) {
        const content = verified.files.get(s.file.path)!;
        fileId = await insertFile(tx, {
          clusterId: cluster.id,
          orgUnitId: memberId,
          name: s.file.name,
          mime: s.file.mime,
          size: content.length,
          sha256: sha256Hex(content),
          contentBase64: content.toString('base64'),
        });
      }
      await upsertSubmission(tx, {
        clusterId: cluster.id,
        orgUnitId: memberId,
        reportText: s.reportText,
        reportRef: s.reportRef,
        reportFileId: fileId,
        source: 'package',
        submittedAt: new Date(s.submittedAt),
      });
    }
    for (const s of sheets) {
      if (keepLocal(s.scorer)) continue;
      await upsertScore(tx, {
        clusterId: cluster.id,
        round: s.round,
        orgUnitId: s.scorer,
        targetOrgUnitId: s.target,
        sheet: s.sheet,
        total: sheetTotal(table, s.sheet),
        source: 'package',
        submittedAt: new Date(s.submittedAt),
      });
    }
    const o = payload.outcome;
    if (o) {
      await upsertOutcome(tx, {
        clusterId: cluster.id,
        orgUnitId: cluster.headId ?? cluster.organiserId,
        ranking: o.ranking.map(({ code, missingScorerCodes, ...r }) => ({
          ...r,
          orgUnitId: idOf(code),
          missingScorers: missingScorerCodes.map(idOf),
        })),
        rankedAt: created,
        confirmation: o.confirmation
          ? (({ presentCodes, ...c }) => ({ ...c, presentOrgUnitIds: presentCodes.map(idOf) }))(
              o.confirmation,
            )
          : null,
        confirmedAt: o.confirmation ? created : null,
        proposals:
          o.proposals?.map((p) => ({ orgUnitId: idOf(p.code), rank: p.rank, award: p.award })) ?? null,
        proposedAt: o.proposals ? created : null,
        source: 'package',
      });
    }
    await writeAudit(tx, ctx.actor, {
      chain,
      action: 'cluster.import',
      entity: 'cluster_package',
      entityId: cluster.id,
      orgUnitId: signerId,
      after: {
        from: m.from.code,
        kind: m.kind,
        createdAt: m.createdAt,
        keyFingerprint: m.keyFingerprint,
        files: m.files,
      },
    });
    return {
      from: m.from.name,
      submissions: payload.submissions.length,
      scoreSheets: sheets.length,
      outcome: !!o,
    };
  });
}
