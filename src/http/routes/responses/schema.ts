import { z } from 'zod';
import { commentKinds } from '../../../app/responses/commentAnswer';
import { campaignStates } from '../../../domain/campaignState';
import { levels } from '../../../domain/questionnaire/types';
import { responseStates } from '../../../domain/responseState';

/** Any JSON answer value; its type and range are checked against the questionnaire. */
const answerValue = z.union([z.number(), z.string().max(5000), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);

export const saveAnswerBody = z.object({
  value: answerValue,
  baseVersion: z.number().int().min(0).max(1_000_000),
});
export const confirmAnswerBody = z.object({ baseVersion: z.number().int().min(1).max(1_000_000) });
export const commentBody = z.object({
  code: z.string().trim().min(1).max(120),
  kind: z.enum(commentKinds).default('comment'),
  body: z.string().trim().min(1, 'Le commentaire est vide.').max(4000),
});
export const presenceBody = z.object({ section: z.string().max(60).nullable() });
export const codeParam = /^[a-z0-9_.]{1,120}$/;

/** A response opened: its id, and whether this opening created it (prefilled with last year's answers). */
export const openedResponse = z.object({ responseId: z.number(), created: z.boolean() });

/** Who has the response's page open, on which section, last seen when (ms since the epoch). */
export const presenceEntry = z.object({ userId: z.number(), name: z.string(), section: z.string().nullable(), seenAt: z.number() });

/** A response with its structure and campaign, as its pages and the review see it. */
export const responseContext = z.object({
  id: z.number(), state: z.enum(responseStates), structureId: z.number(), campaignId: z.number(),
  submittedAt: z.string().nullable(), validatedAt: z.string().nullable(), structureName: z.string(), structureKind: z.enum(['CS', 'EVS']),
  departementCode: z.string(), regionCode: z.string(), year: z.number(), campaignState: z.enum(campaignStates), questionnaireId: z.number().nullable(),
});

/** The response page: the response, its answers, last year's answers and external data (for prev() and ext()), what the visitor may do, who is there. */
export const responseView = z.object({
  response: responseContext,
  reopened: z.object({ reason: z.string(), at: z.string(), by: z.string().nullable() }).optional(),
  answers: z.array(z.object({
    code: z.string(), value: z.unknown(), version: z.number(), prefilled: z.boolean(), updatedAt: z.string(), authorId: z.number().nullable(), authorName: z.string().nullable(),
  })),
  previous: z.record(z.string(), z.unknown()),
  external: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string()]).nullable())),
  can: z.object({ fill: z.boolean(), submit: z.boolean(), submitOnceStarted: z.boolean(), review: z.boolean() }),
  presence: z.array(presenceEntry),
});

/** An answer saved (or confirmed): the value as stored and its new version. */
export const savedAnswer = z.object({ code: z.string(), value: z.unknown(), version: z.number() });

/** The revisions of one answer, oldest first: who, when, before → after. */
export const answerHistoryResponse = z.object({
  items: z.array(z.object({
    id: z.number(), value: z.unknown(), previous: z.unknown(), version: z.number(), kind: z.string(), at: z.string(), authorName: z.string().nullable(),
  })),
  total: z.number(),
});

/** The comments on a response's answers, oldest first. */
export const commentListResponse = z.object({
  items: z.array(z.object({ id: z.number(), code: z.string(), kind: z.enum(commentKinds), body: z.string(), at: z.string(), authorName: z.string() })),
  total: z.number(),
});

/** A comment written. */
export const commentCreated = z.object({ id: z.number() });

/** One finding of the checks: the rule, its level, its French message, the questions it reads; warnings say whether a comment justifies them. */
export const finding = z.object({ rule: z.string(), level: z.enum(levels), message: z.string(), questions: z.array(z.string()), justified: z.boolean().optional() });

/** A response's checks: errors block submission, warnings need a comment, infos inform. */
export const validationResponse = z.object({ errors: z.array(finding), warnings: z.array(finding), infos: z.array(finding) });

/** A response transmitted. */
export const submittedResponse = z.object({ state: z.literal('submitted') });

/** Who is on the response's page now. */
export const presenceResponse = z.object({ people: z.array(presenceEntry) });
