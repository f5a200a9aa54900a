/**
 * Aggregating the peer scores of a cluster and ranking its members. Pure: no I/O.
 * The method, the trimming, what a missing score means and the tie-break order are the
 * province's quy chế (legal-brief §9: unverified, set by provincial rules), so they are
 * configuration of the cluster year, never code.
 */

export type AggregationMethod = 'mean' | 'trimmed_mean' | 'median';
export const AGGREGATION_METHODS = [
  'mean',
  'trimmed_mean',
  'median',
] as const satisfies readonly AggregationMethod[];

/** What a peer who did not score a member counts as: left out, or 0 points. */
export type MissingScorePolicy = 'exclude' | 'zero';
export const MISSING_SCORE_POLICIES = ['exclude', 'zero'] as const satisfies readonly MissingScorePolicy[];

/**
 * Tie-break rules, applied in the configured order when two aggregates are equal:
 * - higher_median: the higher median of the peer totals;
 * - higher_min_peer: the higher lowest peer total (nobody judged it poorly);
 * - smaller_self_gap: the self-score closer to the aggregate (the more honest self-assessment);
 * - earlier_submission: the report submitted first.
 */
export type TieBreakRule = 'higher_median' | 'higher_min_peer' | 'smaller_self_gap' | 'earlier_submission';
export const TIE_BREAK_RULES = [
  'higher_median',
  'higher_min_peer',
  'smaller_self_gap',
  'earlier_submission',
] as const satisfies readonly TieBreakRule[];

export type AggregationConfig = {
  method: AggregationMethod;
  /** Scores dropped at each end by the trimmed mean. */
  trimCount: number;
  missing: MissingScorePolicy;
  tieBreak: readonly TieBreakRule[];
};

export type MemberScores = {
  memberId: string;
  /** Peer totals by scorer id; a scorer absent here did not score this member. */
  peer: Readonly<Record<string, number>>;
  self: number | null;
  /** ISO timestamp of the report, or null when none was submitted. */
  submittedAt: string | null;
};

export type RankedMember = {
  memberId: string;
  self: number | null;
  aggregate: number | null;
  /** Peer totals that went into the aggregate (after the missing-score policy). */
  peerTotals: number[];
  expectedScorers: number;
  missingScorers: string[];
  /** null when the member received no score at all: it is listed after the ranked members. */
  rank: number | null;
  /** Equal to a neighbour after every tie-break rule: the meeting decides between them. */
  tied: boolean;
  /** The rule that separated this member from the one ranked just above it. */
  tieBrokenBy: TieBreakRule | null;
};

const EPSILON = 0.005;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Drops `trim` scores at each end, but always keeps at least one: with too few scores the trim
 * shrinks (three scores and trim 2 keep the middle one).
 */
export function trimmedMean(values: readonly number[], trim: number): number | null {
  if (values.length === 0) return null;
  const t = Math.max(0, Math.min(Math.floor(trim), Math.floor((values.length - 1) / 2)));
  const sorted = [...values].sort((a, b) => a - b);
  return mean(sorted.slice(t, sorted.length - t));
}

export function aggregateValues(
  values: readonly number[],
  method: AggregationMethod,
  trim: number,
): number | null {
  switch (method) {
    case 'mean':
      return mean(values);
    case 'trimmed_mean':
      return trimmedMean(values, trim);
    case 'median':
      return median(values);
  }
}

type Prepared = RankedMember & { submittedAt: string | null };

/** >0 when `a` wins the rule, <0 when `b` does, 0 when the rule cannot separate them. */
function compareByRule(rule: TieBreakRule, a: Prepared, b: Prepared): number {
  switch (rule) {
    case 'higher_median':
      return cmpNum(median(a.peerTotals), median(b.peerTotals));
    case 'higher_min_peer':
      return cmpNum(minOf(a.peerTotals), minOf(b.peerTotals));
    case 'smaller_self_gap':
      return cmpNum(negGap(a), negGap(b));
    case 'earlier_submission': {
      if (a.submittedAt === b.submittedAt) return 0;
      if (a.submittedAt === null) return -1;
      if (b.submittedAt === null) return 1;
      return a.submittedAt < b.submittedAt ? 1 : -1;
    }
  }
}

function negGap(m: Prepared): number | null {
  if (m.self === null || m.aggregate === null) return null;
  return -Math.abs(m.self - m.aggregate);
}

function minOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

/** Numbers compare within EPSILON; a missing value loses to any value. */
function cmpNum(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (Math.abs(a - b) < EPSILON) return 0;
  return a > b ? 1 : -1;
}

/**
 * Aggregates every member's peer totals and ranks the members. Every other member is an
 * expected scorer; nobody's own score enters its aggregate (a member does not score itself in
 * the peer round, and a self entry in `peer` is ignored). Ranks are competition ranks: two
 * members still equal after every rule share a rank and the next rank is skipped.
 */
export function rankMembers(members: readonly MemberScores[], config: AggregationConfig): RankedMember[] {
  const ids = members.map((m) => m.memberId);
  const prepared: Prepared[] = members.map((m) => {
    const expected = ids.filter((id) => id !== m.memberId);
    const missingScorers = expected.filter((id) => m.peer[id] === undefined);
    const present = expected.flatMap((id) => (m.peer[id] === undefined ? [] : [m.peer[id]!]));
    const peerTotals = config.missing === 'zero' ? [...present, ...missingScorers.map(() => 0)] : present;
    const raw = present.length === 0 ? null : aggregateValues(peerTotals, config.method, config.trimCount);
    return {
      memberId: m.memberId,
      self: m.self,
      aggregate: raw === null ? null : round2(raw),
      peerTotals,
      expectedScorers: expected.length,
      missingScorers,
      rank: null,
      tied: false,
      tieBrokenBy: null,
      submittedAt: m.submittedAt,
    };
  });

  const decide = (a: Prepared, b: Prepared): { cmp: number; rule: TieBreakRule | null } => {
    const byAggregate = cmpNum(a.aggregate, b.aggregate);
    if (byAggregate !== 0) return { cmp: byAggregate, rule: null };
    for (const rule of config.tieBreak) {
      const c = compareByRule(rule, a, b);
      if (c !== 0) return { cmp: c, rule };
    }
    return { cmp: 0, rule: null };
  };

  const sorted = [...prepared].sort((a, b) => {
    const c = decide(b, a).cmp;
    return c !== 0 ? c : ids.indexOf(a.memberId) - ids.indexOf(b.memberId);
  });
  sorted.forEach((m, i) => {
    if (m.aggregate === null) return;
    const above = sorted[i - 1];
    if (!above || above.aggregate === null) {
      m.rank = i + 1;
      return;
    }
    const d = decide(above, m);
    if (d.cmp === 0) {
      m.rank = above.rank;
      m.tied = true;
      above.tied = true;
    } else {
      m.rank = i + 1;
      m.tieBrokenBy = d.rule;
    }
  });
  return sorted.map(({ submittedAt: _s, ...rest }) => rest);
}
