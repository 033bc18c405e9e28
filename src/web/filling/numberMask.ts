/**
 * French typing of numbers (issue 14): the browser's number field read "45 000,50" as 4500050. Every
 * numeric question becomes a text field with SurveyJS's own input mask — decimal comma, a space between
 * thousands, the unit shown in the field — and still saves a plain number (45000.5). Pure: it rewrites a
 * definition before the SurveyModel is built.
 */

interface Element { type?: string; inputType?: string; name?: string; title?: unknown; unit?: string; min?: number; max?: number; elements?: Element[]; templateElements?: Element[]; [k: string]: unknown }

/** The unit written after the number, with a non-breaking space as French typography wants. */
function suffixOf(e: Element): string {
  if (e.unit === 'euros') return '\u00a0€';
  if (e.unit === 'fte') return '\u00a0ETP';
  if (e.unit === 'share') return '\u00a0%';
  if (e.unit === 'count' && /\.personnes$/.test(e.name ?? '')) return '\u00a0personnes';
  return '';
}

/** The mask of one numeric question; a year (between 1000 and 9999) is written without a thousands space. */
export function frenchNumberMask(e: Element): Element {
  const year = (e.min ?? 0) >= 1000 && (e.max ?? Infinity) <= 9999;
  const suffix = suffixOf(e);
  const settings: Record<string, unknown> = {
    decimalSeparator: ',',
    thousandsSeparator: year ? '' : ' ',
    precision: e.unit === 'count' ? 0 : 2,
    allowNegativeValues: (e.min ?? 0) < 0,
    ...(e.min !== undefined ? { min: e.min } : {}),
    ...(e.max !== undefined ? { max: e.max } : {}),
    ...(suffix ? { suffix } : {}),
  };
  const rest = { ...e };
  delete rest.inputType;
  return { ...rest, inputType: 'text', maskType: suffix ? 'currency' : 'numeric', maskSettings: settings };
}

/**
 * The definition with every `text` question of inputType `number` masked the French way.
 * @example withFrenchNumbers({ pages: [{ elements: [{ type: 'text', inputType: 'number', name: 'finances.tresorerie', unit: 'euros' }] }] })
 * // → the question has inputType 'text', maskType 'currency', maskSettings { decimalSeparator: ',', thousandsSeparator: ' ', suffix: ' €', … }
 */
export function withFrenchNumbers<T extends object>(definition: T): T {
  const walk = (e: Element): Element => {
    let out = e.type === 'text' && e.inputType === 'number' ? frenchNumberMask(e) : e;
    if (Array.isArray(out.elements)) out = { ...out, elements: out.elements.map(walk) };
    if (Array.isArray(out.templateElements)) out = { ...out, templateElements: out.templateElements.map(walk) };
    return out;
  };
  const d = definition as { pages?: Element[] };
  return (Array.isArray(d.pages) ? { ...definition, pages: d.pages.map(walk) } : definition) as T;
}
