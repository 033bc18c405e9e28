import { describe, expect, it } from 'vitest';
import { budgetBandOf, townSizeBandOf } from './bands';
import { FilterError, filtersKey, matchesFilters, parseFilters } from './filters';
import type { StructureAttributes } from './record';

const attrs: StructureAttributes = {
  regionCode: '84', departementCode: '69', epciCode: '200046977', communeCode: '69123', communePopulation: 522_000,
  territoryType: 'urban', qpvStatus: 'inside', npnruStage: 'travaux', management: 'association',
  approvalKinds: ['animation_globale', 'animation_collective_familles'], kind: 'CS', federationMember: true, budget: 820_000,
};

describe('bands', () => {
  it('cuts town sizes at 2k, 10k, 50k, 200k (upper bound exclusive)', () => {
    expect([0, 1_999, 2_000, 9_999, 10_000, 49_999, 50_000, 199_999, 200_000, 2e6].map(townSizeBandOf))
      .toEqual(['lt_2k', 'lt_2k', '2k_10k', '2k_10k', '10k_50k', '10k_50k', '50k_200k', '50k_200k', 'gte_200k', 'gte_200k']);
  });
  it('cuts budgets at 50k, 150k, 400k, 1M, with an unknown band', () => {
    expect([49_999, 50_000, 150_000, 399_999, 400_000, 1_000_000, null, NaN].map(budgetBandOf))
      .toEqual(['lt_50k', '50k_150k', '150k_400k', '150k_400k', '400k_1m', 'gte_1m', 'unknown', 'unknown']);
  });
});

describe('filters', () => {
  it('accepts up to three band filters and puts them in canonical order', () => {
    const f = parseFilters([{ dimension: 'kind', value: 'CS' }, { dimension: 'qpv', value: 'inside' }, { dimension: 'town_size', value: 'gte_200k' }]);
    expect(filtersKey(f)).toBe('town_size=gte_200k&qpv=inside&kind=CS');
    expect(matchesFilters(attrs, f)).toBe(true);
    expect(matchesFilters(attrs, parseFilters([{ dimension: 'budget', value: '400k_1m' }, { dimension: 'approval', value: 'animation_collective_familles' }]))).toBe(true);
    expect(matchesFilters(attrs, parseFilters([{ dimension: 'federation', value: 'non_member' }]))).toBe(false);
  });
  it.each([
    [[1, 2, 3, 4].map(() => ({ dimension: 'kind', value: 'CS' })), 'too_many_filters'],
    [[{ dimension: 'population_min', value: '12345' }], 'unknown_dimension'],
    [[{ dimension: 'town_size', value: '12345' }], 'unknown_value'],
    [[{ dimension: 'kind', value: 'CS' }, { dimension: 'kind', value: 'EVS' }], 'duplicate_dimension'],
    [[null], 'not_a_filter'],
    ['kind=CS', 'not_a_list'],
  ])('refuses %j with %s', (input, reason) => {
    try {
      parseFilters(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FilterError);
      expect((e as FilterError).reason).toBe(reason);
      expect((e as FilterError).status).toBe(400);
    }
  });
  it('lets a policy lower the number of filters', () => {
    expect(() => parseFilters([{ dimension: 'kind', value: 'CS' }, { dimension: 'qpv', value: 'none' }], 1)).toThrow(FilterError);
  });
});
