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

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5_000,
  ) {}

  async get(): Promise<OrgDirectory> {
    if (this.current && Date.now() - this.loadedAt < this.ttlMs) return this.current;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  invalidate(): void {
    this.current = undefined;
  }

  private async load(): Promise<OrgDirectory> {
    const [units, events] = await Promise.all([
      this.db.select().from(orgUnits),
      this.db.select().from(orgEvents),
    ]);
    this.current = new OrgDirectory(units, events);
    this.loadedAt = Date.now();
    return this.current;
  }
}
