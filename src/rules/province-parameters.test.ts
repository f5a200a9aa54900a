import { describe, expect, it } from 'vitest';
import {
  CITATIONS,
  REGIME_CODES,
  defaultProvinceParameters,
  withRegimeParameters,
  type Parameter,
} from './index.ts';

const entries = (code: (typeof REGIME_CODES)[number]) => {
  const r = defaultProvinceParameters('AG', 2025).regimes[code];
  const out: [string, Parameter<unknown>][] = [];
  for (const [k, v] of Object.entries(r)) {
    if (k === 'voting')
      for (const [t, p] of Object.entries(v as Record<string, Parameter<unknown>>))
        out.push([`voting.${t}`, p]);
    else out.push([k, v as Parameter<unknown>]);
  }
  return out;
};

describe('province parameters (defaults with citations and verified flags)', () => {
  it.each(REGIME_CODES)('every default of %s names the article it rests on', (code) => {
    for (const [name, p] of entries(code)) {
      expect(p.citation.length, name).toBeGreaterThan(10);
      expect(typeof p.verified, name).toBe('boolean');
    }
  });

  it('NĐ 91 Điều 9 khoản 3: the old-regime CSTĐCS quota is 15 %; none by default from 2024', () => {
    const p = defaultProvinceParameters('AG', 2023).regimes;
    expect(p.law2003_nd91.grassrootsFighterQuota.value).toBe(0.15);
    expect(p.law2022_nd98.grassrootsFighterQuota.value).toBeNull();
    expect(p.law2022_nd152.grassrootsFighterQuota.value).toBeNull();
  });

  it('NĐ 98 Điều 30 khoản 7: CSTĐCS needs 80 % and CSTĐ tỉnh 90 % of all council members (verified); after 07/2025 provincial (unverified)', () => {
    const p = defaultProvinceParameters('AG', 2024).regimes;
    expect(p.law2022_nd98.voting.grassroots_emulation_fighter?.value).toMatchObject({
      minApprovalRatio: 0.8,
      denominator: 'total_members',
    });
    expect(p.law2022_nd98.voting.provincial_emulation_fighter?.verified).toBe(true);
    expect(p.law2022_nd152.voting.provincial_emulation_fighter?.verified).toBe(false);
    expect(p.law2003_nd91.voting.provincial_emulation_fighter?.value).toMatchObject({
      minApprovalRatio: 0.9,
      ballot: 'secret',
    });
  });

  it('the new-regime TTLĐTT default is the Bắc Ninh template, named and flagged unverified', () => {
    const p = defaultProvinceParameters('AG', 2025).regimes.law2022_nd152.advancedLabourCollective;
    expect(p.citation).toContain('Bắc Ninh');
    expect(p.verified).toBe(false);
    expect(p.value.minAdvancedWorkerRatio).toBe(0.7);
  });

  it('the rounding default is nearest and flagged unverified; the fund cap 1 % (NĐ 152 Điều 46 khoản 3 điểm b, press only)', () => {
    const p = defaultProvinceParameters('AG', 2025).regimes.law2022_nd152;
    expect(p.rounding).toMatchObject({ value: 'nearest', verified: false });
    expect(p.fundCapRatio).toMatchObject({ value: 0.01, verified: false });
  });

  // A parameter may not claim more than the citation it rests on: where the citation is a press or
  // secondary summary, the parameter is unverified too.
  it.each(REGIME_CODES)('no default of %s is verified on an unverified citation', (code) => {
    const unverifiedTexts = Object.values(CITATIONS)
      .filter((c) => !c.verified)
      .map((c) => c.text);
    for (const [name, p] of entries(code)) {
      if (unverifiedTexts.some((t) => p.citation.includes(t))) expect(p.verified, name).toBe(false);
    }
  });

  it('Luật 2022 Điều 7 (registration dropped) and TT 01/2024 Điều 1 khoản 5 (injury, training) rest on summaries: unverified', () => {
    for (const code of ['law2022_nd98', 'law2022_nd152'] as const) {
      const p = defaultProvinceParameters('AG', 2025).regimes[code];
      expect(p.titleRegistrationRequired.verified).toBe(false);
      expect(p.treatmentNeedsCertifiedInjury.verified).toBe(false);
      expect(p.countedAbsences.verified).toBe(false);
    }
    expect(defaultProvinceParameters('AG', 2023).regimes.law2003_nd91.fundCapRatio.verified).toBe(false);
  });

  it('withRegimeParameters replaces one value of one regime and leaves the rest', () => {
    const base = defaultProvinceParameters('AG', 2025);
    const changed = withRegimeParameters(base, 'law2022_nd152', {
      rounding: { value: 'up', verified: true, citation: 'Quy định của tỉnh' },
    });
    expect(changed.regimes.law2022_nd152.rounding.value).toBe('up');
    expect(changed.regimes.law2022_nd98.rounding.value).toBe('nearest');
    expect(base.regimes.law2022_nd152.rounding.value).toBe('nearest');
  });
});
