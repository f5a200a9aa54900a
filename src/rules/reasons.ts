import type { Citation } from './citations.ts';
import type { Reason } from './types.ts';

/** A frozen reason; shared constants keep the eligible path free of allocations. */
export function reason(
  code: string,
  outcome: Reason['outcome'],
  message: string,
  citation: Citation,
): Reason {
  return Object.freeze({ code, outcome, message, citation: citation.text, verified: citation.verified });
}

export function joinCitations(...cites: Citation[]): Citation {
  return Object.freeze({
    text: cites.map((x) => x.text).join('; '),
    verified: cites.every((x) => x.verified),
  });
}

/** A reason built per subject (its message carries data); left unfrozen to keep the hot path cheap. */
export function dynamicReason(
  code: string,
  outcome: Reason['outcome'],
  message: string,
  citation: Citation,
): Reason {
  return { code, outcome, message, citation: citation.text, verified: citation.verified };
}
