import { sql } from 'drizzle-orm';
import { assertCanRead, assertCanWrite } from '../../platform/auth/access.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { renderDocx, renderPdf } from '../../platform/documents/index.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { recordOfficeNumber, takeNextNumber } from '../../platform/numbering/index.ts';
import type { OrgDirectory } from '../../organizations/index.ts';
import type { AnnualReportView, DocumentFormat } from '../../contracts/reports.ts';
import { NARRATIVE_LABELS, cleanNarrative, defaultNarrative, type Narrative } from './annual-narrative.ts';
import {
  annualReportFigures,
  buildAnnualReport,
  changedFigures,
  limitationHints,
  type ReportFigures,
} from './annual-report-model.ts';
import { loadAnnualFacts } from './load-annual-facts.ts';

const KIND = 'annual';

type DraftRow = {
  id: string;
  narrative: unknown;
  issued_figures: unknown;
  number_text: string | null;
  issue_date: string | null;
  issued_at: Date | string | null;
};

async function readDraft(db: DbOrTx, orgUnitId: string, year: number): Promise<DraftRow | undefined> {
  const rows = await queryRows<DraftRow>(
    db,
    sql`select id, narrative, issued_figures, number_text, issue_date::text as issue_date, issued_at
        from report_drafts where org_unit_id = ${orgUnitId} and kind = ${KIND} and year = ${year}`,
  );
  return rows[0];
}

function jsonValue(v: unknown): unknown {
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
}

function narrativeOf(row: DraftRow | undefined): Narrative {
  const v = row ? jsonValue(row.narrative) : null;
  return v && typeof v === 'object' ? cleanNarrative(v as Record<string, unknown>) : {};
}

function figuresOf(row: DraftRow | undefined): ReportFigures | null {
  const v = row ? jsonValue(row.issued_figures) : null;
  return v && typeof v === 'object' ? (v as ReportFigures) : null;
}

/** The report is the issuing body's: a unit below it reads its body's report. */
async function bodyFor(ctx: RequestCtx, orgUnitId: string): Promise<OrgDirectory> {
  const directory = await ctx.deps.directory.get();
  const unit = directory.get(orgUnitId);
  if (!unit) throw notFound('đơn vị');
  assertCanRead(ctx.auth, orgUnitId, 'báo cáo');
  if (directory.bodyOf(orgUnitId)?.id !== orgUnitId) {
    throw invalid(
      'Báo cáo tổng kết được lập cho cơ quan ban hành (xã, phường), không cho đơn vị trực thuộc.',
    );
  }
  return directory;
}

export async function getAnnualReport(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<AnnualReportView> {
  const directory = await bodyFor(ctx, orgUnitId);
  const db = ctx.deps.database.db;
  const [facts, draft] = await Promise.all([
    loadAnnualFacts(db, directory, orgUnitId, year),
    readDraft(db, orgUnitId, year),
  ]);
  const figures = annualReportFigures(facts);
  const issuedAt = draft?.issued_at ?? null;
  return {
    orgUnitId,
    year,
    title: `Báo cáo Tổng kết Thi đua, khen thưởng năm ${year} và phương hướng, nhiệm vụ năm ${year + 1}`,
    narrative: narrativeOf(draft),
    defaults: defaultNarrative({
      year,
      committeeShort: facts.body.committeeShort,
      kindWord: facts.body.kindWord,
    }),
    labels: NARRATIVE_LABELS,
    figures,
    changedFigures: changedFigures(figuresOf(draft), figures),
    hints: limitationHints(facts),
    movementsFromData: facts.movements.length > 0,
    numberText: draft?.number_text ?? null,
    issueDate: draft?.issue_date ?? null,
    issuedAt: issuedAt === null ? null : new Date(issuedAt).toISOString(),
  };
}

export async function saveAnnualNarrative(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  narrative: Narrative,
): Promise<AnnualReportView> {
  const directory = await bodyFor(ctx, orgUnitId);
  assertCanWrite(ctx.auth, orgUnitId, 'báo cáo');
  const clean = cleanNarrative(narrative);
  await ctx.deps.database.db.transaction(async (tx) => {
    const before = await readDraft(tx, orgUnitId, year);
    await tx.execute(sql`
      insert into report_drafts (org_unit_id, kind, year, narrative, updated_by)
      values (${orgUnitId}, ${KIND}, ${year}, ${JSON.stringify(clean)}::jsonb, ${ctx.auth.userId})
      on conflict (org_unit_id, kind, year)
      do update set narrative = excluded.narrative, updated_by = excluded.updated_by, updated_at = now()`);
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(orgUnitId)?.id ?? 'system',
      action: 'report.narrative.save',
      entity: 'report_draft',
      entityId: before?.id ?? null,
      orgUnitId,
      before: before ? narrativeOf(before) : null,
      after: clean,
    });
  });
  return getAnnualReport(ctx, orgUnitId, year);
}

