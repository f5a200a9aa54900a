import { z } from 'zod';

/** The one error shape of the API (DESIGN §4): `message` is Vietnamese, for the user. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  correlationId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export const Uuid = z.uuid({ message: 'Mã định danh không hợp lệ' });

/** Text input: NFC-normalized and trimmed at the boundary (README "Vietnamese done right"). */
export const Text = (max = 500) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().max(max, `Tối đa ${max} ký tự`));

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const Ok = z.object({ ok: z.literal(true) });
