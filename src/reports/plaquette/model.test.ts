import { describe, expect, it } from 'vitest';
import type { PublishedCell, PublishedFigure, Stat } from '../../domain/disclosure';
import { cellContent, cellString } from '../format';
import { plaquetteModel, ratioCells, sumCells } from './model';

const v = (value: number, n = 8): PublishedCell => ({ state: 'value', value, n });
const fig = (indicator: string, stat: Stat, level: 'nation' | 'departement', code: string, cell: PublishedCell): PublishedFigure =>
  ({ indicator, stat, territory: { level, code }, column: null, filters: [], cell });

describe('plaquette model', () => {
  it('withholds a sum or a ratio when a part is withheld, and says no data when all parts lack', () => {
    expect(sumCells([v(2), v(3, 9)])).toEqual({ state: 'value', value: 5, n: 9 });
    expect(sumCells([v(2), { state: 'suppressed', rule: 'dominance' }])).toEqual({ state: 'suppressed', rule: 'dominance' });
    expect(sumCells([{ state: 'no_data' }])).toEqual({ state: 'no_data' });
    expect(ratioCells(v(1), v(4))).toMatchObject({ state: 'value', value: 0.25 });
    expect(ratioCells(v(1), { state: 'suppressed', rule: 'secondary' })).toEqual({ state: 'suppressed', rule: 'secondary' });
  });

  it('takes every figure from the table, counts the withheld ones by rule, prints them as « s »', () => {
    const table = [
      fig('finances.produits', 'sum', 'departement', '69', { state: 'suppressed', rule: 'dominance' }),
      fig('finances.produits', 'mean', 'departement', '69', { state: 'suppressed', rule: 'dominance' }),
      fig('finances.produits', 'mean', 'nation', 'FR', v(500_000, 300)),
      fig('participation.benevoles', 'sum', 'departement', '69', v(120)),
      fig('participation.benevoles', 'count', 'departement', '69', v(12)),
      fig('actions.culture.oui', 'share', 'departement', '69', { state: 'suppressed', rule: 'secondary' }),
    ];
    const m = plaquetteModel({ year: 2025, level: 'departement', code: '69', name: 'Rhône', parentName: null, table, structures: [], children: [] });
    const produits = m.sections.find((s) => s.key === 'finances')!.rows.find((r) => r.code === 'finances.produits')!;
    expect(produits.total).toEqual({ state: 'suppressed', rule: 'dominance' });
    expect(produits.national).toEqual(v(500_000, 300));
    expect(m.responses).toEqual(v(12));
    expect(m.suppressed.dominance).toBe(2);
    expect(m.suppressed.secondary).toBeGreaterThanOrEqual(1);
    expect(m.keyFigures.find((k) => k.label.startsWith('Bénévoles'))!.cell).toEqual(v(120));
    expect(cellString(produits.total!, 'euros')).toBe('s (b)');
    expect(JSON.stringify(cellContent(produits.local, 'euros').text)).not.toMatch(/\d/);
    expect(cellString({ state: 'no_data' }, 'count')).toBe('–');
  });
});
