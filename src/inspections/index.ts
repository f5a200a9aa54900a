export { inspectionsRoutes } from './inspections.routes.ts';
export { summarizeInspections } from './summarize-inspections.ts';
export { inspectionPlans, inspectionUnits, inspectionTasks } from './inspections.schema.ts';
