import { z } from 'zod';
import { IsoDate, Ref, Text } from './common.ts';

export const Gender = z.enum(['male', 'female']);
export const StaffCategory = z.enum([
  'cadre',
  'civil_servant',
  'public_employee',
  'part_time_official',
  'worker',
]);
export const RatingCode = z.enum(['excellent', 'good', 'completed', 'not_completed']);

export const PersonListQuery = z.object({
  q: Text(200).optional(),
  orgUnitId: Ref('orgUnit', 'read').optional(),
  staffCategory: StaffCategory.optional(),
  gender: Gender.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const PersonSummary = z.object({
  id: z.string(),
  code: z.string(),
  fullName: z.string(),
  gender: Gender,
  birthDate: z.string().nullable(),
  /** Masked unless the caller's role needs it ("0123******89"). */
  citizenId: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  position: z.string().nullable(),
  staffCategory: StaffCategory,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonList = z.object({
  items: z.array(PersonSummary),
  nextCursor: z.string().nullable(),
});

export const PersonDetail = PersonSummary.extend({
  employments: z.array(
    z.object({
      orgUnitId: z.string(),
      orgUnitName: z.string(),
      position: z.string().nullable(),
      staffCategory: StaffCategory,
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
  ratings: z.array(z.object({ year: z.number(), rating: RatingCode })),
  disciplines: z.array(
    z.object({
      form: z.string(),
      fromDate: z.string().nullable(),
      toDate: z.string().nullable(),
      pending: z.boolean(),
    }),
  ),
  initiatives: z.array(z.object({ title: z.string(), scope: z.string(), recognizedOn: z.string() })),
  absences: z.array(z.object({ kind: z.string(), fromDate: z.string(), toDate: z.string() })),
  awards: z.array(
    z.object({
      year: z.number(),
      awardCode: z.string(),
      awardLabel: z.string(),
      decisionNumber: z.string().nullable(),
      decisionDate: z.string().nullable(),
      issuerName: z.string().nullable(),
      revoked: z.boolean(),
    }),
  ),
});

export const CreatePerson = z.object({
  fullName: Text(150).pipe(z.string().min(2, 'Vui lòng nhập họ và tên')),
  gender: Gender,
  birthDate: IsoDate.optional(),
  citizenId: z
    .string()
    .regex(/^\d{12}$/, 'Số CCCD phải gồm 12 chữ số')
    .optional(),
  orgUnitId: Ref('orgUnit', 'write'),
  position: Text(150).optional(),
  staffCategory: StaffCategory,
  startDate: IsoDate,
});

export const UpsertRating = z.object({ year: z.number().int().min(1990).max(2100), rating: RatingCode });
