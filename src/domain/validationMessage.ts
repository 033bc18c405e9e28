import { z } from 'zod';

// French messages wherever zod validates (use cases run from the CLI too, not only behind src/http/input.ts).
z.config(z.locales.fr());

/**
 * Turns zod issues into one French sentence naming each field (the first five), for the message of a
 * `validation_failed` error. Shared by the HTTP input readers and the use cases that validate their own input.
 * @example describeIssues(z.object({ email: z.email() }).safeParse({ email: 'x' }).error!)
 * // '« email » : Adresse e-mail invalide'
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => (i.path.length ? `« ${i.path.join('.')} » : ` : '') + i.message).join(' ; ');
}
