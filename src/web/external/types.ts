/** Shapes of the external data API, read from the routes' response schemas (src/http/routes/external/schema.ts). */
import type { ApiResponse } from '../../http/apiTypes';

export const roles = ['siret', 'name', 'commune', 'year', 'number', 'text', 'ignore'] as const;
export type Role = (typeof roles)[number];
/** The column mapping the page edits and sends back with the file (web-side state). */
export interface ColumnMapping { column: string; role: Role; field?: string; indicator?: string }
export interface Mapping { columns: ColumnMapping[] }
export type ImportReport = ApiResponse<'post', '/external/import'>;
export type FileProblem = ImportReport['problems'][number];
export type DatasetList = ApiResponse<'get', '/external/datasets'>;
export type Report = ApiResponse<'get', `/external/datasets/${string}/${string}/report`>;
export type PublishedCell = Report['aggregates'][number]['external'];
export type Territory = Report['aggregates'][number]['territory'];
/** A row of an imported data set matching could only propose, and its decision (src/app/external/externalProposals.ts). */
export type ReviewedRow = ApiResponse<'get', `/external/datasets/${string}/${string}/proposals`>['items'][number];
export type Candidate = ReviewedRow['candidates'][number];
