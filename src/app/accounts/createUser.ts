import { z } from 'zod';
import type { Db } from '../../db/connection';
import { findUserByEmail, insertMembership, insertUser } from '../../db/user.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { getDepartement, getRegion } from '../../db/territory.repo';
import { AppError } from '../../domain/errors';
import { roles, type Membership } from '../../domain/roles';
import { describeIssues } from '../../domain/validationMessage';
import { assertStrongPassword } from '../../domain/passwordStrength';
import { hashPassword } from '../infra/passwords';

const schema = z.object({
  email: z.string().trim().email('Adresse e-mail invalide.'),
  name: z.string().trim().min(1, 'Nom requis.').max(200),
  password: z.string().min(12, 'Le mot de passe doit compter au moins 12 caractères.').max(1000),
  role: z.enum(roles, { message: `Rôle inconnu (attendu : ${roles.join(', ')}).` }),
  structureId: z.number().int().positive().optional(),
  departementCode: z.string().optional(),
  regionCode: z.string().optional(),
  organisation: z.enum(['caf', 'federation']).optional(),
});

/**
 * Creates an account with one role on its scope (the scope must exist and fit the role).
 * @example await createUser({ db, email: 'a@b.fr', name: 'A', password: '…', role: 'national_admin' });
 */
export async function createUser(props: { db: Db } & Record<string, unknown>): Promise<number> {
  const parsed = schema.safeParse(props);
  if (!parsed.success) throw new AppError('validation_failed', describeIssues(parsed.error));
  const p = parsed.data;
  assertStrongPassword(p.password, [p.email, p.name]);
  const { db } = props;
  const m: Membership = { role: p.role, organisation: p.organisation ?? null };
  if (['contributor', 'board_member', 'director'].includes(p.role)) {
    if (!p.structureId || !(await getStructurePlace(db, p.structureId))) throw new AppError('validation_failed', 'Ce rôle demande une structure existante (--structure ID).');
    m.structureId = p.structureId;
  } else if (p.role === 'correspondent') {
    if (!p.departementCode || !(await getDepartement(db, p.departementCode))) throw new AppError('validation_failed', 'Ce rôle demande un département existant (--departement CODE).');
    m.departementCode = p.departementCode;
  } else if (p.role === 'regional_coordinator') {
    if (!p.regionCode || !(await getRegion(db, p.regionCode))) throw new AppError('validation_failed', 'Ce rôle demande une région existante (--region CODE).');
    m.regionCode = p.regionCode;
  }
  if (await findUserByEmail(db, p.email)) throw new AppError('conflict', 'Un compte existe déjà avec cette adresse.');
  return db.transaction().execute(async (tx) => {
    const id = await insertUser(tx, { email: p.email, name: p.name, passwordHash: await hashPassword(p.password) });
    await insertMembership(tx, id, m);
    return id;
  });
}
