import { z } from 'zod';

const text = z.string().nullable();

/** What the legal pages show: the operator's settings (null when still to fill in) and the retention periods. */
export const legalResponse = z.object({
  publisher: text, publisherAddress: text, publicationDirector: text, host: text, contact: text, dpoContact: text, legalBasis: text, accessibilityAudit: text,
  /** The environment variable to set for each field, so an unset one can say how to fill it in. */
  variables: z.record(z.string(), z.string()),
  retention: z.object({ tokensDays: z.number(), outboxDays: z.number(), auditDays: z.number(), sessionDays: z.number() }),
});
export type LegalResponse = z.infer<typeof legalResponse>;
