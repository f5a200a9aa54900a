import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCanRead, assertCanWrite } from '../platform/auth/access.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { queryRows } from '../platform/db/client.ts';
import {
  A4_LANDSCAPE,
  DEFAULT_CERTIFICATE_CALIBRATION,
  renderCertificatesPdf,
  type CertificateCalibration,
} from '../platform/documents/index.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import type { AppDeps, RequestCtx } from '../platform/http/context.ts';
import type { CertificateDecisionView, PrintQuery } from '../contracts/certificates.ts';
import {
  certificateModels,
  ensureTokens,
  readAwardees,
  readDecision,
  verifyUrlOf,
  type DecisionRow,
} from './decision-certificates.ts';

type View = z.infer<typeof CertificateDecisionView>;

async function loadDecision(ctx: RequestCtx, decisionId: string): Promise<DecisionRow> {
  const decision = await readDecision(ctx.deps.database.db, decisionId);
  if (!decision) throw notFound('quyết định');
  assertCanRead(ctx.auth, decision.org_unit_id, 'quyết định');
  return decision;
}

function assertPrintable(decision: DecisionRow): void {
  if (decision.kind !== 'award') throw invalid('Chỉ in Giấy khen cho quyết định khen thưởng.');
  if (decision.status !== 'issued' && decision.status !== 'revoked') {
    throw conflict('Quyết định chưa ban hành: chưa in Giấy khen.', 'CERTIFICATES.NOT_ISSUED');
  }
}

export async function getCertificateDecision(ctx: RequestCtx, decisionId: string): Promise<View> {
  const decision = await loadDecision(ctx, decisionId);
  const db = ctx.deps.database.db;
  const awardees = await readAwardees(db, decisionId);
  const [tokens, blanks] = await Promise.all([
    queryRows<{ award_record_id: string; token: string }>(
      db,
      sql`select t.award_record_id, t.token from certificate_tokens t
          join award_records a on a.id = t.award_record_id where a.decision_id = ${decisionId}`,
    ),
    queryRows<{
      id: string;
      award_record_id: string;
      blank_serial: string;
      printed_at: Date | string;
      handed_over_to: string | null;
      handed_over_on: string | null;
    }>(
      db,
      sql`select id, award_record_id, blank_serial, printed_at, handed_over_to, handed_over_on::text as handed_over_on
          from certificate_blanks where decision_id = ${decisionId} order by printed_at desc`,
    ),
  ]);
  const tokenOf = new Map(tokens.map((t) => [t.award_record_id, t.token]));
  return {
    decisionId,
    orgUnitId: decision.org_unit_id,
    numberText: decision.number_text,
    decisionDate: decision.decision_date,
    title: decision.title,
    awardees: awardees.map((a) => {
      const token = tokenOf.get(a.award_record_id);
      const blank = blanks.find((b) => b.award_record_id === a.award_record_id);
      return {
        awardRecordId: a.award_record_id,
        position: a.item_position,
        recipientName: a.subject_name,
        subjectKind: a.subject_kind,
        detail: [a.person_position, a.unit_name].filter((x): x is string => !!x).join(', ') || null,
        revoked: a.revoked_at !== null,
        verifyUrl: token ? verifyUrlOf(ctx.deps.config.publicUrl, token) : null,
        blank: blank
          ? {
              id: blank.id,
              blankSerial: blank.blank_serial,
              printedAt: new Date(blank.printed_at).toISOString(),
              handedOverTo: blank.handed_over_to,
              handedOverOn: blank.handed_over_on,
            }
          : null,
      };
    }),
  };
}

