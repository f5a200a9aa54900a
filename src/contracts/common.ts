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

/**
 * What a body or query id names. Each kind is resolved on the server to the organization that
 * owns the record, and that organization is checked against the caller's scope before the use
 * case runs (src/platform/http/scoped-refs.ts): an id in a body is a door like an id in a path.
 */
export const REF_KINDS = [
  'person',
  'household',
  'orgUnit',
  'movement',
  'conference',
  'registration',
  'covenant',
  'nomination',
  'awardRecord',
  'decision',
  'council',
  'councilMember',
  'calibration',
  'user',
  'cluster',
  'inspection',
] as const;
export type RefKind = (typeof REF_KINDS)[number];

/**
 * Which organizations a reference may name:
 * - `write`: the caller's own writable subtree; a merged predecessor's record is refused (403),
 *   since a correction is a new act of the successor. Default for POST/PUT/PATCH/DELETE.
 * - `read`: what the caller may read (subtree, merged predecessors, the whole province for
 *   province roles). Default for GET.
 * - `reference`: like `write`, plus the records of the caller's ancestors, named read-only (a
 *   ward's movement under the province's movement, a calibration of the level above).
 * - `cluster`: a member ward of an emulation cluster the caller's ward belongs to, for cluster
 *   actions; the use case still checks the cluster named in the path.
 */
export type RefRule = 'write' | 'read' | 'reference' | 'cluster';
export type RefMeta = { kind: RefKind; rule?: RefRule };

/** Metadata of every scoped reference schema; the server walks route schemas for it. */
export const refRegistry = z.registry<RefMeta>();

/** A uuid that names a record of `kind`, resolved through the caller's scope (see RefRule). */
export const Ref = (kind: RefKind, rule?: RefRule) =>
  z.uuid({ message: 'Mã định danh không hợp lệ' }).register(refRegistry, rule ? { kind, rule } : { kind });

/** NUL and the other C0/C1 controls except tab and line breaks: never text a person typed. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * Zero-width and bidirectional-override characters: invisible, they make two names that look the
 * same compare different, and a right-to-left override makes a name or file name read backwards.
 */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** True when the string has no control character (bar tab and line breaks) and no lone surrogate. */
export function isCleanText(s: string): boolean {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s);
}

/** Removes the invisible characters above. */
export function dropInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/**
 * Text input: refused with a Vietnamese message when it carries control characters or a lone
 * surrogate (a database or a document cannot store them), invisible characters dropped,
 * NFC-normalized and trimmed at the boundary (README "Vietnamese done right").
 */
export const Text = (max = 500) =>
  z
    .string()
    .refine(isCleanText, 'Nội dung có ký tự điều khiển hoặc ký tự không hợp lệ; vui lòng nhập lại.')
    .transform((s) => dropInvisible(s).normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().max(max, `Tối đa ${max} ký tự`));

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const Ok = z.object({ ok: z.literal(true) });
