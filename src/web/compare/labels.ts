import { dashboardIndicators } from '../../domain/dashboardIndicators';
import { coreIndicator, sections, type Section } from '../../domain/indicators';
import { filterValues, type FilterDimension } from '../../domain/aggregation/filters';
import { cellText, formatValue } from '../../domain/charts/theme';
import { approvalLabel, kindLabel, managementLabel, npnruStageLabel, qpvLabel, territoryTypeLabel } from '../lib/labels';
import type { Cell, Position } from './types';

export const sectionLabels: Record<Section, string> = {
  identite: 'Identité', territoire: 'Territoire', projet: 'Projet social', actions: 'Actions et publics',
  participation: 'Participation et gouvernance', partenariats: 'Partenariats', rh: 'Ressources humaines', finances: 'Finances', theme: 'Thème de l’année',
};

/** The dashboard indicators grouped by section, in questionnaire order. */
export const indicatorGroups = sections.flatMap((s) => {
  const items = dashboardIndicators.filter((c) => c.startsWith(`${s}.`)).map((c) => ({ code: c, label: coreIndicator(c)?.label ?? c, unit: coreIndicator(c)?.unit ?? 'count' }));
  return items.length ? [{ section: s, label: sectionLabels[s], items }] : [];
});

export const indicatorLabel = (code: string) => coreIndicator(code)?.label ?? code;
export const indicatorUnit = (code: string) => coreIndicator(code)?.unit ?? 'count';

/** What people see by default: size, people, money. */
export const defaultIndicators = ['finances.produits', 'rh.etp.animation', 'participation.benevoles', 'participation.adherents', 'actions.familles.personnes', 'actions.numerique.oui'];

export const dimensionLabels: Record<FilterDimension, string> = {
  town_size: 'Taille de la commune', budget: 'Tranche de budget', territory_type: 'Territoire urbain ou rural', qpv: 'Quartier prioritaire (QPV)',
  npnru: 'Renouvellement urbain (NPNRU)', management: 'Mode de gestion', approval: 'Agrément', kind: 'Centre social ou EVS', federation: 'Adhésion à la fédération',
};

const townSize: Record<string, string> = { lt_2k: 'Moins de 2 000 habitants', '2k_10k': '2 000 à 10 000 habitants', '10k_50k': '10 000 à 50 000 habitants', '50k_200k': '50 000 à 200 000 habitants', gte_200k: 'Plus de 200 000 habitants' };
const budget: Record<string, string> = { lt_50k: 'Moins de 50 k€', '50k_150k': '50 à 150 k€', '150k_400k': '150 à 400 k€', '400k_1m': '400 k€ à 1 M€', gte_1m: '1 M€ et plus', unknown: 'Budget non renseigné' };

/** French label of a filter value. */
export function filterValueLabel(d: FilterDimension, v: string): string {
  switch (d) {
    case 'town_size': return townSize[v] ?? v;
    case 'budget': return budget[v] ?? v;
    case 'territory_type': return territoryTypeLabel(v);
    case 'qpv': return qpvLabel(v);
    case 'npnru': return npnruStageLabel(v);
    case 'management': return managementLabel(v);
    case 'approval': return approvalLabel(v);
    case 'kind': return kindLabel(v);
    case 'federation': return v === 'member' ? 'Adhérente' : 'Non adhérente';
  }
}
export const filterOptions = (d: FilterDimension) => (filterValues[d] as readonly string[]).map((v) => ({ value: v, label: filterValueLabel(d, v) }));

export const closenessLabel: Record<string, string> = { same: 'identique', different: 'différent', close: 'proche', comparable: 'comparable', far: 'éloigné', unknown: 'non renseigné' };
export const reasonLabels: [string, string][] = [['townSize', 'Taille de la commune'], ['territoryType', 'Urbain ou rural'], ['qpv', 'QPV'], ['renewal', 'Renouvellement urbain'], ['management', 'Gestion'], ['federation', 'Fédération'], ['departement', 'Département']];

export const statLabels: Record<string, string> = { count: 'Structures', sum: 'Somme', mean: 'Moyenne', median: 'Médiane', q1: '1er quartile', q3: '3e quartile', share: 'Part' };

/** A cell as text for a table: the value, or why there is none. */
export const cellOrWhy = (c: Cell | undefined, unit: string) => cellText(c, unit);

/** An own answer as text. */
export function ownText(v: number | boolean | string | null | undefined, unit: string): string {
  if (v === null || v === undefined) return 'pas de réponse';
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (typeof v === 'string') return v; // an answer kept as text (the API's values allow it)
  return unit === 'yesno' ? (v ? 'Oui' : 'Non') : formatValue(v, unit);
}

/**
 * One plain-French sentence on where the structure stands.
 * @example positionSentence(…) // 'Avec 420 000 €, votre structure est au-dessus de la médiane de ses pairs (350 000 €), dans la moitié centrale du groupe.'
 */
export function positionSentence(i: { label: string; unit: string; value: number | boolean | null; group: Record<string, Cell>; position: Position | null }, who = 'votre structure'): string {
  const g = i.group;
  if (i.unit === 'yesno') {
    const share = g.share;
    const own = i.value === null ? `${who} n’a pas répondu` : (i.value === true || i.value === 1) ? `${who} le fait` : `${who} ne le fait pas`;
    return share?.state === 'value' ? `${capital(own)} ; ${formatValue(share.value, 'yesno')} de ses pairs le font.` : `${capital(own)} ; la part de ses pairs n’est pas publiée : ${cellText(share)}.`;
  }
  if (i.value === null || typeof i.value !== 'number') return `${capital(who)} n’a pas répondu à cette question cette année-là.`;
  const v = formatValue(i.value, i.unit);
  const med = g.median?.state === 'value' ? formatValue(g.median.value, i.unit) : null;
  switch (i.position) {
    case 'below_q1': return `Avec ${v}, ${who} fait partie du quart de ses pairs aux valeurs les plus basses (médiane du groupe : ${med}).`;
    case 'q1_to_median': return `Avec ${v}, ${who} est un peu en dessous de la médiane de ses pairs (${med}), dans la moitié centrale du groupe.`;
    case 'median_to_q3': return `Avec ${v}, ${who} est un peu au-dessus de la médiane de ses pairs (${med}), dans la moitié centrale du groupe.`;
    case 'above_q3': return `Avec ${v}, ${who} fait partie du quart de ses pairs aux valeurs les plus hautes (médiane du groupe : ${med}).`;
    default: {
      const withheld = [g.median, g.q1, g.q3].find((c) => c?.state === 'suppressed');
      return `Avec ${v}, ${who} ne peut pas être située, faute de quartiles publiés pour le groupe : ${cellText(withheld ?? { state: 'no_data' })}.`;
    }
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
