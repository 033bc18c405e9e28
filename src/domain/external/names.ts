/**
 * Structure and commune names as people write them differently: accents, case, hyphens, « CS » for
 * « Centre social », « St » for « Saint », the generic prefix that every centre shares. Normalising
 * strips all that; similarity then compares what is left (the distinctive part of the name).
 */

const abbreviations: Record<string, string> = {
  st: 'saint', ste: 'sainte', cs: 'centre social', csc: 'centre socioculturel', evs: 'espace de vie sociale',
  mjc: 'maison des jeunes et de la culture', asso: 'association', ass: 'association',
};

/** Words every centre's name may carry or omit: they say what a structure is, not which one. */
const generic = [
  'association de gestion du centre social', 'association du centre social', 'association centre social',
  'centre social et culturel', 'centre socioculturel', 'centre socio culturel', 'centre social', 'centres sociaux',
  'espace de vie sociale', 'maison de quartier', 'maison pour tous', 'foyer rural', 'association',
];
const stopwords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en']);

/**
 * Lower case, no accents, no punctuation, abbreviations expanded, single spaces.
 * @example normaliseText('Centre Social « Les Écureuils » - St-Priest') // 'centre social les ecureuils saint priest'
 */
export function normaliseText(s: string): string {
  const plain = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/[^a-z0-9]+/g, ' ').trim();
  return plain.split(' ').filter(Boolean).map((w) => abbreviations[w] ?? w).join(' ');
}

/**
 * The distinctive words of a structure name: normalised, generic prefixes and small words dropped.
 * @example nameTokens('CS de la Croix-Rousse') // ['croix', 'rousse']
 */
export function nameTokens(name: string): string[] {
  let text = ` ${normaliseText(name)} `;
  for (const g of generic) text = text.replaceAll(` ${g} `, ' ');
  const tokens = text.trim().split(' ').filter((w) => w && !stopwords.has(w));
  // A name that is only generic words (« Centre social ») keeps them: better than nothing to compare.
  return tokens.length ? tokens : normaliseText(name).split(' ').filter((w) => w && !stopwords.has(w));
}

/**
 * A commune name or INSEE code, comparable: « St-Étienne » and « SAINT ETIENNE » give the same key.
 * @example communeKey('St-Étienne') // 'saint etienne'
 */
export function communeKey(s: string): string {
  return normaliseText(s).replace(/\b(cedex|arrondissement)\b.*$/, '').replace(/\b\d+(er|e)?$/, '').trim();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) { const g = t.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1); }
  return m;
}

/**
 * Dice coefficient of character bigrams, in [0, 1].
 * @example bigramSimilarity('ecureuils', 'ecureuil') // ≈ 0.9
 */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const x = bigrams(a), y = bigrams(b);
  let shared = 0, total = 0;
  for (const [g, n] of x) { shared += Math.min(n, y.get(g) ?? 0); total += n; }
  for (const n of y.values()) total += n;
  return (2 * shared) / total;
}

/**
 * How alike two structure names are, in [0, 1]: tokens matched one to one (a token counts as equal from
 * 0.8 bigram similarity, for typos and plurals), averaged with the bigram similarity of the whole
 * distinctive part (for words glued or split differently).
 * @example nameSimilarity('Centre social de la Croix-Rousse', 'CS Croix Rousse') // 1
 * @example nameSimilarity('Centre social Bellevue', 'Centre social Les Minguettes') < 0.5 // true
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a), tb = nameTokens(b);
  const joinedA = ta.join(' '), joinedB = tb.join(' ');
  if (joinedA === joinedB) return 1;
  const used = new Set<number>();
  let matched = 0;
  for (const t of ta) {
    let best = -1, bestScore = 0.8;
    tb.forEach((u, j) => {
      if (used.has(j)) return;
      const s = t === u ? 1 : bigramSimilarity(t, u);
      if (s >= bestScore) { best = j; bestScore = s; }
    });
    if (best >= 0) { used.add(best); matched += bestScore; }
  }
  const tokenScore = (2 * matched) / (ta.length + tb.length || 1);
  const glued = bigramSimilarity(joinedA.replaceAll(' ', ''), joinedB.replaceAll(' ', ''));
  return Math.round(((tokenScore + glued) / 2) * 1000) / 1000;
}
