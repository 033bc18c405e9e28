/**
 * The directory file: one row per structure, these columns (names in the first row, any order). The
 * template, its Table Schema and the parser all read this one list.
 */
import type { TableColumn } from '../../reports/table/table';

export const managementModes = ['association', 'collectivite', 'caf', 'autre'] as const;
export type ManagementMode = (typeof managementModes)[number];

/** A list cell (QPV codes, SIRETs taken over) separates its items with spaces, commas or semicolons. */
export const listSeparator = /[\s,;]+/;

export const directoryColumns = [
  { name: 'siret', title: 'SIRET', type: 'string', description: 'SIRET de l’établissement (14 chiffres, clé de Luhn) : identifie la structure d’une année à l’autre.', constraints: { required: true, pattern: '[0-9]{14}' } },
  { name: 'nom', title: 'Nom', type: 'string', description: 'Nom de la structure.', constraints: { required: true } },
  { name: 'type', title: 'Type', type: 'string', description: 'CS (centre social) ou EVS (espace de vie sociale).', constraints: { required: true, enum: ['CS', 'EVS'] } },
  { name: 'adresse', title: 'Adresse', type: 'string', description: 'Numéro et voie.' },
  { name: 'code_postal', title: 'Code postal', type: 'string', description: 'Code postal (5 chiffres).', constraints: { pattern: '[0-9]{5}' } },
  { name: 'code_commune', title: 'Code commune INSEE', type: 'string', description: 'Code INSEE de la commune (Code officiel géographique en vigueur), par exemple 69123 pour Lyon.', constraints: { required: true, pattern: '[0-9][0-9AB][0-9]{3}' } },
  { name: 'agrement_debut', title: 'Début de l’agrément', type: 'date', description: 'Début de l’agrément animation globale (CS) ou EVS, AAAA-MM-JJ ou JJ/MM/AAAA.', constraints: { required: true } },
  { name: 'agrement_fin', title: 'Fin de l’agrément', type: 'date', description: 'Fin de cet agrément ; passée, la structure n’est plus attendue dans les campagnes suivantes (son historique est gardé).' },
  { name: 'familles_debut', title: 'Début de l’agrément familles', type: 'date', description: 'Centres sociaux : début de l’agrément animation collective familles (ACF), s’il y en a un.' },
  { name: 'familles_fin', title: 'Fin de l’agrément familles', type: 'date', description: 'Fin de l’agrément animation collective familles.' },
  { name: 'gestion', title: 'Mode de gestion', type: 'string', description: 'association, collectivite, caf (gestion directe) ou autre.', constraints: { required: true, enum: [...managementModes] } },
  { name: 'federation', title: 'Adhérente à la fédération', type: 'boolean', description: 'oui ou non.' },
  { name: 'qpv', title: 'Codes QPV', type: 'string', description: 'Codes des quartiers prioritaires où la structure est implantée (QN…), séparés par des espaces ou des virgules.' },
  { name: 'courriel_direction', title: 'Courriel de la direction', type: 'string', description: 'Adresse de la direction : les correspondants l’invitent depuis l’annuaire.' },
  { name: 'sirets_repris', title: 'SIRET repris', type: 'string', description: 'Fusion ou scission : SIRET des structures que celle-ci reprend. Absente du fichier, une structure reprise est close et renvoie à celle-ci ; l’historique de chacune est gardé.' },
] as const satisfies readonly TableColumn[];

export type DirectoryColumn = (typeof directoryColumns)[number]['name'];

export const requiredColumns = directoryColumns.filter((c) => 'constraints' in c && (c.constraints as { required?: boolean }).required).map((c) => c.name);

/** French label of a column for messages: « Code commune INSEE (code_commune) ». */
export const columnTitle = (name: string): string => directoryColumns.find((c) => c.name === name)?.title ?? name;
