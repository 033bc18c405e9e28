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

/**
 * SurveyJS expression → XLSForm (XPath-like) expression.
 *
 * @example
 * toXlsExpression("{a.b} empty or {a.b} = true"); // "${a.b} = '' or ${a.b} = true()"
 */
export function toXlsExpression(expression: string): string {
  const tokens = tokenize(expression);
  return tokens.map((t, i) => {
    if (t.kind === 'variable') return `$${t.text.replace(/^\$/, '')}`;
    if (t.kind === 'symbol') return t.text === '/' ? 'div' : t.text === '%' ? 'mod' : t.text;
    if (t.kind !== 'word') return t.text;
    const call = tokens[nextSolid(tokens, i + 1)]?.text === '(';
    if (t.text === 'empty') return "= ''";
    if (t.text === 'notempty') return "!= ''";
    if ((t.text === 'true' || t.text === 'false') && !call) return `${t.text}()`;
    if (t.text === 'iif' && call) return 'if';
    return t.text;
  }).join('');
}

/** Functions an XLSForm expression may call once translated: SurveyJS built-ins and ours. */
function knownFunction(name: string): boolean {
  return FunctionFactory.Instance.hasFunction(name);
}

const operatorWords = new Set(['and', 'or', 'div', 'mod', 'anyof', 'allof', 'noneof', 'contains', 'notcontains']);
const xlsFunctionNames: Record<string, string> = { if: 'iif', now: 'currentDate' };

/**
 * XLSForm expression → SurveyJS expression. `.` (the current question) becomes `{self}`. Constructs
 * with no SurveyJS equivalent (unknown functions, `..`, paths) are listed in `unsupported`, and then
 * `expression` must not be used.
 *
 * @example
 * fromXlsExpression("${a} = '' or selected(${b}, 'x')", 'c');
 * // { expression: "{a} empty or {b} anyof ['x']", unsupported: [] }
 */
export function fromXlsExpression(expression: string, self: string): { expression: string; unsupported: string[] } {
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
    if ((t.text === '=' || t.text === '!=') && after?.kind === 'string' && after.text.length === 2) {
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
