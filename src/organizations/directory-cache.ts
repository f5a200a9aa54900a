import { orgEvents, orgUnits } from './organizations.schema.ts';
import { OrgDirectory } from './org-directory.ts';
import type { Db } from '../platform/db/client.ts';

/**
 * The org directory, reloaded after local writes and at most every few seconds otherwise, so
 * several server processes on one PostgreSQL converge quickly.
 */
export class DirectoryCache {
  private current: OrgDirectory | undefined;
  private loadedAt = 0;
  private loading: Promise<OrgDirectory> | undefined;
  /** Bumped by every invalidation: a load begun before a write must not be cached after it. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5_000,
  ) {}

  async get(): Promise<OrgDirectory> {
    if (this.current && Date.now() - this.loadedAt < this.ttlMs) return this.current;
    if (this.loading) return this.loading;
    const loading = this.load().finally(() => {
      if (this.loading === loading) this.loading = undefined;
    });
    this.loading = loading;
    return loading;
  }

  invalidate(): void {
    this.current = undefined;
    this.loading = undefined;
    this.generation += 1;
  }

  private async load(): Promise<OrgDirectory> {
    const generation = this.generation;
    const [units, events] = await Promise.all([
      this.db.select().from(orgUnits),
      this.db.select().from(orgEvents),
    ]);
    const loaded = new OrgDirectory(units, events);
    if (generation === this.generation) {
      this.current = loaded;
      this.loadedAt = Date.now();
    }
    return loaded;
  }
}
