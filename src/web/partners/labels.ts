import { partnerKinds } from '../../domain/partners/partner';
import type { ApiResponse } from '../../http/apiTypes';
import { actionFields } from '../../domain/indicators';

export const kindOptions = partnerKinds.map(([value, label]) => ({ value, label }));
export const themeOptions = actionFields.map(([value, label]) => ({ value, label }));
export { partnerKindLabel, partnerThemeLabel } from '../../domain/partners/partner';

/** A declared partner, as GET /api/structures/:id/partners lists it. */
export type PartnerItem = ApiResponse<'get', `/structures/${number}/partners`>['partners'][number];
