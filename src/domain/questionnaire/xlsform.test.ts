import { describe, expect, it } from 'vitest';
import { fromXlsExpression, toXlsExpression } from './expressions';
import { loadVersion } from './catalog';
import { availableYears, readDefinition } from '../../app/questionnaires/readDefinition';
import { normalizeDefinition } from './normalize';
import { fromXlsForm, toXlsForm } from './xlsform';
import type { XlsForm } from './xlsform';
import { readXlsForm, writeXlsForm } from '../../app/questionnaires/xlsformFile';

describe('expression translation', () => {
  it.each([
    ['{a.b} > 0', '${a.b} > 0'],
    ["{a} empty or {b} notempty", "${a} = '' or ${b} != ''"],
    ['{x} = true and {y} != false', "${x} = 'true' and ${y} != 'false'"],
    ['{z} > 0 = true', '${z} > 0 = true()'],
    ['sum({a}, {b}, {c}) <= {m}', '(coalesce(${a}, 0) + coalesce(${b}, 0) + coalesce(${c}, 0)) <= ${m}'],
    ["iif({a} > 1, {b} / 2, 0) >= prev('a') * 1.5", "if(${a} > 1, ${b} div 2, 0) >= prev('a') * 1.5"],
    ["{t} = '{not a variable} empty'", "${t} = '{not a variable} empty'"],
  ])('%s ⇄ %s', (surveyjs, xlsform) => {
    const booleans = new Set(['x', 'y']);
    expect(toXlsExpression(surveyjs, booleans)).toBe(xlsform);
    expect(fromXlsExpression(xlsform, 'self', booleans)).toEqual({ expression: surveyjs, unsupported: [] });
  });

  it('translates XLSForm-only forms and names what has no equivalent', () => {
    expect(fromXlsExpression("selected(${m}, 'x') and not(. > 3)", 'q')).toEqual({ expression: "{m} anyof ['x'] and !({q} > 3)", unsupported: [] });
    expect(fromXlsExpression("count-selected(${m}) > 1 and pulldata('f', 'c', 'k', ${a}) = 2", 'q').unsupported)
      .toEqual(['fonction count-selected()', 'fonction pulldata()']);
  });

  it.each(availableYears)('gives back every expression of %i unchanged after a round trip', async (year) => {
    const { catalog } = loadVersion(await readDefinition(year));
    const expressions = [...catalog.rules.map((r) => r.expression), ...Object.values(catalog.questions).flatMap((q) => [q.requiredIf, q.derived].filter((e): e is string => !!e))];
    const booleans = new Set(Object.values(catalog.questions).filter((q) => q.unit === 'yesno').map((q) => q.code));
    for (const e of expressions) expect(fromXlsExpression(toXlsExpression(e, booleans), 'self', booleans).expression).toBe(e);
  });
});

describe('XLSForm export and import', () => {
  it.each(availableYears)('round-trips the %i questionnaire through an .xlsx file without loss', async (year) => {
    const definition = await readDefinition(year);
    const { form, lost } = toXlsForm(definition);
    expect(lost).toEqual([]);
    expect(form.survey.columns).toEqual(expect.arrayContaining(['type', 'name', 'label', 'relevant', 'constraint', 'calculation', 'indicator', 'unit', 'aggregate', 'disclosure', 'section', 'level']));
    const back = fromXlsForm(await readXlsForm(await writeXlsForm(form)));
    expect(back.issues).toEqual([]);
    const normalized = normalizeDefinition(back.definition);
    expect(normalized).toEqual(normalizeDefinition(definition));
    // The comparison is only meaningful if metadata and rules survive normalization.
    expect(JSON.stringify(normalized)).toMatch(/"ruleId":"finances\.resultat".*/);
    expect(loadVersion(back.definition).catalog.rules.length).toBe(loadVersion(definition).catalog.rules.length);
  });

  it('writes the same bytes for the same questionnaire (a reproducible, diffable file)', async () => {
    const { form } = toXlsForm(await readDefinition(2025));
    const first = await writeXlsForm(form);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the 2-second resolution of zip dates
    expect(Buffer.from(await writeXlsForm(form)).equals(Buffer.from(first))).toBe(true);
  });

  it('writes rules, levels and mappings in their own sheets, XLSForm syntax inside', async () => {
    const { form } = toXlsForm(await readDefinition(2024));
    expect(form.rules.rows.find((r) => r.rule_id === 'participation.ag_presents_adherents')).toMatchObject({
      level: 'warning', question: 'participation.ag.presents', expression: expect.stringContaining('${participation.ag.presents} <= ${participation.adherents}'),
    });
    expect(form.mappings.rows).toEqual([expect.objectContaining({ from: 'territoire.qpv.codes', to: 'territoire.qpv.codes_2024', kind: 'meaning' })]);
    expect(form.survey.rows.find((r) => r.name === 'rh.temps_partiel_part')).toMatchObject({ type: 'decimal', constraint: '. >= 0 and . <= 100', unit: 'share' });
    expect(form.survey.rows.find((r) => r.name === 'actions.culture.personnes')).toMatchObject({ type: 'integer', relevant: "${actions.culture.oui} = 'true'" });
  });

  it('writes what ODK runs: no multi-argument sum(), yes/no compared with their choice strings, error rules as constraints, no group of calculations', async () => {
    const definition = await readDefinition(2025);
    const { form } = toXlsForm(definition);
    const cells = form.survey.rows.flatMap((r) => [r.relevant, r.required, r.calculation, r.constraint]).filter(Boolean);
    expect(cells.some((c) => /\bsum\(/.test(c))).toBe(false);
    expect(cells.some((c) => /true\(\)|false\(\)/.test(c))).toBe(false);
    expect(form.survey.rows.find((r) => r.name === 'rh.effectif.total')).toMatchObject({
      type: 'calculate', calculation: '(coalesce(${rh.effectif.direction_accueil}, 0) + coalesce(${rh.effectif.animation}, 0) + coalesce(${rh.effectif.technique}, 0))',
      panel: 'rh.totaux', panel_label: 'Totaux',
    });
    expect(form.survey.rows.some((r) => r.name === 'rh.totaux')).toBe(false);
    expect(form.survey.rows.find((r) => r.name === 'actions.culture.personnes')).toMatchObject({
      constraint: ". >= 0 and . <= 1000000 and (${actions.culture.oui} != 'false' or . = '' or . = 0)",
      constraint_message: expect.stringMatching(/ \(valeur attendue entre 0 et 1000000\)$/),
      rule_id: 'actions.culture.personnes_sans_action', rule_anchor: 'actions.culture.oui#0',
    });
    const constraintRules = form.survey.rows.filter((r) => r.rule_id).length;
    expect(constraintRules + form.rules.rows.length).toBe(loadVersion(definition).catalog.rules.length);
    expect(constraintRules).toBe(28);
    // Error rules kept aside: true on an empty last question would not hold (ODK skips it), or a second rule there, or a total as last.
    const kept = form.rules.rows.filter((r) => r.level === 'error').map((r) => r.rule_id.replace(/^actions\.\w+\./, 'actions.*.'));
    expect(new Set(kept)).toEqual(new Set(['actions.*.personnes_si_action', 'participation.ca_ages', 'participation.ca_composition',
      'finances.charges_salaries', 'finances.financements_produits', 'theme.2025.eaje_enfants']));
  });
});

const sheet = (columns: string[], rows: string[][]) => ({ columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))) });

