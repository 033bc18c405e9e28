import type { PublishedCell, Territory } from './types';

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const ruleLabels: Record<string, string> = { min_size: 'trop peu de structures', dominance: 'une structure domine', complement: 'déductible par différence', secondary: 'protection secondaire', group: 'réponse unanime', release: 'changement depuis la version précédente' };

/** @example formatNumber(1234.5) // '1 234,5' */
export const formatNumber = (x: number | null | undefined) => (x === null || x === undefined ? '—' : nf.format(x));
/** @example formatShare(0.123) // '12,3 %' */
export const formatShare = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${nf.format(x * 100)} %`);
/** @example formatCorrelation(0.98765) // '0,988' */
export const formatCorrelation = (x: number | null) => (x === null ? '—' : x.toLocaleString('fr-FR', { minimumFractionDigits: 3, maximumFractionDigits: 3 }));

/** A published cell in words: the value, « secret » with its reason, or « sans donnée ». */
export function cellText(c: PublishedCell): string {
  if (c.state === 'value') return formatNumber(c.value);
  if (c.state === 'suppressed') return `secret (${ruleLabels[c.rule] ?? c.rule})`;
  return 'sans donnée';
}

const levelNames: Record<Territory['level'], string> = { nation: 'France', region: 'Région', departement: 'Département', epci: 'EPCI', commune: 'Commune' };
/** @example territoryName({ level: 'region', code: '84' }) // 'Région 84' */
export function territoryName(t: Territory): string {
  return t.level === 'nation' ? 'France' : `${levelNames[t.level]} ${t.code}`;
}

export const roleLabels: Record<string, string> = {
  siret: 'SIRET', name: 'Nom de la structure', commune: 'Commune', year: 'Année', number: 'Valeur chiffrée', text: 'Valeur texte', ignore: 'Ignorer',
};
