/**
 * Migration 007 (custom codes keyed by (card_id, code)) on a real file written at schema 6: existing rows keep
 * their data, a custom-code card's redemption gets the key (card, code), a plain one keeps the code alone, and
 * the new uniqueness holds — the same custom string under another card is allowed, the same pair or the same
 * plain code is refused. The scan journal's statuses move to the same key.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeKeyOf } from '../../src/main/db/codeKey'
import { migrations } from '../../src/main/db/migrations'
import { openDatabase, type Db } from '../../src/main/db/open'
import { parseCardGet } from '../../src/shared/coupon'
import { CUSTOM_A, CUSTOM_B, PLAIN, twoCustomCardsSeed } from '../support/customCards'

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'hexiao-m007-')), 'station.db')
const v6 = migrations.filter((m) => m.version <= 6)
const seed = twoCustomCardsSeed(Date.UTC(2026, 10, 22), { shared: [] })
const rawCard = (id: string) => {
  const card = seed.cards.find((c) => JSON.stringify(c).includes(`"id":"${id}"`))
  if (!card) throw new Error(`no card ${id}`)
  return card
}

/** A redemption as schema 6 holds it (named columns; no custom_code or code_key yet). */
function insertV6Redemption(db: Db, id: string, code: string, cardId: string, status = 'pending'): void {
  db.prepare(
    `INSERT INTO redemptions (id, code, card_id, card_type, card_title, picked_card_id, at, business_day,
       station_id, station_name, cashier_id, cashier_name, openid, bill_fen, discount_fen, payable_fen,
       face_value_fen, online, decision_json, approved_by, other_discount, status, synced_at, status_reason,
       voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, 'CASH', '券', NULL, 1, '2026-11-22', 'station-1', '收银台 1', 'staff-1', '李娜', NULL, 5000,
       1000, 4000, 1000, 1, '{}', NULL, 0, ?, NULL, NULL, NULL, NULL, NULL)`
  ).run(id, code, cardId, status)
  db.prepare(
    `INSERT INTO outbox (redemption_id, kind, state, next_attempt_at, created_at, updated_at)
     VALUES (?, 'consume', 'queued', 1, 1, 1)`
  ).run(id)
}

/** The next redemption as the app writes it at schema 7. */
function insertV7Redemption(db: Db, id: string, code: string, cardId: string, custom: boolean): void {
  db.prepare(
    `INSERT INTO redemptions (id, code, custom_code, card_id, card_type, card_title, at, business_day, station_id,
       station_name, cashier_id, cashier_name, discount_fen, face_value_fen, online, decision_json,
       other_discount, status)
     VALUES (?, ?, ?, ?, 'CASH', '券', 2, '2026-11-22', 'station-1', '收银台 1', 'staff-1', '李娜', 1000, 1000, 1,
       '{}', 0, 'pending')`
  ).run(id, code, custom ? 1 : 0, cardId)
}

describe('migration 007: custom codes keyed by (card_id, code)', () => {
  it('backfills plain and custom rows from the card cache and enforces the new uniqueness', () => {
    const file = tmpFile()
    const old = openDatabase(file, { migrations: v6 })
    expect(old.schemaVersion).toBe(6)
    const putCard = old.db.prepare(
      `INSERT INTO card_definitions (card_id, raw_json, card_type, title, fetched_at) VALUES (?, ?, 'CASH', ?, 1)`
    )
    // The cache holds card/get's raw JSON; the custom card B as an already parsed definition (older writers).
    putCard.run(CUSTOM_A, JSON.stringify(rawCard(CUSTOM_A)), '合作方15元券')
    putCard.run(CUSTOM_B, JSON.stringify(parseCardGet(rawCard(CUSTOM_B), CUSTOM_B)), '合作方20元券')
    putCard.run(PLAIN, JSON.stringify(rawCard(PLAIN)), '10元券')
    insertV6Redemption(old.db, 'r-plain', '012345678905', PLAIN)
    insertV6Redemption(old.db, 'r-custom', 'PARTNER-1', CUSTOM_A)
    insertV6Redemption(old.db, 'r-voided', 'PARTNER-2', CUSTOM_B, 'voided')
    const putStatus = old.db.prepare(
      `INSERT INTO code_statuses (code, card_id, status, can_consume, openid, begin_time, end_time, seen_at)
       VALUES (?, ?, 'NORMAL', 1, NULL, NULL, NULL, ?)`
    )
    putStatus.run('012345678905', PLAIN, 10)
    putStatus.run('PARTNER-1', CUSTOM_A, 11)
    putStatus.run('UNSEEN-CARD', null, 12)
    old.db.close()

    const { db, schemaVersion } = openDatabase(file)
    expect(schemaVersion).toBeGreaterThanOrEqual(7)
    expect(
      db.prepare('SELECT id, code, custom_code, code_key, status FROM redemptions ORDER BY id').all()
    ).toEqual([
      {
        id: 'r-custom',
        code: 'PARTNER-1',
        custom_code: 1,
        code_key: codeKeyOf('PARTNER-1', CUSTOM_A),
        status: 'pending'
      },
      { id: 'r-plain', code: '012345678905', custom_code: 0, code_key: '012345678905', status: 'pending' },
      {
        id: 'r-voided',
        code: 'PARTNER-2',
        custom_code: 1,
        code_key: codeKeyOf('PARTNER-2', CUSTOM_B),
        status: 'voided'
      }
    ])
    // Nothing else of the rows changed, and the outbox items are still theirs.
    expect(db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'queued'`).get()).toEqual({ n: 3 })
    expect(db.prepare(`SELECT card_id, bill_fen FROM redemptions WHERE id = 'r-custom'`).get()).toEqual({
      card_id: CUSTOM_A,
      bill_fen: 5000
    })

    // The same custom string under the other custom card: another coupon.
    insertV7Redemption(db, 'r-custom-b', 'PARTNER-1', CUSTOM_B, true)
    // The same (card, code) again, or the same plain code under any card: refused by the database.
    expect(() => insertV7Redemption(db, 'r-custom-a2', 'PARTNER-1', CUSTOM_A, true)).toThrowError(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    )
    expect(() => insertV7Redemption(db, 'r-plain2', '012345678905', CUSTOM_A, false)).toThrowError(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    )
    // A voided row does not hold its key.
    insertV7Redemption(db, 'r-custom-b2', 'PARTNER-2', CUSTOM_B, true)

    const indexes = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`)
        .all('redemptions') as Array<{
        name: string
      }>
    ).map((r) => r.name)
    expect(indexes).toContain('redemptions_code_key_live')
    expect(indexes).not.toContain('redemptions_code_live')

    expect(
      db.prepare('SELECT code, card_id, code_key, seen_at FROM code_statuses ORDER BY seen_at').all()
    ).toEqual([
      { code: '012345678905', card_id: PLAIN, code_key: '012345678905', seen_at: 10 },
      { code: 'PARTNER-1', card_id: CUSTOM_A, code_key: codeKeyOf('PARTNER-1', CUSTOM_A), seen_at: 11 },
      { code: 'UNSEEN-CARD', card_id: null, code_key: 'UNSEEN-CARD', seen_at: 12 }
    ])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})
