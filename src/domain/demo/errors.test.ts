import { describe, expect, it } from 'vitest';
import { readGeography } from '../../seed/geography';
import { generateAnswers } from './answers';
import { errorKinds, injectErrors, type InjectionTarget } from './errors';
import { generateStructures } from './structures';

const structures = generateStructures(readGeography().communes, 0.3);
const targets: InjectionTarget[] = structures.map((s) => ({ structureKey: s.key, year: 2025, answers: generateAnswers(s, 2025), previous: generateAnswers(s, 2024) }));

describe('error injection', () => {
  it('is deterministic and leaves the input untouched', () => {
    const before = JSON.stringify(targets[0].answers);
    const a = injectErrors(targets), b = injectErrors(targets);
    expect(a.labels).toEqual(b.labels);
    expect(JSON.stringify(targets[0].answers)).toBe(before);
    expect(injectErrors(targets, { seed: 9 }).labels).not.toEqual(a.labels);
  });

  it('puts one or two errors into about 6.5 % of the responses', () => {
    const { labels } = injectErrors(targets);
    const keys = new Set(labels.map((l) => l.structureKey));
    expect(keys.size / targets.length).toBeGreaterThan(0.04);
    expect(keys.size / targets.length).toBeLessThan(0.09);
    for (const k of keys) expect(labels.filter((l) => l.structureKey === k).length).toBeLessThanOrEqual(2);
  });

  it('changes only labelled answers, and each label changes its first answer', () => {
    const { answers, labels } = injectErrors(targets, { rate: 0.5 });
    const byKey = new Map(targets.map((t, i) => [t.structureKey, i]));
    for (const t of targets) {
      const i = byKey.get(t.structureKey)!;
      const labelled = new Set(labels.filter((l) => l.structureKey === t.structureKey).flatMap((l) => l.codes));
      for (const code of Object.keys(t.answers)) {
        if (typeof t.answers[code] !== 'number') continue;
        if (answers[i][code] !== t.answers[code]) expect(labelled.has(code), `${t.structureKey} ${code}`).toBe(true);
      }
      for (const l of labels.filter((x) => x.structureKey === t.structureKey)) expect(answers[i][l.codes[0]], l.note).not.toBe(t.answers[l.codes[0]]);
    }
  });

  it('uses every kind, each as described', () => {
    const { answers, labels } = injectErrors(targets, { rate: 1, kinds: errorKinds });
    expect(new Set(labels.map((l) => l.kind))).toEqual(new Set(errorKinds));
    const index = new Map(targets.map((t, i) => [t.structureKey, i]));
    for (const l of labels) {
      const i = index.get(l.structureKey)!, a = answers[i], orig = targets[i].answers;
      const x = a[l.codes[0]] as number, o = orig[l.codes[0]] as number;
      if (l.kind === 'unit_slip' && !labels.some((m) => m !== l && m.structureKey === l.structureKey)) expect([Math.round(o / 1000), o * 1000]).toContain(x);
      if (l.kind === 'fte_above_headcount') expect(x).toBeGreaterThan(a[l.codes[1]] as number);
      if (l.kind === 'implausible_zero') expect(x).toBe(0);
      if (l.kind === 'copied_section') for (const c of l.codes) expect(a[c]).toBe(targets[i].previous![c]);
    }
  });
});
