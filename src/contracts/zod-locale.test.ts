import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-locale.ts';

describe('zod messages', () => {
  it('are Vietnamese once the locale module is loaded', () => {
    const issue = z.enum(['a', 'b']).safeParse('c').error?.issues[0];
    expect(issue?.message).toMatch(/không hợp lệ/);
    expect(issue?.message).not.toMatch(/Invalid/);
  });
});
