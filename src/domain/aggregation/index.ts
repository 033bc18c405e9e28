/**
 * Aggregation: records → groups → raw cells. Raw cells hold individual contributions and must go through
 * the disclosure gate (src/domain/disclosure) before anything is shown; routes and reports import the gate,
 * not this module.
 */
export * from './record';
export * from './bands';
export * from './filters';
export * from './territory';
export * from './contributions';
export * from './groups';
export * from './table';
