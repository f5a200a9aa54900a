import { CITATIONS, type Citation } from './citations.ts';
import { resolveContext, type EvaluationOptions, type RuleContext } from './context.ts';
import type { TitleOutcome } from './evaluate-person.ts';
import { DISCIPLINE_LABELS, RATING_LABELS } from './labels.ts';
import {
  DISCIPLINE_SEVERITY,
  RATING_LEVEL,
  type CollectiveCriteria,
  type Parameter,
} from './province-parameters.ts';
import { reason } from './reasons.ts';
import type { CollectiveYearFacts, Reason, RegimeCode, TitleCode } from './types.ts';

export type CollectiveEvaluation = {
  readonly collectiveId: string;
  readonly year: number;
  readonly regime: RegimeCode;
  readonly memberCount: number;
  readonly advancedWorkerCount: number;
  readonly advancedWorkerRatio: number;
  readonly advancedLabourCollective: TitleOutcome;
  readonly excellentLabourCollective: TitleOutcome;
  readonly highestTitle: TitleCode | null;
};

const C = CITATIONS;

export function formatPercent(ratio: number): string {
  const v = Math.round(ratio * 1000) / 10;
  return String(v).replace('.', ',');
}

function meetsRatio(count: number, total: number, ratio: number, strictlyGreater: boolean): boolean {
  return strictlyGreater ? count > ratio * total + 1e-9 : count >= ratio * total - 1e-9;
}

