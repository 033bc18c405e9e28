/**
 * The exported XLSForm runs as SurveyJS runs: every relevant, required, calculation and constraint of the
 * national questionnaire is evaluated on generated answers (yes/no answered "Non", empty totals, values
 * out of range) by openrosa-xpath-evaluator — Enketo's XPath engine, KoboToolbox's web forms — inside
 * Chromium, and by SurveyJS's own expression engine on the same answers; the results must be equal.
 * `${x}` becomes `/data/x` as pyxform writes it (a flat instance: groups change no value here).
 */
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { ConditionRunner, ExpressionRunner } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../test/e2e/browser';
import { availableYears, readDefinition } from '../../app/questionnaires/readDefinition';
import { toXlsForm } from './xlsform';
import { elementsInOrder } from './xlsformRules';
import type { DefinitionElement } from './types';

type Answers = Record<string, unknown>;
interface Check { kind: 'relevant' | 'required' | 'calculation' | 'constraint'; name: string; xpath: string }

/** A small seeded generator (mulberry32), so a failure is reproducible. */
function generator(seed: number) {
  let a = seed;
  const next = () => { a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  return { next, pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)], int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const textSamples: Record<string, string[]> = {
  'identite.siret': ['12345678901234', '1234', '1234567890123A'],
  'identite.code_postal': ['69001', '2A004', '6900', 'ABCDE'],
  'identite.courriel': ['contact@centre.fr', 'contact@centre', 'a b@c.fr'],
};

/** One answer set: `emptyNumbers` leaves every number unanswered (the totals are then empty sums). */
function answersFor(questions: DefinitionElement[], rand: ReturnType<typeof generator>, emptyNumbers: boolean): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const r = rand.next();
    if (q.type === 'boolean') { if (r < 0.85) answers[q.name] = r < 0.45; continue; }
    if (q.type === 'radiogroup' || q.type === 'dropdown') {
      if (r < 0.85) answers[q.name] = rand.pick((q.choices as { value: string }[]).map((c) => c.value));
      continue;
    }
    if (q.type === 'comment' || (q.type === 'text' && q.inputType === undefined)) {
      if (r < 0.7) answers[q.name] = textSamples[q.name] ? rand.pick(textSamples[q.name]) : 'réponse';
      continue;
    }
    if (q.inputType === 'date') { if (r < 0.8) answers[q.name] = `${rand.int(1940, 2030)}-0${rand.int(1, 9)}-1${rand.int(0, 9)}`; continue; }
    if (q.inputType !== 'number' || emptyNumbers || r < 0.2) continue;
    const max = Number(q.max ?? 1000);
    const big = max >= 1_000_000 && q.name.startsWith('finances.');
    answers[q.name] = r < 0.3 ? 0 : r < 0.35 ? max + 1 : r < 0.38 ? -1 : big ? rand.int(0, 40) * 5000 : Math.max(0, Number(q.min ?? 0)) + rand.int(0, 12) + (q.name.startsWith('rh.etp') && r > 0.7 ? 0.5 : 0);
  }
  // Make the balance rules go both ways: sometimes the answers agree exactly.
  const p = answers['finances.produits'];
  if (typeof p === 'number' && rand.next() < 0.4 && typeof answers['finances.charges'] === 'number') answers['finances.resultat'] = p - (answers['finances.charges'] as number);
  return answers;
}

