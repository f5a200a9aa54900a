import { CITATIONS, type Citation } from './citations.ts';
import { resolveContext, yearBounds, type EvaluationOptions, type RuleContext } from './context.ts';
import { addMonths, dayNumber, formatVnDate, wholeMonthsBetween } from './dates.ts';
import { ABSENCE_LABELS, DISCIPLINE_LABELS } from './labels.ts';
import { DISCIPLINE_SEVERITY } from './province-parameters.ts';
import { joinCitations, reason } from './reasons.ts';
import type {
  AwardHistoryEntry,
  Discipline,
  PersonYearFacts,
  Reason,
  RegimeCode,
  TitleCode,
} from './types.ts';

export type TitleOutcome = {
  readonly title: TitleCode;
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
};

export type PersonEvaluation = {
  readonly personId: string;
  readonly year: number;
  readonly regime: RegimeCode;
  /** Months of the year counted as time worked. */
  readonly countedMonths: number;
  readonly advancedWorker: TitleOutcome;
  readonly grassrootsFighter: TitleOutcome;
  /** May be proposed to the province for "Chiến sĩ thi đua cấp tỉnh". */
  readonly provincialFighterProposal: TitleOutcome;
  /** Highest title the unit's level may consider (LĐTT or CSTĐCS), or null. */
  readonly highestTitle: TitleCode | null;
  /** Consecutive years of CSTĐCS ending with this year (0 when not eligible this year). */
  readonly grassrootsFighterChain: number;
};

const C = CITATIONS;

type PersonReasons = {
  readonly pending: Reason;
  readonly staffCategory: Reason;
  readonly ratingMissing: Reason;
  readonly ratingNotCompleted: Reason;
  readonly ratingCompleted: Reason;
  readonly participation: Reason;
  readonly newHireCitation: Citation;
  readonly disciplineCitation: Citation;
  readonly maternityCitation: Citation;
  readonly advancedWorkerMet: TitleOutcome;
  readonly fighterNotAdvancedWorker: TitleOutcome;
  readonly fighterMetInitiative: TitleOutcome;
  readonly fighterMetExcellent: TitleOutcome;
  readonly fighterNoInitiative: TitleOutcome;
  readonly provincialNotFighter: TitleOutcome;
  readonly provincialMet: TitleOutcome;
  readonly provincialNoInitiative: Reason;
  readonly provincialChainCitation: Citation;
};

const outcome = (title: TitleCode, eligible: boolean, reasons: readonly Reason[]): TitleOutcome =>
  Object.freeze({ title, eligible, reasons: Object.freeze([...reasons]) });

