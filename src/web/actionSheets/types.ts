/** A fiche action as the API sends it (GET /api/action-sheets, /api/action-sheets/:id), read from the route's response schema. */
import type { ApiResponse } from '../../http/apiTypes';

export type ActionSheet = ApiResponse<'get', `/action-sheets/${number}`>;
export type Theme = ApiResponse<'get', '/action-sheets/themes'>['items'][number];
