import { describe, expect, it } from 'vitest';
import { BallotUrns } from './ballot-urn.ts';
import type { BallotChoice } from './tally.ts';

describe('BallotUrns', () => {
  it('gives back every ballot cast, and only those', () => {
    const urns = new BallotUrns();
    urns.open('a');
    const cast: BallotChoice[] = ['yes', 'yes', 'no', 'abstain', 'yes'];
    for (const c of cast) urns.cast('a', c);
    expect(urns.count('a')).toBe(5);
    expect(urns.unseal('a').sort()).toEqual([...cast].sort());
  });

  it('does not give ballots back in the order they were cast', () => {
    // 12 distinguishable positions: the chance that 20 unseals all keep the casting order is nil.
    const orders = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const urns = new BallotUrns();
      urns.open('a');
      for (let i = 0; i < 12; i++) urns.cast('a', i % 2 === 0 ? 'yes' : 'no');
      orders.add(urns.unseal('a').join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
    expect(
      [...orders].every(
        (o) => o === Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'yes' : 'no')).join(','),
      ),
    ).toBe(false);
  });

  it('forgets an urn once discarded', () => {
    const urns = new BallotUrns();
    urns.open('a');
    urns.cast('a', 'yes');
    urns.discard('a');
    expect(urns.isOpen('a')).toBe(false);
    expect(urns.unseal('a')).toEqual([]);
  });
});
