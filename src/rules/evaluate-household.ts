import { CITATIONS } from './citations.ts';
import { resolveContext, type EvaluationOptions, type RuleContext } from './context.ts';
import type { TitleOutcome } from './evaluate-person.ts';
import { reason } from './reasons.ts';
import type { CulturalFamilyCriteria, HouseholdYearFacts, Reason, RegimeCode } from './types.ts';

export type ChecklistItem = {
  readonly criterion: keyof CulturalFamilyCriteria;
  readonly label: string;
  readonly met: boolean;
};

export type HouseholdEvaluation = {
  readonly householdId: string;
  readonly year: number;
  readonly regime: RegimeCode;
  readonly culturalFamily: TitleOutcome;
  readonly checklist: readonly ChecklistItem[];
};

// The three framework criteria of NĐ 86/2023 (in force 30/01/2024), replacing NĐ 122/2018.
export const CULTURAL_FAMILY_CHECKLIST: readonly {
  readonly criterion: keyof CulturalFamilyCriteria;
  readonly label: string;
}[] = Object.freeze([
  Object.freeze({
    criterion: 'lawCompliance',
    label: 'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước',
  }),
  Object.freeze({
    criterion: 'emulationParticipation',
    label:
      'Tích cực tham gia phong trào thi đua của địa phương (lao động, sản xuất, học tập, bảo đảm an ninh, trật tự)',
  }),
  Object.freeze({
    criterion: 'happyFamily',
    label: 'Gia đình no ấm, tiến bộ, hạnh phúc, văn minh; đoàn kết, tương trợ trong cộng đồng',
  }),
]);

/** "Gia đình văn hóa" as a checklist; the money for this title is not verified in any regime. */
export function evaluateHousehold(
  facts: HouseholdYearFacts,
  options: RuleContext | EvaluationOptions,
): HouseholdEvaluation {
  const ctx = resolveContext(options);
  const cite = ctx.decisionDate >= '2024-01-30' ? CITATIONS.nd86 : CITATIONS.nd122;
  const checklist = CULTURAL_FAMILY_CHECKLIST.map((item) =>
    Object.freeze({
      criterion: item.criterion,
      label: item.label,
      met: facts.criteria[item.criterion] === true,
    }),
  );
  const reasons: Reason[] = [];
  if (facts.pendingDiscipline) {
    reasons.push(
      reason(
        'CULTURAL_FAMILY.PENDING',
        'fail',
        'Hộ gia đình có vi phạm đang được xem xét, xử lý: chưa xét công nhận.',
        cite,
      ),
    );
  }
  for (const item of checklist) {
    reasons.push(
      reason(
        item.met ? 'CULTURAL_FAMILY.CRITERION_MET' : 'CULTURAL_FAMILY.CRITERION_NOT_MET',
        item.met ? 'pass' : 'fail',
        item.met ? `Đạt tiêu chí: ${item.label}.` : `Chưa đạt tiêu chí: ${item.label}.`,
        cite,
      ),
    );
  }
  const eligible = reasons.every((r) => r.outcome !== 'fail');
  return Object.freeze({
    householdId: facts.householdId,
    year: facts.year,
    regime: ctx.regime.code,
    culturalFamily: Object.freeze({ title: 'cultural_family', eligible, reasons: Object.freeze(reasons) }),
    checklist: Object.freeze(checklist),
  });
}
