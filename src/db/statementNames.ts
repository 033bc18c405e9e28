import { createHash } from 'node:crypto';

/** Statements a named prepared statement can hold (never `begin`, `set`, DDL…). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Which statement texts run as named prepared statements (see pglitePrepared and pgPrepared): a text with
 * parameters, from its `after`-th run, at most `max` names (texts are bounded in practice, but a list of `in`
 * values of every length makes new ones); a name is a hash of the text. A text unnamed once stays unnamed.
 * @example const names = statementNames(); names.nameOf('select * from answers where response_id = $1', 1) // undefined, then 'senacs_…'
 */
export function statementNames(o: { after?: number; max?: number } = {}) {
  const after = o.after ?? 2;
  const max = o.max ?? 500;
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  const plain = new Set<string>();
  return {
    /** The name to run `text` under, or undefined to run it as it is. */
    nameOf(text: string, paramCount: number): string | undefined {
      if (paramCount === 0 || plain.has(text) || !PREPARABLE.test(text)) return undefined;
      const known = names.get(text);
      if (known || names.size >= max) return known;
      const n = (seen.get(text) ?? 0) + 1;
      if (seen.size > 5 * max) seen.clear();
      seen.set(text, n);
      if (n < after) return undefined;
      const name = `senacs_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
      seen.delete(text);
      return name;
    },
    /** `text` runs as it is from now on (it cannot be prepared, or its kept plan went stale). */
    unname(text: string): void {
      names.delete(text);
      plain.add(text);
    },
  };
}
