/** The life of a response, from first opening to the lock at campaign close. */
export const responseStates = ['not_started', 'in_progress', 'submitted', 'returned', 'validated', 'locked'] as const;
export type ResponseState = (typeof responseStates)[number];

export const responseStateLabels: Record<ResponseState, string> = {
  not_started: 'non commencée', in_progress: 'en cours', submitted: 'transmise', returned: 'renvoyée (questions ouvertes)',
  validated: 'validée', locked: 'verrouillée',
};

/**
 * Whether the structure's team may change answers: before submission, and when returned with queries.
 * @example editableByStructure('submitted') // false
 */
export function editableByStructure(state: string): boolean {
  return state === 'not_started' || state === 'in_progress' || state === 'returned';
}
