import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { insertMembership, insertUser } from '../db/user.repo';
import type { Membership } from '../domain/roles';
import { DEMO_CENTRE } from '../domain/demo/structures';
import { hashPassword } from '../app/infra/passwords';
import { passwordWeakness } from '../domain/passwordStrength';

/** The demo accounts of the README: one per role, around Lyon and the Rhône. */
export function demoAccountPlan(centreId: number): { email: string; name: string; membership: Membership }[] {
  return [
    { email: 'national@demo.senacs.test', name: 'Nadia Martin (administration nationale)', membership: { role: 'national_admin' } },
    { email: 'region-ara@demo.senacs.test', name: 'Rémi Garnier (coordination Auvergne-Rhône-Alpes)', membership: { role: 'regional_coordinator', regionCode: '84' } },
    { email: 'caf69@demo.senacs.test', name: 'Claire Dubois (CAF du Rhône)', membership: { role: 'correspondent', organisation: 'caf', departementCode: '69' } },
    { email: 'federation69@demo.senacs.test', name: 'Farid Benali (fédération du Rhône)', membership: { role: 'correspondent', organisation: 'federation', departementCode: '69' } },
    { email: 'direction@demo.senacs.test', name: 'Denise Moreau (direction)', membership: { role: 'director', structureId: centreId } },
    { email: 'equipe@demo.senacs.test', name: 'Étienne Roux (équipe)', membership: { role: 'contributor', structureId: centreId } },
    { email: 'ca@demo.senacs.test', name: 'Camille Lefèvre (conseil d’administration)', membership: { role: 'board_member', structureId: centreId } },
  ];
}

/**
 * A random demo password that passes the strength check asked of every chosen password (72 random bits
 * nearly always do; the rare draw that spells a word is drawn again).
 * @example randomDemoPassword() // 'q3Zr-T0x8bLw'
 */
export function randomDemoPassword(): string {
  for (;;) {
    const p = randomBytes(9).toString('base64url');
    if (!passwordWeakness(p)) return p;
  }
}

/**
 * Creates the demo accounts, with the given password or a random one (printed at start).
 * @example const { password, accounts } = await createDemoAccounts(db, process.env.DEMO_PASSWORD);
 */
export async function createDemoAccounts(db: Db, password?: string) {
  const centre = await db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirst();
  if (!centre) throw new Error('Le centre de démonstration est absent : lancez d’abord le jeu de démonstration.');
  const pass = password ?? randomDemoPassword();
  const hash = await hashPassword(pass);
  const plan = demoAccountPlan(centre.id);
  for (const a of plan) {
    const existing = await db.selectFrom('users').select('id').where('email', '=', a.email).executeTakeFirst();
    if (existing) {
      await db.updateTable('users').set({ password_hash: hash }).where('id', '=', existing.id).execute();
      continue;
    }
    const id = await insertUser(db, { email: a.email, name: a.name, passwordHash: hash });
    await insertMembership(db, id, a.membership);
  }
  return { password: pass, accounts: plan.map((a) => ({ email: a.email, role: a.membership.role })) };
}
