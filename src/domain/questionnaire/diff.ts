/**
 * Differences between two versions of the questionnaire, by indicator code. A code whose meaning
 * changed must appear as a declared mapping (old code → new code), never as a silent relabelling.
 */
import type { Catalog, CatalogQuestion } from './types';

export interface VersionDiff {
  from: number;
  to: number;
  /** New codes, not the target of a mapping. */
  added: string[];
  /** Codes gone, not the source of a mapping. */
  removed: string[];
  /** Same code, other wording. */
  wording: { code: string; before: string; after: string }[];
  /** Declared changes of meaning: answers to `from` continue under the new code `to`, not comparable. */
  meaning: { from: string; to: string; note: string }[];
  /** Same code, choices added, removed or relabelled (values). */
  choices: { code: string; added: string[]; removed: string[]; relabelled: string[] }[];
  /** Same code, another unit, aggregation or disclosure class: a change of meaning left undeclared. */
  metadata: { code: string; property: 'unit' | 'aggregate' | 'disclosure'; before: string; after: string }[];
}

function choiceChanges(code: string, before: CatalogQuestion, after: CatalogQuestion): VersionDiff['choices'][number] | undefined {
  const old = new Map((before.choices ?? []).map((c) => [c.value, c.label]));
  const now = new Map((after.choices ?? []).map((c) => [c.value, c.label]));
  const added = [...now.keys()].filter((v) => !old.has(v));
  const removed = [...old.keys()].filter((v) => !now.has(v));
  const relabelled = [...now.keys()].filter((v) => old.has(v) && old.get(v) !== now.get(v));
  return added.length + removed.length + relabelled.length > 0 ? { code, added, removed, relabelled } : undefined;
}

/**
 * Compares two catalogs (usually consecutive years).
 *
 * @example
 * const d = diffVersions(catalog2023, catalog2024);
 * d.meaning; // [{ from: 'territoire.qpv.codes', to: 'territoire.qpv.codes_2024', note: '…' }]
 */
export function diffVersions(before: Catalog, after: Catalog): VersionDiff {
  const mappings = [...before.mappings, ...after.mappings]
    .filter((m, i, all) => before.questions[m.from] && after.questions[m.to] && all.findIndex((o) => o.from === m.from && o.to === m.to) === i);
  const mappedFrom = new Set(mappings.map((m) => m.from));
  const mappedTo = new Set(mappings.map((m) => m.to));
  const diff: VersionDiff = {
    from: before.year, to: after.year, added: [], removed: [], wording: [], choices: [], metadata: [],
    meaning: mappings.map((m) => ({ from: m.from, to: m.to, note: m.note })),
  };
  for (const [code, old] of Object.entries(before.questions)) {
    const now = after.questions[code];
    if (!now) {
      if (!mappedFrom.has(code)) diff.removed.push(code);
      continue;
    }
    if (old.label !== now.label) diff.wording.push({ code, before: old.label, after: now.label });
    const choices = choiceChanges(code, old, now);
    if (choices) diff.choices.push(choices);
    for (const property of ['unit', 'aggregate', 'disclosure'] as const) {
      if (old[property] !== now[property]) diff.metadata.push({ code, property, before: old[property], after: now[property] });
    }
  }
  diff.added = Object.keys(after.questions).filter((code) => !before.questions[code] && !mappedTo.has(code));
  return diff;
}
