import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../db/client.ts';
import { writeAudit } from '../audit/audit.ts';
import { requireAuth } from '../auth/access.ts';
import { invalid } from '../errors.ts';
import type { AppDeps } from '../http/context.ts';
import { backupFileName, createBackup } from '../backup/backup.ts';
import { collectOwnData, logPersonalDataExport, retentionTargets } from './privacy.ts';

const RetentionRule = z.object({
  recordType: z.string(),
  description: z.string(),
  keepDays: z.number().int().nullable(),
});

/** Personal data and instance-level trust routes (trust issue, items 2 and 4). */
export async function privacyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/v1/me/data-export',
    { config: { access: { roles: 'authenticated', scope: 'self' } } },
    async (req, reply) => {
      const auth = requireAuth(req.auth);
      const data = await collectOwnData(db, auth);
      const rowCount =
        1 + (data.person ? 1 : 0) + Object.values(data.records).reduce((n, rows) => n + rows.length, 0);
      await db.transaction((tx) =>
        logPersonalDataExport(
          tx,
          { userId: auth.userId, name: auth.displayName, correlationId: req.id },
          { kind: 'self_data', subjectPersonId: auth.personId, orgUnitId: auth.orgUnitId, rowCount },
        ),
      );
      reply
        .header('content-disposition', 'attachment; filename="du-lieu-ca-nhan.json"')
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8');
      return JSON.stringify(data, null, 2);
    },
  );

  r.get(
    '/api/v1/admin/retention-rules',
    {
      config: { access: { roles: ['admin'], scope: 'none' } },
      schema: { response: { 200: z.array(RetentionRule) } },
    },
    async () => {
      const rules = await queryRows<{ record_type: string; keep_days: number }>(
        db,
        sql`select record_type, keep_days from retention_rules`,
      );
      const byType = new Map(rules.map((x) => [x.record_type, x.keep_days]));
      return retentionTargets().map((t) => ({
        recordType: t.recordType,
        description: t.description,
        keepDays: byType.get(t.recordType) ?? null,
      }));
    },
  );

  r.put(
    '/api/v1/admin/retention-rules/:recordType',
    {
      config: { access: { roles: ['admin'], scope: 'none', reauth: true } },
      schema: {
        params: z.object({ recordType: z.string().max(60) }),
        body: z.object({ keepDays: z.number().int().min(1).max(36_500).nullable() }),
        response: { 200: RetentionRule },
      },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const target = retentionTargets().find((t) => t.recordType === req.params.recordType);
      if (!target)
        throw invalid(
          `Không có loại hồ sơ "${req.params.recordType}" để đặt thời hạn lưu.`,
          'RETENTION.UNKNOWN_TYPE',
        );
      const keepDays = req.body.keepDays;
      await db.transaction(async (tx) => {
        if (keepDays === null)
          await tx.execute(sql`delete from retention_rules where record_type = ${target.recordType}`);
        else {
          await tx.execute(sql`
            insert into retention_rules (record_type, keep_days, updated_by) values (${target.recordType}, ${keepDays}, ${auth.userId})
            on conflict (record_type) do update set keep_days = excluded.keep_days, updated_by = excluded.updated_by, updated_at = now()`);
        }
        await writeAudit(
          tx,
          { userId: auth.userId, name: auth.displayName, correlationId: req.id },
          {
            chain: 'system',
            action: 'privacy.retention_rule',
            entity: 'retention_rule',
            entityId: target.recordType,
            after: { keepDays },
          },
        );
      });
      return { recordType: target.recordType, description: target.description, keepDays };
    },
  );

  r.post(
    '/api/v1/admin/backups',
    {
      config: { access: { roles: ['admin'], scope: 'none', reauth: true } },
      schema: { response: { 200: z.object({ file: z.string(), tables: z.number(), files: z.number() }) } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      // The running server holds an embedded database, so it makes the backup itself.
      const out = path.join(backupDirOf(deps.config.dataDir), backupFileName());
      const manifest = await createBackup(deps.database, deps.config.dataDir, out);
      await db.transaction((tx) =>
        writeAudit(
          tx,
          { userId: auth.userId, name: auth.displayName, correlationId: req.id },
          { chain: 'system', action: 'backup.create', entity: 'backup', entityId: path.basename(out) },
        ),
      );
      return { file: path.basename(out), tables: manifest.tables.length, files: manifest.files };
    },
  );
}

/** Backups sit beside the data folder, never inside it (a backup must not contain backups). */
export function backupDirOf(dataDir: string): string {
  return path.resolve(
    process.env.TDKT_BACKUP_DIR ?? path.join(path.dirname(path.resolve(dataDir)), 'backups'),
  );
}
