/**
 * Edits not yet acknowledged by the server, kept in localStorage per response and per person, so that
 * a page closed or reloaded while offline loses nothing. Each edit carries the version it started from:
 * sent later, the server still refuses it if someone changed the answer meanwhile.
 */
export interface QueuedEdit { code: string; value: unknown; baseVersion: number }

const key = (responseId: number, userId: number) => `senacs:edits:${responseId}:${userId}`;

export function loadQueue(responseId: number, userId: number): QueuedEdit[] {
  try {
    const raw = window.localStorage.getItem(key(responseId, userId));
    const data: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(data)) return [];
    return data.filter((e): e is QueuedEdit =>
      typeof e === 'object' && e !== null && typeof (e as QueuedEdit).code === 'string' && Number.isInteger((e as QueuedEdit).baseVersion));
  } catch {
    return [];
  }
}

export function saveQueue(responseId: number, userId: number, edits: QueuedEdit[]): void {
  try {
    if (edits.length === 0) window.localStorage.removeItem(key(responseId, userId));
    else window.localStorage.setItem(key(responseId, userId), JSON.stringify(edits));
  } catch {
    // Storage full or disabled (private browsing): edits stay in memory for this page only.
  }
}