function buildReasons(regime: RegimeCode): PersonReasons {
  const old = regime === 'law2003_nd91';
  const nd152 = regime === 'law2022_nd152';
  const awCitation = old ? C.law2013Art24 : C.law2022Art24K1;
  const pendingCitation = old ? C.oldPending : nd152 ? C.nd152Art4K4 : C.nd98Art4;
  const fighterCitation = old ? C.law2013Art23 : C.law2022Art23;
  const chainCitation = old ? C.law2013Art22 : C.law2022Art22;
  const notAw = reason(
    'GRASSROOTS_FIGHTER.NOT_ADVANCED_WORKER',
    'fail',
    'Chưa đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” nên chưa đủ điều kiện xét “Chiến sĩ thi đua cơ sở”.',
    fighterCitation,
  );
  return Object.freeze({
    pending: reason(
      'PERSON.PENDING_DISCIPLINE',
      'fail',
      'Đang trong thời gian cơ quan có thẩm quyền xem xét kỷ luật hoặc điều tra, thanh tra, kiểm tra: chưa khen thưởng, chưa đề nghị khen thưởng.',
      pendingCitation,
    ),
    staffCategory: reason(
      'PERSON.STAFF_CATEGORY_NOT_ELIGIBLE',
      'fail',
      'Đối tượng không thuộc diện xét danh hiệu theo tham số của tỉnh.',
      awCitation,
    ),
    ratingMissing: reason(
      'ADVANCED_WORKER.RATING_MISSING',
      'fail',
      'Chưa có kết quả đánh giá, xếp loại chất lượng của năm xét.',
      awCitation,
    ),
    ratingNotCompleted: reason(
      'ADVANCED_WORKER.RATING_NOT_COMPLETED',
      'fail',
      'Xếp loại “Không hoàn thành nhiệm vụ”: không đạt tiêu chuẩn hoàn thành tốt nhiệm vụ trở lên.',
      awCitation,
    ),
    ratingCompleted: reason(
      'ADVANCED_WORKER.RATING_BELOW_GOOD',
      'fail',
      'Xếp loại “Hoàn thành nhiệm vụ”: chưa đạt tiêu chuẩn hoàn thành tốt nhiệm vụ trở lên.',
      awCitation,
    ),
    participation: reason(
      'ADVANCED_WORKER.PARTICIPATION',
      'fail',
      'Chưa đạt tiêu chuẩn về tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua.',
      awCitation,
    ),
    newHireCitation: old ? C.nd91Art10 : C.tt01Art1K5D,
    disciplineCitation: old
      ? C.nd91Art10
      : nd152
        ? joinCitations(C.nd152Art4K4, C.tt01Discipline)
        : C.tt01Discipline,
    maternityCitation: nd152
      ? C.nd152Art4K5
      : old
        ? { text: 'Thực tiễn áp dụng Nghị định 91/2017/NĐ-CP', verified: false }
        : C.tt01Maternity,
    advancedWorkerMet: outcome('advanced_worker', true, [
      reason(
        'ADVANCED_WORKER.MET',
        'pass',
        'Đạt tiêu chuẩn “Lao động tiên tiến”: hoàn thành tốt nhiệm vụ trở lên, đủ thời gian công tác, không bị kỷ luật trong năm.',
        old ? joinCitations(C.law2013Art24, C.nd91Art10) : joinCitations(C.law2022Art24K1, C.tt01Art1K5),
      ),
    ]),
    fighterNotAdvancedWorker: outcome('grassroots_emulation_fighter', false, [notAw]),
    fighterMetInitiative: outcome('grassroots_emulation_fighter', true, [
      reason(
        'GRASSROOTS_FIGHTER.MET_INITIATIVE',
        'pass',
        'Đạt “Lao động tiên tiến” và có sáng kiến, đề tài khoa học được cơ sở công nhận trong năm.',
        fighterCitation,
      ),
    ]),
    fighterMetExcellent: outcome('grassroots_emulation_fighter', true, [
      reason(
        'GRASSROOTS_FIGHTER.MET_EXCELLENT',
        'pass',
        'Đạt “Lao động tiên tiến” và hoàn thành xuất sắc nhiệm vụ.',
        fighterCitation,
      ),
    ]),
    fighterNoInitiative: outcome('grassroots_emulation_fighter', false, [
      old
        ? reason(
            'GRASSROOTS_FIGHTER.NO_INITIATIVE',
            'fail',
            'Không có sáng kiến, đề tài khoa học được cơ sở công nhận trong năm (bắt buộc đối với “Chiến sĩ thi đua cơ sở” theo Luật 2003 sửa đổi 2013).',
            fighterCitation,
          )
        : reason(
            'GRASSROOTS_FIGHTER.NOT_EXCELLENT_NO_INITIATIVE',
            'fail',
            'Không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến, đề tài khoa học được cơ sở công nhận trong năm.',
            fighterCitation,
          ),
    ]),
    provincialNotFighter: outcome('provincial_emulation_fighter', false, [
      reason(
        'PROVINCIAL_FIGHTER.NOT_GRASSROOTS_FIGHTER',
        'fail',
        'Năm xét chưa đạt “Chiến sĩ thi đua cơ sở” nên chưa đủ điều kiện đề nghị “Chiến sĩ thi đua cấp tỉnh”.',
        chainCitation,
      ),
    ]),
    provincialMet: outcome('provincial_emulation_fighter', true, [
      reason(
        'PROVINCIAL_FIGHTER.MET',
        'pass',
        'Có 03 lần liên tục đạt “Chiến sĩ thi đua cơ sở” và sáng kiến có phạm vi ảnh hưởng cấp tỉnh: đủ điều kiện đề nghị xét “Chiến sĩ thi đua cấp tỉnh”.',
        chainCitation,
      ),
    ]),
    provincialNoInitiative: reason(
      'PROVINCIAL_FIGHTER.NO_PROVINCIAL_INITIATIVE',
      'fail',
      'Không có sáng kiến, đề tài khoa học có phạm vi ảnh hưởng cấp tỉnh trong thời gian 03 năm liên tục đạt “Chiến sĩ thi đua cơ sở”.',
      chainCitation,
    ),
    provincialChainCitation: chainCitation,
  });
}