/** The calibration to print a blank with: the one named, else the body's A4-landscape one, else the default. */
async function calibrationFor(
  deps: AppDeps,
  orgUnitId: string,
  calibrationId: string | undefined,
): Promise<CertificateCalibration> {
  const rows = await queryRows<{ id: string; calibration: unknown }>(
    deps.database.db,
    calibrationId
      ? sql`select id, calibration from certificate_calibrations where id = ${calibrationId} and org_unit_id = ${orgUnitId}`
      : sql`select id, calibration from certificate_calibrations
            where org_unit_id = ${orgUnitId} and page_width_mm = 297 and page_height_mm = 210`,
  );
  const row = rows[0];
  if (!row) {
    if (calibrationId) throw notFound('mẫu căn chỉnh phôi');
    return DEFAULT_CERTIFICATE_CALIBRATION;
  }
  const value =
    typeof row.calibration === 'string' ? (JSON.parse(row.calibration) as unknown) : row.calibration;
  return value as CertificateCalibration;
}

/**
 * A whole decision as one PDF, one page per Giấy khen (revoked awards left out), each with a QR code
 * to its public verification page.
 */
export async function printDecisionCertificates(
  deps: AppDeps,
  decision: DecisionRow,
  query: z.infer<typeof PrintQuery>,
): Promise<Buffer> {
  assertPrintable(decision);
  const db = deps.database.db;
  const directory = await deps.directory.get();
  const awardees = await readAwardees(db, decision.id);
  const live = awardees.filter((a) => a.revoked_at === null);
  if (live.length === 0) throw conflict('Quyết định không còn ai để in Giấy khen.', 'CERTIFICATES.EMPTY');
  const tokens = await ensureTokens(
    db,
    decision.org_unit_id,
    live.map((a) => a.award_record_id),
  );
  const certs = certificateModels(decision, awardees, directory, tokens, deps.config.publicUrl);
  if (query.mode === 'blank') {
    const calibration = await calibrationFor(deps, decision.org_unit_id, query.calibrationId);
    return renderCertificatesPdf(certs, { mode: 'blank', calibration });
  }
  const pageSize =
    query.widthMm && query.heightMm ? { widthMm: query.widthMm, heightMm: query.heightMm } : A4_LANDSCAPE;
  return renderCertificatesPdf(certs, { mode: 'full', pageSize });
}

export async function printCertificates(
  ctx: RequestCtx,
  decisionId: string,
  query: z.infer<typeof PrintQuery>,
): Promise<Buffer> {
  const decision = await loadDecision(ctx, decisionId);
  assertCanWrite(ctx.auth, decision.org_unit_id, 'Giấy khen');
  return printDecisionCertificates(ctx.deps, decision, query);
}

