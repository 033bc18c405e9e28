import { actionFields, partnerTypes } from '../indicators';
import { isValidSiret } from '../siret';

/**
 * Partners a structure declares (who it works with), and what may be searched of them: only the partners of
 * structures whose director agreed to share them. Kinds are the questionnaire's partner types plus "other";
 * themes are its fields of action.
 */
export const partnerKinds = [...partnerTypes, ['autre', 'Autre partenaire']] as const;
export type PartnerKind = (typeof partnerKinds)[number][0];
export const partnerKindCodes = partnerKinds.map(([k]) => k) as [PartnerKind, ...PartnerKind[]];
export const partnerThemeCodes = actionFields.map(([k]) => k) as [string, ...string[]];
export const partnerKindLabel = (k: string) => partnerKinds.find(([c]) => c === k)?.[1] ?? k;
export const partnerThemeLabel = (t: string) => actionFields.find(([c]) => c === t)?.[1] ?? t;

export const MAX_THEMES = 6;
export const MAX_PARTNERS_PER_STRUCTURE = 200;

export interface PartnerInput { kind: string; name: string; siret?: string | null; themes?: readonly string[] }
export interface Partner { id: number; structureId: number; kind: PartnerKind; name: string; siret: string | null; themes: string[] }

/**
 * Checks and normalises a declared partner; returns French problems instead of throwing.
 * @example checkPartner({ kind: 'caf', name: ' CAF du Rhône ', themes: ['familles'] }) // { ok: true, value: { kind: 'caf', name: 'CAF du Rhône', siret: null, themes: ['familles'] } }
 */
export function checkPartner(input: PartnerInput): { ok: true; value: Omit<Partner, 'id' | 'structureId'> } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!(partnerKindCodes as readonly string[]).includes(input.kind)) problems.push(`Type de partenaire inconnu : « ${input.kind} ».`);
  if (name.length < 2 || name.length > 120) problems.push('Le nom du partenaire doit compter de 2 à 120 caractères.');
  const siret = input.siret ? input.siret.replace(/\s/g, '') : null;
  if (siret && !isValidSiret(siret)) problems.push(`Le numéro SIRET « ${input.siret} » n’est pas valide (14 chiffres, clé de contrôle).`);
  const themes = [...new Set(input.themes ?? [])];
  const unknown = themes.filter((t) => !partnerThemeCodes.includes(t));
  if (unknown.length) problems.push(`Thème inconnu : ${unknown.map((t) => `« ${t} »`).join(', ')}.`);
  if (themes.length > MAX_THEMES) problems.push(`Au plus ${MAX_THEMES} thèmes par partenaire.`);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { kind: input.kind as PartnerKind, name, siret, themes: themes.sort((a, b) => partnerThemeCodes.indexOf(a) - partnerThemeCodes.indexOf(b)) } };
}

/**
 * The identity of a partner across structures: its SIRET when given, else its kind and normalised name
 * (case, accents and punctuation ignored), so "CAF du Rhône" and "Caf du rhone" are one node.
 * @example partnerIdentity({ kind: 'caf', name: 'CAF du Rhône', siret: null }) // 'caf:caf du rhone'
 */
export function partnerIdentity(p: { kind: string; name: string; siret: string | null }): string {
  if (p.siret) return `siret:${p.siret}`;
  const n = p.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return `${p.kind}:${n}`;
}
