import type { Db } from '../db/connection';
import { insertPartners, insertSharing } from '../db/partner.repo';
import { Random } from '../domain/demo/random';
import { DEMO_CENTRE } from '../domain/demo/structures';
import { checkPartner, partnerIdentity, type PartnerKind } from '../domain/partners/partner';
import { withLuhnDigit } from '../domain/siret';

/** Share of structures whose director agreed to share their partners in the demo. */
export const DEMO_SHARING_RATE = 0.4;

const THEMES: Record<PartnerKind, readonly string[]> = {
  commune: ['enfance', 'jeunesse', 'seniors', 'culture', 'vacances', 'isolement'],
  interco: ['emploi', 'logement', 'ecologie', 'numerique', 'jeunes_adultes'],
  departement: ['familles', 'seniors', 'acces_droits', 'emploi'],
  caf: ['familles', 'petite_enfance', 'acces_droits', 'numerique'],
  etat: ['francais', 'emploi', 'acces_droits', 'jeunesse'],
  ecoles: ['accompagnement_scolaire', 'enfance', 'jeunesse', 'familles'],
  bailleurs: ['logement', 'isolement', 'hors_les_murs', 'ecologie'],
  associations: ['isolement', 'acces_droits', 'culture', 'sante', 'francais', 'vacances'],
  entreprises: ['emploi', 'ecologie', 'numerique'],
  autre: ['sante', 'culture', 'ecologie'],
};

interface Place { id: number; name: string; kind: string; commune: string; dept: string; epci: string | null }

function names(kind: PartnerKind, p: Place, r: Random): string | null {
  switch (kind) {
    case 'commune': return `Ville de ${p.commune}`;
    case 'interco': return p.epci;
    case 'departement': return `Conseil départemental – ${p.dept}`;
    case 'caf': return `CAF – ${p.dept}`;
    case 'etat': return r.pick([`Préfecture – ${p.dept} (politique de la ville)`, `France Travail – ${p.commune}`, `DDETS – ${p.dept}`]);
    case 'ecoles': return `${r.pick(['École élémentaire Jules-Ferry', 'École Jean-Macé', 'Collège Louise-Michel', 'Collège Victor-Hugo', 'École maternelle Les Tilleuls'])} (${p.commune})`;
    case 'bailleurs': return r.pick([`${p.dept} Habitat`, `Office public de l’habitat de ${p.commune}`, `Habitat et Humanisme – ${p.dept}`]);
    case 'associations': return r.pick([`Secours populaire – ${p.commune}`, `Restos du cœur – ${p.dept}`, `Mission locale de ${p.commune}`, `Lire et faire lire – ${p.dept}`, `Ligue de l’enseignement – ${p.dept}`, `Croix-Rouge – ${p.commune}`]);
    case 'entreprises': return r.pick([`La Poste – ${p.commune}`, `Supermarché coopératif de ${p.commune}`, `EDF Solidarité – ${p.dept}`]);
    case 'autre': return r.pick([`Centre hospitalier de ${p.commune}`, `Médiathèque de ${p.commune}`]);
  }
}

/** A stable fake SIRET per partner identity (Luhn-valid), so the same partner merges across structures. */
function fakeSiret(identity: string): string {
  let h = 2166136261;
  for (const ch of identity) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return withLuhnDigit(`9${String(h).padStart(10, '0').slice(0, 10)}00`.slice(0, 13));
}

/**
 * Declared partners for every demo structure (CS 4 to 9, EVS 2 to 5, the commune and the CAF first) and a
 * sharing consent for about 40 % of them. Deterministic per structure id.
 * @example await seedPartners(db)
 */
export async function seedPartners(db: Db, onProgress: (done: number, total: number) => void = () => {}): Promise<{ partners: number; sharing: number }> {
  const rows = await db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .innerJoin('departements', 'departements.code', 'structures.departement_code').leftJoin('epcis', 'epcis.code', 'communes.epci_code')
    .select(['structures.id', 'structures.name', 'structures.kind', 'communes.name as commune', 'departements.name as dept', 'epcis.name as epci'])
    .orderBy('structures.id').execute();
  const partners: Parameters<typeof insertPartners>[1] = [];
  const sharing: { structureId: number; shared: boolean }[] = [];
  for (const p of rows as Place[]) {
    const r = new Random(p.id * 7919 + 17);
    const n = p.kind === 'CS' ? r.int(4, 9) : r.int(2, 5);
    const kinds: PartnerKind[] = ['commune', 'caf'];
    const others: PartnerKind[] = ['interco', 'departement', 'etat', 'ecoles', 'bailleurs', 'associations', 'associations', 'entreprises', 'autre'];
    while (kinds.length < n) kinds.push(r.pick(others));
    const seen = new Set<string>();
    for (const kind of kinds) {
      const name = names(kind, p, r);
      if (!name) continue;
      const pool = THEMES[kind];
      const themes = [...new Set([r.pick(pool), r.pick(pool), ...(r.chance(0.4) ? [r.pick(pool)] : [])])];
      const identity = partnerIdentity({ kind, name, siret: null });
      if (seen.has(identity)) continue;
      seen.add(identity);
      // About a third of partners are declared with their SIRET, the same partner always the same way.
      const siret = fakeSiret(identity);
      const checked = checkPartner({ kind, name, themes, siret: Number(siret[12]) % 3 === 0 ? siret : null });
      if (checked.ok) partners.push({ structureId: p.id, value: checked.value });
    }
    // The demo centre starts unshared: its director decides (the browser test toggles it).
    sharing.push({ structureId: p.id, shared: p.name !== DEMO_CENTRE.name && r.chance(DEMO_SHARING_RATE) });
  }
  await insertPartners(db, partners);
  onProgress(rows.length / 2, rows.length);
  // Only decided consents get a row; the others never answered (not shared either).
  await insertSharing(db, sharing.filter((s, i) => s.shared || i % 3 === 0));
  onProgress(rows.length, rows.length);
  return { partners: partners.length, sharing: sharing.filter((s) => s.shared).length };
}
