import type { Db } from '../../db/connection';
import { deleteExpiredSessions } from '../../db/session.repo';
import { deleteExpiredLoginCounters, deleteSpentInvitations, dropOldJobFiles, deleteSpentPasswordResets, eraseOldMails, pseudonymiseOldAudit } from '../../db/retention.repo';
import { retentionCutoffs, type RetentionPolicy } from '../../domain/privacy/retention';

export interface RetentionReport { sessions: number; invitations: number; passwordResets: number; mails: number; loginCounters: number; auditEvents: number; jobFiles: number }

/**
 * Applies the retention policy once: expired sessions and login counters go, spent invitations and reset
 * links after their period, old mails lose address and body, old audit events are pseudonymised, and the
 * files of jobs given up go after the tokens' period.
 * @example await applyRetention({ db, policy: config.retention }) // { sessions: 3, invitations: 1, … }
 */
export async function applyRetention(p: { db: Db; policy: RetentionPolicy; now?: Date }): Promise<RetentionReport> {
  const now = p.now ?? new Date();
  const cut = retentionCutoffs(p.policy, now);
  return {
    sessions: await deleteExpiredSessions(p.db, now),
    invitations: await deleteSpentInvitations(p.db, cut.tokens),
    passwordResets: await deleteSpentPasswordResets(p.db, cut.tokens),
    mails: await eraseOldMails(p.db, cut.outbox),
    loginCounters: await deleteExpiredLoginCounters(p.db, now),
    auditEvents: await pseudonymiseOldAudit(p.db, cut.audit),
    jobFiles: await dropOldJobFiles(p.db, cut.tokens),
  };
}