function checkCriteria(
  facts: CollectiveYearFacts,
  title: 'advanced_labour_collective' | 'excellent_labour_collective',
  param: Parameter<CollectiveCriteria>,
  ctx: RuleContext,
): TitleOutcome {
  const cite: Citation = { text: param.citation, verified: param.verified };
  const crit = param.value;
  const name =
    title === 'advanced_labour_collective' ? 'Tập thể lao động tiên tiến' : 'Tập thể lao động xuất sắc';
  const prefix = title === 'advanced_labour_collective' ? 'ADVANCED_COLLECTIVE' : 'EXCELLENT_COLLECTIVE';
  const fails: Reason[] = [];
  if (facts.pendingDiscipline) {
    const pc =
      ctx.regime.code === 'law2003_nd91'
        ? C.oldPending
        : ctx.regime.code === 'law2022_nd98'
          ? C.nd98Art4
          : C.nd152Art4K4;
    fails.push(
      reason(
        `${prefix}.PENDING_DISCIPLINE`,
        'fail',
        'Tập thể đang bị xem xét kỷ luật hoặc thanh tra, kiểm tra: chưa khen thưởng.',
        pc,
      ),
    );
  }
  if (facts.dissolved) {
    fails.push(
      reason(
        `${prefix}.DISSOLVED`,
        'fail',
        'Tập thể đã giải thể do sắp xếp tổ chức bộ máy: không xét khen thưởng.',
        C.tt15Dissolved,
      ),
    );
  }
  const minLabel = RATING_LABELS[crit.minRating];
  if (facts.rating === null) {
    fails.push(
      reason(`${prefix}.RATING_MISSING`, 'fail', 'Chưa có kết quả xếp loại của tập thể trong năm xét.', cite),
    );
  } else if (RATING_LEVEL[facts.rating] < RATING_LEVEL[crit.minRating]) {
    fails.push(
      reason(
        `${prefix}.RATING_TOO_LOW`,
        'fail',
        `Tập thể xếp loại “${RATING_LABELS[facts.rating]}”, chưa đạt mức “${minLabel}”${crit.minRating === 'excellent' ? '' : ' trở lên'}.`,
        cite,
      ),
    );
  }
  if (facts.activeEmulation === false) {
    fails.push(
      reason(
        `${prefix}.NO_EMULATION`,
        'fail',
        'Chưa có phong trào thi đua thường xuyên, thiết thực, hiệu quả.',
        cite,
      ),
    );
  }
  if (facts.internalUnity === false) {
    fails.push(
      reason(
        `${prefix}.NO_UNITY`,
        'fail',
        'Nội bộ chưa đoàn kết hoặc chưa chấp hành tốt chủ trương, chính sách, pháp luật.',
        cite,
      ),
    );
  }
  const n = facts.memberCount ?? 0;
  const aw = facts.advancedWorkerCount ?? 0;
  if (n <= 0) {
    fails.push(reason(`${prefix}.NO_MEMBERS`, 'fail', 'Chưa có số liệu thành viên của tập thể.', cite));
  } else {
    if (!meetsRatio(aw, n, crit.minAdvancedWorkerRatio, crit.strictlyGreater)) {
      fails.push(
        reason(
          `${prefix}.ADVANCED_WORKER_RATIO`,
          'fail',
          `Tỷ lệ cá nhân đạt “Lao động tiên tiến” là ${formatPercent(aw / n)} % (${aw}/${n}), ${crit.strictlyGreater ? 'chưa trên' : 'dưới'} ${formatPercent(crit.minAdvancedWorkerRatio)} %.`,
          cite,
        ),
      );
    }
    const completed = facts.completedCount ?? n;
    if (crit.allMembersCompleted && completed < n) {
      fails.push(
        reason(
          `${prefix}.NOT_ALL_COMPLETED`,
          'fail',
          `Có ${n - completed} cá nhân không hoàn thành nhiệm vụ (yêu cầu 100 % cá nhân hoàn thành nhiệm vụ).`,
          cite,
        ),
      );
    }
  }
  if ((facts.grassrootsFighterCount ?? 0) < crit.minGrassrootsFighters) {
    fails.push(
      reason(
        `${prefix}.NO_GRASSROOTS_FIGHTER`,
        'fail',
        'Không có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”.',
        cite,
      ),
    );
  }
  const worst = facts.worstMemberDiscipline ?? null;
  if (
    crit.noMemberDisciplinedFrom &&
    worst &&
    DISCIPLINE_SEVERITY[worst] >= DISCIPLINE_SEVERITY[crit.noMemberDisciplinedFrom]
  ) {
    fails.push(
      reason(
        `${prefix}.MEMBER_DISCIPLINED`,
        'fail',
        `Có cá nhân bị kỷ luật hình thức ${DISCIPLINE_LABELS[worst]} (từ ${DISCIPLINE_LABELS[crit.noMemberDisciplinedFrom]} trở lên thì tập thể không được xét).`,
        cite,
      ),
    );
  }
  if (fails.length > 0) return Object.freeze({ title, eligible: false, reasons: Object.freeze(fails) });
  return Object.freeze({
    title,
    eligible: true,
    reasons: Object.freeze([
      reason(
        `${prefix}.MET`,
        'pass',
        `Đạt tiêu chuẩn “${name}”: xếp loại “${RATING_LABELS[facts.rating ?? crit.minRating]}”, tỷ lệ “Lao động tiên tiến” ${formatPercent(aw / n)} % (${aw}/${n}).`,
        cite,
      ),
    ]),
  });
}

/** "Tập thể lao động tiên tiến" and "Tập thể lao động xuất sắc" of one collective for one year. */
export function evaluateCollective(
  facts: CollectiveYearFacts,
  options: RuleContext | EvaluationOptions,
): CollectiveEvaluation {
  const ctx = resolveContext(options);
  const params = ctx.parameters;
  const advanced = checkCriteria(facts, 'advanced_labour_collective', params.advancedLabourCollective, ctx);
  const excellent = checkCriteria(
    facts,
    'excellent_labour_collective',
    params.excellentLabourCollective,
    ctx,
  );
  const n = facts.memberCount ?? 0;
  const aw = facts.advancedWorkerCount ?? 0;
  return Object.freeze({
    collectiveId: facts.collectiveId,
    year: facts.year,
    regime: ctx.regime.code,
    memberCount: n,
    advancedWorkerCount: aw,
    advancedWorkerRatio: n > 0 ? aw / n : 0,
    advancedLabourCollective: advanced,
    excellentLabourCollective: excellent,
    highestTitle: excellent.eligible
      ? 'excellent_labour_collective'
      : advanced.eligible
        ? 'advanced_labour_collective'
        : null,
  });
}
