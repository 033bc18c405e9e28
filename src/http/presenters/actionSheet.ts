import type { LoadedActionSheet } from '../../app/actionSheets/actionSheetAccess';
import type { ActionSheetContent } from '../../domain/actionSheets';

/**
 * A fiche action as the API sends it: its content, its dates (ISO) and its structure's name and place.
 * @example presentActionSheet(sheet) // { id: 3, structureId: 12, state: 'draft', resultsTerritory: '…', createdAt: '2025-03-01T…', communeName: 'Lyon', … }
 */
export function presentActionSheet(s: LoadedActionSheet) {
  return {
    id: s.id, structureId: s.structure_id, state: s.state, title: s.title, summary: s.summary, themes: s.themes, keywords: s.keywords,
    audience: s.audience, partners: s.partners, resources: s.resources, resultsTerritory: s.results_territory, resultsCentre: s.results_centre,
    resultsInhabitants: s.results_inhabitants, limits: s.limits, nextSteps: s.next_steps,
    createdAt: s.created_at.toISOString(), updatedAt: s.updated_at.toISOString(), publishedAt: s.published_at?.toISOString() ?? null,
    structureName: s.structure_name, structureKind: s.structure_kind, departementCode: s.departement_code, regionCode: s.region_code,
    communeName: s.commune_name,
  };
}

/**
 * The content a fiche's request body carries (the API's names), as the use cases take it.
 * @example toActionSheetInput(body) // { title: '…', results_territory: body.resultsTerritory, next_steps: body.nextSteps, … }
 */
export function toActionSheetInput(b: {
  title: string; themes: string[]; keywords: string[]; summary: string; audience: string; partners: string; resources: string;
  resultsTerritory: string; resultsCentre: string; resultsInhabitants: string; limits: string; nextSteps: string;
}): ActionSheetContent {
  return {
    title: b.title, themes: b.themes, keywords: b.keywords, summary: b.summary, audience: b.audience, partners: b.partners, resources: b.resources,
    results_territory: b.resultsTerritory, results_centre: b.resultsCentre, results_inhabitants: b.resultsInhabitants, limits: b.limits, next_steps: b.nextSteps,
  };
}
