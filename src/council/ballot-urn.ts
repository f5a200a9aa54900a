import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import type { BallotChoice } from './tally.ts';

type Sealed = { iv: Buffer; data: Buffer; tag: Buffer };

/**
 * The sealed ballot urns of the items whose voting is open, held in this process's memory only.
 * Each ballot is encrypted with a key made for its urn (AES-256-GCM) and put at a random place in
 * the urn, so neither a memory dump nor the order of the urn tells who voted how; nothing of a
 * ballot reaches the database until voting closes, when the urn is opened and its ballots are
 * written in one shuffled insert (council.schema.ts). If the process stops while an item is open,
 * its ballots are lost: closing then finds fewer ballots than vote marks and the item must be
 * voted again (see `resetVoting`).
 */
export class BallotUrns {
  private readonly urns = new Map<string, { key: Buffer; ballots: Sealed[] }>();

  open(itemId: string): void {
    if (!this.urns.has(itemId)) this.urns.set(itemId, { key: randomBytes(32), ballots: [] });
  }

  isOpen(itemId: string): boolean {
    return this.urns.has(itemId);
  }

  cast(itemId: string, choice: BallotChoice): void {
    const urn = this.urns.get(itemId);
    if (!urn) throw new Error('urn is not open');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', urn.key, iv);
    const data = Buffer.concat([cipher.update(choice, 'utf8'), cipher.final()]);
    const sealed = { iv, data, tag: cipher.getAuthTag() };
    urn.ballots.splice(randomInt(urn.ballots.length + 1), 0, sealed);
  }

  count(itemId: string): number {
    return this.urns.get(itemId)?.ballots.length ?? 0;
  }

  /** The ballots of an urn, decrypted and shuffled (Fisher–Yates with a CSPRNG); the urn stays. */
  unseal(itemId: string): BallotChoice[] {
    const urn = this.urns.get(itemId);
    if (!urn) return [];
    const out = urn.ballots.map((b) => {
      const decipher = createDecipheriv('aes-256-gcm', urn.key, b.iv);
      decipher.setAuthTag(b.tag);
      return Buffer.concat([decipher.update(b.data), decipher.final()]).toString('utf8') as BallotChoice;
    });
    return shuffle(out);
  }

  /** Destroys an urn and its key (after its ballots were written, or to vote again). */
  discard(itemId: string): void {
    this.urns.delete(itemId);
  }
}

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** One set of urns per process: the ballots of an open item live only here. */
export const ballotUrns = new BallotUrns();
