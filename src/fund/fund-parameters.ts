import { defaultProvinceParameters, regimeFor } from '../rules/index.ts';
import type { OrgDirectory } from '../organizations/index.ts';

/** The fund cap ratio of a body's province for a year (NĐ 98/2023 Điều 50; NĐ 152/2025 Điều 46 khoản 3 điểm b). */
export function fundCapRatioFor(directory: OrgDirectory, orgUnitId: string, year: number): number {
  const provinceCode = directory.get(orgUnitId)?.provinceCode ?? '';
  const params = defaultProvinceParameters(provinceCode, year);
  return params.regimes[regimeFor(`${year}-12-31`, null).code].fundCapRatio.value;
}
