import { describe, expect, it } from 'vitest';
import type { PublishedCell } from '../../domain/disclosure';
import { asPercent, dashboardTable, positionTable, queryTable, SHARE_CONVENTION } from './figures';

const share: PublishedCell = { state: 'value', value: 0.7692, n: 26 };
const mean: PublishedCell = { state: 'value', value: 54.25, n: 26 };
const figures = [
  { indicator: 'actions.enfance.oui', stat: 'share' as const, territory: { level: 'nation' as const, code: 'FR' }, cell: share, change: { absolute: 0.031, relative: 0.0420 } },
  { indicator: 'rh.temps_partiel_part', stat: 'mean' as const, territory: { level: 'nation' as const, code: 'FR' }, cell: mean, change: { absolute: 1.5, relative: 0.028 } },
];

describe('one convention for shares in every table output', () => {
  it('writes the share of yes as a percentage 0–100, like indicators that are percentages, and its change in points', () => {
    const d = dashboardTable({ year: 2024, view: 'published', territory: { level: 'nation', code: 'FR', name: 'France' }, children: [], figures });
    expect(d.rows.map((r) => [r.statistique, r.unite, r.valeur, r.evolution])).toEqual([['part (%)', '%', 76.92, 3.1], ['moyenne', '%', 54.25, 1.5]]);
    expect(d.notes).toContain(SHARE_CONVENTION);
    expect(queryTable({ year: 2024, figures }).rows[0].valeur).toBe(76.92);
    const p = positionTable({ year: 2024, structureName: 'Centre', indicators: [{ code: 'actions.enfance.oui', label: 'Enfance', unit: 'yesno', value: true, group: { share }, position: null }] });
    expect(p.rows[0]).toMatchObject({ unite: '%', valeur: 76.92, valeur_structure: 1 });
  });

  it('leaves suppressed and empty cells as they are', () => {
    expect(asPercent({ state: 'suppressed', rule: 'min_size' })).toEqual({ state: 'suppressed', rule: 'min_size' });
    expect(asPercent({ state: 'no_data' })).toEqual({ state: 'no_data' });
  });
});
