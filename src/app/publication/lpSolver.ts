import type { LpSolver } from '../../domain/disclosure';

let solver: Promise<LpSolver> | undefined;

/**
 * HiGHS, loaded once per thread (a WebAssembly module): the release audit runs in the heavy-work pool
 * (src/app/infra/heavy/tasks.ts), so each worker thread loads its own.
 * @example auditRelease(await lpSolver(), population, table)
 */
export const lpSolver = (): Promise<LpSolver> => (solver ??= import('highs').then((m) => m.default() as Promise<LpSolver>));
