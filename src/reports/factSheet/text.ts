import { kindLabel } from '../../domain/labels';
import type { PublishedCell, SuppressionRule } from '../../domain/disclosure';
import type { Unit } from '../../domain/indicators';
import { cellString, formatNumber, NO_DATA_MARK, ruleLetters, ruleNotes } from '../format';

/**
 * The words of a centre's fact sheet, shared by the PDF (document.ts) and the web page
 * (`GET /api/structures/:id/fact-sheet?format=json`), so both say exactly the same thing.
 */

export type Position = 'below_q1' | 'q1_to_median' | 'median_to_q3' | 'above_q3';

export interface FactSheetInput {
  year: number;
  structure: { name: string; kind: 'CS' | 'EVS' | string; communeName: string; postalCode: string | null; departementName: string };
  ownState: string | null;
  peers: { size: number | null };
  indicators: { code: string; label: string; unit: Unit | string; value: number | boolean | null; group: Record<string, PublishedCell>; position: Position | null }[];
  evolution: { code: string; years: { year: number; value: number | boolean | null; group: PublishedCell }[] }[];
}

const positionText: Record<Position, string> = {
  below_q1: 'dans le quart des structures comparables aux valeurs les plus basses',
  q1_to_median: 'sous la médiane des structures comparables',
  median_to_q3: 'au-dessus de la médiane des structures comparables',
  above_q3: 'dans le quart des structures comparables aux valeurs les plus hautes',
};
export const positionShort: Record<Position, string> = {
  below_q1: 'quart le plus bas', q1_to_median: 'sous la médiane', median_to_q3: 'au-dessus de la médiane', above_q3: 'quart le plus haut',
};

const stateText: Record<string, string> = {
  validated: 'validée', locked: 'validée et close', submitted: 'transmise, en attente de validation', returned: 'renvoyée pour compléments',
  in_progress: 'en cours de saisie', not_started: 'non commencée',
};

/** The structure's own value as text: yes/no in words, numbers in French. */
export function ownText(value: number | boolean | null, unit: string): string {
  if (value === null) return NO_DATA_MARK;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return unit === 'yesno' ? (value ? 'oui' : 'non') : formatNumber(value, unit);
}

/** The sentences of "En bref": one per key indicator, for readers who will not read a table. */
function sentence(i: FactSheetInput['indicators'][number]): string | null {
  const own = i.value;
  if (i.unit === 'yesno') {
    const share = i.group.share;
    const shareText = share?.state === 'value' ? `${formatNumber(share.value, 'yesno')} des structures comparables` : 'la part des structures comparables n’est pas publiée (secret statistique)';
    return `${i.label} : ${own === null ? 'sans réponse' : own ? 'oui' : 'non'} ; ${share?.state === 'value' ? `c’est le cas de ${shareText}` : shareText}.`;
  }
  if (typeof own !== 'number') return `${i.label} : pas de réponse cette année.`;
  const q = i.group;
  const range = q.q1?.state === 'value' && q.q3?.state === 'value' && q.median?.state === 'value'
    ? `la moitié des structures comparables se situent entre ${formatNumber(q.q1.value, i.unit)} et ${formatNumber(q.q3.value, i.unit)} (médiane ${formatNumber(q.median.value, i.unit)})`
    : 'les chiffres du groupe ne sont pas publiés (secret statistique)';
  return `${i.label} : ${formatNumber(own, i.unit)} ; ${range}.${i.position ? ` Votre structure se situe ${positionText[i.position]}.` : ''}`;
}

export const KEY = ['participation.adherents', 'participation.benevoles', 'actions.familles.personnes', 'actions.acces_droits.personnes', 'rh.etp.animation', 'finances.produits', 'finances.financement.communes', 'projet.participation_diagnostic'];

/** The opening paragraph: who the structure is compared with, how the group is summarised, its response's state. */
export function introText(input: FactSheetInput): string {
  const peers = input.peers.size ? `${formatNumber(input.peers.size, 'count')} structures comparables` : 'des structures comparables';
  return `Cette fiche situe la structure parmi ${peers} : ses plus proches voisines par taille de commune, type de territoire et activités. `
    + `Les chiffres du groupe sont publiés après contrôle du secret statistique : le groupe est résumé par ses quartiles — un quart des structures comparables est sous le premier, la moitié sous la médiane, les trois quarts sous le troisième — et aucune valeur d’une autre structure n’est donnée. `
    + `Réponse de la structure pour ${input.year} : ${input.ownState ? stateText[input.ownState] ?? input.ownState : 'aucune'}.`;
}

/** "En bref": one sentence per key indicator answered. */
export function summarySentences(input: FactSheetInput): string[] {
  return KEY.map((c) => input.indicators.find((i) => i.code === c)).filter((i) => i !== undefined).map(sentence).filter((x): x is string => x !== null);
}

/** The group's figure as plain text: quartiles, the share of « oui », or « s (lettre) » / « – ». */
function groupString(group: Record<string, PublishedCell>, unit: string): string {
  if (unit === 'yesno') return `${cellString(group.share, 'yesno')} des structures`;
  if (group.q1?.state === 'value' && group.median?.state === 'value' && group.q3?.state === 'value') {
    return `${formatNumber(group.q1.value, unit)} – ${formatNumber(group.median.value, unit)} – ${formatNumber(group.q3.value, unit)}`;
  }
  return cellString([group.median, group.q1, group.q3].find((c) => c?.state === 'suppressed') ?? group.median, unit);
}

/**
 * The fact sheet as plain texts and tables, for the web page.
 * @example factSheetView(await factSheetData({ db, actor, structureId: 12, year: 2025 })).sentences[0]
 */
export function factSheetView(input: FactSheetInput) {
  const s = input.structure;
  const rules = new Set<SuppressionRule>();
  for (const i of input.indicators) for (const c of Object.values(i.group)) if (c.state === 'suppressed') rules.add(c.rule);
  for (const e of input.evolution) for (const y of e.years) if (y.group.state === 'suppressed') rules.add(y.group.rule);
  const years = input.evolution[0]?.years.map((y) => y.year) ?? [];
  return {
    year: input.year,
    structure: { ...s, kindLabel: kindLabel(s.kind) },
    intro: introText(input),
    sentences: summarySentences(input),
    indicators: input.indicators.map((i) => ({ code: i.code, label: i.label, own: ownText(i.value, i.unit), group: groupString(i.group, i.unit), position: i.position ? positionShort[i.position] : NO_DATA_MARK })),
    evolution: {
      years,
      rows: KEY.flatMap((code) => {
        const ind = input.indicators.find((i) => i.code === code);
        const ev = input.evolution.find((e) => e.code === code);
        return ind && ev ? [{ code, label: ind.label, cells: ev.years.map((y) => ({ own: ownText(y.value, ind.unit), group: cellString(y.group, ind.unit) })) }] : [];
      }),
    },
    notes: [...rules].map((r) => ({ letter: ruleLetters[r], text: ruleNotes[r] })),
  };
}
