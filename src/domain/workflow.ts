import type { ResponseState } from './responseState';

/** What can happen to a response after submission, and who does it. */
export const transitions = {
  submit: { from: ['in_progress', 'returned'], to: 'submitted', by: 'structure' },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer' },
  validate: { from: ['submitted'], to: 'validated', by: 'reviewer' },
  reopen: { from: ['submitted', 'validated'], to: 'in_progress', by: 'reviewer' },
  unlock: { from: ['locked'], to: 'validated', by: 'national' },
  lock: { from: ['validated'], to: 'locked', by: 'national' },
} as const satisfies Record<string, { from: readonly ResponseState[]; to: ResponseState; by: 'structure' | 'reviewer' | 'national' }>;

export type Transition = keyof typeof transitions;

/**
 * Whether a transition may start from a state.
 * @example canTransition('validate', 'submitted') // true
 */
export function canTransition(t: Transition, from: string): boolean {
  return (transitions[t].from as readonly string[]).includes(from);
}

/** States whose answers count in published figures. */
export const publishedStates = ['validated', 'locked'] as const;

export const queryStates = ['open', 'answered', 'closed'] as const;
export type QueryState = (typeof queryStates)[number];

/**
 * Which answers the structure's team may change: all of them before submission; when the response
 * is returned, only the answers under an open query (and only those).
 * @example editableCodes('returned', ['finances.produits']) // Set {'finances.produits'}
 */
export function editableCodes(state: string, queriedCodes: readonly string[]): 'all' | Set<string> {
  if (state === 'not_started' || state === 'in_progress') return 'all';
  if (state === 'returned') return new Set(queriedCodes);
  return new Set();
}

/**
 * Whether a structure is expected to answer a campaign: approved before the data year began (a structure
 * approved during the year joins the next campaign).
 * @example isExpected('2024-05-01', 2024) // false
 */
export function isExpected(firstApprovalOn: string | Date | null, dataYear: number): boolean {
  if (!firstApprovalOn) return true;
  const d = typeof firstApprovalOn === 'string' ? new Date(firstApprovalOn) : firstApprovalOn;
  return d.getTime() < Date.UTC(dataYear, 0, 1);
}
