import {
  RULES_VERSION,
  catalogueEntry,
  createRuleContext,
  evaluatePerson,
  isAwardCode,
  type CollectiveEvaluation,
  type PersonYearFacts,
  type Reason,
  type RuleContext,
} from '../rules/index.ts';

export type VerdictReason = Pick<Reason, 'code' | 'outcome' | 'message' | 'citation' | 'verified'>;

/** The rules engine's verdict shown on a nomination; eligible null = to be appraised by people. */
export type Verdict = { eligible: boolean | null; reasons: VerdictReason[]; rulesVersion: string };

export type VerdictInput = {
  subjectKind: string;
  awardCode: string;
  year: number;
  /** The person's facts of the year, for individual nominations. */
  person?: PersonYearFacts | null | undefined;
  /** The collective's evaluation of the year, for collective nominations. */
  collective?: CollectiveEvaluation | null | undefined;
};

/** Decisions on a year's titles are made early the next year; the regime follows that date. */
export function defaultDecisionDate(year: number): string {
  return `${year + 1}-01-15`;
}

export function ruleContextFor(year: number): RuleContext {
  return createRuleContext({ decisionDate: defaultDecisionDate(year) });
}

const note = (code: string, message: string, citation: string, verified = true): VerdictReason => ({
  code,
  outcome: 'note',
  message,
  citation,
  verified,
});
const fail = (code: string, message: string, citation: string): VerdictReason => ({
  code,
  outcome: 'fail',
  message,
  citation,
  verified: true,
});

/**
 * The verdict for one nomination: the award must exist in the catalogue for the regime and for
 * the subject kind; individual titles the engine can judge (LĐTT, CSTĐCS, CSTĐ tỉnh) are judged
 * from the person's facts, the collective titles (TTLĐTT, TTLĐXS) from the collective's; the rest carry a note for the officer, since their criteria are the
 * province's (Luật TĐKT 2022, Điều 75, khoản 2).
 */
export function nominationVerdict(
  input: VerdictInput,
  ctx: RuleContext = ruleContextFor(input.year),
): Verdict {
  const base = { rulesVersion: RULES_VERSION };
  if (!isAwardCode(input.awardCode)) {
    return {
      ...base,
      eligible: false,
      reasons: [
        fail(
          'award.unknown',
          'Danh hiệu, hình thức khen thưởng không có trong danh mục.',
          'Luật TĐKT 2022, Điều 8, 9',
        ),
      ],
    };
  }
  const entry = catalogueEntry(input.awardCode);
  const reasons: VerdictReason[] = [];
  if (!entry.regimes[ctx.regime.code]) {
    reasons.push(
      fail('award.not_in_regime', `"${entry.name}" không áp dụng theo quy định hiện hành.`, entry.citation),
    );
  }
  if (!(entry.subjectKinds as readonly string[]).includes(input.subjectKind)) {
    reasons.push(
      fail('award.subject_kind', `"${entry.name}" không xét tặng cho loại đối tượng này.`, entry.citation),
    );
  }
  if (reasons.length > 0) return { ...base, eligible: false, reasons };

  if (input.subjectKind === 'individual' && input.person) {
    const evaluation = evaluatePerson(input.person, ctx);
    const outcome =
      input.awardCode === 'advanced_worker'
        ? evaluation.advancedWorker
        : input.awardCode === 'grassroots_emulation_fighter'
          ? evaluation.grassrootsFighter
          : input.awardCode === 'provincial_emulation_fighter'
            ? evaluation.provincialFighterProposal
            : null;
    if (outcome) {
      return { ...base, eligible: outcome.eligible, reasons: outcome.reasons.map(toVerdictReason) };
    }
    // A form (Giấy khen …) for a person: a person failing LĐTT's basic conditions (discipline,
    // rating) is flagged, the rest is appraised against the province's criteria.
    const basic = evaluation.advancedWorker.reasons.filter((r) => r.outcome === 'fail').map(toVerdictReason);
    return {
      ...base,
      eligible: null,
      reasons: [
        ...basic.map((r) => ({ ...r, outcome: 'note' as const })),
        note(
          'award.provincial_criteria',
          `Tiêu chuẩn "${entry.name}" theo quy định của tỉnh: cán bộ thi đua thẩm định.`,
          'Luật TĐKT 2022, Điều 75, khoản 2',
          entry.regimes[ctx.regime.code]?.issuersVerified ?? false,
        ),
      ],
    };
  }
  if (input.subjectKind === 'collective' && input.collective) {
    const outcome =
      input.awardCode === 'advanced_labour_collective'
        ? input.collective.advancedLabourCollective
        : input.awardCode === 'excellent_labour_collective'
          ? input.collective.excellentLabourCollective
          : null;
    if (outcome) {
      return { ...base, eligible: outcome.eligible, reasons: outcome.reasons.map(toVerdictReason) };
    }
  }
  return {
    ...base,
    eligible: null,
    reasons: [
      note(
        'award.manual_appraisal',
        `Hệ thống chưa tự đánh giá được "${entry.name}" cho đối tượng này: cán bộ thi đua thẩm định.`,
        entry.citation,
      ),
    ],
  };
}

function toVerdictReason(r: Reason): VerdictReason {
  return { code: r.code, outcome: r.outcome, message: r.message, citation: r.citation, verified: r.verified };
}
