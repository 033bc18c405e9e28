/** Shapes of the API answers the web app reads, read from the routes' response schemas (src/http/routes/<resource>/schema.ts). */

// Roles and memberships are the domain's own types (pure, no I/O), shared with the server.
export type { Membership, Role } from '../../domain/roles';
import type { ApiResponse } from '../../http/apiTypes';

export type Me = ApiResponse<'get', '/me'>;

/** A page of a list, as every list route sends it. */
export interface Page<T> { items: T[]; total: number }

export type Region = ApiResponse<'get', '/territories/regions'>['items'][number];
export type Departement = ApiResponse<'get', '/territories/departements'>['items'][number];

export type StructureSummary = ApiResponse<'get', '/structures'>['items'][number];
export type Structure = ApiResponse<'get', `/structures/${number}`>;
export type Approval = Structure['approvals'][number];

export type Member = ApiResponse<'get', `/structures/${number}/members`>['items'][number];
export type StructureResponse = ApiResponse<'get', `/structures/${number}/responses`>['items'][number];

export type Campaign = ApiResponse<'get', '/campaigns'>['items'][number];
export type Progress = ApiResponse<'get', `/campaigns/${number}/progress`>;
export type TerritoryResponse = ApiResponse<'get', `/campaigns/${number}/responses`>['items'][number];
