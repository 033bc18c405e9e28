import type { Db } from '../../db/connection';
import { applyDirectoryDiff, currentDirectory } from '../../db/directory.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { directoryColumns } from '../../domain/directory/columns';
import { diffDirectory } from '../../domain/directory/diff';
import { parseDirectory, type DirectoryProblem } from '../../domain/directory/parse';
import { AppError } from '../../domain/errors';
import type { RawCell } from '../../domain/interchange/answerTable';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';
import { officialCommunes } from '../../seed/geography';

/** Identity fields a correspondent or the nation corrects in the browser, named as the directory file's columns. */
export const editableColumns = ['nom', 'type', 'adresse', 'code_postal', 'code_commune', 'gestion', 'federation', 'qpv', 'courriel_direction'] as const;
export type IdentityPatch = Partial<Record<(typeof editableColumns)[number], string>>;

/**
 * Corrects a structure's identity with the checks of the directory file (the structure becomes a one-row file,
 * patched, checked and compared), audited as a directory update. Its approvals are left as they are.
 * Reserved to those who review the structure's territory (correspondents, regional coordination, nation).
 * @example await editStructureIdentity({ db, actor, structureId: 12, patch: { nom: 'Centre social des Buers', code_commune: '69266' } });
 */
export async function editStructureIdentity(p: { db: Db; actor: Actor; structureId: number; patch: IdentityPatch; today?: string }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour corriger une structure.');
  const place = await getStructurePlace(p.db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!structurePolicy.review(p.actor, place)) {
    if (!structurePolicy.readPrivate(p.actor, place)) throw new AppError('not_found', 'Structure introuvable.');
    throw new AppError('forbidden', 'La fiche d’identité est corrigée par les correspondants du territoire : demandez-leur la correction.');
  }
  const current = (await currentDirectory(p.db)).find((s) => s.id === p.structureId)!;
  if (!current.siret) throw new AppError('conflict', 'Cette structure n’a pas de SIRET : corrigez-la par l’import de l’annuaire.');
  const main = [...current.approvals].filter((a) => a.kind !== 'animation_collective_familles').sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  const families = [...current.approvals].filter((a) => a.kind === 'animation_collective_familles').sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  const row: Record<string, RawCell> = {
    siret: current.siret, nom: current.name, type: current.kind, adresse: current.address, code_postal: current.postalCode, code_commune: current.communeCode,
    agrement_debut: main?.startsOn ?? '1900-01-01', agrement_fin: main?.endsOn ?? null, familles_debut: families?.startsOn ?? null, familles_fin: families?.endsOn ?? null,
    gestion: current.management, federation: current.federationMember ? 'oui' : 'non', qpv: current.qpvCodes.join(' '), courriel_direction: current.email,
    ...p.patch,
  };
  const communes = officialCommunes();
  const table = { columns: directoryColumns.map((c) => c.name), rows: [{ row: 2, cells: directoryColumns.map((c) => row[c.name] ?? null) }] };
  const { entries, problems } = parseDirectory(table, (code) => communes.get(code));
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((x) => x.message).join(' '), { problems: problems.map((x): Omit<DirectoryProblem, 'row' | 'cell'> => ({ column: x.column, message: x.message })) });
  const today = p.today ?? new Date().toISOString().slice(0, 10);
  const diff = diffDirectory(entries, [current], today);
  // Approvals keep their history: only the identity fields are compared and changed here.
  for (const u of diff.updated) { u.changes = u.changes.filter((c) => c.field !== 'approvals' && c.field !== 'endedOn'); u.newApprovals = []; u.changedEnds = []; u.endedOn = current.endedOn; }
  diff.updated = diff.updated.filter((u) => u.changes.length > 0);
  if (diff.updated.length > 0) await applyDirectoryDiff(p.db, diff, { actorId: p.actor.userId, today, populationOf: (code) => communes.get(code)?.population ?? 0 });
  return { id: p.structureId, changes: diff.updated[0]?.changes ?? [] };
}
