/**
 * Questionnaire figures: loading a yearly definition in Node (read + parse + SurveyModel + catalog) and
 * validating a complete response against it (types, ranges, requiredness, every rule), medians of 15 runs.
 */
import { loadVersion } from '../src/domain/questionnaire/catalog';
import { readDefinitionSync } from '../src/app/questionnaires/readDefinition';
import { baseContext, completeAnswers } from '../src/domain/questionnaire/testFixtures';
import { validateResponse } from '../src/domain/questionnaire/validate';
import { median, medianMs, round } from './lib';
import type { Figures } from './lib';

const year = 2024;
const runs = 15;

/** @example const figures = await run(); figures.questionnaire_load_ms.value // e.g. 60 */
export async function run(): Promise<Figures> {
  loadVersion(readDefinitionSync(year)); // warm-up: module code and parser caches
  const load = await medianMs(runs, () => loadVersion(readDefinitionSync(year)));
  // CPU time too: on a shared machine wall time also counts other processes' turns.
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    loadVersion(readDefinitionSync(year));
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const { catalog } = loadVersion(readDefinitionSync(year));
  const answers = completeAnswers(year);
  const context = baseContext();
  const findings = validateResponse(catalog, answers, context);
  if (findings.errors.length + findings.warnings.length > 0) throw new Error('the benchmark response should be consistent');
  // A fresh copy each time, so no per-object cache helps.
  const validate = await medianMs(runs, () => validateResponse(catalog, { ...answers, 'finances.produits': 700000 }, context));
  return {
    questionnaire_load_ms: { value: round(load), unit: 'ms' },
    questionnaire_load_cpu_ms: { value: round(median(cpu)), unit: 'ms' },
    response_validate_ms: { value: round(validate), unit: 'ms' },
  };
}
