import {
  readImportRows,
  type AnyImportColumn,
  type ImportIssue,
  type ImportSource,
  type ImportSpec,
} from '../platform/xlsx/index.ts';
import { foldVietnamese, vietnameseNameSortKey } from '../platform/text/index.ts';
import type { OrgDirectory, OrgUnitRow } from '../organizations/index.ts';
import { IMPORT_SPECS, type ImportKind } from './import-kinds.ts';

/** At most this many problems are kept; the count of the rest is reported. */
export const MAX_ERRORS = 500;

export type Staged = Record<string, unknown>;
export type StagedRow = [rowNo: number, data: Staged];
export type Letters = Map<string, { letter: string; header: string }>;

/**
 * What reading a workbook yields, in order: the header found, progress, batches of valid rows
 * ready to stage (a JSON array of `[rowNo, data]`), and the end with every problem found.
 * The same events come from the reader thread (read-rows.ts) and from reading in place.
 */
export type ReadEvent =
  | { type: 'sheet'; encoding: string; columns: { key: string; header: string; letter: string }[] }
  | { type: 'progress'; rowsRead: number }
  | { type: 'batch'; json: string; rows: number; rowsRead: number }
  | { type: 'end'; rowsRead: number; errorCount: number; errors: ImportIssue[] };

/** What every row of one import is staged against; unit codes are resolved once per code. */
export type StageContext = {
  kind: ImportKind;
  directory: OrgDirectory;
  writeOrgIds: ReadonlySet<string>;
  today: string;
  letters: Letters;
  units: Map<string, OrgUnitRow | undefined>;
};

export function stageContext(
  kind: ImportKind,
  directory: OrgDirectory,
  writeOrgIds: ReadonlySet<string>,
  today: string,
): StageContext {
  return { kind, directory, writeOrgIds, today, letters: new Map(), units: new Map() };
}

export function issueAt(rowNumber: number, letters: Letters, key: string, message: string): ImportIssue {
  const col = letters.get(key);
  return {
    rowNumber,
    column: col?.letter ?? null,
    header: col?.header ?? null,
    message: col
      ? `Dòng ${rowNumber}, cột ${col.letter} (${col.header}): ${message}`
      : `Dòng ${rowNumber}: ${message}`,
  };
}

function unitByCode(ctx: StageContext, code: string): OrgUnitRow | undefined {
  if (!ctx.units.has(code)) {
    ctx.units.set(code, ctx.directory.byCode(code, ctx.today) ?? ctx.directory.byCode(code));
  }
  return ctx.units.get(code);
}

/** The row's values without the empty ones: the staged JSON stays small (`->>` reads null). */
function withoutNulls(values: Record<string, unknown>): Staged {
  const out: Staged = {};
  for (const key in values) if (values[key] !== null && values[key] !== undefined) out[key] = values[key];
  return out;
}

/**
 * Turns a parsed row into what is staged: codes resolved to ids within the caller's write scope,
 * derived columns (sort key, search text) computed here in JavaScript, the one place they are.
 */
export function stageRow(
  ctx: StageContext,
  values: Record<string, unknown>,
  rowNumber: number,
): { data: Staged } | { errors: ImportIssue[] } {
  const { kind, letters, directory, writeOrgIds } = ctx;
  const unitFor = (key: string, required: boolean) => {
    const code = values[key] as string | null | undefined;
    if (!code)
      return required ? { error: issueAt(rowNumber, letters, key, 'chưa nhập mã đơn vị.') } : { id: null };
    const unit = unitByCode(ctx, code);
    if (!unit || !writeOrgIds.has(unit.id)) {
      return {
        error: issueAt(
          rowNumber,
          letters,
          key,
          `không tìm thấy đơn vị có mã "${code}" trong phạm vi của bạn.`,
        ),
      };
    }
    return { id: unit.id, provinceCode: unit.provinceCode };
  };
  switch (kind) {
    case 'people': {
      const unit = unitFor('unitCode', true);
      if ('error' in unit) return { errors: [unit.error!] };
      const fullName = values.fullName as string;
      const data = withoutNulls(values);
      data.orgUnitId = unit.id;
      data.provinceCode = unit.provinceCode;
      data.nameSortKey = vietnameseNameSortKey(fullName);
      data.nameSearch = foldVietnamese(fullName);
      data.startDate ??= ctx.today;
      return { data };
    }
    case 'facts':
      if (!values.personCode && !values.citizenId) {
        return {
          errors: [
            issueAt(rowNumber, letters, 'personCode', 'cần mã cán bộ hoặc số CCCD để xác định người.'),
          ],
        };
      }
      return { data: withoutNulls(values) };
    case 'awards': {
      const unit = unitFor('unitCode', false);
      if ('error' in unit) return { errors: [unit.error!] };
      if (!unit.id && !values.personCode && !values.citizenId) {
        return {
          errors: [
            issueAt(rowNumber, letters, 'personCode', 'cần mã cán bộ, số CCCD hoặc mã đơn vị (tập thể).'),
          ],
        };
      }
      return { data: { ...withoutNulls(values), orgUnitId: unit.id } };
    }
    case 'org_units': {
      const parentCode = values.parentCode as string | null;
      if (parentCode) {
        const parent = directory.byCode(parentCode);
        if (parent && !writeOrgIds.has(parent.id)) {
          return {
            errors: [
              issueAt(
                rowNumber,
                letters,
                'parentCode',
                `đơn vị cấp trên "${parentCode}" nằm ngoài phạm vi của bạn.`,
              ),
            ],
          };
        }
      }
      return { data: values };
    }
  }
}

/**
 * Reads the workbook as a stream, validates every row and turns the valid ones into batches of
 * staged rows. Once a problem is found nothing will be published: batching stops, validation
 * goes on, so the user sees every problem of the file at once (up to MAX_ERRORS).
 */
export async function* stageRows(
  ctx: StageContext,
  source: ImportSource,
  batchSize: number,
): AsyncGenerator<ReadEvent> {
  const spec = IMPORT_SPECS[ctx.kind] as unknown as ImportSpec<readonly AnyImportColumn[]>;
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  let rowsRead = 0;
  let batch: StagedRow[] = [];
  const pending: ReadEvent[] = [];
  for await (const r of readImportRows(spec, source, {
    onProgress: (p) => pending.push({ type: 'progress', rowsRead: p.rowsRead }),
    onSheetInfo: (info) => {
      for (const c of info.columns) ctx.letters.set(c.key, { letter: c.letter, header: c.header });
      pending.push({ type: 'sheet', encoding: info.encoding, columns: info.columns });
    },
  })) {
    yield* pending.splice(0);
    rowsRead++;
    if (!r.ok) {
      errorCount += r.errors.length;
      if (errors.length < MAX_ERRORS) errors.push(...r.errors.slice(0, MAX_ERRORS - errors.length));
      continue;
    }
    const staged = stageRow(ctx, r.values as Record<string, unknown>, r.rowNumber);
    if ('errors' in staged) {
      errorCount += staged.errors.length;
      if (errors.length < MAX_ERRORS) errors.push(...staged.errors);
      continue;
    }
    if (errorCount === 0) {
      batch.push([r.rowNumber, staged.data]);
      if (batch.length >= batchSize) {
        yield { type: 'batch', json: JSON.stringify(batch), rows: batch.length, rowsRead };
        batch = [];
      }
    }
  }
  yield* pending.splice(0);
  if (errorCount === 0 && batch.length > 0) {
    yield { type: 'batch', json: JSON.stringify(batch), rows: batch.length, rowsRead };
  }
  yield { type: 'end', rowsRead, errorCount, errors };
}
