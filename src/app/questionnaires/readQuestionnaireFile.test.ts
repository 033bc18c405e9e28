import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import { formFixtures, fixtureBytes } from '../../testing/xlsformFixtures';
import type { FormFixture } from '../../testing/xlsformFixtures';
import { readQuestionnaireFile } from './readQuestionnaireFile';

type Outcome = { kind: 'imported' | 'refused' | 'crashed'; message: string; read?: Awaited<ReturnType<typeof readQuestionnaireFile>> };

/** Reads a fixture as the CLI does (with --year, since a foreign form has no Senacs year), within 10 s. */
async function outcomeOf(fixture: FormFixture): Promise<Outcome> {
  const bytes = await fixtureBytes(fixture);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('délai dépassé (10 s)')), 10_000));
  try {
    const read = await Promise.race([readQuestionnaireFile({ bytes, fileName: fixture.fileName ?? `${fixture.name}.xlsx`, year: 2030 }), timeout]);
    if (read.report.defects.length > 0) return { kind: 'refused', message: read.report.defects.join(' ; '), read };
    return { kind: 'imported', message: '', read };
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', message: error.message };
    return { kind: 'crashed', message: String(error) };
  }
}

describe('reading XLSForm files from elsewhere', () => {
  it('imports plain forms, refuses broken files with a French message, never crashes (figures printed)', async () => {
    const outcomes = new Map<string, Outcome>();
    for (const fixture of formFixtures) outcomes.set(fixture.name, await outcomeOf(fixture));
    const count = (kind: Outcome['kind']) => [...outcomes.values()].filter((o) => o.kind === kind).length;
    console.log(`figures: xlsform fixtures = ${formFixtures.length} forms; imported ${count('imported')}, refused with a message ${count('refused')}, crashing ${count('crashed')}`);
    expect([...outcomes].filter(([, o]) => o.kind === 'crashed')).toEqual([]);
    for (const fixture of formFixtures) {
      const outcome = outcomes.get(fixture.name)!;
      if (fixture.expect === 'broken') expect([fixture.name, outcome.kind]).toEqual([fixture.name, 'refused']);
      if (fixture.expect === 'plain') expect([fixture.name, outcome.kind, outcome.message]).toEqual([fixture.name, 'imported', '']);
      if (outcome.kind === 'refused') expect(outcome.message.length).toBeGreaterThan(20);
    }
    // Every construct left out names its row and column.
    const issues = [...outcomes.values()].flatMap((o) => o.read?.report.issues ?? []).filter((i) => i.sheet === 'survey' && i.row > 1);
    expect(issues.length).toBeGreaterThan(40);
    for (const issue of issues) expect(issue.message).toContain(`Ligne ${issue.row}, colonne « ${issue.column} »`);
  }, 120_000);

  it('imports a plain form with groups, selects, constraints and relevants in the default section, and reports the assumed metadata', async () => {
    const { definition, report } = (await outcomeOf(formFixtures.find((f) => f.name === 'conditions')!)).read!;
    expect(report.defects).toEqual([]);
    expect(report.questions).toBe(3);
    const [benevole, heures, pourquoi] = definition.pages[0].elements!;
    expect(benevole).toMatchObject({ type: 'radiogroup', section: 'theme', unit: 'choice', indicator: 'benevole' });
    expect(heures).toMatchObject({ visibleIf: "{benevole} = 'oui'", unit: 'count', aggregate: 'sum', section: 'theme' });
    expect(pourquoi.visibleIf).toBe("{benevole} != 'oui' and {benevole} notempty");
    expect(report.issues.filter((i) => i.row === 1).map((i) => i.column)).toEqual(['indicator', 'unit', 'aggregate', 'disclosure', 'section']);
    const constraints = (await outcomeOf(formFixtures.find((f) => f.name === 'contraintes')!)).read!.definition.pages[0].elements!;
    expect(constraints[0]).toMatchObject({ min: 0, max: 120 });
    expect(constraints[1]).toMatchObject({ validators: [{ type: 'expression', expression: '{annee} > 1900', text: 'Après 1900' }] });
    expect(constraints[2]).toMatchObject({ validators: [{ type: 'regex', regex: '^[0-9]{5}$', text: 'Cinq chiffres' }] });
  });

  it('reads headers in any case, time and datetime, select_multiple as yes/no questions, and names loops as loops', async () => {
    const upper = (await outcomeOf(formFixtures.find((f) => f.name === 'entetes_majuscules')!)).read!;
    expect(upper.definition.pages[0].elements!.map((e) => [e.name, e.isRequired ?? false, e.visibleIf ?? ''])).toEqual([['x', true, ''], ['y', false, '{x} > 2']]);
    expect(upper.definition.title).toBe('Majuscules');
    const times = (await outcomeOf(formFixtures.find((f) => f.name === 'heure_et_date_heure')!)).read!.definition.pages[0].elements!;
    expect(times.map((e) => e.inputType)).toEqual(['time', 'datetime-local', 'date']);
    const multiple = (await outcomeOf(formFixtures.find((f) => f.name === 'choix_multiples')!)).read!.definition.pages[0].elements!;
    expect(multiple[0]).toMatchObject({ type: 'panel', elements: [{ type: 'boolean', name: 'activites.sport' }, { type: 'boolean', name: 'activites.musique' }] });
    expect(multiple[1].visibleIf).toBe('{activites.sport} = true');
    const loop = (await outcomeOf(formFixtures.find((f) => f.name === 'boucle')!)).read!;
    expect(loop.report.issues.map((i) => [i.row, i.column, i.construct])).toContainEqual([2, 'type', 'begin loop']);
    expect(loop.report.issues.some((i) => i.construct === 'end')).toBe(false);
    expect(loop.definition.pages[0].elements!.map((e) => e.name)).toEqual(['fin_q']);
    const unknown = (await outcomeOf(formFixtures.find((f) => f.name === 'types_inconnus')!)).read!.report.issues;
    expect(unknown.find((i) => i.row === 2)!.message).toMatch(/^Ligne 2, colonne « type » : type « entier » inconnu.*Types acceptés : text, integer, decimal/);
    expect(unknown.find((i) => i.row === 3)!.message).toMatch(/liste de choix « absente » absente de la feuille choices/);
  });

  it('tells which broken file is which', async () => {
    const message = async (name: string) => (await outcomeOf(formFixtures.find((f) => f.name === name)!)).message;
    expect(await message('signature_xls')).toMatch(/^Format \.xls non pris en charge, enregistrez en \.xlsx/);
    expect(await message('extension_xls_texte')).toMatch(/^Format \.xls non pris en charge, enregistrez en \.xlsx/);
    expect(await message('vide_0_octet')).toMatch(/vide \(0 octet\)/);
    expect(await message('pas_un_zip')).toMatch(/pas une archive zip/);
    expect(await message('sans_feuille_survey')).toMatch(/pas de feuille « survey » \(feuilles trouvées : « choices », « questions »\)/);
    expect(await message('survey_sans_colonne_type')).toMatch(/ligne 1 : colonne « type » absente/);
    expect(await message('sans_question')).toMatch(/aucune question importable/);
  });
});
