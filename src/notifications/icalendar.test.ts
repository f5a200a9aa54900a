import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './icalendar.ts';

/** A small RFC 5545 reader: unfold (§3.1), split name/params/value, unescape TEXT. */
function parse(ics: string) {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfolded.split('\r\n').filter((l) => l !== '')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) current[name] = value;
  }
  return events;
}

describe('iCalendar feed', () => {
  const summary =
    'Quá hạn khắc phục: ký giao ước thi đua; báo cáo, tổng kết — Hội Liên hiệp Phụ nữ phường Mỹ Quý';
  const ics = buildCalendar('Nhắc việc TĐKT', new Date('2023-10-11T03:04:05Z'), [
    { uid: 'n1@tdkt', date: '2023-10-15', summary, description: 'Dòng 1\nDòng 2, có dấu phẩy' },
  ]);

  it('ends every line with CRLF and keeps every line within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('reads back the event with its Vietnamese summary, date and stamp', () => {
    const [event] = parse(ics);
    expect(event).toEqual({
      UID: 'n1@tdkt',
      DTSTAMP: '20231011T030405Z',
      'DTSTART;VALUE=DATE': '20231015',
      SUMMARY: summary,
      DESCRIPTION: 'Dòng 1\nDòng 2, có dấu phẩy',
    });
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`SUMMARY:${'Đ'.repeat(80)}`);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => !p.includes('\uFFFD'))).toBe(true);
    expect(pieces.join('').replace(/ /g, '')).toBe(`SUMMARY:${'Đ'.repeat(80)}`);
  });

  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
