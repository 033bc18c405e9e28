/**
 * The one disclosure gate. Import from here only: `publish` is the way out for every figure.
 */
export { publish, preparePopulation, type PublishRequest, type FixedTableRequest, type FlexibleQueryRequest, type PublishedTable, type PublishedFigure, type Population, type IndicatorRef } from './publish';
export { defaultPolicy, definePolicy, type DisclosurePolicy } from './policy';
export { suppressionRules, type PublishedCell, type SuppressionRule } from './cell';
export { publishedStats, allowedStats, defaultStats, type Stat } from './stats';
export { publishedChange } from './change';
export { publishGroup, type GroupRequest, type GroupFigure } from './group';
// Vocabulary of requests (public, no values): what callers need to validate input before asking the gate.
export { filterValues, filterDimensions, type Filter, type FilterDimension } from '../aggregation/filters';
export { territoryLevels, NATION_CODE, type Territory, type TerritoryLevel } from '../aggregation/territory';
export type { AggregationRecord, StructureAttributes } from '../aggregation/record';
export { publishRelease, auditRelease, compareReleases, releaseStats, type ReleaseTable, type ReleaseAudit, type ReleaseDifference } from './release';
export type { LpSolver } from './exactAudit';