export async function listCalibrations(ctx: RequestCtx, orgUnitId: string) {
  assertCanRead(ctx.auth, orgUnitId, 'mẫu căn chỉnh phôi');
  const rows = await queryRows<{ id: string; calibration: unknown; updated_at: Date | string }>(
    ctx.deps.database.db,
    sql`select id, calibration, updated_at from certificate_calibrations where org_unit_id = ${orgUnitId}
        order by page_width_mm, page_height_mm`,
  );
  return rows.map((r) => ({
    id: r.id,
    calibration: (typeof r.calibration === 'string'
      ? JSON.parse(r.calibration)
      : r.calibration) as CertificateCalibration,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Saves an office's calibration for one blank size (one per size: a new save replaces it). */
export async function saveCalibration(
  ctx: RequestCtx,
  orgUnitId: string,
  calibration: CertificateCalibration,
) {
  assertCanWrite(ctx.auth, orgUnitId, 'mẫu căn chỉnh phôi');
  const directory = await ctx.deps.directory.get();
  await ctx.deps.database.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into certificate_calibrations (org_unit_id, name, page_width_mm, page_height_mm, calibration, updated_by)
          values (${orgUnitId}, ${calibration.name}, ${calibration.pageWidthMm}, ${calibration.pageHeightMm},
                  ${JSON.stringify(calibration)}::jsonb, ${ctx.auth.userId})
          on conflict (org_unit_id, page_width_mm, page_height_mm)
          do update set name = excluded.name, calibration = excluded.calibration,
                        updated_by = excluded.updated_by, updated_at = now()
          returning id`,
    );
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(orgUnitId)?.id ?? 'system',
      action: 'certificate.calibration.save',
      entity: 'certificate_calibration',
      entityId: rows[0]?.id ?? null,
      orgUnitId,
      after: calibration,
    });
  });
  return listCalibrations(ctx, orgUnitId);
}

/** Records which blank (serial) was printed for which award of the decision. */
export async function recordBlanks(
  ctx: RequestCtx,
  input: {
    decisionId: string;
    calibrationId?: string | undefined;
    blanks: { awardRecordId: string; blankSerial: string }[];
  },
): Promise<View> {
  const decision = await loadDecision(ctx, input.decisionId);
  assertCanWrite(ctx.auth, decision.org_unit_id, 'Giấy khen');
  assertPrintable(decision);
  const db = ctx.deps.database.db;
  const awardees = new Set((await readAwardees(db, decision.id)).map((a) => a.award_record_id));
  const stranger = input.blanks.find((b) => !awardees.has(b.awardRecordId));
  if (stranger) throw invalid('Có người nhận không thuộc quyết định này.');
  const directory = await ctx.deps.directory.get();
  await db.transaction(async (tx) => {
    const used = await queryRows<{ blank_serial: string }>(
      tx,
      sql`select blank_serial from certificate_blanks where org_unit_id = ${decision.org_unit_id}
          and blank_serial in (${sql.join(
            input.blanks.map((b) => sql`${b.blankSerial}`),
            sql`, `,
          )})`,
    );
    if (used.length > 0) {
      throw conflict(
        `Số phôi đã dùng: ${used.map((u) => u.blank_serial).join(', ')}.`,
        'CERTIFICATES.BLANK_USED',
      );
    }
    await tx.execute(sql`
      insert into certificate_blanks (org_unit_id, award_record_id, decision_id, blank_serial, calibration_id, printed_by)
      values ${sql.join(
        input.blanks.map(
          (b) =>
            sql`(${decision.org_unit_id}, ${b.awardRecordId}, ${decision.id}, ${b.blankSerial}, ${input.calibrationId ?? null}, ${ctx.auth.userId})`,
        ),
        sql`, `,
      )}`);
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(decision.org_unit_id)?.id ?? 'system',
      action: 'certificate.blanks.record',
      entity: 'decision',
      entityId: decision.id,
      orgUnitId: decision.org_unit_id,
      after: input.blanks,
    });
  });
  return getCertificateDecision(ctx, decision.id);
}

export async function handOverBlank(
  ctx: RequestCtx,
  blankId: string,
  input: { handedOverTo: string; handedOverOn: string },
): Promise<View> {
  const db = ctx.deps.database.db;
  const rows = await queryRows<{ id: string; org_unit_id: string; decision_id: string | null }>(
    db,
    sql`select id, org_unit_id, decision_id from certificate_blanks where id = ${blankId}`,
  );
  const blank = rows[0];
  if (!blank || !blank.decision_id) throw notFound('phôi Giấy khen');
  assertCanWrite(ctx.auth, blank.org_unit_id, 'phôi Giấy khen');
  const directory = await ctx.deps.directory.get();
  await db.transaction(async (tx) => {
    await tx.execute(sql`update certificate_blanks set handed_over_to = ${input.handedOverTo},
        handed_over_on = ${input.handedOverOn}, handed_over_recorded_by = ${ctx.auth.userId} where id = ${blankId}`);
    await writeAudit(tx, ctx.actor, {
      chain: directory.bodyOf(blank.org_unit_id)?.id ?? 'system',
      action: 'certificate.blank.hand_over',
      entity: 'certificate_blank',
      entityId: blankId,
      orgUnitId: blank.org_unit_id,
      after: input,
    });
  });
  return getCertificateDecision(ctx, blank.decision_id);
}
