import { z } from 'zod';
import { campaignStates } from '../../../domain/campaignState';

export const releaseYearParam = z.coerce.number().int().min(2000).max(2100);
export const publishReleaseBody = z.object({
  note: z.string().max(2000, 'La note de version fait au plus 2 000 caractères.').default(''),
}).strict();

/** What changed since the previous release of the year: cells changed, now secret, now published, per indicator. */
const releaseDifference = z.object({
  changed: z.number(), nowSecret: z.number(), nowPublished: z.number(), indicators: z.array(z.object({ indicator: z.string(), changed: z.number() })),
});

/** A release as the public reads it (no figure, no population); summary fields absent from older releases are null. */
export const releaseView = z.object({
  year: z.number(), number: z.number(), publishedAt: z.string(), note: z.string(), publishedBy: z.string().nullable(),
  responses: z.number().nullable(), changedStructures: z.number().nullable(), heldBack: z.number().nullable(),
  suppressedDepartementPct: z.number().nullable(), difference: releaseDifference.nullable(), previousNumber: z.number().nullable(),
});

/** Every campaign with its state, closing day and releases, newest first. */
export const releaseListResponse = z.object({
  campaigns: z.array(z.object({ year: z.number(), state: z.enum(campaignStates), closesOn: z.string(), releases: z.array(releaseView) })),
});

/** What a release (or its preview) says of itself: responses, held-back cells, exact audit, difference from the previous one. */
const releaseSummary = z.object({
  responses: z.number(), changedStructures: z.number(), heldBack: z.number(),
  audit: z.object({ sensitive: z.number(), addedSuppressions: z.number(), pinned: z.number() }),
  suppressedDepartementPct: z.number(), difference: releaseDifference.nullable(), previousNumber: z.number().nullable(),
});

/** The preview of the next release: its summary only, nothing stored. */
export const releasePreviewResponse = z.object({ summary: releaseSummary });
/** The release published, and its summary. */
export const releasePublishedResponse = z.object({ release: releaseView.nullable(), summary: releaseSummary });
