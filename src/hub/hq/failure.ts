import type { HqError, HqErrorCode } from '../../shared/hub/hqProtocol'

/** HTTP status of each HQ error code. */
export const HQ_HTTP_STATUS: Record<HqErrorCode, number> = {
  SIGNED_OUT: 401,
  SIGNIN_FAILED: 401,
  LOCKED: 423,
  FORBIDDEN: 403,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  STORE_EXISTS: 409,
  STORE_UNKNOWN: 404,
  TILL_UNKNOWN: 404,
  TOKEN_NOT_CONFIGURED: 503,
  INTERNAL: 500
}

/** Thrown by the HQ side to end a request with a coded error; hqRoutes.ts turns it into JSON. */
export class HqFailure extends Error {
  constructor(
    readonly code: HqErrorCode,
    message: string,
    readonly details?: HqError['details']
  ) {
    super(message)
    this.name = 'HqFailure'
  }
}
