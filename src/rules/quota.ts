import { CITATIONS, type Citation } from './citations.ts';
import { reason } from './reasons.ts';
import type { InitiativeScope, Rating, Reason, TitleCode } from './types.ts';
import { RATING_LABELS } from './labels.ts';
import { RATING_LEVEL } from './province-parameters.ts';

export type QuotaCandidate = {
  readonly id: string;
  readonly rating: Rating | null;
  /** Widest scope of an initiative recognised in the year, or null. */
  readonly initiativeScope: InitiativeScope | null;
  /** Consecutive years of the title ending with this year. */
  readonly chain: number;
  readonly female?: boolean;
};

export type QuotaRanking = {
  readonly id: string;
  readonly rank: number;
  readonly admitted: boolean;
  readonly explanation: string;
};

export type QuotaResult = {
  readonly title: TitleCode;
  /** null: no quota applies; everyone is admitted. */
  readonly ratio: number | null;
  /** Count the ratio applies to (e.g. the unit's LĐTT count). */
  readonly base: number;
  readonly limit: number | null;
  readonly admitted: readonly string[];
  readonly outside: readonly string[];
  readonly ranking: readonly QuotaRanking[];
  readonly orderingRule: string;
  readonly reasons: readonly Reason[];
};

export type QuotaOptions = {
  readonly title: TitleCode;
  readonly ratio: number | null;
  readonly base: number;
  /** Among equal candidates prefer women (NĐ 152/2025 Điều 4 khoản 6). */
  readonly preferWomen?: boolean;
  readonly citation?: Citation;
};

const SCOPE_LEVEL: Readonly<Record<InitiativeScope, number>> = Object.freeze({
  grassroots: 1,
  province: 2,
  national: 3,
});
const SCOPE_LABEL: Readonly<Record<InitiativeScope, string>> = Object.freeze({
  grassroots: 'cấp cơ sở',
  province: 'cấp tỉnh',
  national: 'toàn quốc',
});

/** The quota's size: the ratio of the base, rounded down (NĐ 91/2017 Điều 9 khoản 3: "không quá"). */
export function quotaLimit(ratio: number, base: number): number {
  if (ratio <= 0 || base <= 0) return 0;
  return Math.floor(ratio * base + 1e-9);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders the candidates and admits at most floor(ratio × base) of them. The order is total and
 * does not depend on the input order: rating, then widest initiative, then the longest chain, then
 * (when asked) women first, then the id. Those outside are listed for the council to decide.
 */
export function applyQuota(candidates: readonly QuotaCandidate[], options: QuotaOptions): QuotaResult {
  const preferWomen = options.preferWomen === true;
  const sorted = [...candidates].sort((a, b) => {
    const ra = a.rating ? RATING_LEVEL[a.rating] : -1;
    const rb = b.rating ? RATING_LEVEL[b.rating] : -1;
    if (ra !== rb) return rb - ra;
    const sa = a.initiativeScope ? SCOPE_LEVEL[a.initiativeScope] : 0;
    const sb = b.initiativeScope ? SCOPE_LEVEL[b.initiativeScope] : 0;
    if (sa !== sb) return sb - sa;
    if (a.chain !== b.chain) return b.chain - a.chain;
    if (preferWomen && !!a.female !== !!b.female) return a.female ? -1 : 1;
    return compareIds(a.id, b.id);
  });
  const limit = options.ratio === null ? null : quotaLimit(options.ratio, options.base);
  const ranking: QuotaRanking[] = sorted.map((c, i) => {
    const admitted = limit === null || i < limit;
    const parts = [
      c.rating ? RATING_LABELS[c.rating] : 'chưa xếp loại',
      c.initiativeScope ? `sáng kiến ${SCOPE_LABEL[c.initiativeScope]}` : 'không có sáng kiến',
      `${c.chain} năm liên tục`,
    ];
    if (preferWomen && c.female) parts.push('nữ (ưu tiên khi ngang nhau)');
    const tail = admitted ? 'trong chỉ tiêu' : `ngoài chỉ tiêu ${limit ?? 0} người — Hội đồng xem xét`;
    return Object.freeze({
      id: c.id,
      rank: i + 1,
      admitted,
      explanation: `Hạng ${i + 1}: ${parts.join('; ')}; ${tail}.`,
    });
  });
  const cite = options.citation ?? CITATIONS.nd91Art9K3;
  const reasons: Reason[] = [];
  if (limit === null) {
    reasons.push(
      reason(
        'QUOTA.NONE',
        'note',
        'Không áp dụng tỷ lệ khống chế: tất cả người đủ tiêu chuẩn đều được đề nghị.',
        cite,
      ),
    );
  } else {
    reasons.push(
      reason(
        'QUOTA.LIMIT',
        'note',
        `Chỉ tiêu tối đa ${limit} người = ${String(Math.round((options.ratio ?? 0) * 1000) / 10).replace('.', ',')} % × ${options.base} (làm tròn xuống); ${Math.max(0, sorted.length - limit)} người ngoài chỉ tiêu.`,
        cite,
      ),
    );
  }
  return Object.freeze({
    title: options.title,
    ratio: options.ratio,
    base: options.base,
    limit,
    admitted: Object.freeze(ranking.filter((r) => r.admitted).map((r) => r.id)),
    outside: Object.freeze(ranking.filter((r) => !r.admitted).map((r) => r.id)),
    ranking: Object.freeze(ranking),
    orderingRule:
      'Thứ tự: xếp loại cao hơn; sáng kiến có phạm vi rộng hơn; nhiều năm liên tục đạt danh hiệu hơn;' +
      (preferWomen ? ' nữ trước khi ngang nhau;' : '') +
      ' cuối cùng theo mã số.',
    reasons: Object.freeze(reasons),
  });
}

export function widestInitiativeScope(
  initiatives: readonly { readonly scope: InitiativeScope; readonly year: number }[] | undefined,
  year: number,
): InitiativeScope | null {
  let best: InitiativeScope | null = null;
  if (!initiatives) return best;
  for (const i of initiatives) {
    if (i.year !== year) continue;
    if (best === null || SCOPE_LEVEL[i.scope] > SCOPE_LEVEL[best]) best = i.scope;
  }
  return best;
}
