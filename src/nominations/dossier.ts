import { catalogueEntry, isAwardCode } from '../rules/index.ts';
import { assertNever } from '../platform/errors.ts';

export const NOMINATION_KINDS = ['regular', 'thematic', 'unexpected', 'dedication', 'foreign'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];

export const NOMINATION_KIND_LABELS: Record<NominationKind, string> = {
  regular: 'Thường xuyên',
  thematic: 'Theo chuyên đề',
  unexpected: 'Đột xuất',
  dedication: 'Quá trình cống hiến',
  foreign: 'Đối ngoại',
};

export const DOSSIER_PARTS = [
  'proposal_letter',
  'achievement_report',
  'evaluation_minutes',
  'initiative_proof',
  'summary_report',
  'other',
] as const;
export type DossierPart = (typeof DOSSIER_PARTS)[number];

export const DOSSIER_PART_LABELS: Record<DossierPart, string> = {
  proposal_letter: 'Tờ trình đề nghị khen thưởng',
  achievement_report: 'Báo cáo thành tích',
  evaluation_minutes: 'Biên bản bình xét thi đua / xét khen thưởng',
  initiative_proof: 'Văn bản công nhận sáng kiến, đề tài',
  summary_report: 'Báo cáo tóm tắt thành tích',
  other: 'Tài liệu khác',
};

/** Titles for which the initiative (sáng kiến) proof is part of the dossier. */
const NEEDS_INITIATIVE_PROOF = new Set([
  'grassroots_emulation_fighter',
  'provincial_emulation_fighter',
  'national_emulation_fighter',
]);

export type DossierRequirement = { part: DossierPart; citation: string };

/**
 * The parts a nomination's dossier must hold. Regular and thematic nominations follow the full
 * procedure (Luật TĐKT 2022, Điều 84): tờ trình, báo cáo thành tích, biên bản bình xét (titles) or
 * biên bản xét khen thưởng (forms), plus the initiative proof for CSTĐ (Điều 84, khoản 1, điểm d).
 * Unexpected, dedication and foreign awards use the simplified procedure (Luật TĐKT 2022, Điều 85;
 * NĐ 98/2023, Điều 40, khoản 1): tờ trình and a summary report of the achievement.
 */
export function requiredDossierParts(kind: NominationKind, awardCode: string): DossierRequirement[] {
  switch (kind) {
    case 'regular':
    case 'thematic': {
      const full: DossierRequirement[] = [
        { part: 'proposal_letter', citation: 'Luật TĐKT 2022, Điều 84' },
        { part: 'achievement_report', citation: 'Luật TĐKT 2022, Điều 84' },
        { part: 'evaluation_minutes', citation: 'Luật TĐKT 2022, Điều 84' },
      ];
      if (NEEDS_INITIATIVE_PROOF.has(awardCode)) {
        full.push({ part: 'initiative_proof', citation: 'Luật TĐKT 2022, Điều 84, khoản 1, điểm d' });
      }
      return full;
    }
    case 'unexpected':
    case 'dedication':
    case 'foreign':
      return [
        { part: 'proposal_letter', citation: 'Luật TĐKT 2022, Điều 85; NĐ 98/2023, Điều 40, khoản 1' },
        { part: 'summary_report', citation: 'Luật TĐKT 2022, Điều 85; NĐ 98/2023, Điều 40, khoản 1' },
      ];
    default:
      return assertNever(kind);
  }
}

export type DossierCheck = { complete: boolean; missing: DossierRequirement[]; present: DossierPart[] };

export function checkDossier(
  kind: NominationKind,
  awardCode: string,
  present: readonly string[],
): DossierCheck {
  const have = new Set(present);
  const missing = requiredDossierParts(kind, awardCode).filter((r) => !have.has(r.part));
  return {
    complete: missing.length === 0,
    missing,
    present: DOSSIER_PARTS.filter((p) => have.has(p)),
  };
}

export function awardName(code: string): string {
  return isAwardCode(code) ? catalogueEntry(code).name : code;
}

export function isNominationKind(value: string): value is NominationKind {
  return (NOMINATION_KINDS as readonly string[]).includes(value);
}
