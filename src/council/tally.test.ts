import { describe, expect, it } from 'vitest';
import { defaultProvinceParameters } from '../rules/index.ts';
import { quorumFor, quorumMet, tally, votingRuleFor } from './tally.ts';

const AG = defaultProvinceParameters('AG', 2024);

describe('votingRuleFor', () => {
  it('asks 80 % of all members for "Chiến sĩ thi đua cơ sở" under NĐ 98 (Điều 30 khoản 7)', () => {
    const rule = votingRuleFor(AG, '2024-12-20', 'grassroots_emulation_fighter');
    expect(rule).toMatchObject({ minApprovalRatio: 0.8, denominator: 'total_members', voteRequired: true });
    expect(rule.citation).toContain('Điều 30');
  });

  it('asks 90 % of all members for "Chiến sĩ thi đua tỉnh"', () => {
    expect(votingRuleFor(AG, '2024-12-20', 'provincial_emulation_fighter').minApprovalRatio).toBe(0.9);
  });

  it('decides a Giấy khen by majority of the members present', () => {
    const rule = votingRuleFor(AG, '2023-12-20', 'commune_certificate_of_merit');
    expect(rule).toMatchObject({ minApprovalRatio: null, denominator: 'present_members' });
  });
});

describe('tally', () => {
  const cstdcs = { minApprovalRatio: 0.8, denominator: 'total_members' as const };

  it('approves CSTĐCS with 8 of 10 members and refuses it with 7, absent members counting', () => {
    const base = { no: 0, abstain: 0, totalMembers: 10, presentMembers: 9, recused: 0 };
    expect(tally(cstdcs, { ...base, yes: 8 })).toEqual({ approved: true, base: 10, required: 8 });
    expect(tally(cstdcs, { ...base, yes: 7 }).approved).toBe(false);
  });

  it('leaves a recused member out of the base', () => {
    expect(
      tally(cstdcs, { yes: 8, no: 1, abstain: 0, totalMembers: 10, presentMembers: 10, recused: 1 }),
    ).toEqual({
      approved: true,
      base: 9,
      required: 8,
    });
  });

  it('needs more than half of those present for a majority vote; a tie fails', () => {
    const majority = { minApprovalRatio: null, denominator: 'present_members' as const };
    expect(
      tally(majority, { yes: 4, no: 4, abstain: 0, totalMembers: 9, presentMembers: 8, recused: 0 }).approved,
    ).toBe(false);
    expect(
      tally(majority, { yes: 5, no: 3, abstain: 0, totalMembers: 9, presentMembers: 8, recused: 0 }).approved,
    ).toBe(true);
  });
});

describe('quorum', () => {
  it('needs 80 % of the members present to consider awards under the new regime template', () => {
    const q = quorumFor(AG, '2024-12-20');
    expect(q.ratio).toBe(0.8);
    expect(quorumMet(9, 8, q.ratio)).toBe(true);
    expect(quorumMet(9, 7, q.ratio)).toBe(false);
  });

  it('needs two thirds under the old regime', () => {
    const q = quorumFor(defaultProvinceParameters('AG', 2023), '2023-12-20');
    expect(quorumMet(9, 6, q.ratio)).toBe(true);
    expect(quorumMet(9, 5, q.ratio)).toBe(false);
  });
});
