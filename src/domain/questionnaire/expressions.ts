/**
 * Translation of expressions between SurveyJS (`{code} > 0`, `{code} empty`, `iif`) and XLSForm
 * (`${code} > 0`, `${code} = ''`, `if`). Token by token, so string literals are never touched and a
 * SurveyJS → XLSForm → SurveyJS trip gives back the same text for the forms our definitions use.
 */
import { FunctionFactory } from 'survey-core';
import './functions';

type Kind = 'space' | 'string' | 'variable' | 'number' | 'word' | 'symbol';
interface Token { kind: Kind; text: string }

const patterns: [Kind, RegExp][] = [
  ['space', /^\s+/],
  ['string', /^'[^']*'|^"[^"]*"/],
  ['variable', /^\$?\{[^}]*\}/],
  ['number', /^\d+(?:\.\d+)?/],
  ['word', /^[A-Za-z_][\w:-]*/],
  ['symbol', /^(?:<=|>=|!=|==|<>|&&|\|\||[=<>+\-*/%(),[\]!.])/],
];

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let rest = expression;
  while (rest.length > 0) {
    const found = patterns.map(([kind, re]) => [kind, re.exec(rest)?.[0]] as const).find(([, text]) => text);
    if (!found) throw new SyntaxError(`caractère inattendu « ${rest[0]} » dans « ${expression} »`);
    tokens.push({ kind: found[0], text: found[1]! });
    rest = rest.slice(found[1]!.length);
  }
  return tokens;
}

/** The next token that is not a space, from index i. */
function nextSolid(tokens: Token[], i: number): number {
  let j = i;
  while (tokens[j]?.kind === 'space') j++;
  return j;
}

const comparisons = new Set(['=', '==', '!=', '<>']);
const nameOf = (variable: string): string => variable.replace(/^\$?\{|\}$/g, '');

/** The previous token that is not a space, before index i (-1 if none). */
function previousSolid(tokens: Token[], i: number): number {
  let j = i - 1;
  while (tokens[j]?.kind === 'space') j--;
  return j;
}

/**
 * Whether token i is the other side of an equality with a yes/no question (`{x} = true`, `'true' != ${x}`):
 * in XLSForm a yes/no answer is the choice string 'true' or 'false', and `boolean('false')` is true.
 */
function comparedWithYesNo(tokens: Token[], i: number, booleans: ReadonlySet<string>, self?: string): boolean {
  const isYesNo = (t: Token | undefined) => (t?.kind === 'variable' && booleans.has(nameOf(t.text))) || (t?.text === '.' && self !== undefined && booleans.has(self));
  const before = previousSolid(tokens, i);
  if (comparisons.has(tokens[before]?.text ?? '') && isYesNo(tokens[previousSolid(tokens, before)])) return true;
  const after = nextSolid(tokens, i + 1);
  return comparisons.has(tokens[after]?.text ?? '') && isYesNo(tokens[nextSolid(tokens, after + 1)]);
}

/** Arguments of the call whose `(` is at index open, as texts, and the index of its `)`. */
function callArguments(tokens: Token[], open: number): { args: string[]; close: number } {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (text === '(' && depth++ === 0) continue;
    if (text === ')' && --depth === 0) return { args: [...args, current.trim()].filter((a, k) => a || k > 0), close: i };
    if (text === ',' && depth === 1) { args.push(current.trim()); current = ''; continue; }
    current += text;
  }
  throw new SyntaxError('parenthèse non fermée');
}

/**
 * SurveyJS expression → XLSForm (XPath-like) expression, as ODK Collect and Enketo evaluate it:
 * - `sum(a, b, c)` (SurveyJS adds its arguments, skipping empty ones) becomes
 *   `(coalesce(a, 0) + coalesce(b, 0) + coalesce(c, 0))`: XPath's `sum()` takes one node-set;
 * - `true`/`false` compared with a yes/no question (`booleans`) become the choice strings `'true'`/`'false'`,
 *   elsewhere `true()`/`false()`.
 *
 * @example
 * toXlsExpression("{a.b} empty or {a.b} = true", new Set(['a.b'])); // "${a.b} = '' or ${a.b} = 'true'"
 * toXlsExpression('sum({a}, {b}) > 0'); // '(coalesce(${a}, 0) + coalesce(${b}, 0)) > 0'
 */
export function toXlsExpression(expression: string, booleans: ReadonlySet<string> = new Set()): string {
  const tokens = tokenize(expression);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const open = nextSolid(tokens, i + 1);
    const call = tokens[open]?.text === '(';
    if (t.kind === 'word' && t.text === 'sum' && call) {
      const { args, close } = callArguments(tokens, open);
      out += `(${args.map((a) => `coalesce(${toXlsExpression(a, booleans)}, 0)`).join(' + ') || '0'})`;
      i = close;
    } else if (t.kind === 'variable') out += `$${t.text.replace(/^\$/, '')}`;
    else if (t.kind === 'symbol') out += t.text === '/' ? 'div' : t.text === '%' ? 'mod' : t.text;
    else if (t.kind !== 'word') out += t.text;
    else if (t.text === 'empty') out += "= ''";
    else if (t.text === 'notempty') out += "!= ''";
    else if ((t.text === 'true' || t.text === 'false') && !call) out += comparedWithYesNo(tokens, i, booleans) ? `'${t.text}'` : `${t.text}()`;
    else if (t.text === 'iif' && call) out += 'if';
    else out += t.text;
  }
  return out;
}

