/** A fiche action as the API sends it (GET /api/action-sheets, /api/action-sheets/:id). */
export interface ActionSheet {
  id: number; structure_id: number; state: 'draft' | 'published'; title: string; summary: string; themes: string[]; keywords: string[];
  audience: string; partners: string; resources: string; results_territory: string; results_centre: string; results_inhabitants: string;
  limits: string; next_steps: string; created_at: string; updated_at: string; published_at: string | null;
  structure_name: string; structure_kind: 'CS' | 'EVS'; departement_code: string; region_code: string; commune_name: string;
}
export interface Theme { code: string; label: string; published: number }
