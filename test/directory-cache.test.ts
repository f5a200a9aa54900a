import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DirectoryCache } from '../src/organizations/directory-cache.ts';
import { openTestDatabase } from './support/test-app.ts';
import type { Database } from '../src/platform/db/client.ts';

describe('the org directory cache', () => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase('pglite'));
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const rename = (name: string) =>
    database.db.execute(sql`update org_units set name = ${name} where code = 'MQ-K1'`);

  it('does not keep a directory whose load began before an invalidation', async () => {
    const cache = new DirectoryCache(database.db, 60_000);
    const inFlight = cache.get(); // began before a write; the write then invalidates
    cache.invalidate();
    const before = await inFlight;
    const after = await cache.get();
    expect(after).not.toBe(before);
    expect(await cache.get()).toBe(after);
  });

  it('serves one load to concurrent readers and keeps it for its time to live', async () => {
    const cache = new DirectoryCache(database.db, 60_000);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    await rename('Khóm Đông Thạnh');
    expect(await cache.get()).toBe(a);
    cache.invalidate();
    expect((await cache.get()).byCode('MQ-K1')?.name).toBe('Khóm Đông Thạnh');
  });
});
