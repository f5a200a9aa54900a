import { describe, expect, it } from 'vitest';
import { Text } from './common.ts';

describe('Text', () => {
  const text = Text(100);

  it('refuses NUL, other control characters and a lone surrogate with a Vietnamese message', () => {
    for (const bad of [
      'Nguyễn\u0000Văn A',
      'a\u0007b',
      'x\u001Fy',
      'a\u007Fb',
      'Lê \uD800 Thị',
      'end\uDC00',
    ]) {
      const res = text.safeParse(bad);
      expect(res.success, JSON.stringify(bad)).toBe(false);
      expect(res.error?.issues[0]?.message).toMatch(/ký tự điều khiển/);
    }
  });

  it('drops zero-width and bidi-override characters, keeps NFC and trims', () => {
    expect(text.parse('Nguy\u200Bễn\u202E Văn\uFEFF A ')).toBe('Nguyễn Văn A');
    expect(text.parse('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(text.parse('hai\tcột\ndòng')).toBe('hai cột dòng');
    expect(text.parse('😀 ok')).toBe('😀 ok');
  });
});
