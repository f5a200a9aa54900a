import type { AuthContext } from '../platform/auth/access.ts';
import { canRead, canWrite } from '../platform/auth/access.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import type { OrgDirectory } from '../organizations/index.ts';
import type { ClusterRow } from './clusters.repository.ts';

/** Roles that act for a member ward: submit its report, score its peers. */
const MEMBER_ACTORS = ['officer', 'chairman'] as const;

export type Viewer = {
  /** The member ward the caller belongs to and may act for, if any. */
  actingMemberId: string | null;
  /** The caller belongs to the head ward (Trưởng cụm). */
  isHead: boolean;
  /** The caller reads the organiser (the city before 07/2025, the province after). */
  isOrganiser: boolean;
  /** May set the year up: the head ward's officers or a writer over the organiser. */
  canManage: boolean;
  /** May see the cluster at all. */
  visible: boolean;
};

/**
 * Who the caller is for this cluster. The cluster-head grant is explicit here, not in the
 * general scope: the head ward's users read the members' cluster submissions (and after the
 * deadline their scores), never the members' other data (issue 6, item 6 — "cluster-head grant").
 */
export function viewerOf(auth: AuthContext, cluster: ClusterRow, directory: OrgDirectory): Viewer {
  const belongsTo = (unitId: string) => directory.subtree(unitId).includes(auth.orgUnitId);
  const memberActor = auth.roles.some((r) => (MEMBER_ACTORS as readonly string[]).includes(r));
  const actingMemberId = memberActor ? (cluster.memberIds.find(belongsTo) ?? null) : null;
  const isHead = cluster.headId !== null && belongsTo(cluster.headId);
  const isOrganiser = canRead(auth, cluster.organiserId);
  const canManage = (isHead && memberActor) || canWrite(auth, cluster.organiserId);
  const visible =
    isOrganiser || isHead || actingMemberId !== null || cluster.memberIds.some((m) => canRead(auth, m));
  return { actingMemberId, isHead, isOrganiser, canManage, visible };
}

export function assertVisible(viewer: Viewer): void {
  if (!viewer.visible) throw notFound('cụm thi đua');
}

export function assertManager(viewer: Viewer): void {
  assertVisible(viewer);
  if (!viewer.canManage) {
    throw new AppError(
      'forbidden',
      'CLUSTER.NOT_MANAGER',
      'Chỉ phường trưởng cụm hoặc cơ quan tổ chức cụm được thực hiện thao tác này.',
    );
  }
}

export function requireActingMember(viewer: Viewer): string {
  assertVisible(viewer);
  if (!viewer.actingMemberId) {
    throw new AppError(
      'forbidden',
      'CLUSTER.NOT_MEMBER',
      'Chỉ cán bộ của đơn vị thành viên cụm được nộp báo cáo và chấm điểm.',
    );
  }
  return viewer.actingMemberId;
}

/**
 * A member's cluster submission may be read by the member's own users, by the other members
 * (they score it), by the head ward and by the organiser. Nothing else of the member is opened.
 */
export function assertCanReadSubmission(
  auth: AuthContext,
  viewer: Viewer,
  cluster: ClusterRow,
  memberId: string,
): void {
  if (!cluster.memberIds.includes(memberId)) throw notFound('đơn vị thành viên cụm');
  const ok = viewer.isHead || viewer.isOrganiser || viewer.actingMemberId !== null || canRead(auth, memberId);
  if (!ok) throw notFound('báo cáo của đơn vị thành viên');
}

export type Phase = 'not_started' | 'reporting' | 'scoring' | 'closed';

export function phaseOf(
  settings: { reportDeadline: Date | null; scoringDeadline: Date | null } | undefined,
  now: Date,
): Phase {
  if (!settings?.reportDeadline || !settings.scoringDeadline) return 'not_started';
  if (now <= settings.reportDeadline) return 'reporting';
  if (now <= settings.scoringDeadline) return 'scoring';
  return 'closed';
}

/**
 * Every member has submitted and every member has scored every other member: nothing is left to
 * be swayed by what the others gave.
 */
export function scoringComplete(
  memberIds: readonly string[],
  submissions: readonly { orgUnitId: string }[],
  scores: readonly { round: string; orgUnitId: string; targetOrgUnitId: string }[],
): boolean {
  if (memberIds.length === 0) return false;
  const submitted = new Set(submissions.map((s) => s.orgUnitId));
  if (!memberIds.every((m) => submitted.has(m))) return false;
  const sheets = new Set(
    scores.filter((s) => s.round === 'peer').map((s) => `${s.orgUnitId}>${s.targetOrgUnitId}`),
  );
  return memberIds.every((a) => memberIds.every((b) => a === b || sheets.has(`${a}>${b}`)));
}

/**
 * Scores are secret until every member has scored or the announced scoring deadline has passed:
 * before that a sheet is shown only to the users of the ward that wrote it — not to the scored
 * ward, not to the head ward, not to the organiser. A ward that saw the others' points could
 * still change its own.
 */
export function scoresVisible(
  settings: { scoringDeadline: Date | null } | undefined,
  now: Date,
  complete: boolean,
): boolean {
  if (!settings?.scoringDeadline) return false;
  return complete || now > settings.scoringDeadline;
}

/**
 * Once scoring has begun (the report deadline has passed or a peer sheet is in), the scoring
 * deadline may be extended but never brought forward: an earlier deadline would open the sheets
 * of the wards that had scored to the ones that had not.
 */
export function assertDeadlineNotForward(
  before: { reportDeadline: Date | null; scoringDeadline: Date | null } | undefined,
  next: Date,
  scoringBegun: boolean,
): void {
  if (!before?.scoringDeadline || !scoringBegun) return;
  if (next.getTime() < before.scoringDeadline.getTime()) {
    throw conflict(
      'Đã bắt đầu chấm điểm chéo: chỉ được gia hạn, không được rút ngắn hạn chấm điểm.',
      'CLUSTER.DEADLINE_FORWARD',
    );
  }
}
