import type { Db } from '../../db/connection';
import { readPersonalData } from '../../db/privacy.repo';
import { AppError } from '../../domain/errors';
import { personalDataCsv, type PersonalSections } from '../../domain/privacy/personalDataCsv';
import type { Actor } from '../../domain/roles';

/**
 * The signed-in person's own data (right of access and portability): profile, roles, what they wrote
 * (answers, their versions, comments, messages in queries), invitations received, sessions, their actions
 * in the audit trail. Other people's addresses are not included.
 * @example const { sections } = await exportPersonalData({ db, actor });
 */
export async function exportPersonalData(p: { db: Db; actor: Actor; now?: Date }): Promise<{ exportedAt: string; sections: PersonalSections }> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour télécharger vos données.');
  const d = await readPersonalData(p.db, p.actor.userId);
  if (!d) throw new AppError('not_found', 'Compte introuvable.');
  return {
    exportedAt: (p.now ?? new Date()).toISOString(),
    sections: {
      profil: [{ identifiant: d.profile.id, nom: d.profile.name, courriel: d.profile.email, cree_le: d.profile.created_at }],
      roles: d.memberships.map((m) => ({ role: m.role, organisation: m.organisation, structure_id: m.structure_id, structure: m.structure_name, departement: m.departement_code, region: m.region_code, depuis: m.created_at })),
      reponses: d.answers.map((a) => ({ reponse_id: a.response_id, structure: a.structure_name, campagne: a.year, question: a.code, valeur: a.value, version: a.version, modifiee_le: a.updated_at })),
      versions: d.revisions.map((r) => ({ reponse_id: r.response_id, question: r.code, valeur: r.value, version: r.version, nature: r.kind, le: r.at })),
      commentaires: d.comments.map((c) => ({ reponse_id: c.response_id, question: c.code, nature: c.kind, texte: c.body, le: c.at })),
      messages: d.queryMessages.map((m) => ({ reponse_id: m.response_id, question: m.code, nature: m.kind, texte: m.body, le: m.at })),
      invitations: d.invitations.map((i) => ({ structure: i.structure_name, role: i.role, creee_le: i.created_at, expire_le: i.expires_at, acceptee_le: i.accepted_at, revoquee_le: i.revoked_at })),
      sessions: d.sessions.map((s) => ({ ouverte_le: s.created_at, expire_le: s.expires_at })),
      journal: d.audit.map((e) => ({ le: e.at, action: e.action, objet: e.entity, objet_id: e.entity_id })),
    },
  };
}

/** The same data as one CSV file. */
export const personalDataAsCsv = (data: { sections: PersonalSections }) => personalDataCsv(data.sections);
