import { describe, expect, it } from 'vitest';
import type { Query } from '../trust/types';
import { FillingStore } from './store';
import type { CommentRow } from './types';

/** A store and the number of times it told its readers something changed. */
function watched() {
  const store = new FillingStore();
  const seen = { n: 0 };
  const stop = store.subscribe(() => { seen.n++; });
  return { store, seen, stop };
}

describe('filling store', () => {
  it('replaces the map it changes, so a reader holding the old snapshot sees it unchanged', () => {
    const { store, seen } = watched();
    const before = store.answers;
    store.setAnswer({ code: 'a', value: 1, version: 1, author: 'Moi', at: null, prefilled: false });
    expect(store.answers).not.toBe(before);
    expect(before.size).toBe(0);
    expect(store.answers.get('a')?.value).toBe(1);
    const entryB = { code: 'b', value: 2, version: 3, author: null, at: null, prefilled: true };
    store.setAnswer(entryB);
    // The entries a change does not touch stay the same objects: their components do not re-render.
    const a = store.answers.get('a');
    store.setAnswer({ ...entryB, value: 5, version: 4 });
    expect(store.answers.get('a')).toBe(a);
    expect(seen.n).toBe(3);
  });

  it('tells its readers only when pending codes, field errors or the status really change', () => {
    const { store, seen } = watched();
    store.setPending(['a', 'b']);
    const pending = store.pending;
    store.setPending(['b', 'a']);
    expect(store.pending).toBe(pending);
    store.setFieldError('a', 'Un nombre est attendu.');
    store.setFieldError('a', 'Un nombre est attendu.');
    store.setFieldError('b', null);
    store.setStatus('saved', false);
    expect(seen.n).toBe(2);
    store.setPending(['a']);
    store.setFieldError('a', null);
    store.setStatus('offline', true);
    store.setStatus('offline', false);
    expect(seen.n).toBe(6);
    expect([...store.pending]).toEqual(['a']);
    expect(store.fieldErrors.size).toBe(0);
    expect(store).toMatchObject({ status: 'offline', offline: false });
  });

  it('groups comments by question, and keeps only the queries not yet closed', () => {
    const { store } = watched();
    const c = (id: number, code: string, body: string): CommentRow => ({ id, code, kind: 'comment', body, at: '2026-03-01T10:00:00Z', authorName: 'Équipe' });
    store.setComments([c(1, 'a', 'un'), c(2, 'b', 'deux'), c(3, 'a', 'trois')]);
    expect(store.comments.get('a')?.map((x) => x.body)).toEqual(['un', 'trois']);
    const q = (id: number, code: string, state: Query['state']): Query => ({ id, code, state, openedAt: '2026-03-01T10:00:00Z', closedAt: null, openedByName: 'CAF', messages: [] });
    store.setQueries([q(1, 'a', 'open'), q(2, 'a', 'closed'), q(3, 'b', 'answered'), q(4, 'c', 'closed')]);
    expect([...store.queries.keys()].sort()).toEqual(['a', 'b']);
    expect(store.queries.get('a')?.map((x) => x.id)).toEqual([1]);
  });

  it('stops telling a reader that unsubscribed', () => {
    const { store, seen, stop } = watched();
    store.bumpForm();
    stop();
    store.bumpForm();
    expect(seen.n).toBe(1);
    expect(store.formRev).toBe(2);
  });
});
