import { partnerKinds } from '../../domain/partners/partner';
import { actionFields } from '../../domain/indicators';

export const kindOptions = partnerKinds.map(([value, label]) => ({ value, label }));
export const themeOptions = actionFields.map(([value, label]) => ({ value, label }));
export { partnerKindLabel, partnerThemeLabel } from '../../domain/partners/partner';

export interface PartnerItem { id: number; kind: string; name: string; siret: string | null; themes: string[] }
