import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { openTestDatabase } from '../../testing/testDb';
import { dashboardIndicators } from '../../domain/dashboardIndicators';
import { coreIndicator } from '../../domain/indicators';
import type { PublishedFigure } from '../../domain/disclosure';
import { formatNumber, formatShort } from '../../reports/format';
import { pageInk, pdfText } from '../../reports/testing/pdfTools';
import { buildPlaquette, plaquetteSource, type PlaquetteSource } from './buildPlaquette';
import { getPopulation } from '../stats/populationCache';

let database: Database$;
let year: number;
let source: PlaquetteSource;

beforeAll(async () => {
  database = await openTestDatabase();
  // The published campaign (with a release) with the most responses: the one the plaquettes are made for.
  let best = 0;
  for (const y of await campaignYears(database.db)) {
    const pop = await getPopulation({ db: database.db, year: y, mode: 'published' }).catch(() => null);
    const n = pop?.records.length ?? 0;
    if (n > best) { best = n; year = y; }
  }
  source = await plaquetteSource({ db: database.db, year });
});
afterAll(() => database?.close());

describe('plaquettes', () => {
  for (const [level, code, name] of [['departement', '69', 'Rhône'], ['region', '84', 'Auvergne-Rhône-Alpes'], ['nation', undefined, 'France']] as const) {
    it(`renders the ${level} plaquette: pages with ink, the sections, the note on method`, async () => {
      const { pdf, filename } = await buildPlaquette({ db: database.db, year, level, code, source });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(filename).toMatch(/^plaquette-\d{4}-(france|region-84|departement-69)\.pdf$/);
      const ink = pageInk(pdf, `plaquette-${level}`);
      expect(ink.length).toBeGreaterThanOrEqual(3);
      for (const [i, share] of ink.entries()) expect(share, `page ${i + 1}`).toBeGreaterThan(0.004);
      const text = pdfText(pdf);
      for (const s of [name, 'Chiffres clés', 'Territoire', 'Actions et publics', 'Participation et gouvernance', 'Ressources humaines', 'Finances', 'Note de méthode', 'Secret statistique', `${year}`]) {
        expect(text, s).toContain(s);
      }
      if (level !== 'nation') expect(text).toContain('France'); // the national column
      if (level === 'departement') {
        const one = source.structures.find((s) => s.departementCode === '69')!;
        expect(text).toContain(one.name);
        expect(text).toContain('Rhône dans sa région (Auvergne-Rhône-Alpes)'); // its map among the région's départements
      }
    });
  }

  it('gives the same bytes for the same figures (rendered twice)', async () => {
    const a = await buildPlaquette({ db: database.db, year, level: 'departement', code: '69', source: { ...source, memo: new Map() } });
    const b = await buildPlaquette({ db: database.db, year, level: 'departement', code: '69', source: { ...source, memo: new Map() } });
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('prints a cell the gate withheld as « s », never as its number', async () => {
    const pop = await getPopulation({ db: database.db, year, mode: 'published' });
    const printed = (f: PublishedFigure) => f.territory.level === 'departement' && f.cell.state === 'suppressed' && (dashboardIndicators as readonly string[]).includes(f.indicator)
      && (coreIndicator(f.indicator)!.unit === 'yesno' ? f.stat === 'share' : coreIndicator(f.indicator)!.aggregate === 'sum' ? f.stat === 'sum' || f.stat === 'mean' : f.stat === 'median');
    // The département whose plaquette withholds the most cells.
    const byDep = new Map<string, PublishedFigure[]>();
    for (const f of source.table.filter(printed)) byDep.set(f.territory.code, [...(byDep.get(f.territory.code) ?? []), f]);
    const [code, withheld] = [...byDep.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    expect(withheld.length).toBeGreaterThan(0);
    const text = pdfText((await buildPlaquette({ db: database.db, year, level: 'departement', code, source })).pdf);
    const lines = text.split('\n');
    for (const f of withheld) {
      const ind = coreIndicator(f.indicator)!;
      const xs = pop.records.filter((r) => r.attributes.departementCode === code).map((r) => r.values[f.indicator])
        .map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)).filter((v): v is number => typeof v === 'number');
      const sum = xs.reduce((a, b) => a + b, 0);
      const sorted = [...xs].sort((a, b) => a - b);
      const truth = ind.unit === 'yesno' ? [formatNumber(sum / xs.length, 'yesno')]
        : f.stat === 'median' ? [formatNumber(sorted[Math.floor(sorted.length / 2)], ind.unit)]
        : [formatNumber(sum, ind.unit), formatShort(sum, ind.unit), formatNumber(sum / xs.length, ind.unit)];
      const line = lines.find((l) => l.includes(`${ind.label} (`));
      expect(line, ind.label).toBeDefined();
      // Columns: label, [total,] this territory, France.
      const cols = line!.trim().split(/\s{2,}/);
      const shown = ind.aggregate === 'sum' ? (f.stat === 'sum' ? cols[1] : cols[2]) : cols[1];
      expect(shown, `${ind.label} (${f.stat}) in ${code}: ${line}`).toMatch(/^s[a-d]?$/);
      for (const t of truth) expect(cols.slice(1, -1), `${ind.label} = ${t}`).not.toContain(t);
    }
    expect(text).toMatch(/masquées? :/);
  });

  it('answers unknown territories and years in French', async () => {
    await expect(buildPlaquette({ db: database.db, year, level: 'departement', code: '00', source })).rejects.toThrow(/introuvable/);
    await expect(buildPlaquette({ db: database.db, year: 1999, level: 'nation' })).rejects.toThrow(/Aucune campagne/);
  });
});