/** The instance ODK would hold: yes/no as their choice strings, numbers as text, empty elements when unanswered. */
function instanceOf(questions: DefinitionElement[], answers: Answers): string {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<data>${questions.map((q) => `<${q.name}>${answers[q.name] === undefined ? '' : escapeXml(String(answers[q.name]))}</${q.name}>`).join('')}</data>`;
}

const toXPath = (expression: string) => expression.replace(/\$\{([^}]+)\}/g, '/data/$1');

describe('XLSForm expressions: openrosa-xpath-evaluator (Enketo) agrees with SurveyJS', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const entry = createRequire(import.meta.url).resolve('openrosa-xpath-evaluator');
    const bundled = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'openrosaXPath', write: false, platform: 'browser', external: ['node-forge'], logLevel: 'silent' });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.addScriptTag({ content: bundled.outputFiles[0].text });
  }, 120_000);
  afterAll(async () => { await browser?.close(); });

  it.each(availableYears)('evaluates every relevant, required, calculation and constraint of %i alike on 300 answer sets', async (year) => {
    const definition = await readDefinition(year);
    const { form } = toXlsForm(definition);
    const elements = elementsInOrder(definition);
    const questions = elements.filter((e) => !e.elements && e.type !== 'html');
    const byName = new Map(elements.map((e) => [e.name, e]));
    const checks: Check[] = form.survey.rows.flatMap((row) => (['relevant', 'required', 'calculation', 'constraint'] as const)
      .filter((kind) => row[kind] && row[kind] !== 'yes')
      .map((kind) => ({ kind, name: row.name, xpath: toXPath(row[kind]) })));
    if (year === 2025) expect(checks.filter((c) => c.kind === 'constraint' && /and \(/.test(c.xpath)).length).toBe(28);

    const rand = generator(year);
    const sets = Array.from({ length: 300 }, (_, i) => answersFor(questions, rand, i % 6 === 0));
    const calculations = questions.filter((q) => q.type === 'expression').map((q) => q.name);
    const xpathResults = await page.evaluate(({ instances, checks, calculations }) => {
      const evaluator = (window as unknown as { openrosaXPath: () => { evaluate: (e: string, n: Node, r: null, t: number) => XPathResult } }).openrosaXPath();
      const evaluate = (e: string, n: Node, r: null, t: number) => evaluator.evaluate(e, n, r, t);
      return instances.map((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'text/xml');
        const node = (name: string) => doc.getElementsByTagName(name)[0];
        for (const check of checks.filter((c) => c.kind === 'calculation' && calculations.includes(c.name))) {
          node(check.name).textContent = String(evaluate(check.xpath, doc, null, XPathResult.NUMBER_TYPE).numberValue);
        }
        return checks.map((c) => {
          const context = node(c.name) ?? doc.documentElement; // a group: the relevant reads absolute paths only
          if (c.kind === 'calculation') return evaluate(c.xpath, context, null, XPathResult.NUMBER_TYPE).numberValue;
          if (c.kind === 'constraint' && context.textContent === '') return null; // ODK checks a constraint once answered
          return evaluate(c.xpath, context, null, XPathResult.BOOLEAN_TYPE).booleanValue;
        });
      });
    }, { instances: sets.map((a) => instanceOf(questions, a)), checks, calculations });

    const outcomes = new Map<string, Set<unknown>>();
    const disagreements: string[] = [];
    sets.forEach((answers, s) => {
      const values: Answers = { ...answers };
      for (const name of calculations) values[name] = new ExpressionRunner(String(byName.get(name)!.expression)).runValues(values);
      checks.forEach((check, c) => {
        const element = byName.get(check.name)!;
        const rule = (element.validators as { type: string; ruleId?: string; expression?: string; regex?: string }[] | undefined) ?? [];
        const placed = elements.flatMap((e) => (e.validators ?? []) as { ruleId?: string; expression?: string }[])
          .find((v) => v.ruleId && v.ruleId === form.survey.rows.find((r) => r.name === check.name)?.rule_id);
        const condition = (text: string) => new ConditionRunner(text).runValues(values);
        let expected: unknown;
        if (check.kind === 'relevant') expected = condition(String(element.visibleIf));
        else if (check.kind === 'required') expected = condition(String(element.requiredIf));
        else if (check.kind === 'calculation') expected = values[check.name];
        else {
          const value = values[check.name];
          const ruleHolds = placed ? condition(placed.expression!) : true;
          if (value === undefined) {
            // ODK skips it: only right if the rule holds on an empty answer.
            if (!ruleHolds) disagreements.push(`${check.name} (vide) : la règle ${placed?.ruleId} est fausse, ODK ne la vérifierait pas`);
            expected = null;
          } else {
            const inRange = (element.min === undefined || (value as number | string) >= (element.min as number | string))
              && (element.max === undefined || (value as number | string) <= (element.max as number | string));
            const regexes = rule.filter((v) => v.type === 'regex').every((v) => new RegExp(v.regex!).test(String(value)));
            expected = inRange && regexes && ruleHolds;
          }
        }
        const actual = xpathResults[s][c];
        if (actual !== expected) disagreements.push(`jeu ${s}, ${check.kind} de ${check.name} : ODK ${String(actual)}, SurveyJS ${String(expected)} — ${check.xpath}`);
        if (!outcomes.has(`${check.kind} ${check.name}`)) outcomes.set(`${check.kind} ${check.name}`, new Set());
        outcomes.get(`${check.kind} ${check.name}`)!.add(actual);
      });
    });
    const per = (kind: Check['kind']) => checks.filter((c) => c.kind === kind).length;
    console.log(`figures: xlsform ${year} = ${checks.length} expressions (relevant ${per('relevant')}, required ${per('required')}, calculation ${per('calculation')}, constraint ${per('constraint')}) × ${sets.length} answer sets, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The answers exercise both outcomes of every yes/no relevant (the bug of `= true()`) and of every constraint.
    const oneSided = [...outcomes].filter(([key, seen]) => /^(relevant|constraint)/.test(key) && !(seen.has(true) && seen.has(false))).map(([key]) => key);
    expect(oneSided).toEqual([]);
    const sums = [...outcomes].filter(([key]) => key.startsWith('calculation')).map(([key, seen]) => [key, seen.has(0)]);
    expect(sums).toEqual(calculations.map((name) => [`calculation ${name}`, true]));
  }, 180_000);
});
