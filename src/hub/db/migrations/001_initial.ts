import type { HubMigration } from '../migrate'

/**
 * The store hub's tables (docs/hub.md § Schema).
 * - hub_meta: one row; the epoch (new random id per database), the store, and the feed's sequence counter. Bumping
 *   the counter inside each writing transaction row-locks it until commit, so sequence numbers commit in order
 *   and without gaps: a till that read up to N can never later miss an N-1 (docs/hub.md § Feed).
 * - tills / pairing_codes: credentials, kept as SHA-256 hashes only.
 * - code_holds: the first-claim-wins key (store_id, card_id, code); a release or void deletes the hold.
 * - claims: one row per redemption id, whatever its status; a closed (released/voided) id cannot claim again.
 * - claim_events: the feed, one row per change, by sequence.
 * - collisions: every time a claim met another holder (live DUPLICATE or republish), for the manager's queue.
 */
export const m001: HubMigration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE hub_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  epoch uuid NOT NULL,
  store_id text,
  created_at bigint NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0,
  admin_token_hash bytea NOT NULL
);

CREATE TABLE tills (
  till_id text PRIMARY KEY,
  store_id text NOT NULL,
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  paired_at bigint NOT NULL,
  revoked_at bigint
);

CREATE TABLE pairing_codes (
  code_hash bytea PRIMARY KEY,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  used_by text
);

CREATE TABLE claims (
  redemption_id uuid PRIMARY KEY,
  store_id text NOT NULL,
  card_id text NOT NULL,
  code text NOT NULL,
  till_id text NOT NULL REFERENCES tills (till_id),
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  till_at bigint NOT NULL,
  hub_at bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('held', 'completed', 'released', 'voided')),
  seq bigint NOT NULL,
  status_till_at bigint,
  status_hub_at bigint
);
CREATE INDEX claims_code ON claims (store_id, card_id, code);

CREATE TABLE code_holds (
  store_id text NOT NULL,
  card_id text NOT NULL,
  code text NOT NULL,
  redemption_id uuid NOT NULL UNIQUE REFERENCES claims (redemption_id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (store_id, card_id, code)
);

CREATE TABLE claim_events (
  seq bigint PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('claimed', 'completed', 'released', 'voided')),
  redemption_id uuid NOT NULL REFERENCES claims (redemption_id),
  till_at bigint NOT NULL,
  hub_at bigint NOT NULL
);

CREATE TABLE collisions (
  id bigserial PRIMARY KEY,
  source text NOT NULL CHECK (source IN ('claim', 'republish')),
  redemption_id uuid NOT NULL,
  holder_redemption_id uuid NOT NULL REFERENCES claims (redemption_id),
  store_id text NOT NULL,
  card_id text NOT NULL,
  code text NOT NULL,
  till_id text NOT NULL,
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  amount_fen bigint NOT NULL,
  till_at bigint NOT NULL,
  hub_at bigint NOT NULL,
  UNIQUE (redemption_id, holder_redemption_id)
);
`
}
