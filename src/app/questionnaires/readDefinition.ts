/**
 * Reads yearly definitions from `questionnaires/<year>/questionnaire.json` (Node only; the browser
 * imports the JSON and calls `loadVersion` from src/domain/questionnaire/catalog.ts). File reading is I/O:
 * it lives here, the parsing of a definition into a version stays in the domain.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { AppError } from '../../domain/errors';
import { loadVersion, type QuestionnaireVersion } from '../../domain/questionnaire/catalog';
import type { QuestionnaireDefinition } from '../../domain/questionnaire/types';

/** Folder of the yearly definitions, relative to this file. */
export const questionnairesFolder = new URL('../../../questionnaires/', import.meta.url);

function fileOf(year: number): URL {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('bad_request', `Année de questionnaire invalide : ${year}.`);
  return new URL(`${year}/questionnaire.json`, questionnairesFolder);
}

function parse(text: string, year: number): QuestionnaireDefinition {
  try {
    return JSON.parse(text) as QuestionnaireDefinition;
  } catch (error) {
    throw new AppError('invalid_json', `Le questionnaire ${year} n’est pas un JSON valide : ${(error as Error).message}`);
  }
}

/**
 * Reads the definition of a data year.
 *
 * @example
 * const definition = await readDefinition(2024);
 * definition.senacs.theme; // 'démocratie et participation'
 */
export async function readDefinition(year: number): Promise<QuestionnaireDefinition> {
  const file = fileOf(year);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('not_found', `Aucun questionnaire pour l’année ${year}.`);
  });
  return parse(text, year);
}

/** Same as {@link readDefinition}, synchronously (CLI, benchmarks). @example readDefinitionSync(2023).senacs.year // 2023 */
export function readDefinitionSync(year: number): QuestionnaireDefinition {
  let text: string;
  try {
    text = readFileSync(fileOf(year), 'utf8');
  } catch {
    throw new AppError('not_found', `Aucun questionnaire pour l’année ${year}.`);
  }
  return parse(text, year);
}

/**
 * Loads a year's questionnaire: from its file when given a year, or from a definition object.
 *
 * @example
 * const { survey, catalog } = await loadQuestionnaire(2025);
 * Object.keys(catalog.questions).length; // about 150
 */
export async function loadQuestionnaire(source: number | QuestionnaireDefinition): Promise<QuestionnaireVersion> {
  return loadVersion(typeof source === 'number' ? await readDefinition(source) : source);
}

/** Years that have a definition under questionnaires/. @example availableYears // [2023, 2024, 2025] */
export const availableYears = [2023, 2024, 2025] as const;
