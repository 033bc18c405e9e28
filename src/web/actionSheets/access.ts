import type { Me } from '../lib/types';

/** The structure's people write its fiches (the API decides; this only hides buttons that would be refused). */
export const canWriteSheets = (me: Me | null | undefined, structureId: number) =>
  !!me?.memberships.some((m) => ['contributor', 'board_member', 'director'].includes(m.role) && m.structureId === structureId);
/** Its director publishes them. */
export const canPublishSheets = (me: Me | null | undefined, structureId: number) =>
  !!me?.memberships.some((m) => m.role === 'director' && m.structureId === structureId);
