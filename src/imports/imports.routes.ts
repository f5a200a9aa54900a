import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ImportJobDto, ImportKindCode } from '../contracts/imports.ts';
import { Ref } from '../contracts/common.ts';
import { assertCanRead, requireAuth } from '../platform/auth/access.ts';
import { invalid, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { ctxOf } from '../platform/http/request-ctx.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { buildImportTemplate, checkWorkbookDirectory, type ImportIssue } from '../platform/xlsx/index.ts';
import { importJobs } from './imports.schema.ts';
import { createImportJob, IMPORT_SPECS, runImport, type ImportKind } from './run-import.ts';
import { exportPeople } from './export-people.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WRITERS = ['admin', 'officer'] as const;

/** Live progress of running imports (rows read), ahead of what the job row says. */
const live = new Map<string, number>();

function toDto(job: typeof importJobs.$inferSelect) {
  const errors = ((job.errors as ImportIssue[] | null) ?? []).map((e) => ({
    row: e.rowNumber,
    column: e.column,
    header: e.header,
    message: e.message,
  }));
  return {
    id: job.id,
    kind: job.kind as ImportKind,
    fileName: job.fileName,
    status: job.status as ImportJobDto['status'],
    rowsRead: Math.max(job.rowsRead, live.get(job.id) ?? 0),
    rowsPublished: job.rowsPublished,
    encoding: job.encoding,
    errors,
    createdAt: job.createdAt.toISOString(),
  };
}

export async function importRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/imports/templates/:kind',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: { params: z.object({ kind: ImportKindCode }) },
    },
    async (req, reply) => {
      const buffer = await buildImportTemplate(
        IMPORT_SPECS[req.params.kind] as Parameters<typeof buildImportTemplate>[0],
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="mau-nhap-${req.params.kind}.xlsx"`)
        .send(buffer);
    },
  );

  r.post(
    '/api/v1/imports',
    {
      config: { access: { roles: WRITERS, scope: 'org' } },
      schema: {
        querystring: z.object({ kind: ImportKindCode.optional() }),
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      if (!req.isMultipart()) throw invalid('Hãy gửi tệp Excel (.xlsx) dạng multipart/form-data.');
      const file = await req.file();
      if (!file) throw invalid('Chưa chọn tệp Excel.');
      const field = file.fields.kind;
      const fieldKind = field && !Array.isArray(field) && 'value' in field ? String(field.value) : undefined;
      const parsed = ImportKindCode.safeParse(req.query.kind ?? fieldKind);
      if (!parsed.success) {
        file.file.resume();
        throw invalid('Loại dữ liệu nhập không hợp lệ (people, org_units, facts, awards).');
      }
      const fileName = path
        .basename(file.filename || 'tep.xlsx')
        .normalize('NFC')
        .slice(0, 200);
      if (!/\.xlsx$/i.test(fileName)) {
        file.file.resume();
        throw invalid('Chỉ nhận tệp Excel .xlsx (Excel 2007 trở lên). Hãy lưu lại tệp .xls thành .xlsx.');
      }
      // Stored under a generated name only, never a client path.
      const dir = path.join(os.tmpdir(), 'tdkt-imports');
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `${randomUUID()}.xlsx`);
      await pipeline(file.file, createWriteStream(tmp));
      if (file.file.truncated) {
        await rm(tmp, { force: true });
        throw invalid('Tệp quá lớn (tối đa 20 MB).');
      }
      // The zip's directory (declared sizes, nothing decompressed) is checked before a job is
      // made: a workbook that declares gigabytes is refused in the reply itself.
      try {
        checkWorkbookDirectory(await readFile(tmp));
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      const jobId = await createImportJob(deps.database.db, {
        kind: parsed.data,
        fileName,
        orgUnitId: ctx.auth.orgUnitId,
        createdBy: ctx.auth.userId,
      });
      // Long work runs as a job, never inside the request (DESIGN §1).
      live.set(jobId, 0);
      void runImport(
        deps,
        { actor: ctx.actor, writeOrgIds: ctx.auth.writeOrgIds, orgUnitId: ctx.auth.orgUnitId },
        jobId,
        parsed.data,
        tmp,
        (rows) => live.set(jobId, rows),
      )
        .catch((err: Error) => req.log.error({ err: { message: err.message } }, 'import failed'))
        .finally(() => {
          live.delete(jobId);
          void rm(tmp, { force: true });
        });
      return reply.status(202).send({ jobId });
    },
  );

  r.get(
    '/api/v1/imports/:id',
    {
      config: { access: { roles: WRITERS, scope: 'org' } },
      schema: { params: z.object({ id: z.uuid() }), response: { 200: ImportJobDto } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const [job] = await deps.database.db.select().from(importJobs).where(eq(importJobs.id, req.params.id));
      if (!job) throw notFound('lượt nhập dữ liệu');
      assertCanRead(auth, job.orgUnitId, 'lượt nhập dữ liệu');
      return toDto(job);
    },
  );

  r.get(
    '/api/v1/imports',
    {
      config: { access: { roles: WRITERS, scope: 'org' } },
      schema: { response: { 200: z.object({ items: z.array(ImportJobDto) }) } },
    },
    async (req) => {
      const auth = requireAuth(req.auth);
      const jobs = await deps.database.db
        .select()
        .from(importJobs)
        .where(and(inArray(importJobs.orgUnitId, [...auth.readOrgIds])))
        .orderBy(desc(importJobs.createdAt))
        .limit(20);
      return { items: jobs.map(toDto) };
    },
  );

  r.get(
    '/api/v1/exports/people',
    {
      config: { access: { roles: WRITERS, scope: 'org' } },
      schema: { querystring: z.object({ orgUnitId: Ref('orgUnit', 'read') }) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      assertCanRead(ctx.auth, req.query.orgUnitId, 'đơn vị');
      const directory = await deps.directory.get();
      const units = directory.subtree(req.query.orgUnitId).filter((id) => ctx.auth.readOrgIds.has(id));
      // Every export of personal data is logged: who, what, when (trust issue, item 4).
      await deps.database.db.transaction((tx) =>
        writeAudit(tx, ctx.actor, {
          chain: directory.bodyOf(req.query.orgUnitId)?.id ?? 'system',
          action: 'export.people',
          entity: 'org_unit',
          entityId: req.query.orgUnitId,
          orgUnitId: req.query.orgUnitId,
          after: { units: units.length },
        }),
      );
      const out = new PassThrough();
      void exportPeople(deps.database.db, units, out).catch((err: Error) => out.destroy(err));
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="danh-sach-can-bo.xlsx"')
        .send(out);
    },
  );
}
