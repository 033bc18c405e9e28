import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { DEMO, testClient } from '../../testing/http';
import { AppError } from '../../domain/errors';
import { countUsers, findUserByEmail } from '../../db/user.repo';
import type { Db } from '../../db/connection';

const membershipsOf = (db: Db, userId: number) => db.selectFrom('memberships')
  .select(['role', 'organisation', 'structure_id', 'departement_code', 'region_code']).where('user_id', '=', userId).execute();
import { createUser } from './createUser';

let database: Database$;
let lyonId: number;
beforeAll(async () => {
  database = await openTestDatabase();
  lyonId = (await database.db.selectFrom('structures').select('id').where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow()).id;
});
afterAll(() => database?.close());

const PASSWORD = 'un-mot-de-passe-solide';
const base = { email: 'nouvelle@test.senacs.test', name: 'Nouvelle personne', password: PASSWORD };

async function refusal(props: Record<string, unknown>) {
  const before = await countUsers(database.db);
  const e = await createUser({ db: database.db, ...props }).then(() => undefined, (x: unknown) => x);
  expect(e, JSON.stringify(props)).toBeInstanceOf(AppError);
  expect(await countUsers(database.db)).toBe(before);
  return e as AppError;
}

describe('createUser', () => {
  it('refuses bad fields with French messages', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, email: 'pas-une-adresse', role: 'national_admin' }, 'validation_failed', /Adresse e-mail invalide/],
      [{ ...base, email: '', role: 'national_admin' }, 'validation_failed', /e-mail/],
      [{ ...base, name: '   ', role: 'national_admin' }, 'validation_failed', /Nom requis/],
      [{ ...base, password: 'court', role: 'national_admin' }, 'validation_failed', /au moins 12 caractères/],
      [{ ...base, password: 'aaaaaaaaaaaa', role: 'national_admin' }, 'validation_failed', /trop facile à deviner \(robustesse \d sur 4, il en faut 3\)\. Les caractères répétés/],
      [{ ...base, password: 'azertyuiop123', role: 'national_admin' }, 'validation_failed', /trop facile à deviner/],
      [{ ...base, role: 'superuser' }, 'validation_failed', /Rôle inconnu.*national_admin/],
      [{ ...base, role: '' }, 'validation_failed', /Rôle inconnu/],
      [{ ...base, role: 'correspondent', departementCode: '69', organisation: 'mairie' }, 'validation_failed', /organisation/],
    ];
    for (const [props, code, message] of cases) {
      const e = await refusal(props);
      expect(e.code, JSON.stringify(props)).toBe(code);
      expect(e.message, JSON.stringify(props)).toMatch(message);
    }
  });

  it('refuses a scope that is missing, unknown or does not fit the role', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ role: 'director' }, /structure existante/],
      [{ role: 'contributor', structureId: 99_999_999 }, /structure existante/],
      [{ role: 'board_member', departementCode: '69' }, /structure existante/],
      [{ role: 'correspondent' }, /département existant/],
      [{ role: 'correspondent', departementCode: '00' }, /département existant/],
      [{ role: 'correspondent', regionCode: '84' }, /département existant/],
      [{ role: 'regional_coordinator', regionCode: '99' }, /région existante/],
      [{ role: 'regional_coordinator', departementCode: '69' }, /région existante/],
      [{ role: 'director', structureId: -3 }, /./],
      [{ role: 'director', structureId: 1.5 }, /./],
    ];
    for (const [props, message] of cases) {
      const e = await refusal({ ...base, ...props });
      expect(e.code).toBe('validation_failed');
      expect(e.message, JSON.stringify(props)).toMatch(message);
    }
  });

  it('refuses an address already used, whatever its case and spaces', async () => {
    for (const email of [DEMO.national, DEMO.national.toUpperCase(), `  ${DEMO.caf69}  `]) {
      const e = await refusal({ ...base, email, role: 'national_admin' });
      expect(e.code).toBe('conflict');
      expect(e.message).toMatch(/existe déjà/);
    }
  });

  it('creates the account with one membership on its scope, a hashed password, and it can log in', async () => {
    const id = await createUser({ db: database.db, ...base, email: 'Nouvelle.Directrice@Test.Senacs.test', role: 'director', structureId: lyonId });
    const user = await findUserByEmail(database.db, 'nouvelle.directrice@test.senacs.test');
    expect(user?.id).toBe(id);
    expect(user?.password_hash).not.toContain(PASSWORD);
    expect(user?.password_hash).toMatch(/^\$argon2/);
    expect(await membershipsOf(database.db, id)).toEqual([{ role: 'director', organisation: null, structure_id: lyonId, departement_code: null, region_code: null }]);
    const corr = await createUser({ db: database.db, ...base, email: 'caf13@test.senacs.test', role: 'correspondent', departementCode: '13', organisation: 'caf' });
    expect(await membershipsOf(database.db, corr)).toEqual([{ role: 'correspondent', organisation: 'caf', structure_id: null, departement_code: '13', region_code: null }]);
    const headers = await testClient(database).loginAs('nouvelle.directrice@test.senacs.test', PASSWORD);
    expect(headers.cookie).toMatch(/^senacs_session=/);
  });
});
