export { importRoutes } from './imports.routes.ts';
export { discardStaleImports } from './discard-stale-imports.ts';
export {
  runImport,
  createImportJob,
  IMPORT_KINDS,
  IMPORT_SPECS,
  type ImportKind,
  type ImportOutcome,
} from './run-import.ts';
export { exportPeople } from './export-people.ts';
export { importJobs, importStaging } from './imports.schema.ts';
