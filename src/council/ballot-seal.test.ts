import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ballotKeyFile, loadBallotKey, openBallot, sealBallot, shuffle } from './ballot-seal.ts';
import type { BallotChoice } from './tally.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tdkt-ballot-seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ITEM = '0b7e4a54-7f0e-4d53-9d1e-0d7c2f1a9e11';

describe('sealed ballots', () => {
  it('opens every choice it sealed, and every sealed ballot has the same length', () => {
    const key = loadBallotKey(path.join(dir, 'a'));
    const choices: BallotChoice[] = ['yes', 'no', 'abstain'];
    const sealed = choices.map((c) => sealBallot(key, ITEM, c));
    expect(sealed.map((s) => openBallot(key, ITEM, s))).toEqual(choices);
    expect(new Set(sealed.map((s) => s.length)).size).toBe(1);
    // Two seals of one choice differ (random IV): equal ciphertexts would show equal votes.
    expect(sealBallot(key, ITEM, 'yes')).not.toBe(sealBallot(key, ITEM, 'yes'));
  });

  it('refuses a ballot moved to another item, or opened with another key, in Vietnamese', () => {
    const key = loadBallotKey(path.join(dir, 'b'));
    const other = loadBallotKey(path.join(dir, 'c'));
    const sealed = sealBallot(key, ITEM, 'no');
    expect(() => openBallot(key, '5b0c9d1e-0000-4000-8000-000000000000', sealed)).toThrow(/khóa niêm phong/);
    expect(() => openBallot(other, ITEM, sealed)).toThrow(/khóa niêm phong/);
  });

  it('keeps the key in a 0600 file outside the database, TDKT_KEY_DIR or TDKT_BALLOT_KEY_FILE first', () => {
    const keyDir = path.join(dir, 'elsewhere');
    const file = ballotKeyFile(path.join(dir, 'data'), { TDKT_KEY_DIR: keyDir });
    expect(file).toBe(path.join(keyDir, 'ballot-aes256.key'));
    expect(ballotKeyFile('/data', { TDKT_BALLOT_KEY_FILE: '/etc/tdkt/ballot.key' })).toBe(
      '/etc/tdkt/ballot.key',
    );
    loadBallotKey(path.join(dir, 'data'), { TDKT_KEY_DIR: keyDir });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('shuffles: twelve ballots do not keep their order over twenty shuffles', () => {
    const start = Array.from({ length: 12 }, (_, i) => i);
    const orders = new Set<string>();
    for (let round = 0; round < 20; round++) orders.add(shuffle([...start]).join(','));
    expect(orders.size).toBeGreaterThan(1);
    expect([...orders].every((o) => o === start.join(','))).toBe(false);
  });
});
