import type { Migration } from '../migrate'

/**
 * The ledger and its outbox. A redemption row and its outbox item are always written in
 * the same transaction (src/main/redeem/ledger.ts), so the queue can never lose or invent one.
 * Money columns are integer fen; times are UTC epoch ms; business_day is the store-local date.
 */
export const m002Ledger: Migration = {
  version: 2,
  name: 'ledger',
  up: (db) => {
    db.exec(`
      CREATE TABLE card_definitions (
        card_id TEXT PRIMARY KEY,
        raw_json TEXT NOT NULL,
        card_type TEXT NOT NULL,
        title TEXT NOT NULL,
        fetched_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE code_statuses (
        code TEXT PRIMARY KEY,
        card_id TEXT,
        status TEXT NOT NULL,
        can_consume INTEGER NOT NULL,
        openid TEXT,
        begin_time INTEGER,
        end_time INTEGER,
        seen_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE scan_events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        source TEXT NOT NULL,
        device TEXT NOT NULL,
        raw TEXT NOT NULL,
        normalized_json TEXT NOT NULL,
        accepted INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX scan_events_at ON scan_events(at);

      CREATE TABLE redemptions (
        id TEXT PRIMARY KEY,               -- UUIDv7: the idempotency key, assigned before the write
        code TEXT NOT NULL,
        card_id TEXT,
        card_type TEXT NOT NULL,
        card_title TEXT NOT NULL,
        picked_card_id TEXT,                -- offline: the card the cashier picked for an unknown code
        at INTEGER NOT NULL,
        business_day TEXT NOT NULL,
        station_id TEXT NOT NULL,
        station_name TEXT NOT NULL,
        cashier_id TEXT NOT NULL,
        cashier_name TEXT NOT NULL,
        openid TEXT,
        bill_fen INTEGER,
        discount_fen INTEGER NOT NULL CHECK (discount_fen >= 0),
        payable_fen INTEGER,
        face_value_fen INTEGER NOT NULL,
        online INTEGER NOT NULL,            -- 1: decided with a fresh upstream status
        decision_json TEXT NOT NULL,
        approved_by TEXT,                   -- manager who approved a WARN that needed a PIN
        other_discount INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending','synced','conflict','rejected','voided')),
        synced_at INTEGER,
        status_reason TEXT,
        voided_at INTEGER,
        voided_by TEXT,
        void_reason TEXT
      ) STRICT;
      -- One live redemption per code: the database itself refuses a second one.
      CREATE UNIQUE INDEX redemptions_code_live ON redemptions(code) WHERE status <> 'voided';
      CREATE INDEX redemptions_day ON redemptions(business_day, at);
      CREATE INDEX redemptions_openid_day ON redemptions(openid, business_day);
      CREATE INDEX redemptions_at ON redemptions(at);

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- FIFO order
        redemption_id TEXT NOT NULL UNIQUE REFERENCES redemptions(id),
        kind TEXT NOT NULL CHECK (kind IN ('consume')),
        state TEXT NOT NULL CHECK (state IN ('queued','done','conflict','rejected','cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        in_flight INTEGER NOT NULL DEFAULT 0,    -- an attempt was sent and its outcome is not known
        next_attempt_at INTEGER NOT NULL,
        stale INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at, seq);

      CREATE TABLE sync_attempts (
        id INTEGER PRIMARY KEY,
        outbox_seq INTEGER NOT NULL REFERENCES outbox(seq),
        kind TEXT NOT NULL,                      -- consume | status_check
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        outcome TEXT,                            -- ok | errcode | timeout | network | ...
        errcode INTEGER,
        detail TEXT
      ) STRICT;
      CREATE INDEX sync_attempts_outbox ON sync_attempts(outbox_seq);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_id TEXT,
        actor_name TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        detail_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
    `)
  }
}
