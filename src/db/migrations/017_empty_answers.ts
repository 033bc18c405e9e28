import { sql, type Kysely } from 'kysely';

/**
 * Issue 13: before the fix, an empty string was stored as the value of number, choice, date and yes/no
 * questions (and of cleared text questions). Saving now stores no answer (JSON null) instead; this brings
 * the rows written before it to the same form. The answers' history (answer_revisions) keeps what was typed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update answers set value = 'null'::jsonb where value = '""'::jsonb`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: an empty string and no answer mean the same.
}
