import { describe, expect, it } from 'vitest';
import { filtersOf, listUrl, pageOf, withRegion } from './listFilters';

const names = ['q', 'region', 'departement', 'kind'] as const;

describe('list filters in the URL', () => {
  it('reads every filter, empty when absent, and ignores the others', () => {
    expect(filtersOf(names, new URLSearchParams('region=84&kind=CS&evil=1'))).toEqual({ q: '', region: '84', departement: '', kind: 'CS' });
    expect(filtersOf(names, new URLSearchParams('q=Croix%20Rousse'))).toMatchObject({ q: 'Croix Rousse' });
  });

  it('reads the page, 1 for anything that is not a page number', () => {
    for (const [qs, page] of [['', 1], ['page=3', 3], ['page=0', 1], ['page=-2', 1], ['page=abc', 1], ['page=2.7', 2], ['page=1e400', 1]] as const) {
      expect(pageOf(new URLSearchParams(qs)), qs).toBe(page);
    }
  });

  it('writes one URL per search: empty filters and page 1 left out, values encoded', () => {
    expect(listUrl('/structures', { q: '', region: '84', departement: '', page: 1 })).toBe('/structures?region=84');
    expect(listUrl('/structures', { q: 'Saint-Étienne & co', page: 2 })).toBe('/structures?q=Saint-%C3%89tienne+%26+co&page=2');
    expect(listUrl('/fiches-actions', { q: '', page: 1 })).toBe('/fiches-actions');
  });

  it('reads back what it wrote', () => {
    const f = { q: 'jardin partagé', region: '84', departement: '69', kind: '' };
    const url = listUrl('/structures', { ...f, page: 4 });
    const search = new URLSearchParams(url.split('?')[1]);
    expect(filtersOf(names, search)).toEqual(f);
    expect(pageOf(search)).toBe(4);
  });

  it('clears the département when the region changes, not otherwise', () => {
    const f = { q: 'x', region: '84', departement: '69' };
    expect(withRegion(f, '93')).toEqual({ q: 'x', region: '93', departement: '' });
    expect(withRegion(f, '')).toEqual({ q: 'x', region: '', departement: '' });
    expect(withRegion(f, '84')).toEqual(f);
  });
});
