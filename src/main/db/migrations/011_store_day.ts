import type { Migration } from '../migrate'

/**
 * The store hub's second half on the till (src/main/storeLink, docs/hub.md § Store policy, § The store's day):
 * - `store_policy`: this till's copy of the store's policy for degraded mode — the largest discount it may accept
 *   without checking with the store (NULL: no limit). Kept here because degraded mode is exactly when the hub
 *   cannot be asked. No row: never heard from the hub — no limit, as before the policy existed.
 * - `store_claims.key_card_id`: the card id the claim is keyed by at the hub (`*` for a plain WeChat code, whose
 *   key must not depend on the card; the real card for a custom code). NULL on rows written before: their
 *   `card_id`, as they were sent.
 * - `store_mirror.status`: the claim's status at the hub (held, completed, released, voided), for the store's
 *   day view (a voided redemption is listed apart). NULL on rows written before: `live` tells held-or-completed.
 * - `store_conflict_resolutions`: a manager's "resolved" of a cross-till conflict (the store hub's or the chain
 *   hub's, keyed by this till's redemption), with a note; one per conflict,
 *   immutable (triggers), tied to its audit entry. The conflict leaves the open queue and stays in history.
 */
export const m011StoreDay: Migration = {
  version: 11,
  name: 'store_day',
  up: (db) => {
    db.exec(`
      CREATE TABLE store_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        unverified_limit_fen INTEGER CHECK (unverified_limit_fen IS NULL OR unverified_limit_fen >= 0),
        version INTEGER NOT NULL CHECK (version >= 0),
        set_at INTEGER,
        set_by_till_name TEXT,
        set_by_name TEXT,
        received_at INTEGER NOT NULL
      );
      ALTER TABLE store_claims ADD COLUMN key_card_id TEXT;
      ALTER TABLE store_mirror ADD COLUMN status TEXT
        CHECK (status IS NULL OR status IN ('held', 'completed', 'released', 'voided'));
      CREATE INDEX store_mirror_till_at ON store_mirror (till_at);
      CREATE TABLE store_conflict_resolutions (
        redemption_id TEXT PRIMARY KEY,        -- this till's redemption: a store collision or a chain duplicate
        note TEXT NOT NULL CHECK (length(note) > 0),
        resolved_at INTEGER NOT NULL,
        resolved_by_id TEXT NOT NULL,
        resolved_by_name TEXT NOT NULL,
        audit_id INTEGER NOT NULL
      );
      CREATE TRIGGER store_conflict_resolutions_no_update BEFORE UPDATE ON store_conflict_resolutions
      BEGIN SELECT RAISE(ABORT, 'a resolution is immutable'); END;
      CREATE TRIGGER store_conflict_resolutions_no_delete BEFORE DELETE ON store_conflict_resolutions
      BEGIN SELECT RAISE(ABORT, 'a resolution is immutable'); END;
    `)
  }
}
