import type { Migration } from '../migrate'

/**
 * The till's side of the store hub (src/main/storeLink, docs/hub.md § For the station side):
 * - `store_link`: one row once paired: hub address, store, this till's id at the hub, the hub's epoch, and the
 *   last feed sequence applied to the mirror (stored in the same transaction as the mirror rows it covers).
 *   The till's token is NOT here: it is a set-up secret (src/main/setup/secrets.ts).
 * - `store_claims`: the claim intent log. A row is written BEFORE the claim is sent, so a crash between the
 *   claim and the local commit is resolved on restart (release, or complete). `checked` = 0 marks a redemption
 *   decided in degraded mode ("not checked with the store"); `pending` is what must still reach the hub.
 * - `store_mirror`: the store's claims as the hub's feed pushed them (other tills' redemptions), so a look-up
 *   shows DUPLICATE at once and a till can still check when the hub is slow.
 */
export const m009StoreLink: Migration = {
  version: 9,
  name: 'store_link',
  up: (db) => {
    db.exec(`
      CREATE TABLE store_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT NOT NULL,
        store_id TEXT NOT NULL,
        till_id TEXT NOT NULL,
        till_name TEXT NOT NULL,
        epoch TEXT NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        paired_at INTEGER NOT NULL
      );
      CREATE TABLE store_claims (
        redemption_id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL,
        code TEXT NOT NULL,
        cashier_id TEXT NOT NULL,
        cashier_name TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('intent', 'granted', 'duplicate', 'committed', 'released', 'voided', 'collision')),
        checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
        pending TEXT CHECK (pending IN ('claim', 'complete', 'release', 'void')),
        holder_json TEXT,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX store_claims_pending ON store_claims (pending) WHERE pending IS NOT NULL;
      CREATE INDEX store_claims_at ON store_claims (at);
      CREATE TABLE store_mirror (
        redemption_id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL,
        code TEXT NOT NULL,
        till TEXT NOT NULL,
        till_name TEXT NOT NULL,
        cashier_id TEXT NOT NULL,
        cashier_name TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        till_at INTEGER NOT NULL,
        hub_at INTEGER NOT NULL,
        live INTEGER NOT NULL CHECK (live IN (0, 1)),
        seq INTEGER NOT NULL
      );
      CREATE INDEX store_mirror_code ON store_mirror (code, card_id) WHERE live = 1;
    `)
  }
}
