import type { IndicatorSpec } from '../aggregation/contributions';
import type { AggregationRecord } from '../aggregation/record';
import { essProfile } from './profile';

/**
 * Per-structure values derived from the ESS profile, added to each aggregation record so that territory
 * figures go out through the disclosure gate like any indicator. Codes live in their own `ess.` namespace.
 */
export const essIndicators = [
  { code: 'ess.association', unit: 'yesno', aggregate: 'share', disclosure: 'count', label: 'Structures associatives (ESS par leur statut)' },
  { code: 'ess.gouvernance_democratique', unit: 'yesno', aggregate: 'share', disclosure: 'count', label: 'Gouvernance démocratique établie par les réponses' },
  { code: 'ess.parite_ca', unit: 'yesno', aggregate: 'share', disclosure: 'count', label: 'Conseil d’administration paritaire (chaque sexe ≥ 40 %)' },
  { code: 'ess.taux_presence_ag', unit: 'share', aggregate: 'median', disclosure: 'count', label: 'Présents à l’AG pour 100 adhérents' },
  { code: 'ess.part_habitants_ca', unit: 'share', aggregate: 'median', disclosure: 'count', label: 'Part d’habitants ou d’usagers au CA (%)' },
  { code: 'ess.part_institutions_ca', unit: 'share', aggregate: 'median', disclosure: 'count', label: 'Part de représentants d’institutions au CA (%)' },
  { code: 'ess.bonnes_pratiques', unit: 'count', aggregate: 'median', disclosure: 'count', label: 'Thèmes du guide des bonnes pratiques attestés (sur 8)' },
] as const satisfies readonly (IndicatorSpec & { label: string })[];

export type EssIndicatorCode = (typeof essIndicators)[number]['code'];

/**
 * The derived values of one record (null where the profile cannot say).
 * @example essValues('association', answers)['ess.association'] // true
 */
export function essValues(management: string | null, answers: Readonly<Record<string, unknown>>): Record<EssIndicatorCode, number | boolean | null> {
  const p = essProfile(management, answers);
  const gov = p.criteria.find((c) => c.key === 'gouvernance_democratique')!;
  const parity = p.goodPractice.find((c) => c.key === 'egalite_femmes_hommes')!;
  const known = (s: string) => (s === 'unknown' ? null : s === 'met');
  return {
    'ess.association': management === null ? null : management === 'association',
    'ess.gouvernance_democratique': known(gov.state),
    'ess.parite_ca': known(parity.state),
    'ess.taux_presence_ag': p.facts.agAttendance,
    'ess.part_habitants_ca': p.facts.boardInhabitantsShare,
    'ess.part_institutions_ca': p.facts.boardInstitutionsShare,
    'ess.bonnes_pratiques': p.goodPractice.filter((g) => g.state === 'met').length,
  };
}

/**
 * Every record of a population with its ESS values added (the whole population, never a subset: the gate's
 * complement and secondary rules need it all). Records carry numeric and yes/no answers only: `texts` adds
 * the few text answers the profile reads (collective agreement, date of the general assembly).
 * @example preparePopulation(withEssValues(pop.records))
 */
export function withEssValues(records: readonly AggregationRecord[], texts: ReadonlyMap<number, Readonly<Record<string, string>>> = new Map()): AggregationRecord[] {
  return records.map((r) => ({ ...r, values: { ...r.values, ...essValues(r.attributes.management, { ...r.values, ...texts.get(r.structureId) }) } }));
}
