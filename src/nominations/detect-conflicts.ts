import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import { awardName } from './dossier.ts';

/** What the conflict check needs to know about one nomination (pure data). */
export type NominationFacts = {
  id?: string | undefined;
  /** 'person:<id>', 'org:<id>' or 'household:<id>'. */
  subjectKey: string;
  year: number;
  kind: string;
  awardCode: string;
  orgUnitId: string;
  bodyOrgUnitId: string;
  status?: string | undefined;
};

export type ExistingAward = {
  subjectKey: string;
  year: number;
  awardCode: string;
  decisionNumber: string | null;
};

export type ConflictCode =
  | 'duplicate_award'
  | 'two_levels'
  | 'same_achievement_two_forms'
  | 'already_awarded'
  | 'proposer_headed_by_subject';

export type Conflict = {
  code: ConflictCode;
  /** Blocking conflicts stop submission; the others are shown for the officer to judge. */
  blocking: boolean;
  message: string;
  citation: string;
  otherNominationId?: string | undefined;
};

/** Statuses that no longer stand as a proposal (the council said no). */
const INACTIVE = new Set(['not_approved']);

/**
 * Duplicate and conflict detection for one nomination against the other nominations and award
 * records of the same subject and year. "No multiple awards or multiple forms for one
 * achievement" (Luật TĐKT 2022, Điều 5, khoản 2; legal-brief §2) makes the first three blocking.
 * A unit proposing its own head is allowed but flagged, since the head signs the proposal.
 */
export function detectConflicts(
  candidate: NominationFacts,
  others: readonly NominationFacts[],
  awards: readonly ExistingAward[],
  proposerHeadSubjectKeys: ReadonlySet<string>,
): Conflict[] {
  const found: Conflict[] = [];
  const principle = 'Luật TĐKT 2022, Điều 5, khoản 2';
  const name = awardName(candidate.awardCode);
  for (const o of others) {
    if (o.id !== undefined && o.id === candidate.id) continue;
    if (o.subjectKey !== candidate.subjectKey || o.year !== candidate.year) continue;
    if (o.status && INACTIVE.has(o.status)) continue;
    if (o.awardCode === candidate.awardCode) {
      found.push({
        code: 'duplicate_award',
        blocking: true,
        message: `Đối tượng này đã được đề nghị "${name}" năm ${candidate.year} ở một hồ sơ khác.`,
        citation: principle,
        otherNominationId: o.id,
      });
    } else if (o.kind === candidate.kind && o.bodyOrgUnitId !== candidate.bodyOrgUnitId) {
      found.push({
        code: 'two_levels',
        blocking: true,
        message: `Cùng một thành tích năm ${candidate.year} đang được đề nghị ở hai cấp ("${awardName(o.awardCode)}" và "${name}").`,
        citation: principle,
        otherNominationId: o.id,
      });
    } else if (o.kind === candidate.kind && isForm(o.awardCode) && isForm(candidate.awardCode)) {
      found.push({
        code: 'same_achievement_two_forms',
        blocking: true,
        message: `Cùng một thành tích năm ${candidate.year} đang được đề nghị hai hình thức khen thưởng ("${awardName(o.awardCode)}" và "${name}").`,
        citation: principle,
        otherNominationId: o.id,
      });
    }
  }
  for (const a of awards) {
    if (
      a.subjectKey === candidate.subjectKey &&
      a.year === candidate.year &&
      a.awardCode === candidate.awardCode
    ) {
      found.push({
        code: 'already_awarded',
        blocking: true,
        message: `Đối tượng này đã được tặng "${name}" năm ${candidate.year}${a.decisionNumber ? ` (Quyết định số ${a.decisionNumber})` : ''}.`,
        citation: principle,
      });
    }
  }
  if (proposerHeadSubjectKeys.has(candidate.subjectKey)) {
    found.push({
      code: 'proposer_headed_by_subject',
      blocking: false,
      message:
        'Người được đề nghị là thủ trưởng của chính đơn vị đề nghị: cần cấp trên hoặc tập thể xem xét, tránh tự đề nghị cho mình.',
      citation: 'Luật TĐKT 2022, Điều 5 (công khai, minh bạch, công bằng)',
    });
  }
  return found;
}

function isForm(code: string): boolean {
  return isAwardCode(code) && catalogueEntry(code).category === 'form';
}
