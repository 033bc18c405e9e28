import type { Db } from '../../db/connection';
import { sharedPartners, sharingStructures, structureOrigin } from '../../db/partner.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { searchPartners } from '../../domain/partners/search';

export const MAX_HITS = 100;

/**
 * "Who works with this kind of partner, on this theme, near me": structures that agreed to share their
 * partners, nearest to the asking structure first (`from`, by default the asker's own structure). Signed-in
 * people only; partners of structures that did not agree never leave the database.
 * @example await findPartners({ db, actor, query: { kind: 'bailleurs', theme: 'logement', km: 20 } })
 */
export async function findPartners(p: { db: Db; actor: Actor; query: { kind?: string; theme?: string; q?: string; from?: number; km?: number } }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour chercher des partenaires.');
  const { query } = p;
  const fromId = query.from ?? p.actor.memberships.find((m) => m.structureId)?.structureId ?? undefined;
  let origin: { id: number; name: string; lat: number; lon: number } | null = null;
  if (fromId !== undefined) {
    const s = await structureOrigin(p.db, fromId);
    if (!s) throw new AppError('not_found', 'Structure de départ introuvable.');
    if (s.lat !== null && s.lon !== null) origin = { id: s.id, name: s.name, lat: s.lat, lon: s.lon };
  }
  if (query.km !== undefined && !origin) throw new AppError('validation_failed', 'La distance demande une structure de départ localisée (paramètre « from »).');
  const [structures, partners] = await Promise.all([sharingStructures(p.db), sharedPartners(p.db, { kind: query.kind, theme: query.theme })]);
  const hits = searchPartners(structures, partners, { kind: query.kind, theme: query.theme, q: query.q, origin, km: query.km });
  return {
    origin: origin && { id: origin.id, name: origin.name },
    total: hits.length,
    items: hits.slice(0, MAX_HITS).map((h) => ({
      structure: { id: h.structure.id, name: h.structure.name, kind: h.structure.kind, commune: h.structure.commune, departementCode: h.structure.departementCode, distanceKm: h.structure.distanceKm },
      partners: h.partners.map(({ structureId: _s, ...rest }) => rest),
    })),
  };
}
