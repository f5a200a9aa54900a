import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './index.ts';

// docs/rules.md must list every unverified rule with its default and the text that would settle it.
describe('docs/rules.md lists every unverified citation', () => {
  const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const unverified = Object.entries(CITATIONS).filter(([, c]) => !c.verified);
  it.each(unverified)('%s is in the table of unverified rules', (key) => {
    expect(docs).toContain(`| \`${key}\` |`);
  });
});
