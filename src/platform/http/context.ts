import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { AuthContext } from '../auth/access.ts';
import type { AuditActor } from '../audit/audit.ts';
import type { DirectoryCache } from '../../organizations/index.ts';

/** What the app is built from; passed explicitly (STYLE.md "Explicit composition"). */
export type AppDeps = {
  config: Config;
  database: Database;
  directory: DirectoryCache;
};

/** What a use case receives from a route: the caller, and the means to audit its writes. */
export type RequestCtx = {
  deps: AppDeps;
  auth: AuthContext;
  actor: AuditActor;
};
