import type { Migration } from '../migrate'

/** A random UUIDv4 in SQL (version nibble 4, variant 8–b), evaluated per row. */
const UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`
const NOW = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`

/** The body of a `redeemed` event from a redemptions row (`r` is `new` in a trigger, the table in the backfill). */
const redeemedBody = (r: string) => `json_object(
  'redemptionId', ${r}.id, 'cardId', COALESCE(${r}.card_id, ${r}.picked_card_id, ''),
  'customCode', json(CASE ${r}.custom_code WHEN 1 THEN 'true' ELSE 'false' END), 'code', ${r}.code,
  'cardTitle', substr(${r}.card_title, 1, 200), 'cashierId', ${r}.cashier_id, 'cashierName', ${r}.cashier_name,
  'amountFen', ${r}.discount_fen, 'billFen', ${r}.bill_fen, 'redeemedAt', ${r}.at, 'status', ${r}.status)`

/** Takes the next seq and appends one event: both in the transaction of the change that fired the trigger. */
const append = (kind: string, tillAt: string, day: string, body: string) => `
  UPDATE chain_lane_meta SET last_seq = last_seq + 1 WHERE id = 1;
  INSERT INTO chain_lane (seq, event_id, kind, till_at, business_day, body_json)
  VALUES ((SELECT last_seq FROM chain_lane_meta WHERE id = 1), ${UUID}, ${kind}, ${tillAt}, ${day}, ${body});`

/**
 * The chain lane (src/main/chainLink, docs/chain.md § The till's lane): the till's second outbox, to the chain hub at
 * headquarters, independent of the WeChat outbox.
 *
 * - `chain_lane`: append-only events, `seq` gap-free per till (from the one-row counter `chain_lane_meta`, so a
 *   deleted acknowledged event never frees its number), a random UUID each. Rows ≤ `acked_seq` are deleted once
 *   the hub acknowledged them.
 * - The events are written by TRIGGERS on the tables whose changes they report, so every change lands in the lane
 *   in the very transaction that makes it, whichever service wrote it (the ledger, the sync worker, a void, a
 *   resolution, a day close) and even a future code path that forgets about the chain:
 *   a new redemption → `redeemed`; its status becoming synced / conflict / rejected / voided → that kind; a
 *   conflict resolution → `resolved`; a Z report → `day_closed` with the report.
 * - `chain_link`: one row once enrolled (hub address, store, till id). The token is a set-up secret, not here.
 * - `chain_conflicts`: duplicates the chain hub found (this till's redemption and another store's), for the
 *   manager's queue; `reported` = the hub has been told this till stored it.
 * - Existing redemptions are backfilled as `redeemed` events with their current status, oldest first, so the chain
 *   hub gets the whole ledger and not only what happens after the upgrade.
 */
export const m010ChainLane: Migration = {
  version: 10,
  name: 'chain_lane',
  up: (db) => {
    db.exec(`
      CREATE TABLE chain_lane (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('redeemed','synced','conflict','rejected','voided','resolved','day_closed')),
        till_at INTEGER NOT NULL,
        business_day TEXT NOT NULL,
        body_json TEXT NOT NULL
      ) STRICT;
      CREATE TABLE chain_lane_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL,           -- the last seq handed out
        acked_seq INTEGER NOT NULL           -- the chain hub holds and applied everything up to here
      ) STRICT;
      INSERT INTO chain_lane_meta (id, last_seq, acked_seq) VALUES (1, 0, 0);
      CREATE TABLE chain_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT NOT NULL,
        store_id TEXT NOT NULL,
        store_name TEXT NOT NULL,
        till_id TEXT NOT NULL,
        enrolled_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE chain_conflicts (
        id INTEGER PRIMARY KEY,              -- the chain hub's duplicate id
        card_id TEXT NOT NULL,
        code TEXT NOT NULL,
        first_json TEXT NOT NULL,            -- the redemption the hub heard of first (store, till, cashier, time)
        second_json TEXT NOT NULL,
        found_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        reported INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1))
      ) STRICT;
      CREATE INDEX chain_conflicts_unreported ON chain_conflicts(id) WHERE reported = 0;

      INSERT INTO chain_lane (seq, event_id, kind, till_at, business_day, body_json)
        SELECT ROW_NUMBER() OVER (ORDER BY at, id), ${UUID}, 'redeemed', at, business_day, ${redeemedBody('r')}
        FROM redemptions r;
      UPDATE chain_lane_meta SET last_seq = (SELECT COUNT(*) FROM chain_lane) WHERE id = 1;

      CREATE TRIGGER chain_lane_redeemed AFTER INSERT ON redemptions BEGIN
        ${append(`'redeemed'`, 'new.at', 'new.business_day', redeemedBody('new'))}
      END;
      CREATE TRIGGER chain_lane_status AFTER UPDATE OF status ON redemptions
        WHEN new.status <> old.status AND new.status IN ('synced','conflict','rejected','voided') BEGIN
        ${append(
          'new.status',
          `CASE new.status WHEN 'voided' THEN COALESCE(new.voided_at, ${NOW})
             WHEN 'synced' THEN COALESCE(new.synced_at, ${NOW}) ELSE ${NOW} END`,
          'new.business_day',
          `json_object('redemptionId', new.id, 'reason', substr(COALESCE(new.void_reason, new.status_reason), 1, 500))`
        )}
      END;
      CREATE TRIGGER chain_lane_resolved AFTER INSERT ON conflict_resolutions BEGIN
        ${append(
          `'resolved'`,
          'new.resolved_at',
          '(SELECT business_day FROM redemptions WHERE id = new.redemption_id)',
          `json_object('redemptionId', new.redemption_id, 'outcome', new.outcome)`
        )}
      END;
      CREATE TRIGGER chain_lane_day_closed AFTER INSERT ON z_reports BEGIN
        ${append(
          `'day_closed'`,
          'new.closed_at',
          'new.business_day',
          `json_object('number', new.number, 'sha256', new.sha256, 'report', json(new.body_json))`
        )}
      END;
    `)
  }
}
