import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CITATIONS,
  rewardAmount,
  unverifiedCitationsWithoutNote,
  unverifiedMoneyCitations,
  unverifiedRule,
} from './index.ts';

// docs/rules.md must list every unverified rule with its default and the text that would settle it.
describe('docs/rules.md lists every unverified citation', () => {
  const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const unverified = Object.entries(CITATIONS).filter(([, c]) => !c.verified);
  it.each(unverified)('%s is in the table of unverified rules', (key) => {
    expect(docs).toContain(`| \`${key}\` |`);
  });
});

describe('the screens can name every unverified rule, its default and the text that settles it', () => {
  it('every unverified citation has a Vietnamese note', () => {
    expect(unverifiedCitationsWithoutNote()).toEqual([]);
  });
  it('NĐ 98 Điều 58 khoản 2 điểm c: the collective commune Giấy khen names its default and the clause', () => {
    const n = unverifiedRule(CITATIONS.nd98Art58K2CCommune.text);
    expect(n.rule).toContain('gấp 2 lần');
    expect(n.settle).toContain('Điều 58, khoản 2, điểm c');
  });
});

describe('NĐ 152 Điều 49 khoản 2: the rounding mode decides an amount only where up and nearest differ', () => {
  it('2.340.000 × 1 (CSTĐCS) needs no rounding: no unverified rule decided it', () => {
    const r = rewardAmount({
      award: 'grassroots_emulation_fighter',
      subjectKind: 'individual',
      decisionDate: '2025-12-20',
    });
    expect(unverifiedMoneyCitations(r)).toEqual([]);
  });
  it('0,3 × 2.340.000 = 702.000 rounds to 700.000 or 710.000: the rounding mode is named', () => {
    const r = rewardAmount({
      award: 'advanced_worker',
      subjectKind: 'individual',
      decisionDate: '2025-12-20',
    });
    expect(unverifiedMoneyCitations(r)).toContain(CITATIONS.nd152Art49K2.text);
  });
});
