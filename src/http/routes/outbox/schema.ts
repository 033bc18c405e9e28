import { z } from 'zod';
import { outboxStates } from '../../../domain/outbox';
import { territoryQuery } from '../campaigns/schema';

export const outboxQuery = territoryQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
/** A page of the outbox; the mail server's error replies are shown to the national administration only. */
export const outboxResponse = z.object({
  items: z.array(z.object({
    id: z.number(), toEmail: z.string(), subject: z.string(), body: z.string(), createdAt: z.string(), sentAt: z.string().nullable(),
    structureName: z.string().nullable(), state: z.enum(outboxStates), attempts: z.number(), nextAttemptAt: z.string(), lastError: z.string().nullable(),
  })),
  total: z.number(),
});

/** A mail put back in the queue, and its state after the attempt. */
export const retriedMail = z.object({ id: z.number(), state: z.enum(outboxStates) });
