import { CITATIONS, type Citation } from './citations.ts';
import { resolveContext, yearBounds, type EvaluationOptions, type RuleContext } from './context.ts';
import { addMonths, dayNumber, formatVnDate, isoFromDays, wholeMonthsBetween } from './dates.ts';
import { ABSENCE_LABELS, DISCIPLINE_LABELS } from './labels.ts';
import { DISCIPLINE_SEVERITY } from './province-parameters.ts';
import { dynamicReason, joinCitations, reason } from './reasons.ts';
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
  readonly provincialOnlyNoInitiative: TitleOutcome;
  readonly ratingCompletedOutcome: TitleOutcome;
  readonly ratingNotCompletedOutcome: TitleOutcome;
  /** Indexed by the chain length (1 or 2). */
  readonly provincialChainShort: readonly TitleOutcome[];
  readonly provincialChainShortNoInitiative: readonly TitleOutcome[];
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
  const r = {
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
  };
  const chainShort = (n: number) =>
    reason(
      'PROVINCIAL_FIGHTER.CHAIN_TOO_SHORT',
      'fail',
      `Mới có ${n} lần liên tục đạt “Chiến sĩ thi đua cơ sở” (cần 03 lần liên tục).`,
      chainCitation,
    );
  const shorts = [1, 2].map(chainShort);
  const provincial = (reasons: Reason[]) => outcome('provincial_emulation_fighter', false, reasons);
  const provincialOnlyNoInitiative = provincial([r.provincialNoInitiative]);
  const provincialChainShort = Object.freeze([
    provincialOnlyNoInitiative,
    ...shorts.map((x) => provincial([x])),
  ]);
  const provincialChainShortNoInitiative = Object.freeze([
    provincialOnlyNoInitiative,
    ...shorts.map((x) => provincial([x, r.provincialNoInitiative])),
  ]);
  const singleFailure = new Map<Reason, TitleOutcome>();
  for (const f of [
    r.pending,
    r.staffCategory,
    r.ratingMissing,
    r.ratingNotCompleted,
    r.ratingCompleted,
    r.participation,
  ]) {
    singleFailure.set(f, outcome('advanced_worker', false, [f]));
  }
  return Object.freeze({
    ...r,
    ratingCompletedOutcome: outcome('advanced_worker', false, [r.ratingCompleted]),
    ratingNotCompletedOutcome: outcome('advanced_worker', false, [r.ratingNotCompleted]),
    provincialOnlyNoInitiative,
    provincialChainShort,
    provincialChainShortNoInitiative,
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
      return isoFromDays(dayNumber(addMonths(d.decidedOn, 12)) - 1);
    case 'demotion':
    case 'removal_from_post':
      return isoFromDays(dayNumber(addMonths(d.decidedOn, 18)) - 1);
    case 'dismissal':
      return '9999-12-31';
  }
}

/** Whether a discipline's period touches the year (its decision before the year's end, its end after the start). */
export function disciplineTouchesYear(d: Discipline, year: number): boolean {
  const bounds = yearBounds(year);
  return d.decidedOn <= bounds.end && disciplineEnd(d) >= bounds.start;
}

/** Whether an earlier award may count in a chain (revoked awards never do; NĐ 152 Điều 4). */
export function countsAsBasis(entry: AwardHistoryEntry, onlyRegular: boolean): boolean {
  if (entry.revoked) return false;
  if (onlyRegular && entry.kind !== undefined && entry.kind !== 'regular') return false;
  return true;
}

// Reasons whose sentence carries data (a hire date, a discipline) are memoised by that data, so
// people sharing it share one object; their single-failure outcomes are shared the same way.
const MEMO_LIMIT = 50_000;
const reasonMemo = new Map<string, Reason>();
const singleFailureMemo = new WeakMap<Reason, TitleOutcome>();

function memoReason(key: string, code: string, message: () => string, citation: Citation): Reason {
  let r = reasonMemo.get(key);
  if (r === undefined) {
    if (reasonMemo.size >= MEMO_LIMIT) reasonMemo.clear();
    r = reason(code, 'fail', message(), citation);
    reasonMemo.set(key, r);
  }
  return r;
}

function singleFailureOutcome(failure: Reason): TitleOutcome {
  let o = singleFailureMemo.get(failure);
  if (o === undefined) {
    o = outcome('advanced_worker', false, [failure]);
    singleFailureMemo.set(failure, o);
  }
  return o;
}

