import type { z } from 'zod';
import type { PersonDetail } from '../../../contracts/people.ts';
import type { Rating } from '../../lib/labels.ts';

export type Person = z.infer<typeof PersonDetail>;
export type Award = Person['awards'][number];
export type Discipline = Person['disciplines'][number];
export type Initiative = Person['initiatives'][number];
export type Absence = Person['absences'][number];

export type PersonYear = {
  year: number;
  rating: Rating | null;
  awards: Award[];
  disciplines: Discipline[];
  initiatives: Initiative[];
  absences: Absence[];
};

const yearOf = (iso: string | null | undefined): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** Every calendar year a period touches ("2022-11-01".."2023-02-28" → 2022, 2023). */
export function yearsTouched(from: string, to: string | null): number[] {
  const a = yearOf(from);
  const b = yearOf(to) ?? a;
  if (a === null || b === null || b < a) return a === null ? [] : [a];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * Everything the commendation rules look at, one line per year, newest first: a discipline or an
 * absence counts in each year its period touches; a pending discipline without dates has no year
 * and is shown only in the discipline tab.
 */
export function personYears(person: Person): PersonYear[] {
  const years = new Set<number>();
  person.ratings.forEach((r) => years.add(r.year));
  person.awards.forEach((a) => years.add(a.year));
  person.initiatives.forEach((i) => yearsTouched(i.recognizedOn, null).forEach((y) => years.add(y)));
  person.absences.forEach((a) => yearsTouched(a.fromDate, a.toDate).forEach((y) => years.add(y)));
  person.disciplines.forEach((d) => {
    if (d.fromDate) yearsTouched(d.fromDate, d.toDate).forEach((y) => years.add(y));
  });
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      rating: person.ratings.find((r) => r.year === year)?.rating ?? null,
      awards: person.awards.filter((a) => a.year === year),
      disciplines: person.disciplines.filter(
        (d) => d.fromDate && yearsTouched(d.fromDate, d.toDate).includes(year),
      ),
      initiatives: person.initiatives.filter((i) => yearOf(i.recognizedOn) === year),
      absences: person.absences.filter((a) => yearsTouched(a.fromDate, a.toDate).includes(year)),
    }));
}
