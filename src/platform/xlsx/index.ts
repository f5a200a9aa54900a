export { neutralizeCell, restoreNeutralizedText } from './neutralize.ts';
export { writeXlsxToStream, writeXlsxToBuffer, DATE_NUM_FMT } from './write-xlsx.ts';
export type { ExportColumn, ExportColumnType, ExportSheet, ExportValue } from './write-xlsx.ts';
export {
  defineImportSpec,
  textColumn,
  integerColumn,
  dateColumn,
  enumColumn,
  booleanColumn,
  parseDateCell,
  columnLetter,
  foldHeader,
} from './import-spec.ts';
export type {
  AnyImportColumn,
  CellValue,
  ColumnType,
  EnumOption,
  ImportColumn,
  ImportKind,
  ImportSpec,
  IsoDate,
  ParseResult,
  RowOf,
  RowProblem,
} from './import-spec.ts';
export { readImportRows, MAX_WORKBOOK_FILE_BYTES } from './read-import.ts';
export {
  checkWorkbook,
  checkWorkbookContent,
  checkWorkbookDirectory,
  DEFAULT_WORKBOOK_LIMITS,
  WORKBOOK_DAMAGED_CODE,
  WORKBOOK_LIMIT_CODE,
  TagScanner,
} from './workbook-limits.ts';
export type { WorkbookContentFacts, WorkbookDirectory, WorkbookLimits } from './workbook-limits.ts';
export type {
  ImportIssue,
  ImportProgress,
  ImportRowResult,
  ImportSheetInfo,
  ImportSource,
  ReadImportOptions,
} from './read-import.ts';
export { buildImportTemplate } from './template.ts';
export {
  orgUnitImportSpec,
  personImportSpec,
  yearlyFactImportSpec,
  pastCommendationImportSpec,
  ORG_UNIT_KIND_OPTIONS,
  GENDER_OPTIONS,
  STAFF_CATEGORY_OPTIONS,
  RATING_OPTIONS,
  ABSENCE_KIND_OPTIONS,
  DISCIPLINE_FORM_OPTIONS,
  INITIATIVE_SCOPE_OPTIONS,
  PAST_AWARD_OPTIONS,
  PAST_AWARD_CATEGORY,
} from './import-kinds.ts';
export type {
  OrgUnitKind,
  OrgUnitImportRow,
  Gender,
  StaffCategory,
  PersonImportRow,
  Rating,
  AbsenceKind,
  DisciplineForm,
  InitiativeScope,
  YearlyFactImportRow,
  PastAwardCode,
  PastAwardCategory,
  PastCommendationImportRow,
} from './import-kinds.ts';
