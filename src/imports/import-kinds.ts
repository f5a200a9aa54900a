import {
  orgUnitImportSpec,
  pastCommendationImportSpec,
  personImportSpec,
  yearlyFactImportSpec,
} from '../platform/xlsx/index.ts';

export const IMPORT_KINDS = ['people', 'org_units', 'facts', 'awards'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_SPECS = {
  people: personImportSpec,
  org_units: orgUnitImportSpec,
  facts: yearlyFactImportSpec,
  awards: pastCommendationImportSpec,
} as const;
