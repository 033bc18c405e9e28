import { describe, expect, it } from 'vitest';
import { statementNames } from './statementNames';

describe('which statement texts are named', () => {
  it('a text with parameters from its second run, the same name each time; never one without parameters or that cannot be prepared', () => {
    const names = statementNames();
    const text = 'select * from answers where response_id = $1';
    expect(names.nameOf(text, 1)).toBeUndefined();
    const name = names.nameOf(text, 1);
    expect(name).toMatch(/^senacs_[0-9a-f]{20}$/);
    expect(names.nameOf(text, 1)).toBe(name);
    expect(statementNames({ after: 1 }).nameOf(text, 1)).toBe(name);
    for (const other of ['select count(*) from answers', 'begin', 'set local x = $1', 'create table t (a int)']) {
      names.nameOf(other, other.includes('$') ? 1 : 0);
      expect(names.nameOf(other, other.includes('$') ? 1 : 0)).toBeUndefined();
    }
  });

  it('a text unnamed stays unnamed, and past the limit new texts run as they are while named ones keep their name', () => {
    const names = statementNames({ after: 1, max: 2 });
    const [a, b, c] = ['select $1::int', 'select $1::text', 'select $1::date'];
    const na = names.nameOf(a, 1);
    expect(names.nameOf(b, 1)).toBeDefined();
    expect(names.nameOf(c, 1)).toBeUndefined();
    expect(names.nameOf(a, 1)).toBe(na);
    names.unname(a);
    expect(names.nameOf(a, 1)).toBeUndefined();
    expect(names.nameOf(c, 1)).toBeDefined();
  });
});
