import {
  catalogueEntry,
  defaultProvinceParameters,
  isAwardCode,
  regimeFor,
  type ProvinceParameters,
  type TitleCode,
  type VotingRule,
} from '../rules/index.ts';

export type BallotChoice = 'yes' | 'no' | 'abstain';
export const BALLOT_CHOICES: readonly BallotChoice[] = ['yes', 'no', 'abstain'];

export type ItemRule = VotingRule & { citation: string };

/**
 * The voting rule for one award on the session date, from the province parameters: NĐ 98/2023
 * Điều 30 khoản 7 presets (CSTĐCS, Cờ thi đua ≥ 80 %; CSTĐ tỉnh, toàn quốc ≥ 90 % of all members).
 * Awards with no statutory rule (LĐTT, Giấy khen …) are decided by majority of the members present
 * (Bắc Ninh QĐ 86/2025 Điều 9 khoản 4: "biểu quyết theo đa số", template until An Giang's rule).
 */
export function votingRuleFor(params: ProvinceParameters, sessionDate: string, awardCode: string): ItemRule {
  const regime = regimeFor(sessionDate, null).code;
  const rule = isAwardCode(awardCode) ? params.regimes[regime].voting[awardCode as TitleCode] : undefined;
  if (rule && rule.value.minApprovalRatio !== null) return { ...rule.value, citation: rule.citation };
  return {
    voteRequired: rule?.value.voteRequired ?? false,
    minApprovalRatio: null,
    denominator: 'present_members',
    ballot: 'secret',
    citation:
      rule?.citation ??
      `Quy định mẫu (Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 9 khoản 4): biểu quyết theo đa số${
        isAwardCode(awardCode) ? ` — ${catalogueEntry(awardCode).name}` : ''
      }`,
  };
}

export function provinceParametersFor(provinceCode: string, year: number): ProvinceParameters {
  return defaultProvinceParameters(provinceCode, year);
}

/** The quorum of a session considering awards (Bắc Ninh QĐ 86/2025 Điều 8 as template; NĐ 98 Điều 47). */
export function quorumFor(
  params: ProvinceParameters,
  sessionDate: string,
): { ratio: number; citation: string } {
  const q = params.regimes[regimeFor(sessionDate, null).code].quorum;
  return { ratio: q.value.forAwardsMinPresentRatio, citation: q.citation };
}

export function quorumMet(totalMembers: number, presentMembers: number, ratio: number): boolean {
  if (totalMembers <= 0) return false;
  return presentMembers >= Math.ceil(ratio * totalMembers - 1e-9);
}

export type TallyInput = {
  yes: number;
  no: number;
  abstain: number;
  totalMembers: number;
  presentMembers: number;
  /** Members who declared a conflict on this item: they neither vote nor count. */
  recused: number;
};

export type TallyResult = {
  approved: boolean;
  /** Members the ratio is counted on. */
  base: number;
  /** Approving ballots needed. */
  required: number;
};

/**
 * Whether an item is approved. With a ratio (NĐ 98/2023 Điều 30 khoản 7) approving ballots must
 * reach the ratio of the base — all members when the rule says "tính trên tổng số thành viên của
 * Hội đồng" — otherwise more than half of the members present must approve.
 */
export function tally(
  rule: Pick<VotingRule, 'minApprovalRatio' | 'denominator'>,
  t: TallyInput,
): TallyResult {
  const base = Math.max(
    (rule.denominator === 'total_members' ? t.totalMembers : t.presentMembers) - t.recused,
    0,
  );
  const required =
    rule.minApprovalRatio === null
      ? Math.floor(base / 2) + 1
      : Math.ceil(rule.minApprovalRatio * base - 1e-9);
  return { approved: base > 0 && t.yes >= required, base, required };
}
