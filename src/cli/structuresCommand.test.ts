import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { directoryColumns } from '../domain/directory/columns';
import { withLuhnDigit } from '../domain/siret';
import { structuresCommand } from './structuresCommand';

let database: Database$;
let dir: string;
let lines: string[];
let opened = 0;
const run = (args: string[]) => {
  lines = [];
  return structuresCommand(args, async () => { opened++; return { ...database, close: async () => {} }; }, (l) => lines.push(l));
};
const header = directoryColumns.map((c) => c.name).join(';');
const row = (o: Record<string, string>) => directoryColumns.map((c) => o[c.name] ?? '').join(';');
const siret = (n: number) => withLuhnDigit(`9${String(n).padStart(12, '0')}`);

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'senacs-d-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('senacs structures import / template', () => {
  it('refuses a bad file before opening the database, then imports the corrected one with its difference and audit', async () => {
    const existing = await database.db.selectFrom('structures').select(['id', 'siret', 'name', 'kind', 'commune_code', 'management']).where('siret', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const good = (n: number) => ({ siret: siret(n), nom: `Centre social ${n}`, type: 'CS', code_commune: '69123', agrement_debut: '2025-01-01', agrement_fin: '2028-12-31', gestion: 'association', federation: 'oui' });
    const renamed = { siret: existing.siret!, nom: 'Nom corrigé par la CAF', type: existing.kind, code_commune: existing.commune_code, agrement_debut: '2025-01-01', gestion: existing.management };
    const bad = [header, row(good(1)), row({ ...good(2), siret: '12345678901234' }), row({ ...good(3), code_commune: '69000' }), row(renamed)].join('\n');
    await writeFile(join(dir, 'bad.csv'), bad);
    opened = 0;
    expect(await run(['import', join(dir, 'bad.csv')])).toBe(1);
    expect(opened).toBe(0);
    expect(lines.join('\n')).toMatch(/ligne 3, colonne siret \(A3\) : SIRET : SIRET invalide/);
    expect(lines.join('\n')).toMatch(/ligne 4, colonne code_commune \(F4\) : .*Code officiel géographique/);
    expect(lines.at(-1)).toMatch(/rien n’a été enregistré/);

    const fixed = [header, row(good(1)), row(good(2)), row(good(3)), row(renamed)].join('\n');
    await writeFile(join(dir, 'fixed.csv'), fixed);
    const before = await database.db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await run(['import', join(dir, 'fixed.csv'), '--dry-run'])).toBe(0);
    expect(lines.join('\n')).toMatch(/Nouvelles structures : 3 ; modifiées : 1/);
    expect(lines.join('\n')).toMatch(/Nom corrigé par la CAF .*: nom/);
    const afterDry = await database.db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(afterDry.n)).toBe(Number(before.n));

    expect(await run(['import', join(dir, 'fixed.csv')])).toBe(0);
    expect(lines.at(-1)).toBe('Annuaire importé.');
    const created = await database.db.selectFrom('structures').select(['departement_code', 'region_code', 'cell_key', 'territory_type']).where('siret', '=', siret(2)).executeTakeFirstOrThrow();
    expect(created).toMatchObject({ departement_code: '69', region_code: '84', territory_type: 'urban' });
    const renamedNow = await database.db.selectFrom('structures').select('name').where('id', '=', existing.id).executeTakeFirstOrThrow();
    expect(renamedNow.name).toBe('Nom corrigé par la CAF');
    const audit = await database.db.selectFrom('audit_events').select(['action', 'data']).where('entity', '=', 'structure').where('entity_id', '=', String(existing.id)).where('action', '=', 'structure.update').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.data)).toContain(existing.name);

    expect(await run(['import', join(dir, 'fixed.csv')])).toBe(0);
    expect(lines.join('\n')).toMatch(/Nouvelles structures : 0 ; modifiées : 0 ; inchangées : 4/);
  });

  it('writes the template and its Table Schema; the template itself imports cleanly as a dry run', async () => {
    expect(await run(['template', '--out', join(dir, 'modele.xlsx'), '--schema', join(dir, 'schema.json')])).toBe(0);
    const schema = JSON.parse(await readFile(join(dir, 'schema.json'), 'utf8'));
    expect(schema.primaryKey).toEqual(['siret']);
    expect(await run(['import', join(dir, 'modele.xlsx'), '--dry-run'])).toBe(0);
    expect(lines.join('\n')).toMatch(/Nouvelles structures : 2/);
  });
});
