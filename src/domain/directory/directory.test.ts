import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../interchange/answerTable';
import { withLuhnDigit } from '../siret';
import { diffDirectory, endedOn, type CurrentStructure } from './diff';
import { parseDirectory, readDate, type CommunePlace } from './parse';
import { directoryColumns } from './columns';
import { directorySchema, templateRows } from './template';

const communes = new Map<string, CommunePlace>([['69123', { departementCode: '69', regionCode: '84' }], ['01001', { departementCode: '01', regionCode: '84' }]]);
const lookup = (c: string) => communes.get(c);
const header = directoryColumns.map((c) => c.name).join(';');
const siret = (n: number) => withLuhnDigit(`7${String(n).padStart(12, '0')}`);
const row = (o: Partial<Record<string, string>>) => directoryColumns.map((c) => o[c.name] ?? '').join(';');
const base = (n: number, extra: Partial<Record<string, string>> = {}) => row({
  siret: siret(n), nom: `Centre ${n}`, type: 'CS', code_commune: '69123', agrement_debut: '2024-01-01', agrement_fin: '2027-12-31', gestion: 'association', federation: 'oui', ...extra,
});
const parse = (...rows: string[]) => parseDirectory(readCsvTable([header, ...rows].join('\n')), lookup);

describe('parseDirectory', () => {
  it('reads a good row with its place and approvals', () => {
    const { entries, problems } = parse(base(1, { familles_debut: '01/01/2024', familles_fin: '31/12/2027', qpv: 'QN06901M, QN06902M', courriel_direction: 'Dir@Cs.fr', code_commune: '1001' }));
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({ row: 2, kind: 'CS', communeCode: '01001', departementCode: '01', regionCode: '84', federationMember: true,
      qpvCodes: ['QN06901M', 'QN06902M'], email: 'dir@cs.fr',
      approvals: [{ kind: 'animation_globale', startsOn: '2024-01-01', endsOn: '2027-12-31' }, { kind: 'animation_collective_familles', startsOn: '2024-01-01', endsOn: '2027-12-31' }] });
  });

  it('reports each bad cell with its row, column and spreadsheet reference, in French', () => {
    const { entries, problems } = parse(
      base(1),
      base(2, { siret: '73282932000075' }),
      base(3, { siret: siret(1) }),
      base(4, { code_commune: '69000' }),
      base(5, { agrement_debut: '2024-02-30' }),
      base(6, { agrement_fin: '2020-01-01' }),
      base(7, { type: 'EVS', familles_debut: '2024-01-01' }),
      base(8, { gestion: 'privée', federation: 'peut-être', qpv: 'Q1', courriel_direction: 'pas-une-adresse' }),
    );
    expect(entries.map((e) => e.row)).toEqual([2]);
    const at = (r: number) => problems.filter((p) => p.row === r).map((p) => `${p.cell} ${p.column}`);
    expect(at(3)).toEqual(['A3 siret']);
    expect(problems.find((p) => p.row === 3)!.message).toMatch(/SIRET invalide.*Luhn/);
    expect(problems.find((p) => p.row === 4)!.message).toMatch(/déjà présent ligne 2/);
    expect(at(5)).toEqual(['F5 code_commune']);
    expect(problems.find((p) => p.row === 5)!.message).toMatch(/Code officiel géographique/);
    expect(at(6)).toEqual(['G6 agrement_debut']);
    expect(at(7)).toEqual(['H7 agrement_fin']);
    expect(at(8)).toEqual(['I8 familles_debut']);
    expect(at(9)).toEqual(['K9 gestion', 'L9 federation', 'M9 qpv', 'N9 courriel_direction']);
  });

  it('refuses a header without the required columns or with unknown ones', () => {
    const { problems } = parseDirectory(readCsvTable('siret;nom;couleur\n1;2;3'), lookup);
    expect(problems.map((p) => p.message)).toContain('Colonne « couleur » inconnue : les colonnes sont siret, nom, type, adresse, code_postal, code_commune, agrement_debut, agrement_fin, familles_debut, familles_fin, gestion, federation, qpv, courriel_direction, sirets_repris (voir le modèle).');
    expect(problems.filter((p) => p.message.startsWith('Colonne obligatoire absente')).map((p) => p.column)).toEqual(['type', 'code_commune', 'agrement_debut', 'gestion']);
  });

  it('reads dates in ISO or French form and refuses impossible days', () => {
    expect(readDate('2026-12-31')).toBe('2026-12-31');
    expect(readDate('1/2/2026')).toBe('2026-02-01');
    expect(readDate('31/02/2026')).toBeUndefined();
    expect(readDate('')).toBeNull();
  });

  it('ships a template that passes its own checks, and a Table Schema of every column', () => {
    const text = [header, ...templateRows.map((r) => r.map((c) => c ?? '').join(';'))].join('\n');
    const lyon = new Map([...communes, ['69266', { departementCode: '69', regionCode: '84' }]]);
    expect(parseDirectory(readCsvTable(text), (c) => lyon.get(c)).problems).toEqual([]);
    expect(directorySchema().fields.map((f) => f.name)).toEqual(directoryColumns.map((c) => c.name));
  });
});

