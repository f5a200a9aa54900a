// Public API of the emulation module: movements, targets, the staff conference, registrations
// and covenants. Inspections live elsewhere.
export { emulationRoutes } from './emulation.routes.ts';
export {
  MOVEMENT_STATUSES,
  MOVEMENT_STATUS_LABELS,
  movementTransition,
  registrationRequired,
  type MovementAction,
  type MovementStatus,
} from './movement-status.ts';
export { getMovement, type MovementRecord } from './emulation.repository.ts';
export {
  covenantArticles,
  emulationCovenants,
  emulationMovements,
  movementTargets,
  staffConferences,
  targetProgress,
  titleRegistrations,
} from './emulation.schema.ts';
