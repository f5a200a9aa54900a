import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { refRegistry, type RefMeta } from '../../src/contracts/common.ts';

type Def = Record<string, unknown> & { type: string };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Values tried in turn for a leaf the structure does not decide (a string with a pattern, a number's bounds). */
const LEAVES: unknown[] = [
  'Nội dung mẫu',
  '2023-06-01',
  '2099-12-31T00:00:00.000Z',
  '012345678901',
  'mau@example.vn',
  '0912345678',
  'ABC-1',
  '2023',
  'people',
  'x',
  'Nội dung mẫu đủ dài cho một trường cần nhiều ký tự hơn bình thường.',
  1,
  2023,
  0,
  10,
  100,
  false,
  true,
];

/**
 * A minimal value a zod schema accepts, every optional and nullable part present (so every
 * reference it can hold is there to attack), each array with one element (or its minimum),
 * each record with one entry. `ref` gives the id put in each scoped reference. Undefined when
 * no value was found; the caller lists such a route with its reason.
 */
export function sampleOf(schema: z.ZodType, ref: (meta: RefMeta) => string): unknown {
  const gen = (s: z.ZodType, depth: number): unknown => {
    const meta = refRegistry.get(s);
    if (meta) return ref(meta);
    if (depth > 12) return undefined;
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch': {
        const inner = gen(def.innerType as z.ZodType, depth + 1);
        return inner !== undefined && s.safeParse(inner).success ? inner : leaf(s);
      }
      case 'pipe':
        return gen(def.in as z.ZodType, depth + 1);
      case 'lazy':
        return gen((def.getter as () => z.ZodType)(), depth + 1);
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          const v = gen(child, depth + 1);
          if (v !== undefined) out[k] = v;
        }
        return out;
      }
      case 'array': {
        const item = gen(def.element as z.ZodType, depth + 1);
        if (item === undefined) return [];
        for (let n = 1; n <= 3; n++) {
          // Distinct elements where the array holds ids (a set of members, of parties).
          const items = Array.from({ length: n }, (_, i) =>
            i === 0 ? item : gen(def.element as z.ZodType, depth + 1),
          );
          if (s.safeParse(items).success) return items;
        }
        return [item];
      }
      case 'record': {
        const value = gen(def.valueType as z.ZodType, depth + 1);
        const key = LEAVES.find(
          (k) => typeof k === 'string' && (def.keyType as z.ZodType).safeParse(k).success,
        );
        return key === undefined || value === undefined ? {} : { [key as string]: value };
      }
      case 'union': {
        for (const option of def.options as z.ZodType[]) {
          const v = gen(option, depth + 1);
          if (v !== undefined && option.safeParse(v).success) return v;
        }
        return gen((def.options as z.ZodType[])[0]!, depth + 1);
      }
      case 'intersection': {
        const l = gen(def.left as z.ZodType, depth + 1);
        const r = gen(def.right as z.ZodType, depth + 1);
        return typeof l === 'object' && typeof r === 'object' ? { ...l, ...r } : l;
      }
      case 'enum':
        return Object.values(def.entries as Record<string, unknown>)[0];
      case 'literal':
        return (def.values as unknown[])[0];
      case 'string':
        if (def.format === 'uuid' || def.format === 'guid') return randomUUID();
        return leaf(s);
      default:
        return leaf(s);
    }
  };
  const leaf = (s: z.ZodType): unknown => LEAVES.find((v) => s.safeParse(v).success);
  const value = gen(schema, 0);
  return value !== undefined && schema.safeParse(value).success ? value : undefined;
}

/** Sets every value found at `path` (`*`: each element of an array or record) to `value`. */
export function setAt(target: unknown, path: readonly string[], value: unknown): boolean {
  if (target === null || typeof target !== 'object') return false;
  const [head, ...rest] = path;
  if (head === undefined) return false;
  const container = target as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(container) : [head];
  let found = false;
  for (const key of keys) {
    if (!(key in container)) continue;
    if (rest.length === 0) {
      container[key] = value;
      found = true;
    } else if (setAt(container[key], rest, value)) found = true;
  }
  return found;
}