const current = (n: number, extra: Partial<CurrentStructure> = {}): CurrentStructure => ({
  id: n, siret: siret(n), name: `Centre ${n}`, kind: 'CS', address: null, postalCode: null, communeCode: '69123', management: 'association',
  federationMember: true, qpvCodes: [], email: null, endedOn: null, approvals: [{ kind: 'animation_globale', startsOn: '2024-01-01', endsOn: '2027-12-31' }], ...extra,
});

describe('diffDirectory', () => {
  it('sees new, unchanged, renamed, moved, ended and absent structures, and keeps approval history', () => {
    const { entries } = parse(
      base(1), base(2, { nom: 'Maison des habitants' }), base(3, { code_commune: '01001', gestion: 'collectivite' }),
      base(4, { agrement_debut: '2020-01-01', agrement_fin: '2025-12-31' }), base(9),
      base(6, { agrement_debut: '2028-01-01', agrement_fin: '2031-12-31' }),
    );
    const diff = diffDirectory(entries, [1, 2, 3, 5, 6].map((n) => current(n)).concat(current(4, { approvals: [{ kind: 'animation_globale', startsOn: '2020-01-01', endsOn: null }] })), '2026-03-01');
    expect(diff.unchanged).toBe(1);
    expect(diff.created.map((c) => c.entry.siret)).toEqual([siret(9)]);
    const changes = Object.fromEntries(diff.updated.map((u) => [u.id, u.changes.map((c) => c.field)]));
    expect(changes).toEqual({ 2: ['name'], 3: ['communeCode', 'management'], 4: ['approvals', 'endedOn'], 6: ['approvals'] });
    expect(diff.updated.find((u) => u.id === 4)!.endedOn).toBe('2025-12-31');
    const renewed = diff.updated.find((u) => u.id === 6)!;
    expect(renewed.newApprovals).toEqual([{ kind: 'animation_globale', startsOn: '2028-01-01', endsOn: '2031-12-31' }]);
    expect((renewed.changes[0].after as unknown[]).length).toBe(2);
    expect(diff.absent.map((a) => a.id)).toEqual([5]);
  });

  it('merges: a structure taking over another absent from the file closes it with a successor', () => {
    const { entries } = parse(base(1, { sirets_repris: siret(2) }));
    const diff = diffDirectory(entries, [current(1), current(2)], '2026-03-01');
    expect(diff.takenOver).toEqual([{ id: 2, siret: siret(2), name: 'Centre 2', endedOn: '2026-03-01', successorSiret: siret(1) }]);
    expect(diff.updated[0]).toMatchObject({ id: 1, tookOver: [siret(2)], changes: [] });
    expect(diff.absent).toEqual([]);
  });

  it('a new SIRET taking over one structure becomes it (history kept); a second taker is a split', () => {
    const { entries } = parse(base(7, { nom: 'Nouveau nom', sirets_repris: siret(1) }), base(8, { sirets_repris: siret(1) }));
    const diff = diffDirectory(entries, [current(1)], '2026-03-01');
    expect(diff.updated).toHaveLength(1);
    expect(diff.updated[0]).toMatchObject({ id: 1, tookOver: [siret(1)] });
    expect(diff.updated[0].changes.map((c) => c.field)).toEqual(['siret', 'name']);
    expect(diff.created.map((c) => [c.entry.siret, c.splitFrom])).toEqual([[siret(8), [siret(1)]]]);
    expect(diff.takenOver).toEqual([]);
  });

  it('a split off a structure still in the file links it without closing it; an unknown SIRET taken over is a problem', () => {
    const { entries } = parse(base(1), base(8, { sirets_repris: siret(1) }), base(9, { sirets_repris: siret(5) }));
    const diff = diffDirectory(entries, [current(1)], '2026-03-01');
    expect(diff.created.find((c) => c.entry.siret === siret(8))!.splitFrom).toEqual([siret(1)]);
    expect(diff.problems).toEqual([{ row: 4, column: 'sirets_repris', cell: '4', message: `SIRET repris : ${siret(5)} n’est pas dans l’annuaire.` }]);
  });

  it('ends a structure only when every approval is over', () => {
    expect(endedOn([{ kind: 'evs', startsOn: '2020-01-01', endsOn: '2023-12-31' }], '2024-01-01')).toBe('2023-12-31');
    expect(endedOn([{ kind: 'evs', startsOn: '2020-01-01', endsOn: '2024-12-31' }], '2024-01-01')).toBeNull();
    expect(endedOn([{ kind: 'evs', startsOn: '2020-01-01', endsOn: null }], '2030-01-01')).toBeNull();
  });
});
