import { describe, expect, it } from 'vitest';
import { loadVersion } from './catalog';
import { diffVersions } from './diff';
import { loadQuestionnaire, readDefinition } from '../../app/questionnaires/readDefinition';
import type { QuestionnaireDefinition } from './types';

const [y2023, y2024, y2025] = await Promise.all([2023, 2024, 2025].map((y) => loadQuestionnaire(y)));

describe('diffVersions', () => {
  it('reports the QPV codes change of meaning through its declared mapping, not as added/removed', () => {
    const d = diffVersions(y2023.catalog, y2024.catalog);
    expect(d.meaning).toEqual([{ from: 'territoire.qpv.codes', to: 'territoire.qpv.codes_2024', note: expect.stringMatching(/1er janvier 2024/) }]);
    expect(d.added).not.toContain('territoire.qpv.codes_2024');
    expect(d.removed).not.toContain('territoire.qpv.codes');
    expect(d.added.every((c) => c.startsWith('theme.2024.'))).toBe(true);
    expect(d.removed.every((c) => c.startsWith('theme.2023.'))).toBe(true);
    expect(d.wording.map((w) => w.code)).toContain('participation.benevoles');
    expect(d.metadata).toEqual([]);
  });

  it('reports choices added between 2024 and 2025', () => {
    const d = diffVersions(y2024.catalog, y2025.catalog);
    expect(d.choices).toEqual([{ code: 'identite.gestion', added: ['cooperative'], removed: [], relabelled: [] }]);
    expect(d.meaning).toEqual([]);
  });

  it('flags an undeclared unit change and a relabelled choice', async () => {
    const changed = structuredClone(await readDefinition(2025)) as QuestionnaireDefinition;
    const rh = changed.pages.find((p) => p.name === 'rh')!;
    const masse = rh.elements!.find((e) => e.name === 'rh.masse_salariale')!;
    masse.unit = 'count';
    const convention = rh.elements!.find((e) => e.name === 'rh.convention')!;
    (convention.choices as { value: string; text: string }[])[0].text = 'Convention ALISFA (branche)';
    const d = diffVersions(y2025.catalog, loadVersion(changed).catalog);
    expect(d.metadata).toEqual([{ code: 'rh.masse_salariale', property: 'unit', before: 'euros', after: 'count' }]);
    expect(d.choices).toEqual([{ code: 'rh.convention', added: [], removed: [], relabelled: ['alisfa'] }]);
  });

  it('finds nothing between a version and itself', () => {
    expect(diffVersions(y2024.catalog, y2024.catalog)).toMatchObject({ added: [], removed: [], wording: [], choices: [], metadata: [] });
  });
});
