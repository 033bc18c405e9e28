import type { StructureAttributes } from './record';

/** Territory levels, coarsest first. */
export const territoryLevels = ['nation', 'region', 'departement', 'epci', 'commune'] as const;
export type TerritoryLevel = (typeof territoryLevels)[number];

/** A territory: its level and its official code ('FR' for the nation). */
export interface Territory { level: TerritoryLevel; code: string }

/** Code of the nation, the single territory of its level. */
export const NATION_CODE = 'FR';

/**
 * The code of the territory of a level that holds a structure; null when the structure has none at that
 * level (a commune outside any EPCI).
 * @example territoryCodeOf(attrs, 'departement') // '69'
 */
export function territoryCodeOf(a: StructureAttributes, level: TerritoryLevel): string | null {
  switch (level) {
    case 'nation': return NATION_CODE;
    case 'region': return a.regionCode;
    case 'departement': return a.departementCode;
    case 'epci': return a.epciCode;
    case 'commune': return a.communeCode;
  }
}

/**
 * Levels strictly coarser than a level (nation first). EPCI may straddle départements, so containment is
 * decided on the records themselves (see groups.ts), not assumed from this order.
 * @example coarserLevels('epci') // ['nation', 'region', 'departement']
 */
export function coarserLevels(level: TerritoryLevel): TerritoryLevel[] {
  return territoryLevels.slice(0, territoryLevels.indexOf(level));
}

/**
 * Checks a level name from outside.
 * @example isTerritoryLevel('region') // true
 */
export function isTerritoryLevel(x: unknown): x is TerritoryLevel {
  return typeof x === 'string' && (territoryLevels as readonly string[]).includes(x);
}
