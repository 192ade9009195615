/**
 * Errors of the hub process itself (start-up, database), as distinct from the wire errors a till receives
 * (src/shared/hub/protocol.ts, HubErrorCode). Each message says what happened and what to do.
 */
export type HubStartErrorCode =
  | 'PG_BINARIES_MISSING'
  | 'PG_BINARIES_UNUSABLE'
  | 'PG_USER_UNAVAILABLE'
  | 'PG_INIT_FAILED'
  | 'PG_START_FAILED'
  | 'HUB_DATA_DIR_UNREACHABLE'
  | 'HUB_DB_TOO_NEW'
  | 'HUB_MIGRATION_FAILED'
  | 'HUB_STORE_MISMATCH'
  | 'HUB_BAD_ARGUMENT'
  | 'HUB_LISTEN_FAILED'
  | 'HUB_ALREADY_RUNNING'

export class HubStartError extends Error {
  constructor(
    readonly code: HubStartErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'HubStartError'
  }
}