describe('foreign XLSForm', () => {
  const foreign: XlsForm = {
    survey: sheet(['type', 'name', 'label::French (fr)', 'label::English (en)', 'relevant', 'constraint', 'constraint_message', 'choice_filter'], [
      ['start', 'start'],
      ['begin group', 'menage', 'Ménage'],
      ['integer', 'personnes', 'Personnes au foyer', '', '', '. >= 1 and . <= 30'],
      ['begin repeat', 'membres', 'Membres'],
      ['text', 'prenom', 'Prénom'],
      ['end repeat', 'membres'],
      ['geopoint', 'position', 'Position du logement'],
      ['select_one_from_file communes.csv', 'commune', 'Commune'],
      ['select_one sexe', 'sexe', 'Sexe', '', '', '', '', "pays = 'fr'"],
      ['decimal', 'revenu', 'Revenu', '', "${personnes} > 0", '. < ${personnes} * 10000', 'Revenu trop élevé'],
      ['integer', 'enfants', 'Enfants', '', 'count-selected(${sexe}) > 0'],
      ['end group', 'menage'],
    ]),
    choices: sheet(['list_name', 'name', 'label::French (fr)'], [['sexe', 'f', 'Femme'], ['sexe', 'h', 'Homme']]),
    settings: sheet(['form_title', 'version'], [['Enquête ménages', '2024']]),
  };

  it('imports what SurveyJS can express and reports each unsupported construct with its row', async () => {
    const { definition, issues } = fromXlsForm(await readXlsForm(await writeXlsForm(foreign)));
    expect(issues.map((i) => [i.row, i.construct])).toEqual([
      [10, 'colonne choice_filter'],
      [2, 'start'],
      [5, 'begin repeat'],
      [8, 'geopoint'],
      [9, 'select_one_from_file'],
      [12, 'fonction count-selected()'],
      ...['indicator', 'unit', 'aggregate', 'disclosure', 'section'].map((c) => [1, `colonne ${c}`]),
    ]);
    expect(issues.every((i) => i.message.length > 10)).toBe(true);
    const page = definition.pages[0];
    expect(page).toMatchObject({ name: 'menage', title: 'Ménage' });
    expect(page.elements!.map((e) => e.name)).toEqual(['personnes', 'sexe', 'revenu', 'enfants']);
    expect(page.elements![0]).toMatchObject({ type: 'text', inputType: 'number', min: 1, max: 30, unit: 'count', section: 'theme' });
    expect(page.elements![2]).toMatchObject({ visibleIf: '{personnes} > 0', validators: [{ type: 'expression', expression: '{revenu} < {personnes} * 10000', text: 'Revenu trop élevé' }] });
    expect(page.elements![3].visibleIf).toBeUndefined();
  });

  it('does not crash on an empty or malformed workbook', () => {
    expect(fromXlsForm({}).definition.pages).toEqual([]);
    const odd = fromXlsForm({ survey: sheet(['type', 'name'], [['select_one absente', 'q'], ['integer', ''], ['mystere', 'm']]) });
    expect(odd.issues.map((i) => i.row)).toEqual([2, 3, 4]);
  });
});
