import { z } from 'zod';
import { commentKinds } from '../../../app/commentAnswer';

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
