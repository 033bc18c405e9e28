/** Stable error codes programs can rely on; each maps to one HTTP status. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  /** A campaign year without a published release: its results are not public yet. */
  not_published: 404,
  conflict: 409,
  /** Joint consent asked of a structure that is neither within 50 km nor a frozen nearest neighbour. */
  consent_not_nearby: 400,
  payload_too_large: 413,
  rate_limited: 429,
  /** Invitation links: unknown token, expired, already used, revoked, or opened with another account. */
  invitation_unknown: 404,
  invitation_expired: 410,
  invitation_used: 410,
  invitation_revoked: 410,
  invitation_wrong_account: 403,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * The one error class of the application: a stable code plus a French message for people.
 * @example throw new AppError('not_found', 'Structure introuvable.');
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number { return errorStatus[this.code]; }
}