/**
 * At index i, `(coalesce(${a}, 0) + coalesce(${b}, 0) …)` as written by {@link toXlsExpression} for a
 * SurveyJS `sum()`: the variables and the index of the closing parenthesis, or undefined.
 */
function coalescedSum(tokens: Token[], i: number): { variables: string[]; close: number } | undefined {
  const solid: number[] = [];
  for (let k = i; k < tokens.length; k++) if (tokens[k].kind !== 'space') solid.push(k);
  const at = (n: number) => tokens[solid[n]]?.text;
  if (at(0) !== '(') return undefined;
  const variables: string[] = [];
  let n = 1;
  for (;;) {
    if (at(n) !== 'coalesce' || at(n + 1) !== '(' || tokens[solid[n + 2]]?.kind !== 'variable' || at(n + 3) !== ',' || at(n + 4) !== '0' || at(n + 5) !== ')') return undefined;
    variables.push(at(n + 2)!);
    n += 6;
    if (at(n) === ')') return { variables, close: solid[n] };
    if (at(n) !== '+') return undefined;
    n++;
  }
}

/** Functions an XLSForm expression may call once translated: SurveyJS built-ins and ours. */
function knownFunction(name: string): boolean {
  return FunctionFactory.Instance.hasFunction(name);
}

const operatorWords = new Set(['and', 'or', 'div', 'mod', 'anyof', 'allof', 'noneof', 'contains', 'notcontains']);
const xlsFunctionNames: Record<string, string> = { if: 'iif', now: 'currentDate' };

/**
 * XLSForm expression → SurveyJS expression (the reverse of {@link toXlsExpression}: coalesced sums become
 * `sum()`, `'true'`/`'false'` compared with a yes/no question in `booleans` become `true`/`false`).
 * `.` (the current question) becomes `{self}`. Constructs
 * with no SurveyJS equivalent (unknown functions, `..`, paths) are listed in `unsupported`, and then
 * `expression` must not be used.
 *
 * @example
 * fromXlsExpression("${a} = '' or selected(${b}, 'x')", 'c');
 * // { expression: "{a} empty or {b} anyof ['x']", unsupported: [] }
 * fromXlsExpression("(coalesce(${a}, 0) + coalesce(${b}, 0)) > 0 and ${y} = 'true'", 'c', new Set(['y']));
 * // { expression: 'sum({a}, {b}) > 0 and {y} = true', unsupported: [] }
 */
export function fromXlsExpression(expression: string, self: string, booleans: ReadonlySet<string> = new Set()): { expression: string; unsupported: string[] } {
  let tokens: Token[];
  try {
    tokens = tokenize(expression);
  } catch (error) {
    return { expression: '', unsupported: [(error as Error).message] };
  }
  const out: string[] = [];
  const unsupported: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const j = nextSolid(tokens, i + 1);
    const after = tokens[j];
    const sum = t.text === '(' ? coalescedSum(tokens, i) : undefined;
    if (sum) {
      out.push(`sum(${sum.variables.map((v) => v.replace(/^\$/, '')).join(', ')})`);
      i = sum.close;
    } else if (t.kind === 'string' && /^'(true|false)'$/.test(t.text) && comparedWithYesNo(tokens, i, booleans, self)) {
      out.push(t.text.slice(1, -1));
    } else if ((t.text === '=' || t.text === '!=') && after?.kind === 'string' && after.text.length === 2) {
      out.push(t.text === '=' ? 'empty' : 'notempty');
      i = j;
    } else if (t.kind === 'variable') {
      out.push(t.text.replace(/^\$/, ''));
    } else if (t.text === '.' && tokens[i + 1]?.text !== '.') {
      out.push(`{${self}}`);
    } else if (t.kind === 'symbol' && t.text === '.') {
      unsupported.push('chemin relatif « .. »');
      i++;
    } else if (t.kind === 'word' && after?.text === '(' && !operatorWords.has(t.text)) {
      const translated = translateCall(tokens, i, j, self);
      if (translated.unsupported) unsupported.push(translated.unsupported);
      out.push(translated.text);
      i = translated.end;
    } else if (t.kind === 'word' && (t.text === 'div' || t.text === 'mod')) {
      out.push(t.text === 'div' ? '/' : '%');
    } else {
      out.push(t.text);
    }
  }
  return { expression: out.join(''), unsupported };
}

function translateCall(tokens: Token[], i: number, open: number, self: string): { text: string; end: number; unsupported?: string } {
  const name = tokens[i].text;
  const closeNow = nextSolid(tokens, open + 1);
  if ((name === 'true' || name === 'false') && tokens[closeNow]?.text === ')') return { text: name, end: closeNow };
  if (name === 'not') return { text: '!', end: open - 1 };
  if (name === 'selected') {
    const parts = tokens.slice(open + 1).filter((t) => t.kind !== 'space');
    const [subject, comma, value, close] = parts;
    if ((subject?.kind === 'variable' || subject?.text === '.') && comma?.text === ',' && value?.kind === 'string' && close?.text === ')') {
      const variable = subject.text === '.' ? `{${self}}` : subject.text.replace(/^\$/, '');
      const end = tokens.indexOf(close, open);
      return { text: `${variable} anyof [${value.text}]`, end };
    }
    return { text: name, end: i, unsupported: 'selected() sur autre chose qu’une question' };
  }
  const mapped = xlsFunctionNames[name] ?? name;
  if (!knownFunction(mapped)) return { text: name, end: i, unsupported: `fonction ${name}()` };
  return { text: mapped, end: i };
}
