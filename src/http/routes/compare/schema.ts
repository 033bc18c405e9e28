// Kept only for src/http/routes/exports (see ./routes.ts): new code imports from ../stats/schema and ../structures/position.schema.
export { dashboardQuery, statsQueryBody } from '../stats/schema';
export { positionQuery } from '../structures/position.schema';
