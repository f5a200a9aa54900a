import type { StatisticForm } from '../../contracts/dashboard.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import type { ExportSheet, ExportValue } from '../../platform/xlsx/index.ts';
import { awardCubeBetween } from '../dashboard/dashboard.queries.ts';
import { reportScope } from '../dashboard/scope.ts';
import { buildStatisticForm, reportingPeriod, type FormCode } from './statistic-forms.ts';

/** One statistical form for a body and year, from the award records of its subtree. */
export async function getStatisticForm(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  form: FormCode,
): Promise<StatisticForm> {
  const scope = await reportScope(ctx, orgUnitId, year);
  const directory = await ctx.deps.directory.get();
  // TĐKT statistics count the decisions of 01/12 of the year before to 30/11 (TT 02/2023/TT-BNV).
  const cells =
    form === '0602' || form === '0603'
      ? await awardCubeBetween(ctx.deps.database.db, scope.ids, year, reportingPeriod(year))
      : [];
  const enterpriseUnitIds = new Set(scope.ids.filter((id) => directory.get(id)?.kind === 'enterprise'));
  return buildStatisticForm({
    form,
    year,
    reporter: scope.body.name,
    cells,
    enterpriseUnitIds,
    // The emulation module (movements) is being built beside this one; until it lands 0601 stays blank.
    movements: null,
  });
}

/** The form as two sheets: the table (row label, code, unit, one column per form column) and its header facts. */
export function statisticSheets(f: StatisticForm): ExportSheet<string>[] {
  const valueKeys = f.columns.map((_, i) => `c${i + 1}`);
  const table: ExportSheet<string> = {
    name: `Biểu ${f.form}`,
    columns: [
      { key: 'label', header: 'Chỉ tiêu', type: 'text', width: 60 },
      { key: 'code', header: 'Mã số', type: 'text', width: 8 },
      { key: 'unit', header: 'Đơn vị tính', type: 'text', width: 12 },
      ...f.columns.map((c, i) => ({ key: valueKeys[i]!, header: c, type: 'number' as const, width: 16 })),
    ],
    rows: f.rows.map((r) => {
      const out: Record<string, ExportValue> = { label: r.label, code: r.code, unit: r.unit };
      r.values.forEach((v, i) => (out[valueKeys[i]!] = v));
      return out;
    }),
  };
  const info: ExportSheet<string> = {
    name: 'Thông tin biểu',
    columns: [
      { key: 'k', header: 'Mục', type: 'text', width: 24 },
      { key: 'v', header: 'Nội dung', type: 'text', width: 100 },
    ],
    rows: [
      { k: 'Biểu số', v: f.symbol },
      { k: 'Tên biểu', v: f.title },
      { k: 'Căn cứ', v: f.basis },
      { k: 'Đơn vị báo cáo', v: f.reporter },
      { k: 'Năm báo cáo', v: String(f.year) },
      { k: 'Kỳ báo cáo', v: `${vnDate(f.period.from)} – ${vnDate(f.period.to)}` },
      { k: 'Ghi chú', v: f.note },
      ...f.provenance.map((p) => ({
        k: p.verified ? 'Đã đối chiếu' : 'Chưa đối chiếu',
        v: `${p.part}: ${p.source}`,
      })),
    ],
  };
  return [table, info];
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
