import { kindLabel, managementLabel, qpvLabel, responseStateLabel, territoryTypeLabel } from '../../domain/labels';
import type { Table, TableColumn } from './table';

/** Columns of the public directory: identity only (the same fields as the public identity sheet). */
export const directoryColumns: readonly TableColumn[] = [
  { name: 'id', title: 'Identifiant Senacs', type: 'integer', description: 'Identifiant de la structure dans l’observatoire.' },
  { name: 'nom', title: 'Nom', type: 'string', description: 'Nom de la structure.' },
  { name: 'type', title: 'Type', type: 'string', description: '« Centre social » ou « Espace de vie sociale ».' },
  { name: 'siret', title: 'SIRET', type: 'string', description: 'Numéro SIRET du gestionnaire (14 chiffres), s’il est connu.' },
  { name: 'adresse', title: 'Adresse', type: 'string', description: 'Adresse postale.' },
  { name: 'code_postal', title: 'Code postal', type: 'string', description: 'Code postal.' },
  { name: 'commune_code', title: 'Code commune (INSEE)', type: 'string', description: 'Code officiel géographique de la commune.' },
  { name: 'commune', title: 'Commune', type: 'string', description: 'Nom de la commune.' },
  { name: 'departement_code', title: 'Département', type: 'string', description: 'Code du département.' },
  { name: 'region_code', title: 'Région', type: 'string', description: 'Code de la région.' },
  { name: 'latitude', title: 'Latitude', type: 'number', unit: 'degrés', description: 'Latitude WGS 84 (commune ou adresse).' },
  { name: 'longitude', title: 'Longitude', type: 'number', unit: 'degrés', description: 'Longitude WGS 84 (commune ou adresse).' },
  { name: 'courriel', title: 'Courriel', type: 'string', description: 'Adresse électronique publique de la structure.' },
  { name: 'site_web', title: 'Site web', type: 'string', description: 'Site internet de la structure.' },
  { name: 'gestion', title: 'Mode de gestion', type: 'string', description: 'Association, collectivité locale, CAF ou autre.' },
  { name: 'quartier_prioritaire', title: 'Quartier prioritaire', type: 'string', description: 'Situation par rapport à un quartier prioritaire de la politique de la ville (QPV).' },
  { name: 'territoire', title: 'Type de territoire', type: 'string', description: 'Territoire plutôt urbain ou plutôt rural.' },
];

export interface DirectoryItem {
  id: number; kind: string; name: string; siret?: string | null; address?: string | null; postal_code?: string | null;
  commune_code: string; commune_name: string; departement_code: string; region_code: string; lat?: number | null; lon?: number | null;
  email?: string | null; website?: string | null; management: string; qpv_status: string; territory_type?: string | null;
}

/**
 * The public directory (GET /api/structures) as a table.
 * @example directoryTable(items, 'Annuaire des structures')
 */
export function directoryTable(items: readonly DirectoryItem[], title = 'Annuaire des structures'): Table {
  return {
    title,
    columns: directoryColumns,
    rows: items.map((s) => ({
      id: s.id, nom: s.name, type: kindLabel(s.kind), siret: s.siret ?? null, adresse: s.address ?? null, code_postal: s.postal_code ?? null,
      commune_code: s.commune_code, commune: s.commune_name, departement_code: s.departement_code, region_code: s.region_code,
      latitude: s.lat ?? null, longitude: s.lon ?? null, courriel: s.email ?? null, site_web: s.website ?? null,
      gestion: managementLabel(s.management), quartier_prioritaire: qpvLabel(s.qpv_status),
      territoire: s.territory_type ? territoryTypeLabel(s.territory_type) : null,
    })),
    notes: ['Source : annuaire public de l’observatoire Senacs (identité des structures agréées par les CAF).'],
  };
}

/**
 * The follow-up list of a campaign's responses on a territory (cockpit) as a table.
 * @example responsesTable(2025, items)
 */
export function responsesTable(year: number, items: readonly { structure_id: number; name: string; kind: string; departement_code: string; state: unknown; updated_at: Date | string | null }[]): Table {
  return {
    title: `Suivi de la campagne ${year}`,
    columns: [
      { name: 'structure_id', title: 'Identifiant Senacs', type: 'integer' },
      { name: 'nom', title: 'Structure', type: 'string' },
      { name: 'type', title: 'Type', type: 'string' },
      { name: 'departement_code', title: 'Département', type: 'string' },
      { name: 'etat', title: 'État de la réponse', type: 'string' },
      { name: 'mise_a_jour', title: 'Dernière modification', type: 'date' },
    ],
    rows: items.map((r) => ({
      structure_id: r.structure_id, nom: r.name, type: kindLabel(r.kind), departement_code: r.departement_code,
      etat: responseStateLabel(String(r.state)),
      mise_a_jour: r.updated_at ? new Date(r.updated_at).toISOString().slice(0, 10) : null,
    })),
  };
}
