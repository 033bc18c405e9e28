export { territoryQuery, territoryFiguresResponse } from '../ess/schema';
