import { describe, expect, it } from 'vitest';
import { canTransition, editableCodes, isExpected, transitions } from './workflow';
import { responseStates } from './responseState';

describe('workflow', () => {
  it('allows each transition only from its states', () => {
    const allowed = Object.fromEntries(Object.keys(transitions).map((t) => [t, responseStates.filter((s) => canTransition(t as keyof typeof transitions, s))]));
    expect(allowed).toEqual({
      submit: ['in_progress', 'returned'], return: ['submitted'], validate: ['submitted'], reopen: ['submitted', 'validated'],
      unlock: ['locked'], lock: ['validated'],
    });
  });
  it('unlocks only queried answers of a returned response', () => {
    expect(editableCodes('in_progress', [])).toBe('all');
    expect([...(editableCodes('returned', ['a', 'b']) as Set<string>)]).toEqual(['a', 'b']);
    expect((editableCodes('submitted', ['a']) as Set<string>).size).toBe(0);
    expect((editableCodes('locked', []) as Set<string>).size).toBe(0);
  });
  it('expects structures approved before the data year only', () => {
    expect(isExpected('2023-12-31', 2024)).toBe(true);
    expect(isExpected('2024-01-01', 2024)).toBe(false);
    expect(isExpected(null, 2024)).toBe(true);
  });
});
