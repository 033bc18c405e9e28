import type { Db } from '../../db/connection';
import { responseYears, structureYearAnswers } from '../../db/ess.repo';
import { getStructure } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import { publishedStates } from '../../domain/workflow';
import { essProfile, type EssProfile } from '../../domain/ess/profile';
import type { Actor } from '../../domain/roles';
import { structureFor } from '../structures/structureAccess';

export interface EssProfileView {
  structure: { id: number; name: string; kind: string; siret: string | null; address: string | null; postalCode: string | null; commune: string; departementCode: string; departementName: string; regionCode: string; management: string };
  year: number;
  years: number[];
  responseState: string;
  profile: EssProfile;
}

/**
 * A structure's ESS profile for a year (by default its latest validated response, else its latest), for its own people and
 * those who follow its territory: the answers are private.
 * @example await getEssProfile({ db, actor, structureId: 12, year: 2024 })
 */
export async function getEssProfile(p: { db: Db; actor: Actor; structureId: number; year?: number }): Promise<EssProfileView> {
  const { db } = p;
  await structureFor({ db, actor: p.actor, structureId: p.structureId, ability: 'readPrivate', refusal: 'Le profil ESS est réservé à la structure et aux personnes qui suivent son territoire.' });
  const answered = await responseYears(db, p.structureId);
  const years = answered.map((r) => r.year);
  // By default the latest validated year: its département figures are published, an answer in progress may still change.
  const year = p.year ?? [...answered].reverse().find((r) => (publishedStates as readonly string[]).includes(r.state))?.year ?? years[years.length - 1];
  if (year === undefined || !years.includes(year)) throw new AppError('not_found', p.year === undefined ? 'Cette structure n’a encore répondu à aucune campagne.' : `Aucune réponse de cette structure pour l’année ${year}.`);
  const answers = await structureYearAnswers(db, p.structureId, year);
  const s = await getStructure(db, p.structureId);
  if (!answers || !s) throw new AppError('not_found', 'Structure introuvable.');
  return {
    structure: {
      id: s.id, name: s.name, kind: s.kind, siret: s.siret, address: s.address, postalCode: s.postal_code, commune: s.commune_name,
      departementCode: s.departement_code, departementName: s.departement_name, regionCode: s.region_code, management: s.management,
    },
    year, years, responseState: answers.state,
    profile: essProfile(answers.management, answers.values),
  };
}
