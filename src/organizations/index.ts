export * from './org-directory.ts';
export { DirectoryCache } from './directory-cache.ts';
export { organizationsRoutes, toOrgUnitDto } from './organizations.routes.ts';
export type { RestructureCarrier, UnitMove } from './restructure-org.ts';
export { insertOrgUnit, insertOrgEvent, closeOrgUnits, insertCluster } from './organizations.repository.ts';
export { orgUnits, orgEvents, emulationClusters, emulationClusterMembers } from './organizations.schema.ts';
