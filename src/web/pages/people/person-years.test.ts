import { describe, expect, it } from 'vitest';
import { personYears, yearsTouched, type Person } from './person-years.ts';

const base: Person = {
  id: 'p',
  code: 'AG-000001',
  fullName: 'Liêu Quốc Bình',
  gender: 'male',
  birthDate: '1975-05-20',
  citizenId: null,
  orgUnitId: 'u',
  orgUnitName: 'Phường Mỹ Quý',
  position: 'Chủ tịch UBND phường',
  staffCategory: 'cadre',
  employments: [],
  ratings: [],
  disciplines: [],
  initiatives: [],
  absences: [],
  awards: [],
};

describe('yearsTouched', () => {
  it('lists every calendar year a period overlaps', () => {
    expect(yearsTouched('2022-11-01', '2024-02-28')).toEqual([2022, 2023, 2024]);
    expect(yearsTouched('2022-03-01', null)).toEqual([2022]);
  });
});

describe('personYears', () => {
  it('puts each fact in its year, newest year first', () => {
    const rows = personYears({
      ...base,
      ratings: [
        { year: 2021, rating: 'good' },
        { year: 2022, rating: 'excellent' },
      ],
      awards: [
        {
          year: 2022,
          awardCode: 'advanced_worker',
          awardLabel: 'Lao động tiên tiến',
          decisionNumber: '12/QĐ-UBND',
          decisionDate: '2023-01-10',
          issuerName: 'UBND phường Mỹ Quý',
          revoked: false,
        },
      ],
      absences: [{ kind: 'maternity', fromDate: '2022-11-01', toDate: '2023-04-30' }],
      initiatives: [{ title: 'Một cửa điện tử', scope: 'grassroots', recognizedOn: '2023-06-15' }],
    });
    expect(rows.map((r) => r.year)).toEqual([2023, 2022, 2021]);
    const [y2023, y2022, y2021] = rows;
    expect(y2022?.rating).toBe('excellent');
    expect(y2022?.awards.map((a) => a.awardLabel)).toEqual(['Lao động tiên tiến']);
    expect(y2022?.absences).toHaveLength(1);
    expect(y2023?.absences).toHaveLength(1);
    expect(y2023?.rating).toBeNull();
    expect(y2023?.initiatives.map((i) => i.title)).toEqual(['Một cửa điện tử']);
    expect(y2021?.awards).toEqual([]);
  });

  it('leaves a pending discipline without dates out of the yearly lines', () => {
    const rows = personYears({
      ...base,
      disciplines: [{ form: 'reprimand', fromDate: null, toDate: null, pending: true }],
    });
    expect(rows).toEqual([]);
  });
});
