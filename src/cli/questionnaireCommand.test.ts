import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { writeXlsForm } from '../app/questionnaires/xlsformFile';
import { yearQuestionnaire } from '../app/questionnaires/yearQuestionnaire';
import { questionnaireCommand } from './questionnaireCommand';

let database: Database$;
let dir: string;
let lines: string[];
const run = (args: string[]) => {
  lines = [];
  return questionnaireCommand(args, async () => ({ ...database, close: async () => {} }), (l) => lines.push(l));
};
const versions = async (year: number) => (await database.db.selectFrom('questionnaires').select('version').where('year', '=', year).orderBy('version').execute()).map((r) => r.version);

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'senacs-q-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('senacs questionnaire export / import', () => {
  it('exports a year as XLSForm and refuses to replace the version of a closed campaign', async () => {
    const file = join(dir, 'q2024.xlsx');
    expect(await run(['export', '--year', '2024', '--format', 'xlsform', '--out', file])).toBe(0);
    expect(lines[0]).toMatch(/exporté en XLSForm/);
    expect(await run(['import', file, '--dry-run'])).toBe(1);
    expect(lines.join('\n')).toMatch(/campagne 2024 est close/);
    await expect(run(['import', file])).rejects.toMatchObject({ code: 'conflict' });
    expect(await versions(2024)).toEqual([1]);
  });

  it('stores a new version of a year without campaign, then links the next one to a campaign in preparation', async () => {
    const file = join(dir, 'q2025.xlsx');
    await run(['export', '--year', '2025', '--format', 'xlsform', '--out', file]);
    expect(await run(['import', file, '--year', '2026', '--dry-run'])).toBe(0);
    expect(lines.at(-1)).toMatch(/rien n’a été enregistré/);
    expect(await versions(2026)).toEqual([]);
    expect(await run(['import', file, '--year', '2026'])).toBe(0);
    expect(lines.at(-1)).toMatch(/version 1 de 2026/);
    const stored = await yearQuestionnaire(database.db, 2026);
    expect(stored.source).toBe('stored');
    expect(Object.keys(stored.catalog.questions).length).toBeGreaterThan(100);

    await database.db.insertInto('campaigns').values({ year: 2026, state: 'preparation', opens_on: '2027-03-01', closes_on: '2027-06-30' }).execute();
    expect(await run(['import', file, '--year', '2026'])).toBe(0);
    expect(lines.at(-1)).toMatch(/version 2 de 2026, utilisée par la campagne en préparation/);
    const campaign = await database.db.selectFrom('campaigns').innerJoin('questionnaires', 'questionnaires.id', 'campaigns.questionnaire_id')
      .select('questionnaires.version').where('campaigns.year', '=', 2026).executeTakeFirstOrThrow();
    expect(campaign.version).toBe(2);
  });

  it('checks a plain foreign form (default section, unsupported rows named by row and column), and stores nothing on --dry-run', async () => {
    const sheet = (columns: string[], rows: string[][]) => ({ columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))) });
    const file = join(dir, 'foreign.xlsx');
    await writeFile(file, await writeXlsForm({
      survey: sheet(['Type', 'Name', 'Label'], [['integer', 'personnes', 'Personnes au foyer'], ['geopoint', 'position', 'Position du logement']]),
      settings: sheet(['form_title', 'version'], [['Enquête ménages', '2027']]),
    }));
    expect(await run(['import', file, '--dry-run'])).toBe(0);
    const out = lines.join('\n');
    expect(out).toMatch(/Questionnaire 2027 : 1 questions, 0 règles/);
    expect(out).toMatch(/survey ligne 3 colonne type \[geopoint\] Ligne 3, colonne « type » : type « geopoint » non pris en charge/);
    expect(out).toMatch(/Colonne « section » absente \(métadonnée Senacs facultative\) : section « theme »/);
    expect(await versions(2027)).toEqual([]);
  });

  it('refuses a broken file before opening the database', async () => {
    let opened = 0;
    const refuse = async (name: string, bytes: Uint8Array) => {
      await writeFile(join(dir, name), bytes);
      return questionnaireCommand(['import', join(dir, name)], async () => { opened++; return { ...database, close: async () => {} }; }, () => {});
    };
    await expect(refuse('vide.xlsx', new Uint8Array())).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/0 octet/) });
    await expect(refuse('ancien.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toMatchObject({ message: expect.stringMatching(/^Format \.xls non pris en charge, enregistrez en \.xlsx/) });
    expect(opened).toBe(0);
  });

  it('refuses bad arguments and unreadable files in French', async () => {
    await expect(run(['export', '--year', '24', '--out', join(dir, 'x.xlsx')])).rejects.toMatchObject({ code: 'bad_request' });
    await expect(run(['export', '--year', '2024', '--format', 'odk', '--out', join(dir, 'x.xlsx')])).rejects.toMatchObject({ code: 'bad_request' });
    await writeFile(join(dir, 'bad.xlsx'), 'pas un classeur');
    await expect(run(['import', join(dir, 'bad.xlsx')])).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(run(['import', join(dir, 'absent.xlsx')])).rejects.toMatchObject({ code: 'not_found' });
  });
});
