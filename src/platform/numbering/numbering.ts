import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { conflict, invalid } from '../errors.ts';

export type NumberSource = 'register' | 'office';

export type NumberRequest = {
  issuerOrgUnitId: string;
  year: number;
  /** Document type code: QĐ, TTr, BC, BB … */
  typeCode: string;
  entity: string;
  entityId: string;
};

export type IssuedNumber = { number: number; text: string; series: string; source: NumberSource };

/**
 * "Số, ký hiệu" of a document: the number in Arabic digits, numbers below 10 written with a
 * leading 0 (NĐ 30/2020/NĐ-CP, Điều 15 khoản 1 and Phụ lục I), then the type code and the
 * issuer's abbreviation: "25/QĐ-UBND", "03/TTr-UBND".
 */
export function formatDocumentNumber(number: number, typeCode: string, issuerSymbol: string): string {
  return `${String(number).padStart(2, '0')}/${typeCode}-${issuerSymbol}`;
}

type Settings = { separateByType: boolean; issuerSymbol: string };

export async function numberingSettingsOf(db: DbOrTx, issuerOrgUnitId: string): Promise<Settings> {
  const rows = await queryRows<{ separate_by_type: boolean; issuer_symbol: string }>(
    db,
    sql`select separate_by_type, issuer_symbol from numbering_settings where issuer_org_unit_id = ${issuerOrgUnitId}`,
  );
  const row = rows[0];
  return { separateByType: row?.separate_by_type ?? true, issuerSymbol: row?.issuer_symbol ?? 'UBND' };
}

export async function setNumberingSettings(
  db: DbOrTx,
  issuerOrgUnitId: string,
  settings: Settings,
): Promise<void> {
  await db.execute(sql`
    insert into numbering_settings (issuer_org_unit_id, separate_by_type, issuer_symbol)
    values (${issuerOrgUnitId}, ${settings.separateByType}, ${settings.issuerSymbol})
    on conflict (issuer_org_unit_id) do update
      set separate_by_type = excluded.separate_by_type, issuer_symbol = excluded.issuer_symbol, updated_at = now()`);
}

/**
 * The next number of the body's register for the year, in the caller's transaction. The counter
 * row is locked by the upsert, so two issuers never get the same number; numbers the office
 * entered by hand ahead of the counter are skipped (NĐ 30/2020, Điều 15: each number once a year).
 */
export async function takeNextNumber(tx: DbOrTx, req: NumberRequest): Promise<IssuedNumber> {
  const settings = await numberingSettingsOf(tx, req.issuerOrgUnitId);
  const series = settings.separateByType ? req.typeCode : '*';
  for (;;) {
    const rows = await queryRows<{ last_number: number }>(
      tx,
      sql`insert into document_number_counters (issuer_org_unit_id, year, series, last_number)
          values (${req.issuerOrgUnitId}, ${req.year}, ${series}, 1)
          on conflict (issuer_org_unit_id, year, series)
          do update set last_number = document_number_counters.last_number + 1, updated_at = now()
          returning last_number`,
    );
    const number = Number(rows[0]?.last_number);
    const text = formatDocumentNumber(number, req.typeCode, settings.issuerSymbol);
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into document_numbers (issuer_org_unit_id, year, series, type_code, number, text, source, entity, entity_id)
          values (${req.issuerOrgUnitId}, ${req.year}, ${series}, ${req.typeCode}, ${number}, ${text}, 'register',
                  ${req.entity}, ${req.entityId})
          on conflict (issuer_org_unit_id, year, series, number) do nothing
          returning id`,
    );
    if (inserted.length > 0) return { number, text, series, source: 'register' };
  }
}

/**
 * A number entered from the office's own register (văn thư). Refused when the register already
 * holds it, so one number never names two documents.
 */
export async function recordOfficeNumber(
  tx: DbOrTx,
  req: NumberRequest & { number: number; text?: string },
): Promise<IssuedNumber> {
  if (!Number.isInteger(req.number) || req.number < 1) throw invalid('Số văn bản phải là số nguyên dương.');
  const settings = await numberingSettingsOf(tx, req.issuerOrgUnitId);
  const series = settings.separateByType ? req.typeCode : '*';
  const text = req.text ?? formatDocumentNumber(req.number, req.typeCode, settings.issuerSymbol);
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`insert into document_numbers (issuer_org_unit_id, year, series, type_code, number, text, source, entity, entity_id)
        values (${req.issuerOrgUnitId}, ${req.year}, ${series}, ${req.typeCode}, ${req.number}, ${text}, 'office',
                ${req.entity}, ${req.entityId})
        on conflict (issuer_org_unit_id, year, series, number) do nothing
        returning id`,
  );
  if (inserted.length === 0) {
    throw conflict(
      `Số ${text} năm ${req.year} đã được cấp cho văn bản khác trong sổ đăng ký.`,
      'NUMBERING.TAKEN',
    );
  }
  return { number: req.number, text, series, source: 'office' };
}

/** The numbers recorded for one document. */
export async function numbersOf(db: DbOrTx, entity: string, entityId: string): Promise<IssuedNumber[]> {
  const rows = await queryRows<{ number: number; text: string; series: string; source: NumberSource }>(
    db,
    sql`select number, text, series, source from document_numbers where entity = ${entity} and entity_id = ${entityId}`,
  );
  return rows.map((r) => ({ number: Number(r.number), text: r.text, series: r.series, source: r.source }));
}
