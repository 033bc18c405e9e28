import type { Db } from '../../db/connection';
import type { Actor } from '../../domain/roles';
import type { FactSheetInput } from '../../reports/factSheet/document';
import { factSheetView } from '../../reports/factSheet/text';
import { asBuffer, runHeavy } from '../infra/heavy/pool';
import { positionWithHeading } from '../stats/structurePosition';

/**
 * What a centre's fact sheet says: its position among its nearest neighbours on the dashboard
 * indicators, and their evolution. Private like the position it reads: the structure's own people, the
 * correspondents and coordinators of its territory, the national team (`structurePolicy.readPrivate`,
 * checked by `structurePosition` before anything is answered).
 * @example const input = await factSheetData({ db, actor, structureId: 12, year: 2025 });
 */
export async function factSheetData(p: { db: Db; actor: Actor; structureId: number; year: number }): Promise<FactSheetInput> {
  const { heading: s, position } = await positionWithHeading({ db: p.db, actor: p.actor, structureId: p.structureId, year: p.year, peers: { kind: 'neighbours' } });
  return {
    year: p.year,
    structure: { name: s.name, kind: s.kind, communeName: s.commune_name, postalCode: s.postal_code, departementName: s.departement_name },
    ownState: position.ownState,
    peers: { size: position.peers.size },
    indicators: position.indicators,
    evolution: position.evolution,
  };
}

/**
 * The fact sheet as PDF bytes, with its file name (rendered in the heavy-work pool, src/app/infra/heavy).
 * @example const { pdf, filename } = await buildFactSheet({ db, actor, structureId: 12, year: 2025 });
 */
export async function buildFactSheet(p: { db: Db; actor: Actor; structureId: number; year: number }) {
  const data = await factSheetData(p);
  // Read through the gate here, drawn (box plots, evolution, PDF) in a worker thread when workers are on.
  const pdf = asBuffer(await runHeavy('renderFactSheet', data));
  return { pdf, filename: `fiche-${p.year}-structure-${p.structureId}.pdf`, data };
}

/**
 * The fact sheet as the JSON the page shows: the same figures as the PDF, as texts and rows.
 * @example const view = await factSheetJson({ db, actor, structureId: 12, year: 2025 });
 */
export async function factSheetJson(p: { db: Db; actor: Actor; structureId: number; year: number }) {
  return factSheetView(await factSheetData(p));
}
