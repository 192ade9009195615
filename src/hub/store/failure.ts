import type { HubErrorCode } from '../../shared/hub/protocol'

/** HTTP status of each wire error code: what a generic HTTP client (or a proxy's log) makes of it. */
export const HTTP_STATUS: Record<HubErrorCode, number> = {
  BAD_JSON: 400,
  BAD_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TOKEN_MISSING: 401,
  TOKEN_UNKNOWN: 401,
  TOKEN_REVOKED: 401,
  STORE_MISMATCH: 403,
  STORE_MISSING: 400,
  TILL_MISMATCH: 403,
  NOT_HOLDER: 403,
  PAIRING_CODE_INVALID: 403,
  PAIRING_LOCKED: 429,
  REDEMPTION_ID_REUSED: 409,
  CLAIM_CLOSED: 409,
  CLAIM_UNKNOWN: 404,
  INVALID_TRANSITION: 409,
  ADMIN_TOKEN_INVALID: 401,
  POLICY_STALE: 409,
  INTERNAL: 500
}

/** Thrown inside the hub to end a request with a wire error; the HTTP layer turns it into the envelope. */
export class HubFailure extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'HubFailure'
  }
}
