import { parseCardGet } from '../../../shared/coupon'
import type { Migration } from '../migrate'

/**
 * Custom codes are keyed by (card_id, code). A plain WeChat code is unique in the account, but a custom code
 * (use_custom_code) is the merchant's own string, unique only within its card: the same string under two
 * custom-code cards is two coupons (docs/reliability.md § Custom codes). Until now the ledger refused the second
 * as a duplicate because its live-row index was on `code` alone.
 *
 * - `redemptions.custom_code` (0/1, written by the app from the card's use_custom_code) and `code_key`, a
 *   generated column: the code alone for a plain code, card_id + U+001F + code for a custom one
 *   (src/main/db/codeKey.ts builds the same string for look-ups). The live-row unique index moves from `code` to
 *   `code_key` (nothing looks redemptions up by the bare code any more, so `code` gets no index of its own: one
 *   index less to write on every redemption).
 * - `code_statuses` (the scan journal's last-seen statuses) is rebuilt with the same key instead of `code` as
 *   its primary key, and an index on `code` for "which card did this code have".
 * - Existing rows are backfilled: custom_code = 1 where the row's card is a custom-code card in the card cache.
 *   Every existing key stays unique (a key is at least as distinct as the code it replaces).
 */
export const m007CustomCodeKeys: Migration = {
  version: 7,
  name: 'custom_code_keys',
  up: (db) => {
    const customCards = (
      db.prepare('SELECT card_id, raw_json FROM card_definitions').all() as Array<{
        card_id: string
        raw_json: string
      }>
    )
      .filter((row) => usesCustomCode(row.card_id, row.raw_json))
      .map((row) => row.card_id)
    db.exec(`
      ALTER TABLE redemptions ADD COLUMN custom_code INTEGER NOT NULL DEFAULT 0
        CHECK (custom_code IN (0, 1) AND (custom_code = 0 OR card_id IS NOT NULL));
      ALTER TABLE redemptions ADD COLUMN code_key TEXT
        GENERATED ALWAYS AS (CASE custom_code WHEN 1 THEN card_id || char(31) || code ELSE code END) VIRTUAL;
    `)
    db.prepare(
      `UPDATE redemptions SET custom_code = 1 WHERE card_id IN (SELECT value FROM json_each(?))`
    ).run(JSON.stringify(customCards))
    db.exec(`
      DROP INDEX redemptions_code_live;
      -- One live redemption per coupon: the database itself refuses a second one.
      CREATE UNIQUE INDEX redemptions_code_key_live ON redemptions(code_key) WHERE status <> 'voided';

      CREATE TABLE code_statuses_keyed (
        code TEXT NOT NULL,
        card_id TEXT,
        custom_code INTEGER NOT NULL DEFAULT 0
          CHECK (custom_code IN (0, 1) AND (custom_code = 0 OR card_id IS NOT NULL)),
        code_key TEXT NOT NULL
          GENERATED ALWAYS AS (CASE custom_code WHEN 1 THEN card_id || char(31) || code ELSE code END) STORED,
        status TEXT NOT NULL,
        can_consume INTEGER NOT NULL,
        openid TEXT,
        begin_time INTEGER,
        end_time INTEGER,
        seen_at INTEGER NOT NULL
      ) STRICT;
    `)
    db.prepare(
      `INSERT INTO code_statuses_keyed (code, card_id, custom_code, status, can_consume, openid, begin_time,
         end_time, seen_at)
       SELECT code, card_id, coalesce(card_id IN (SELECT value FROM json_each(?)), 0), status, can_consume, openid,
         begin_time, end_time, seen_at
       FROM code_statuses`
    ).run(JSON.stringify(customCards))
    db.exec(`
      DROP TABLE code_statuses;
      ALTER TABLE code_statuses_keyed RENAME TO code_statuses;
      CREATE UNIQUE INDEX code_statuses_key ON code_statuses(code_key);
      CREATE INDEX code_statuses_code ON code_statuses(code);
    `)
  }
}

/**
 * Whether a cached card uses custom codes. The cache holds the platform's raw card/get JSON, or (written by
 * older tests and tools) an already parsed definition; both are read the way the card cache reads them.
 */
function usesCustomCode(cardId: string, rawJson: string): boolean {
  let raw: unknown
  try {
    raw = JSON.parse(rawJson)
  } catch {
    return false
  }
  if (typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'card') {
    return (raw as { useCustomCode?: unknown }).useCustomCode === true
  }
  const card = parseCardGet(raw, cardId)
  return card.kind === 'card' && card.useCustomCode
}
