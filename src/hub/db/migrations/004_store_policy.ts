import type { HubMigration } from '../migrate'

/**
 * The store's policy for degraded mode (docs/hub.md § Store policy): the largest amount a till may accept
 * without checking with the store while the hub does not answer. One row per store. `unverified_limit_fen`
 * NULL means no limit; 0 refuses every unchecked redemption. `version` grows with every change, so a till
 * keeps the newest copy whatever order the feed frame and an answer arrive in. Who set it is kept for the
 * record (the till's audit log has the manager's entry too).
 */
export const m004: HubMigration = {
  version: 4,
  name: 'store_policy',
  sql: `
CREATE TABLE store_policy (
  store_id text PRIMARY KEY,
  unverified_limit_fen bigint CHECK (unverified_limit_fen IS NULL OR unverified_limit_fen >= 0),
  version bigint NOT NULL CHECK (version >= 1),
  set_at bigint NOT NULL,
  set_by_till text NOT NULL,
  set_by_name text NOT NULL
);
`
}
