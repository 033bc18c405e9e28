import type { Actor } from '../domain/roles';

/**
 * External data sets. Import: national administrators only — the data sets compared (ELISFA, CAF,
 * INSEE) are national files, and a file replaces the data set for every territory. Reports: national
 * administrators, regional coordinators and départemental correspondents; each sees the structure-level
 * lines of the structures they review only (structurePolicy.review), aggregates through the gate for all.
 */
export const externalPolicy = {
  import: (a: Actor) => a.memberships.some((m) => m.role === 'national_admin'),
  read: (a: Actor) => a.memberships.some((m) => m.role === 'national_admin' || m.role === 'regional_coordinator' || m.role === 'correspondent'),
} as const;
