import type { ExportColumn, ExportSheet, ExportValue } from '../../platform/xlsx/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import type { EXPORT_TABLES } from '../../contracts/dashboard.ts';
import {
  getDashboard,
  getDrill,
  getFundForecast,
  getProvinceView,
  getTrend,
  getUnevenness,
} from './dashboard-views.ts';
import type { DrillFilter } from './dashboard.queries.ts';

export type ExportTable = (typeof EXPORT_TABLES)[number];
type Row = Record<string, ExportValue>;

const n = (key: string, header: string, width = 14): ExportColumn<string> => ({
  key,
  header,
  type: 'number',
  width,
});
const t = (key: string, header: string, width = 36): ExportColumn<string> => ({
  key,
  header,
  type: 'text',
  width,
});
const COUNTS = [
  n('collective', 'Tập thể'),
  n('individual', 'Cá nhân'),
  n('household', 'Hộ gia đình'),
  n('total', 'Tổng số'),
];

/**
 * The table behind each chart, as an Excel sheet (the same rows the page shows). Strings pass
 * through the writer's formula neutralization.
 */
export async function exportSheet(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  table: ExportTable,
  drill: DrillFilter & { unitId?: string | undefined; limit: number },
): Promise<{ sheet: ExportSheet<string>; fileName: string }> {
  const file = (what: string) => `${what}-${year}.xlsx`;
  switch (table) {
    case 'by-award':
    case 'by-field':
    case 'by-unit':
    case 'by-gender':
    case 'by-staff-category': {
      const d = await getDashboard(ctx, orgUnitId, year);
      if (table === 'by-award')
        return {
          fileName: file('khen-thuong-theo-hinh-thuc'),
          sheet: {
            name: 'Theo hình thức',
            columns: [t('label', 'Danh hiệu, hình thức'), ...COUNTS, n('amount', 'Tiền thưởng (đồng)', 18)],
            rows: d.byAward as Row[],
          },
        };
      if (table === 'by-unit')
        return {
          fileName: file('khen-thuong-theo-don-vi'),
          sheet: {
            name: 'Theo đơn vị',
            columns: [t('name', 'Đơn vị', 44), ...COUNTS, n('amount', 'Tiền thưởng (đồng)', 18)],
            rows: d.byUnit as Row[],
          },
        };
      const rows = table === 'by-field' ? d.byField : table === 'by-gender' ? d.byGender : d.byStaffCategory;
      const head = table === 'by-field' ? 'Lĩnh vực' : table === 'by-gender' ? 'Giới tính' : 'Đối tượng';
      return {
        fileName: file(`khen-thuong-${table}`),
        sheet: { name: head, columns: [t('label', head), n('count', 'Số lượt')], rows: rows as Row[] },
      };
    }
    case 'trend': {
      const v = await getTrend(ctx, orgUnitId, year - 9, year);
      return {
        fileName: file('xu-huong'),
        sheet: {
          name: 'Xu hướng',
          columns: [
            n('year', 'Năm', 8),
            n('titles', 'Danh hiệu'),
            n('forms', 'Hình thức khen thưởng'),
            ...COUNTS,
            n('amount', 'Tiền thưởng (đồng)', 18),
          ],
          rows: v.years as Row[],
        },
      };
    }
    case 'unevenness': {
      const v = await getUnevenness(ctx, orgUnitId, year);
      return {
        fileName: file('muc-do-tham-gia'),
        sheet: {
          name: 'Mức độ tham gia',
          columns: [
            t('name', 'Đơn vị', 44),
            n('members', 'Số người'),
            n('registrations', 'Đăng ký thi đua'),
            n('nominations', 'Đề nghị khen thưởng'),
            n('awards', 'Được khen thưởng'),
            n('nominationsPer100', 'Đề nghị/100 người'),
            n('awardsPer100', 'Khen thưởng/100 người'),
            n('index', 'Chỉ số tham gia'),
          ],
          rows: v.units as Row[],
        },
      };
    }
    case 'forecast': {
      const v = await getFundForecast(ctx, orgUnitId, year);
      return {
        fileName: file('du-bao-tien-thuong'),
        sheet: {
          name: 'Dự báo tiền thưởng',
          columns: [
            t('label', 'Danh hiệu, hình thức'),
            t('subjectKind', 'Đối tượng', 14),
            n('candidates', 'Số đề nghị'),
            n('unitAmount', 'Mức thưởng (đồng)', 18),
            n('total', 'Thành tiền (đồng)', 18),
            n('cumulative', 'Lũy kế (đồng)', 18),
          ],
          rows: v.lines.map((l) => ({ ...l, subjectKind: SUBJECT_LABELS[l.subjectKind] })) as Row[],
        },
      };
    }
    case 'province': {
      const v = await getProvinceView(ctx, orgUnitId, year);
      return {
        fileName: file('so-sanh-xa-phuong'),
        sheet: {
          name: 'So sánh xã, phường',
          columns: [
            t('name', 'Xã, phường', 36),
            n('members', 'Số người'),
            n('awards', 'Lượt khen thưởng'),
            n('collective', 'Tập thể'),
            n('individual', 'Cá nhân'),
            n('nominations', 'Đề nghị'),
            n('awardsPer100', 'Khen thưởng/100 người'),
            n('womenShare', 'Tỷ lệ nữ (%)'),
            n('leaderShare', 'Tỷ lệ lãnh đạo (%)'),
            n('amount', 'Tiền thưởng (đồng)', 18),
          ],
          rows: v.communes as Row[],
        },
      };
    }
    case 'drill': {
      const v = await getDrill(ctx, orgUnitId, year, drill);
      return {
        fileName: file('danh-sach-khen-thuong'),
        sheet: {
          name: 'Danh sách',
          columns: [
            t('subjectName', 'Tập thể, cá nhân', 32),
            t('unitName', 'Đơn vị', 36),
            t('awardLabel', 'Danh hiệu, hình thức', 32),
            n('achievementYear', 'Năm thành tích', 10),
            t('decisionNumber', 'Số quyết định', 16),
            { key: 'decisionDate', header: 'Ngày quyết định', type: 'date', width: 14 },
            n('amount', 'Tiền thưởng (đồng)', 18),
          ],
          rows: v.items as Row[],
        },
      };
    }
  }
}

const SUBJECT_LABELS: Record<string, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};
