import type { ChainErrorCode } from '../../shared/hub/chainProtocol'

/** HTTP status of each chain error code (src/shared/hub/chainProtocol.ts). */
export const CHAIN_HTTP_STATUS: Record<ChainErrorCode, number> = {
  BAD_JSON: 400,
  BAD_REQUEST: 400,
  BAD_ENCODING: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TOKEN_MISSING: 401,
  TOKEN_UNKNOWN: 401,
  TOKEN_REVOKED: 401,
  STORE_MISSING: 400,
  STORE_MISMATCH: 403,
  TILL_MISMATCH: 403,
  BATCH_NOT_CONTIGUOUS: 400,
  SEQ_CONFLICT: 409,
  ENROLMENT_CODE_INVALID: 403,
  ENROLMENT_LOCKED: 429,
  TILL_ID_TAKEN: 409,
  STORE_UNKNOWN: 404,
  BUSY: 429,
  UPSTREAM_UNREACHABLE: 502,
  ADMIN_TOKEN_INVALID: 401,
  REDEMPTION_ID_REUSED: 409,
  INTERNAL: 500
}

/** Thrown inside the chain ingest to end a request with a wire error; nothing it touched is committed. */
export class ChainFailure extends Error {
  constructor(
    readonly code: ChainErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds, for BUSY: sent as Retry-After. */
    readonly retryAfterS?: number
  ) {
    super(message)
    this.name = 'ChainFailure'
  }
}
