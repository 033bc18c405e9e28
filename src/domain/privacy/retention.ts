/**
 * How long personal data is kept, in days. Defaults follow the CNIL's usual guidance: short for
 * technical traces (tokens, sent mails), a year for the audit trail before it is pseudonymised.
 */
export interface RetentionPolicy {
  /** Used, revoked or expired invitations and password-reset links, counted from when they stopped working. */
  tokensDays: number;
  /** Sent, cancelled or failed e-mails: their address, subject and body are erased after this delay. */
  outboxDays: number;
  /** Audit events older than this lose who did them and any e-mail or name they quote. */
  auditDays: number;
}

export const defaultRetention: RetentionPolicy = { tokensDays: 30, outboxDays: 90, auditDays: 365 };

/** Environment variable of each setting, for messages and the README. */
export const retentionVariables: Record<keyof RetentionPolicy, string> = {
  tokensDays: 'RETENTION_TOKENS_DAYS',
  outboxDays: 'RETENTION_OUTBOX_DAYS',
  auditDays: 'RETENTION_AUDIT_DAYS',
};

/**
 * The moments before which each kind of data goes, for a policy at `now`.
 * @example retentionCutoffs(defaultRetention, new Date('2026-12-01')).outbox // 2026-09-02
 */
export function retentionCutoffs(policy: RetentionPolicy, now: Date) {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
  return { tokens: before(policy.tokensDays), outbox: before(policy.outboxDays), audit: before(policy.auditDays) };
}
