import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../interchange/answerTable';
import { pearson, spearman } from '../stats';
import { withLuhnDigit } from '../siret';
import { analyseTable, rowIdentity } from './analyse';
import { beyondTolerance, concordanceReport, type ConcordanceInput } from './concordance';
import { concordanceTables } from '../../app/external/externalReportTables';
import { decodeText } from './encoding';
import { elisfaExample, exampleMapping } from './example';
import { comparableIndicator } from './indicators';
import { checkMapping, guessMapping } from './mapping';
import { indexDirectory, matchRow, type DirectoryEntry } from './matching';
import { nameSimilarity } from './names';
import { parseFrenchNumber } from './numbers';
import type { AggregationRecord } from '../aggregation/record';
import { publish } from '../disclosure';

const siret = (n: number) => withLuhnDigit(String(7328293200000 + n * 17).padStart(13, '0'));
const directory: DirectoryEntry[] = [
  { id: 1, siret: siret(1), name: 'Centre social de la Croix-Rousse', communeCode: '69123', communeName: 'Lyon' },
  { id: 2, siret: siret(2), name: 'Centre social Bellevue', communeCode: '69123', communeName: 'Lyon' },
  { id: 3, siret: siret(3), name: 'Espace de vie sociale Les Tilleuls', communeCode: '42218', communeName: 'Saint-Étienne' },
  { id: 4, siret: siret(4), name: 'Centre social Jean Moulin', communeCode: '13055', communeName: 'Marseille' },
  { id: 5, siret: siret(5), name: 'Centre social Jean Jaurès', communeCode: '13055', communeName: 'Marseille' },
];

describe('French numbers', () => {
  it.each([
    ['1 234,5', 1234.5], ['1\u202f234,5', 1234.5], ['1\u00a0234', 1234], ['1.234,5', 1234.5], ['1.234.567', 1234567], ['12,5', 12.5],
    ['12.5', 12.5], ['12 %', 12], ['15 k€', 15000], ['1,2 M€', 1200000], ['3 500 €', 3500], ['-4', -4], [7, 7],
  ] as const)('reads %s', (cell, value) => expect(parseFrenchNumber(cell)).toEqual({ ok: true, value }));
  it('leaves blanks empty and refuses what is not a number', () => {
    expect(parseFrenchNumber(null)).toBeNull();
    expect(parseFrenchNumber('  ')).toBeNull();
    for (const bad of ['douze', '12,5,3', '1 2a', '12-3', '1,234.5']) expect(parseFrenchNumber(bad)?.ok).toBe(false);
  });
});

describe('encoding', () => {
  it('reads UTF-8 (with BOM) and Windows-1252', () => {
    expect(decodeText(new TextEncoder().encode('\ufeffnom\nCréteil'))).toEqual({ ok: true, text: 'nom\nCréteil', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0x6e, 0x0a, 0x43, 0x72, 0xe9, 0x74, 0x92]))).toEqual({ ok: true, text: 'n\nCrét’', encoding: 'windows-1252' });
  });
  it('refuses a file converted twice, with its line', () => {
    const r = decodeText(new TextEncoder().encode('nom;commune\nCentre;CrÃ©teil\n'));
    expect(r).toMatchObject({ ok: false, line: 2 });
    expect(!r.ok && r.message).toMatch(/Encodage abîmé/);
  });
});