const REASONS: Readonly<Record<RegimeCode, PersonReasons>> = Object.freeze({
  law2003_nd91: buildReasons('law2003_nd91'),
  law2022_nd98: buildReasons('law2022_nd98'),
  law2022_nd152: buildReasons('law2022_nd152'),
});

/** Consecutive CSTĐCS needed before a proposal for CSTĐ cấp tỉnh (Luật 2022 Điều 22; NĐ 91 Điều 9 khoản 2). */
export const PROVINCIAL_FIGHTER_CHAIN = 3;

/** Days in a counting month when deducting absences that do not count as time worked. */
const DAYS_PER_MONTH = 30;

// Disciplinary periods when the record gives no end date [U]: 12 months, 18 months for demotion
// and removal from post; dismissal ends the service.
function disciplineEnd(d: Discipline): string {
  if (d.endsOn) return d.endsOn;
  switch (d.form) {
    case 'reprimand':
    case 'warning':
    case 'salary_demotion':
      return addMonths(d.decidedOn, 12);
    case 'demotion':
    case 'removal_from_post':
      return addMonths(d.decidedOn, 18);
    case 'dismissal':
      return '9999-12-31';
  }
}

/** Whether an earlier award may count in a chain (revoked awards never do; NĐ 152 Điều 4). */
export function countsAsBasis(entry: AwardHistoryEntry, onlyRegular: boolean): boolean {
  if (entry.revoked) return false;
  if (onlyRegular && entry.kind !== undefined && entry.kind !== 'regular') return false;
  return true;
}

/**
 * "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở" and the proposal for "Chiến sĩ thi đua cấp tỉnh"
 * of one person for one year, every outcome with its reasons. Pass a context made once with
 * createRuleContext when evaluating many people.
 */