function newHireReason(
  ctx: RuleContext,
  R: PersonReasons,
  hiredOn: string,
  year: number,
  months: number,
): Reason {
  return memoReason(
    `${ctx.regime.code}|NH|${hiredOn}|${year}|${months}|${ctx.newHireMinMonths}`,
    'ADVANCED_WORKER.NEW_HIRE_TOO_RECENT',
    () =>
      `Mới tuyển dụng từ ngày ${formatVnDate(hiredOn)}, thời gian công tác trong năm ${year} là ${months} tháng, dưới ${ctx.newHireMinMonths} tháng.`,
    R.newHireCitation,
  );
}

function insufficientTimeReason(ctx: RuleContext, year: number, months: number): Reason {
  const p = ctx.parameters.minCountedMonths;
  return memoReason(
    `${ctx.regime.code}|IT|${year}|${months}|${ctx.minCountedMonths}|${p.citation}`,
    'ADVANCED_WORKER.INSUFFICIENT_TIME',
    () =>
      `Thời gian công tác được tính trong năm ${year} là ${months} tháng (đã trừ thời gian nghỉ không được tính), dưới ${ctx.minCountedMonths} tháng.`,
    { text: p.citation, verified: p.verified },
  );
}

let lastYear = Number.NaN;
let lastBounds: ReturnType<typeof yearBounds> | null = null;
function rememberBounds(year: number): ReturnType<typeof yearBounds> {
  lastBounds = yearBounds(year);
  lastYear = year;
  return lastBounds;
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
  const ctx =
    (options as RuleContext).kind === 'rule_context' ? (options as RuleContext) : resolveContext(options);
  const R = REASONS[ctx.regime.code];
  const year = facts.year;
  const bounds = year === lastYear && lastBounds !== null ? lastBounds : rememberBounds(year);
  // The first failure alone allocates nothing; a second one starts the list.
  let fail0: Reason | null = null;
  let fails: Reason[] | null = null;
  let notes: Reason[] | null = null;

  if (facts.pendingDiscipline) {
    if (fail0 === null) fail0 = R.pending;
    else (fails ??= [fail0]).push(R.pending);
  }
  if (!ctx.allStaffAllowed && !ctx.staffAllowed[facts.staffCategory]) {
    if (fail0 === null) fail0 = R.staffCategory;
    else (fails ??= [fail0]).push(R.staffCategory);
  }
  const rating = facts.rating;
  if (rating === null) {
    if (fail0 === null) fail0 = R.ratingMissing;
    else (fails ??= [fail0]).push(R.ratingMissing);
  } else if (rating === 'not_completed') {
    if (fail0 === null) fail0 = R.ratingNotCompleted;
    else (fails ??= [fail0]).push(R.ratingNotCompleted);
  } else if (rating === 'completed') {
    if (fail0 === null) fail0 = R.ratingCompleted;
    else (fails ??= [fail0]).push(R.ratingCompleted);
  }
  if (facts.activeParticipation === false) {
    if (fail0 === null) fail0 = R.participation;
    else (fails ??= [fail0]).push(R.participation);
  }

  // Time worked in the year (NĐ 91 Điều 10; TT 01/2024 Điều 1 khoản 5). Absences are deducted and
  // a minimum applied to people other than new hires only where the province's parameters say so.
  let countedMonths = 12;
  const hiredOn = facts.hiredOn;
  const leftOn = facts.leftOn;
  const absences = facts.absences;
  const hiredInYear = !!hiredOn && hiredOn > bounds.start;
  const leftInYear = !!leftOn && leftOn < bounds.end;
  const hasAbsences = absences !== undefined && absences.length > 0;
  if (hiredInYear && !leftInYear && !hasAbsences) {
    // Common case of a new hire: months and reason depend only on the hire date (memoised).
    const memo = ctx.memo;
    if (memo.hiresYear !== year) {
      memo.hires.clear();
      memo.hiresYear = year;
    }
    let hire = memo.hires.get(hiredOn);
    if (hire === undefined) {
      const months = wholeMonthsBetween(dayNumber(hiredOn), bounds.endDay);
      hire = {
        months,
        failure:
          months < ctx.newHireMinMonths
            ? newHireReason(ctx, R, hiredOn, year, months)
            : months < ctx.minCountedMonths
              ? insufficientTimeReason(ctx, year, months)
              : null,
      };
      if (memo.hires.size >= MEMO_LIMIT) memo.hires.clear();
      memo.hires.set(hiredOn, hire);
    }
    countedMonths = hire.months;
    const f = hire.failure;
    if (f !== null) {
      if (fail0 === null) fail0 = f;
      else (fails ??= [fail0]).push(f);
    }
  } else if (hiredInYear || leftInYear || hasAbsences) {
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
        if (!counts && !ctx.deductUncountedAbsences) {
          (notes ??= []).push(
            dynamicReason(
              'TIME.ABSENCE_NOT_DEDUCTED',
              'note',
              `Thời gian ${ABSENCE_LABELS[a.kind]} từ ${formatVnDate(a.from)} đến ${formatVnDate(a.to)} không làm mất điều kiện xét: văn bản chỉ loại trừ người mới tuyển dụng và người bị kỷ luật.`,
              {
                text: ctx.parameters.deductUncountedAbsences.citation,
                verified: ctx.parameters.deductUncountedAbsences.verified,
              },
            ),
          );
        } else if (counts) {
          (notes ??= []).push(
            dynamicReason(
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
    const f =
      hiredInYear && serviceMonths < ctx.newHireMinMonths
        ? newHireReason(ctx, R, hiredOn, year, serviceMonths)
        : countedMonths < ctx.minCountedMonths
          ? insufficientTimeReason(ctx, year, countedMonths)
          : null;
    if (f !== null) {
      if (fail0 === null) fail0 = f;
      else (fails ??= [fail0]).push(f);
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
      const f = memoReason(
        `${ctx.regime.code}|DI|${d.form}|${d.decidedOn}|${end}|${year}`,
        'ADVANCED_WORKER.DISCIPLINED',
        () =>
          `Bị kỷ luật hình thức ${DISCIPLINE_LABELS[d.form]} (quyết định ngày ${formatVnDate(d.decidedOn)}, thời hạn đến ${end.startsWith('9999') ? 'hết thời gian công tác' : formatVnDate(end)}) trong năm ${year}.`,
        R.disciplineCitation,
      );
      if (fail0 === null) fail0 = f;
      else (fails ??= [fail0]).push(f);
    }
  }

  const awEligible = fail0 === null;
  let advancedWorker: TitleOutcome;
  if (fail0 === null) {
    advancedWorker =
      notes === null
        ? R.advancedWorkerMet
        : { title: 'advanced_worker', eligible: true, reasons: [...R.advancedWorkerMet.reasons, ...notes] };
  } else if (fails === null && notes === null) {
    advancedWorker =
      fail0 === R.ratingCompleted
        ? R.ratingCompletedOutcome
        : fail0 === R.ratingNotCompleted
          ? R.ratingNotCompletedOutcome
          : singleFailureOutcome(fail0);
  } else {
    const all = fails ?? [fail0];
    advancedWorker = {
      title: 'advanced_worker',
      eligible: false,
      reasons: notes === null ? all : [...all, ...notes],
    };
  }

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
    // Constant outcomes for every combination: chain 1 or 2 (or long enough) × initiative or not.
    const base =
      chain >= PROVINCIAL_FIGHTER_CHAIN
        ? R.provincialOnlyNoInitiative
        : ((provincialInitiative
            ? R.provincialChainShort[chain]
            : R.provincialChainShortNoInitiative[chain]) ?? R.provincialOnlyNoInitiative);
    const excludedInWindow = excludedMask & (((1 << PROVINCIAL_FIGHTER_CHAIN) - 1) & ~1);
    if (excludedInWindow === 0) {
      provincialFighterProposal = base;
    } else {
      const reasons: Reason[] = [...base.reasons];
      for (let back = 1; back < PROVINCIAL_FIGHTER_CHAIN; back++) {
        if (excludedMask & (1 << back)) {
          reasons.push(
            dynamicReason(
              'PROVINCIAL_FIGHTER.AWARD_NOT_COUNTED',
              'note',
              `Danh hiệu “Chiến sĩ thi đua cơ sở” năm ${year - back} đã bị thu hồi hoặc là khen thưởng đột xuất, chuyên đề nên không được tính vào chuỗi liên tục.`,
              ctx.onlyRegularAwardsAsBasis ? joinCitations(C.law2022Ch7, C.nd152Art4) : C.law2022Ch7,
            ),
          );
        }
      }
      provincialFighterProposal = { title: 'provincial_emulation_fighter', eligible: false, reasons };
    }
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
