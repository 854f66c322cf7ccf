export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  invalid_key: 400,
  invalid_confirmation: 400,
  invalid_event: 400,
  media_not_uploaded: 400,
  media_mismatch: 400,
  invalid_unicode: 400,
  too_deep: 400,
  empty_selection: 400,
  duplicate_selection: 400,
  unknown_entities: 400,
  unauthenticated: 401,
  review_link_invalid: 401,
  forbidden: 403,
  production_read_only: 403,
  not_found: 404,
  conflict: 409,
  route_taken: 409,
  domain_taken: 409,
  stale_preview: 409,
  promotion_in_progress: 409,
  job_in_progress: 409,
  job_finished: 409,
  dangling_references: 409,
  variables_missing: 409,
  changelog_unavailable: 409,
  approval_required: 409,
  promotion_frozen: 409,
  schedule_exists: 409,
  undo_unavailable: 409,
  revert_unavailable: 409,
  production_drift: 409,
  launch_checks_failed: 409,
  check_not_found: 409,
  check_not_fixable: 409,
  payload_too_large: 413,
  range_not_satisfiable: 416,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type services throw; the filter turns it into {"error": {code, message, details}}. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