describe('matching', () => {
  const index = indexDirectory(directory);
  it('matches by SIRET first, spaces allowed', () => {
    expect(matchRow(index, { siret: siret(2).replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 '), name: 'nimporte', commune: '' })).toMatchObject({ structureId: 2, method: 'siret' });
  });
  it('falls back to the name in the commune when the SIRET is wrong, and says so', () => {
    const wrong = siret(1).slice(0, 13) + ((Number(siret(1)[13]) + 1) % 10);
    const m = matchRow(index, { siret: wrong, name: 'CS CROIX ROUSSE', commune: 'LYON' });
    expect(m).toMatchObject({ structureId: 1, method: 'name' });
    expect(m.note).toMatch(/SIRET invalide/);
  });
  it('proposes a likely match and refuses an unknown one', () => {
    expect(matchRow(index, { siret: null, name: 'Les Tilleul', commune: 'St-Etienne' })).toMatchObject({ structureId: 3, method: 'proposal' });
    expect(matchRow(index, { siret: null, name: 'Centre social Jean', commune: 'Marseille' }).method).not.toBe('name');
    expect(matchRow(index, { siret: null, name: 'Maison des Lilas', commune: 'Brest' })).toMatchObject({ structureId: null, method: 'none' });
  });
  it('scores names without their generic prefix', () => {
    expect(nameSimilarity('Association du centre social Jean-Moulin', 'Centre social Jean Moulin')).toBe(1);
    expect(nameSimilarity('Centre social Jean Moulin', 'Centre social Jean Jaurès')).toBeLessThan(0.6);
  });
});

describe('mapping and the bad-file report', () => {
  const csv = (s: string) => readCsvTable(s);
  it('guesses the ELISFA columns', () => {
    const t = csv(`SIRET;Raison sociale;Commune;Année;Effectif salarié;ETP;CDI;CDD;Contrats aidés;Convention collective\n${siret(1)};CS Croix-Rousse;Lyon;2024;12;8,5;10;2;0;IDCC 1261\n`);
    expect(guessMapping(t)).toEqual(exampleMapping);
  });
  it('lists every problem with its line and column', () => {
    const t = csv([
      'SIRET;Raison sociale;Commune;Année;ETP',
      `${siret(1)};CS Croix-Rousse;Lyon;2024;8,5`,
      `${siret(2)};CS Bellevue;Lyon;2024;huit`,
      `${siret(1)};CS Croix-Rousse bis;Lyon;2024;3`,
      `;Maison des Lilas;Brest;2024;4`,
      `${siret(4)};Centre social Jean Moulin;Marseille;2023;4`,
    ].join('\n'));
    const mapping = { columns: [...exampleMapping.columns.slice(0, 4), { column: 'ETP', role: 'number' as const, field: 'etp_total', indicator: 'rh.etp.total' }] };
    const a = analyseTable(t, mapping, { year: 2024, directory });
    expect(a.problems.map((p) => [p.line, p.cell, p.kind])).toEqual([
      [3, 'E3', 'malformed_number'], [4, 'A4', 'duplicate'], [5, 'B5', 'unknown_structure'], [6, 'D6', 'wrong_year'],
    ]);
    expect(a.problems.every((p) => /[éèàâ«’]|ligne|structure/.test(p.message))).toBe(true);
  });
  it('reports missing columns on line 1', () => {
    const problems = checkMapping(['SIRET', 'ETP'], exampleMapping);
    expect(problems.filter((p) => p.kind === 'missing_column').map((p) => p.column)).toContain('Effectif salarié');
    expect(checkMapping(['ETP'], { columns: [{ column: 'ETP', role: 'number', field: 'etp' }] })[0].message).toMatch(/identifie les structures/);
  });
  it('applies a person’s confirmations', () => {
    const t = csv('Raison sociale;Commune;ETP\nLes Tilleul;Saint-Étienne;3\n');
    const mapping = guessMapping(t);
    expect(analyseTable(t, mapping, { year: 2024, directory }).rows[0].match.method).toBe('proposal');
    expect(analyseTable(t, mapping, { year: 2024, directory, confirmations: new Map([[2, 3]]) }).rows[0].match).toMatchObject({ method: 'confirmed', structureId: 3 });
  });
  it('applies a decision remembered from an earlier file of the same rows, but never over a clear match or this file’s review', () => {
    const t = csv('Raison sociale;Commune;ETP\nLes Tilleul;Saint-Étienne;3\n');
    const mapping = guessMapping(t);
    expect(rowIdentity({ siret: null, name: ' LES  Tilleul', commune: 'saint-etienne' })).toBe(rowIdentity({ siret: null, name: 'Les Tilleul', commune: 'Saint-Étienne' }));
    const remembered = new Map([[rowIdentity({ siret: null, name: 'les tilleul', commune: 'Saint-Etienne' }), null]]);
    expect(analyseTable(t, mapping, { year: 2024, directory, remembered }).rows[0].match).toMatchObject({ method: 'rejected', structureId: null });
    expect(analyseTable(t, mapping, { year: 2024, directory, remembered, confirmations: new Map([[2, 3]]) }).rows[0].match).toMatchObject({ method: 'confirmed', structureId: 3 });
    const clear = csv(`Raison sociale;Commune;ETP\n${directory[0].name};${directory[0].communeName};3\n`);
    const rememberedClear = new Map([[rowIdentity({ siret: null, name: directory[0].name, commune: directory[0].communeName }), null]]);
    expect(analyseTable(clear, guessMapping(clear), { year: 2024, directory, remembered: rememberedClear }).rows[0].match.method).toBe('name');
  });
});

describe('example data set', () => {
  const sources = directory.map((d, i) => ({
    siret: d.siret, name: d.name, communeName: d.communeName,
    answers: { 'rh.effectif.animation': 5 + i, 'rh.etp.animation': 3.25 + i, 'rh.contrat.cdi': 4, 'rh.contrat.cdd': 1 + i, 'rh.convention': 'alisfa' },
  }));
  it('is deterministic and reads back with the example mapping', () => {
    const a = elisfaExample(sources, 2024), b = elisfaExample(sources, 2024);
    expect(a).toEqual(b);
    const table = readCsvTable(a.map((r) => r.join(';')).join('\n'));
    const analysis = analyseTable(table, exampleMapping, { year: 2024, directory });
    expect(analysis.problems).toEqual([]);
    expect(analysis.rows.length).toBe(a.length - 1);
  });
});

describe('concordance report', () => {
  const etp = comparableIndicator('rh.etp.total')!;
  const cdi = comparableIndicator('rh.contrat.cdi')!;
  const n = 60;
  const place = (i: number) => ({ id: i, name: `S${i}`, departementCode: i % 3 === 0 ? '69' : i % 3 === 1 ? '38' : '13', regionCode: i % 3 === 2 ? '93' : '84' });
  const record = (i: number, values: Record<string, number>): AggregationRecord => ({
    structureId: i, cellKey: (i * 7919) % 2147483647,
    attributes: { regionCode: place(i).regionCode, departementCode: place(i).departementCode, epciCode: null, communeCode: '00000', communePopulation: 1000, territoryType: 'urban',
      qpvStatus: 'none', npnruStage: 'none', management: 'association', approvalKinds: [], kind: 'CS', federationMember: true, budget: null },
    values,
  });
  const answers = (i: number) => ({ 'rh.etp.direction_accueil': 0, 'rh.etp.animation': (i % 11) + 1, 'rh.etp.technique': (i % 3) * 0.5, 'rh.contrat.cdi': (i % 7) + 2 });
  const rows = Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const a = answers(i);
    return {
      line: k + 2, siret: null, name: `S${i}`, commune: '', structureId: i < 55 ? i : null, method: i < 55 ? ('siret' as const) : ('none' as const),
      values: { etp: a['rh.etp.animation'] + a['rh.etp.technique'] + (i % 9 === 0 ? 3 : i % 4 === 0 ? 0.5 : 0), cdi: a['rh.contrat.cdi'] + (i % 13 === 0 ? -2 : 0) },
    };
  });
  const observedIds = Array.from({ length: 58 }, (_, k) => k + 3); // 3..60: 1–2 absent, 55–60 not matched
  const input: ConcordanceInput = {
    compared: [{ field: 'etp', indicator: etp }, { field: 'cdi', indicator: cdi }],
    rows,
    observed: observedIds.map((i) => ({ structure: place(i), answers: answers(i) })),
    // The release table the observatory side reads (the one fixed table of every exact public number).
    publishedTable: publish(observedIds.map((i) => record(i, answers(i))), {
      kind: 'fixed_table', indicators: ['rh.etp.direction_accueil', 'rh.etp.animation', 'rh.etp.technique', 'rh.contrat.cdi'], levels: ['nation', 'region', 'departement'], stats: ['sum'],
    }).figures,
    matchedRecords: new Map(rows.filter((r) => r.structureId).map((r) => [r.structureId!, record(r.structureId!, {})])),
    tolerance: { absolute: 1, relative: 0.1 },
    canSee: (s) => s.departementCode !== '13',
  };
  const report = concordanceReport(input);

  it('matches a plain recomputation (structure differences, correlations, unmatched)', () => {
    const fields = { 'rh.etp.total': 'etp', 'rh.contrat.cdi': 'cdi' } as const;
    const expectedDiffs: string[] = [];
    for (const [code, field] of Object.entries(fields)) {
      const xs: number[] = [], ys: number[] = [];
      for (const row of rows) {
        if (row.structureId === null || !observedIds.includes(row.structureId) || place(row.structureId).departementCode === '13') continue;
        const a = answers(row.structureId);
        const obs = code === 'rh.etp.total' ? a['rh.etp.animation'] + a['rh.etp.technique'] : a['rh.contrat.cdi'];
        const ext = row.values[field];
        xs.push(ext); ys.push(obs);
        const d = Math.abs(ext - obs);
        if (d > 1 && d / Math.abs(obs) > 0.1) expectedDiffs.push(`${code}|${row.structureId}|${ext - obs}`);
      }
      const ind = report.indicators.find((x) => x.indicator === code)!;
      expect(ind.pairs).toBe(xs.length);
      // Naive Pearson.
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length, my = ys.reduce((s, y) => s + y, 0) / ys.length;
      let sxy = 0, sxx = 0, syy = 0;
      xs.forEach((x, i) => { sxy += (x - mx) * (ys[i] - my); sxx += (x - mx) ** 2; syy += (ys[i] - my) ** 2; });
      expect(ind.pearson).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
      expect(ind.spearman).toBeCloseTo(spearman(xs, ys)!, 10);
    }
    expect(report.differences.map((d) => `${d.indicator}|${d.structureId}|${d.absolute}`).sort()).toEqual(expectedDiffs.sort());
    expect(report.differences.every((d) => d.departementCode !== '13')).toBe(true);
    expect(report.hiddenStructures).toBe(rows.filter((r) => r.structureId && observedIds.includes(r.structureId) && place(r.structureId).departementCode === '13').length);
    expect(report.unmatched.external.map((u) => u.line)).toEqual(rows.filter((r) => r.structureId === null).map((r) => r.line));
    expect(report.unmatched.observatory.map((u) => u.structureId).sort((a, b) => a - b)).toEqual(observedIds.filter((i) => i >= 55 && place(i).departementCode !== '13'));
  });

  it('publishes both territory totals through the gate and differences only published cells', () => {
    const nation = report.aggregates.find((a) => a.indicator === 'rh.etp.total' && a.territory.level === 'nation')!;
    let ext = 0, obs = 0;
    for (const r of rows) if (r.structureId) ext += r.values.etp;
    for (const i of observedIds) obs += answers(i)['rh.etp.animation'] + answers(i)['rh.etp.technique'];
    expect(nation.external).toMatchObject({ state: 'value', n: 54 });
    expect(nation.external.state === 'value' && nation.external.value).toBeCloseTo(ext, 6);
    expect(nation.observatory.state === 'value' && nation.observatory.value).toBeCloseTo(obs, 6);
    expect(nation.difference!.absolute).toBeCloseTo(ext - obs, 6);
    for (const a of report.aggregates) {
      if (a.external.state !== 'value' || a.observatory.state !== 'value') expect(a.difference).toBeNull();
      expect(['value', 'suppressed', 'no_data']).toContain(a.external.state);
    }
  });

  it('exports a flat table keeping the three cell states', () => {
    const [, territories, structures] = concordanceTables(report);
    expect(structures.rows.length).toBe(report.differences.length);
    expect(territories.rows.length).toBe(report.aggregates.length);
    for (const [i, a] of report.aggregates.entries()) {
      const row = territories.rows[i];
      if (a.external.state === 'value') expect(row.valeur_externe).toBe(a.external.value);
      else expect([row.valeur_externe, row.statut_externe === 'publié']).toEqual([null, false]);
    }
  });

  it('tolerance needs both thresholds', () => {
    expect(beyondTolerance(11, 10, { absolute: 1, relative: 0.05 })).toBe(false);
    expect(beyondTolerance(112, 100, { absolute: 1, relative: 0.1 })).toBe(true);
    expect(beyondTolerance(1.5, 0, { absolute: 1, relative: 0.1 })).toBe(true);
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });
});