export function evaluatePerson(
  facts: PersonYearFacts,
  options: RuleContext | EvaluationOptions,
): PersonEvaluation {
  const ctx = resolveContext(options);
  const R = REASONS[ctx.regime.code];
  const year = facts.year;
  const bounds = yearBounds(year);
  let fails: Reason[] | null = null;
  let notes: Reason[] | null = null;

  if (facts.pendingDiscipline) (fails ??= []).push(R.pending);
  if (!ctx.staffAllowed[facts.staffCategory]) (fails ??= []).push(R.staffCategory);
  const rating = facts.rating;
  if (rating === null) (fails ??= []).push(R.ratingMissing);
  else if (rating === 'not_completed') (fails ??= []).push(R.ratingNotCompleted);
  else if (rating === 'completed') (fails ??= []).push(R.ratingCompleted);
  if (facts.activeParticipation === false) (fails ??= []).push(R.participation);

  // Time worked in the year (NĐ 91 Điều 10; TT 01/2024 Điều 1 khoản 5).
  let countedMonths = 12;
  const hiredOn = facts.hiredOn;
  const leftOn = facts.leftOn;
  const absences = facts.absences;
  const hiredInYear = !!hiredOn && hiredOn > bounds.start;
  if (hiredInYear || (!!leftOn && leftOn < bounds.end) || (absences !== undefined && absences.length > 0)) {
    const startDay = hiredInYear ? dayNumber(hiredOn) : bounds.startDay;
    const endDay = leftOn && leftOn < bounds.end ? dayNumber(leftOn) : bounds.endDay;
    const serviceMonths = wholeMonthsBetween(startDay, endDay);
    let uncountedDays = 0;
    if (absences) {
      for (const a of absences) {
        const from = Math.max(dayNumber(a.from), startDay);
        const to = Math.min(dayNumber(a.to), endDay);
        if (to < from) continue;
        const counts =
          a.kind === 'maternity'
            ? ctx.countMaternity
            : a.kind === 'training'
              ? ctx.countTraining
              : a.kind === 'treatment'
                ? ctx.countTreatment && (!ctx.treatmentNeedsCertifiedInjury || a.certifiedInjury === true)
                : false;
        if (counts) {
          (notes ??= []).push(
            reason(
              'TIME.ABSENCE_COUNTED',
              'note',
              `Thời gian ${ABSENCE_LABELS[a.kind]} từ ${formatVnDate(a.from)} đến ${formatVnDate(a.to)} được tính là thời gian công tác.`,
              a.kind === 'maternity' ? R.maternityCitation : C.tt01Art1K5,
            ),
          );
        } else {
          uncountedDays += to - from + 1;
        }
      }
    }
    countedMonths = Math.max(0, serviceMonths - Math.floor(uncountedDays / DAYS_PER_MONTH));
    if (hiredInYear && serviceMonths < ctx.newHireMinMonths) {
      (fails ??= []).push(
        reason(
          'ADVANCED_WORKER.NEW_HIRE_TOO_RECENT',
          'fail',
          `Mới tuyển dụng từ ngày ${formatVnDate(hiredOn)}, thời gian công tác trong năm ${year} là ${serviceMonths} tháng, dưới ${ctx.newHireMinMonths} tháng.`,
          R.newHireCitation,
        ),
      );
    } else if (countedMonths < ctx.minCountedMonths) {
      const p = ctx.parameters.minCountedMonths;
      (fails ??= []).push(
        reason(
          'ADVANCED_WORKER.INSUFFICIENT_TIME',
          'fail',
          `Thời gian công tác được tính trong năm ${year} là ${countedMonths} tháng (đã trừ thời gian nghỉ không được tính), dưới ${ctx.minCountedMonths} tháng.`,
          { text: p.citation, verified: p.verified },
        ),
      );
    }
  }

  // Discipline whose period touches the year (NĐ 91 Điều 10; NĐ 152 Điều 4 khoản 4).
  const disciplines = facts.disciplines;
  if (disciplines) {
    for (const d of disciplines) {
      if (DISCIPLINE_SEVERITY[d.form] < ctx.disqualifyingSeverity) continue;
      if (d.decidedOn > bounds.end) continue;
      const end = disciplineEnd(d);
      if (end < bounds.start) continue;
      (fails ??= []).push(
        reason(
          'ADVANCED_WORKER.DISCIPLINED',
          'fail',
          `Bị kỷ luật hình thức ${DISCIPLINE_LABELS[d.form]} (quyết định ngày ${formatVnDate(d.decidedOn)}, thời hạn đến ${end.startsWith('9999') ? 'hết thời gian công tác' : formatVnDate(end)}) trong năm ${year}.`,
          R.disciplineCitation,
        ),
      );
    }
  }

  const awEligible = fails === null;
  const advancedWorker: TitleOutcome = awEligible
    ? notes === null
      ? R.advancedWorkerMet
      : outcome('advanced_worker', true, [...R.advancedWorkerMet.reasons, ...notes])
    : outcome('advanced_worker', false, notes === null ? fails! : [...fails!, ...notes]);

  if (!awEligible) {
    return {
      personId: facts.personId,
      year,
      regime: ctx.regime.code,
      countedMonths,
      advancedWorker,
      grassrootsFighter: R.fighterNotAdvancedWorker,
      provincialFighterProposal: R.provincialNotFighter,
      highestTitle: null,
      grassrootsFighterChain: 0,
    };
  }

  // "Chiến sĩ thi đua cơ sở" (Luật 2022 Điều 23; Luật 2003 sửa đổi 2013 Điều 23).
  const initiatives = facts.initiatives;
  let initiativeThisYear = false;
  if (initiatives) {
    for (const i of initiatives) {
      if (i.year === year) {
        initiativeThisYear = true;
        break;
      }
    }
  }
  const grassrootsFighter = initiativeThisYear
    ? R.fighterMetInitiative
    : !ctx.initiativeMandatory && rating === 'excellent'
      ? R.fighterMetExcellent
      : R.fighterNoInitiative;

  if (!grassrootsFighter.eligible) {
    return {
      personId: facts.personId,
      year,
      regime: ctx.regime.code,
      countedMonths,
      advancedWorker,
      grassrootsFighter,
      provincialFighterProposal: R.provincialNotFighter,
      highestTitle: 'advanced_worker',
      grassrootsFighterChain: 0,
    };
  }

  // Chain of consecutive CSTĐCS; revoked (and, from 07/2025, đột xuất/chuyên đề) awards do not count.
  let chainMask = 0;
  let excludedMask = 0;
  const history = facts.history;
  if (history) {
    for (const h of history) {
      if (h.award !== 'grassroots_emulation_fighter') continue;
      const back = year - h.year;
      if (back < 1 || back > 30) continue;
      if (countsAsBasis(h, ctx.onlyRegularAwardsAsBasis)) chainMask |= 1 << back;
      else excludedMask |= 1 << back;
    }
  }
  let chain = 1;
  while (chainMask & (1 << chain)) chain++;

  let provincialFighterProposal: TitleOutcome;
  let provincialInitiative = false;
  if (initiatives) {
    const firstYear = year - PROVINCIAL_FIGHTER_CHAIN + 1;
    for (const i of initiatives) {
      if (i.scope !== 'grassroots' && i.year >= firstYear && i.year <= year) {
        provincialInitiative = true;
        break;
      }
    }
  }
  if (chain >= PROVINCIAL_FIGHTER_CHAIN && provincialInitiative) {
    provincialFighterProposal = R.provincialMet;
  } else {
    const reasons: Reason[] = [];
    if (chain < PROVINCIAL_FIGHTER_CHAIN) {
      reasons.push(
        reason(
          'PROVINCIAL_FIGHTER.CHAIN_TOO_SHORT',
          'fail',
          `Mới có ${chain} lần liên tục đạt “Chiến sĩ thi đua cơ sở” (cần 03 lần liên tục).`,
          R.provincialChainCitation,
        ),
      );
    }
    if (!provincialInitiative) reasons.push(R.provincialNoInitiative);
    for (let back = 1; back < PROVINCIAL_FIGHTER_CHAIN; back++) {
      if (excludedMask & (1 << back)) {
        reasons.push(
          reason(
            'PROVINCIAL_FIGHTER.AWARD_NOT_COUNTED',
            'note',
            `Danh hiệu “Chiến sĩ thi đua cơ sở” năm ${year - back} đã bị thu hồi hoặc là khen thưởng đột xuất, chuyên đề nên không được tính vào chuỗi liên tục.`,
            ctx.onlyRegularAwardsAsBasis ? joinCitations(C.law2022Ch7, C.nd152Art4) : C.law2022Ch7,
          ),
        );
      }
    }
    provincialFighterProposal = outcome(
      'provincial_emulation_fighter',
      reasons.every((r) => r.outcome !== 'fail'),
      reasons,
    );
  }

  return {
    personId: facts.personId,
    year,
    regime: ctx.regime.code,
    countedMonths,
    advancedWorker,
    grassrootsFighter,
    provincialFighterProposal,
    highestTitle: 'grassroots_emulation_fighter',
    grassrootsFighterChain: chain,
  };
}
