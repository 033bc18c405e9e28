/**
 * Maps of Senacs: the département map (metropole + overseas insets), the choropleth builder, structures
 * as points. Import from here; `mapSsr.ts` renders on the server (it imports ECharts, this file does not).
 */
export {
  FRANCE_MAP_NAME, MAP_CREDIT, MAP_BOUNDS, departementShapes, departementCodes, departementName, franceGeoJson,
  registerFranceMap, mapProjectionOption, shapeBBox, pointInShape, shapeCentroid,
  type DepartementShape, type MapGeoJson, type EChartsMapRegistry, type Point,
} from './mapGeometry';
export { projectToMap, overseasCodeOf } from './mapProjection';
export {
  choroplethOption, choroplethRows, classBreaks, classOf, classLabels, choroplethPalette, choroplethStates,
  type ChoroplethInput, type ChoroplethRow, type ChoroplethCell, type ClassMethod,
} from './mapChoropleth';
export { pointsOption, type MapPoint } from './mapPoints';
