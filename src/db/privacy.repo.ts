import { sql } from 'kysely';
import type { Db } from './connection';
import { allowPseudonymisation } from './retention.repo';
import { forgetSessionActors } from './session.repo';
import type { Role } from '../domain/roles';

/** Everything Senacs holds about one person, for the right of access (RGPD art. 15 and 20). */
export async function readPersonalData(db: Db, userId: number) {
  const profile = await db.selectFrom('users').select(['id', 'name', 'email', 'created_at', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!profile) return undefined;
  const memberships = await db.selectFrom('memberships').leftJoin('structures', 'structures.id', 'memberships.structure_id')
    .select(['memberships.role', 'memberships.organisation', 'memberships.structure_id', 'structures.name as structure_name',
      'memberships.departement_code', 'memberships.region_code', 'memberships.created_at'])
    .where('memberships.user_id', '=', userId).orderBy('memberships.id').execute();
  const answers = await db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .select(['answers.response_id', 'structures.name as structure_name', 'campaigns.year', 'answers.code', 'answers.value', 'answers.version', 'answers.updated_at'])
    .where('answers.author_id', '=', userId).orderBy('answers.response_id').orderBy('answers.code').execute();
  const revisions = await db.selectFrom('answer_revisions')
    .select(['response_id', 'code', 'value', 'version', 'kind', 'at']).where('author_id', '=', userId).orderBy('id').execute();
  const comments = await db.selectFrom('answer_comments')
    .select(['response_id', 'code', 'kind', 'body', 'at']).where('author_id', '=', userId).orderBy('id').execute();
  const queryMessages = await db.selectFrom('query_messages').innerJoin('queries', 'queries.id', 'query_messages.query_id')
    .select(['queries.response_id', 'queries.code', 'query_messages.kind', 'query_messages.body', 'query_messages.at'])
    .where('query_messages.author_id', '=', userId).orderBy('query_messages.id').execute();
  const invitations = await db.selectFrom('invitations').innerJoin('structures', 'structures.id', 'invitations.structure_id')
    .select(['structures.name as structure_name', 'invitations.role', 'invitations.created_at', 'invitations.expires_at', 'invitations.accepted_at', 'invitations.revoked_at'])
    .where('invitations.email', '=', profile.email).orderBy('invitations.id').execute();
  const sessions = await db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', userId).orderBy('created_at').execute();
  const audit = await db.selectFrom('audit_events').select(['at', 'action', 'entity', 'entity_id']).where('actor_id', '=', userId).orderBy('id').execute();
  return { profile, memberships, answers, revisions, comments, queryMessages, invitations, sessions, audit };
}
export type PersonalDataRows = NonNullable<Awaited<ReturnType<typeof readPersonalData>>>;

/** A person and their memberships, for deciding who may remove them. */
export async function findPerson(db: Db, userId: number) {
  const user = await db.selectFrom('users').select(['id', 'name', 'email', 'removed_at']).where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const memberships = await db.selectFrom('memberships').select(['id', 'role', 'structure_id']).where('user_id', '=', userId).orderBy('id').execute();
  return { ...user, memberships };
}

/** Columns whose text is the structure's answers: they stay as written (answers belong to the structure). */
const KEPT = new Set(['answers.value', 'answer_revisions.value', 'answer_revisions.previous']);
/** Reference data loaded from official files: no person is named there, and a name could match a place. */
const REFERENCE = new Set(['regions', 'departements', 'epcis', 'communes', 'questionnaires']);

/** Every text and jsonb column of the schema, except the answers' values and the migrator's own tables. */
async function textColumns(tx: Db): Promise<{ table: string; column: string; json: boolean }[]> {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'json')
      and table_name not like 'kysely_%' order by table_name, column_name`.execute(tx);
  return r.rows.filter((c) => !KEPT.has(`${c.table_name}.${c.column_name}`) && !REFERENCE.has(c.table_name))
    .map((c) => ({ table: c.table_name, column: c.column_name, json: c.data_type.startsWith('json') }));
}

/** JSON text of a string without its quotes: how it appears inside a jsonb value's text. */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * Removes a person (RGPD art. 17): the account is closed under a pseudonym (name and e-mail replaced, no
 * password, disabled, removed_at), memberships, sessions and reset links go, pending invitations to the
 * address are revoked, pending mails to it cancelled and emptied; then every text and jsonb column of the
 * database (comments, query messages, audit events, outbox, invitations, corrections…) has the name and the
 * address replaced by the pseudonym. Authorship keeps pointing at the same user row, now the pseudonym;
 * answers and their history stay as they are. One transaction.
 */
export async function pseudonymisePerson(db: Db, p: { userId: number; name: string; email: string; pseudonym: string; pseudoEmail: string; now: Date }) {
  return db.transaction().execute(async (tx) => {
    await allowPseudonymisation(tx);
    await tx.updateTable('users').set({ name: p.pseudonym, email: p.pseudoEmail, password_hash: '', disabled: true, removed_at: p.now }).where('id', '=', p.userId).execute();
    await tx.deleteFrom('memberships').where('user_id', '=', p.userId).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', p.userId).execute();
    await tx.deleteFrom('password_resets').where('user_id', '=', p.userId).execute();
    await tx.updateTable('invitations').set({ revoked_at: p.now }).where('email', '=', p.email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
    await tx.updateTable('outbox').set({ state: 'cancelled', body: '' }).where('to_email', '=', p.email).where('state', 'in', ['pending', 'sending']).execute();
    await sql`delete from login_limits where position(${p.email} in key) > 0`.execute(tx);
    let replaced = 0;
    // A name alone ("Léa") would match inside other words: only a full name is searched for in free text.
    const pairs = [[p.email, p.pseudoEmail], ...(p.name.trim().includes(' ') || p.name.trim().length >= 8 ? [[p.name, p.pseudonym]] : [])] as const;
    for (const c of await textColumns(tx)) {
      for (const [from, to] of pairs) {
        const col = sql.ref(c.column);
        const r = c.json
          ? await sql`update ${sql.table(c.table)} set ${col} = replace(${col}::text, ${inJson(from)}, ${inJson(to)})::jsonb where position(${inJson(from)} in ${col}::text) > 0`.execute(tx)
          : await sql`update ${sql.table(c.table)} set ${col} = replace(${col}, ${from}, ${to}) where position(${from} in ${col}) > 0`.execute(tx);
        replaced += Number(r.numAffectedRows ?? 0n);
      }
    }
    forgetSessionActors();
    return { replaced };
  });
}

/** The members of a structure holding one of `roles`, with their membership ids. */
export async function structureMembersWithRole(db: Db, structureId: number, roles: readonly Role[]) {
  return db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.id', 'memberships.user_id', 'memberships.role']).where('memberships.structure_id', '=', structureId)
    .where('memberships.role', 'in', roles).where('users.removed_at', 'is', null).execute();
}

/**
 * Hands a structure's direction over: the successor's membership becomes director; each departing
 * director's becomes contributor, or goes when they leave the structure. One transaction.
 */
export async function handOverDirection(db: Db, p: { successorMembershipId: number; departingMembershipIds: number[]; leave: boolean }) {
  await db.transaction().execute(async (tx) => {
    if (p.departingMembershipIds.length) {
      if (p.leave) await tx.deleteFrom('memberships').where('id', 'in', p.departingMembershipIds).execute();
      else await tx.updateTable('memberships').set({ role: 'contributor' }).where('id', 'in', p.departingMembershipIds).execute();
    }
    await tx.updateTable('memberships').set({ role: 'director' }).where('id', '=', p.successorMembershipId).execute();
  });
  forgetSessionActors();
}
