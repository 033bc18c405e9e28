/**
 * An example data set in the shape of the ELISFA branch observatory (employers of the ALISFA collective
 * agreement): per structure its SIRET, name, commune, year, headcount, FTE, contract types and collective
 * agreement. Generated deterministically from the observatory's own answers, with the divergences real
 * files have: headcounts at 31 December rather than over the year (±1–2), FTE rounded, a year's lag for
 * some structures, structures missing from the file, a few mistyped SIRETs (matched by name instead),
 * names written differently (« CS », capitals, no accents, « Association du … »), French number format.
 */
import { Random } from '../demo/random';
import { contractTypes } from '../indicators';
import { observedValue } from './indicators';
import type { DatasetMapping } from './types';

export interface ExampleSource {
  siret: string | null; name: string; communeName: string;
  answers: Readonly<Record<string, unknown>>;
  /** Last year's answers: some structures are reported with a year's lag. */
  previous?: Readonly<Record<string, unknown>>;
}

export const exampleHeader = ['SIRET', 'Raison sociale', 'Commune', 'Année', 'Effectif salarié', 'ETP', 'CDI', 'CDD', 'Contrats aidés', 'Convention collective'] as const;

/** The mapping of the example's columns (what `guessMapping` finds too). */
export const exampleMapping: DatasetMapping = {
  columns: [
    { column: 'SIRET', role: 'siret' }, { column: 'Raison sociale', role: 'name' }, { column: 'Commune', role: 'commune' }, { column: 'Année', role: 'year' },
    { column: 'Effectif salarié', role: 'number', field: 'effectif_total', indicator: 'rh.effectif.total' },
    { column: 'ETP', role: 'number', field: 'etp_total', indicator: 'rh.etp.total' },
    { column: 'CDI', role: 'number', field: 'cdi', indicator: 'rh.contrat.cdi' },
    { column: 'CDD', role: 'number', field: 'cdd', indicator: 'rh.contrat.cdd' },
    { column: 'Contrats aidés', role: 'number', field: 'contrats_aides', indicator: 'rh.contrat.aides' },
    { column: 'Convention collective', role: 'text', field: 'convention' },
  ],
};

const agreements: Record<string, string> = { alisfa: 'IDCC 1261 - ALISFA', eclat: 'IDCC 1518 - ECLAT', fonction_publique: 'Fonction publique territoriale', autre: 'Autre' };

const frenchNumber = (x: number, decimals: number) => {
  const [int, dec] = x.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return dec && Number(dec) !== 0 ? `${grouped},${dec.replace(/0+$/, '')}` : grouped;
};

function variantName(name: string, r: Random): string {
  const k = r.int(0, 4);
  if (k === 0) return name.replace(/^Centre social et culturel /, 'CSC ').replace(/^Centre social /, 'CS ').replace(/^Espace de vie sociale /, 'EVS ');
  if (k === 1) return name.toUpperCase();
  if (k === 2) return name.normalize('NFD').replace(/\p{M}/gu, '');
  if (k === 3) return `Association du ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return name.replace(/ – .*$/, '').replace(/-/g, ' ');
}

function mistypedSiret(siret: string, r: Random): string {
  const i = r.int(9, 12);
  const d = (Number(siret[i]) + r.int(1, 8)) % 10;
  return siret.slice(0, i) + d + siret.slice(i + 1);
}

/**
 * The example's rows (header first), as cells of a CSV or a sheet. Structures without staff answers are
 * not employers of the branch and are left out.
 * @example const grid = elisfaExample(sources, 2024); grid[0][0] // 'SIRET'
 */
export function elisfaExample(sources: readonly ExampleSource[], year: number, seed = 1261): string[][] {
  const root = new Random(seed + year);
  const grid: string[][] = [[...exampleHeader]];
  for (const s of sources) {
    const r = root.fork(s.siret ?? s.name);
    if (r.chance(0.07)) continue; // not in the branch file this year
    const lagged = s.previous && r.chance(0.05);
    const a = lagged ? s.previous! : s.answers;
    const headcount = observedValue(a, 'rh.effectif.total');
    const fte = observedValue(a, 'rh.etp.total');
    if (headcount === null && fte === null) continue;
    const drift = r.chance(0.12) ? r.pick([-2, -1, 1, 1, 2]) : 0;
    const contracts = Object.fromEntries(contractTypes.map(([c]) => [c, observedValue(a, `rh.contrat.${c}`)]));
    const cdi = contracts.cdi === null ? null : Math.max(0, contracts.cdi + Math.max(drift, 0));
    const siret = s.siret && r.chance(0.012) ? mistypedSiret(s.siret, r) : (s.siret ?? '');
    grid.push([
      siret.length === 14 && r.chance(0.3) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret,
      r.chance(0.12) ? variantName(s.name, r) : s.name,
      s.communeName,
      String(year),
      headcount === null ? '' : frenchNumber(Math.max(0, headcount + drift), 0),
      fte === null ? '' : frenchNumber(r.chance(0.5) ? Math.round(fte) : Math.round(fte * 10) / 10, 1),
      cdi === null ? '' : frenchNumber(cdi, 0),
      contracts.cdd === null ? '' : frenchNumber(contracts.cdd, 0),
      contracts.aides === null ? '' : frenchNumber(contracts.aides, 0),
      agreements[String(a['rh.convention'])] ?? '',
    ]);
  }
  return grid;
}