/**
 * Issues the report: a number from the body's register (NĐ 30/2020, Điều 15) the first time, or
 * the office's own number; the figures of this issue are kept to show later changes.
 */
export async function issueAnnualReport(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  input: { issueDate: string; officeNumber?: number | undefined },
): Promise<AnnualReportView> {
  const directory = await bodyFor(ctx, orgUnitId);
  assertCanWrite(ctx.auth, orgUnitId, 'báo cáo');
  const db = ctx.deps.database.db;
  const facts = await loadAnnualFacts(db, directory, orgUnitId, year);
  const figures = annualReportFigures(facts);
  await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; number_text: string | null }>(
      tx,
      sql`insert into report_drafts (org_unit_id, kind, year, updated_by)
          values (${orgUnitId}, ${KIND}, ${year}, ${ctx.auth.userId})
          on conflict (org_unit_id, kind, year) do update set updated_at = now()
          returning id, number_text`,
    );
    const draft = rows[0]!;
    let numberText = draft.number_text;
    if (numberText === null) {
      const request = {
        issuerOrgUnitId: orgUnitId,
        year: Number(input.issueDate.slice(0, 4)),
        typeCode: 'BC',
        entity: 'report_draft',
        entityId: draft.id,
      };
      const issued =
        input.officeNumber !== undefined
          ? await recordOfficeNumber(tx, { ...request, number: input.officeNumber })
          : await takeNextNumber(tx, request);
      numberText = issued.text;
    }
    await tx.execute(sql`
      update report_drafts set number_text = ${numberText}, issue_date = ${input.issueDate},
        issued_figures = ${JSON.stringify(figures)}::jsonb, issued_at = now(), issued_by = ${ctx.auth.userId}
      where id = ${draft.id}`);
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(orgUnitId)?.id ?? 'system',
      action: 'report.issue',
      entity: 'report_draft',
      entityId: draft.id,
      orgUnitId,
      after: { numberText, issueDate: input.issueDate, figures },
    });
  });
  return getAnnualReport(ctx, orgUnitId, year);
}

/** The report as Word or PDF, from the data as it is now and the kept narrative. */
export async function renderAnnualReport(
  deps: RequestCtx['deps'],
  orgUnitId: string,
  year: number,
  format: DocumentFormat,
  today = new Date().toISOString().slice(0, 10),
): Promise<Buffer> {
  const directory = await deps.directory.get();
  const [facts, draft] = await Promise.all([
    loadAnnualFacts(deps.database.db, directory, orgUnitId, year),
    readDraft(deps.database.db, orgUnitId, year),
  ]);
  const model = buildAnnualReport(facts, {
    narrative: narrativeOf(draft),
    numberText: draft?.number_text ?? null,
    issueDate: draft?.issue_date ?? today,
  });
  return format === 'pdf' ? renderPdf(model) : renderDocx(model);
}

export async function downloadAnnualReport(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  format: DocumentFormat,
): Promise<Buffer> {
  await bodyFor(ctx, orgUnitId);
  return renderAnnualReport(ctx.deps, orgUnitId, year, format);
}
