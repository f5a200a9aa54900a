import { describe, expect, it } from 'vitest';
import { byAward, byGender, byUnit, per100, totalsOf, type AwardCell } from './summarize.ts';
import { genderSentence, participationSentence, withoutNominationSentence } from './assessment-sentences.ts';
import { buildStatisticForm } from '../statistics/statistic-forms.ts';

const cell = (o: Partial<AwardCell>): AwardCell => ({
  orgUnitId: 'u1',
  awardCode: 'commune_certificate_of_merit',
  subjectKind: 'individual',
  field: '',
  gender: 'female',
  staffCategory: 'civil_servant',
  isLeader: false,
  count: 1,
  amount: 0,
  ...o,
});

describe('dashboard roll-ups', () => {
  const cells = [
    cell({ awardCode: 'advanced_worker', count: 64, gender: 'male' }),
    cell({ subjectKind: 'collective', count: 12, gender: null, orgUnitId: 'u2' }),
    cell({ count: 50, amount: 9_000_000 }),
  ];

  it('puts titles before commendation forms and splits each by subject kind', () => {
    const rows = byAward(cells);
    expect(rows.map((r) => r.awardCode)).toEqual(['advanced_worker', 'commune_certificate_of_merit']);
    expect(rows[1]).toMatchObject({ collective: 12, individual: 50, total: 62, amount: 9_000_000 });
  });

  it('counts gender over individuals only', () => {
    expect(byGender(cells)).toEqual([
      { key: 'female', label: 'Nữ', count: 50 },
      { key: 'male', label: 'Nam', count: 64 },
    ]);
  });

  it('keeps every unit line, even one with no award, and loses no award', () => {
    const units = [
      { id: 'u1', name: 'Văn phòng', kind: 'agency' },
      { id: 'u2', name: 'Khóm Thới Hòa', kind: 'neighbourhood' },
      { id: 'u3', name: 'Hội Cựu chiến binh', kind: 'mass_organization' },
    ];
    const rows = byUnit(cells, units, (id) => id);
    expect(rows.map((r) => r.total)).toEqual([114, 12, 0]);
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(totalsOf(cells).total);
  });

  it('rates per 100 members to one decimal and zero without members', () => {
    expect(per100(3, 14)).toBe(21.4);
    expect(per100(3, 0)).toBe(0);
  });
});

describe('assessment sentences', () => {
  const unit = (name: string, index: number) => ({
    orgUnitId: name,
    name,
    kind: 'agency',
    members: 10,
    registrations: null,
    nominations: 0,
    awards: 0,
    registrationsPer100: null,
    nominationsPer100: 0,
    awardsPer100: 0,
    index,
  });

  it('names the highest and lowest unit and calls a wide spread uneven', () => {
    const s = participationSentence(2023, [unit('Văn phòng', 40), unit('Khóm Thới An', 2.5)]);
    expect(s).toBe(
      'Năm 2023, chỉ số tham gia thi đua bình quân của 2 đơn vị là 21,3 (tính trên 100 người); cao nhất là Văn phòng (40), thấp nhất là Khóm Thới An (2,5), cho thấy phong trào thi đua giữa các đơn vị chưa đồng đều.',
    );
  });

  it('says every unit nominated when none is missing', () => {
    expect(withoutNominationSentence(2023, [], 15)).toBe(
      'Năm 2023, tất cả 15 đơn vị đều có đề nghị khen thưởng.',
    );
  });

  it('flags a share of women well below the staff’s', () => {
    expect(genderSentence(2023, 100, 20, 20, 45)).toMatch(/tỷ lệ nữ được khen thưởng còn thấp/);
    expect(genderSentence(2023, 100, 44, 44, 45)).not.toMatch(/còn thấp/);
  });
});

describe('statistical forms', () => {
  it('marks every form unverified and leaves unknown cells blank, not zero', () => {
    const f = buildStatisticForm({
      form: '0603',
      year: 2023,
      reporter: 'Phường Mỹ Quý',
      cells: [cell({ awardCode: 'provincial_diploma_of_merit', count: 2, isLeader: true })],
      enterpriseUnitIds: new Set(),
      movements: null,
    });
    expect(f.verified).toBe(false);
    expect(f.rows.find((r) => r.code === '01')?.values).toEqual([2, 2, 0, 0, null]);
    expect(f.rows.find((r) => r.code === '09')?.values[0]).toBe(2);
    expect(f.rows.find((r) => r.code === '11')?.values).toEqual([null, null, null, null, null]);
  });
});
