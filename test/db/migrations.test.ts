/**
 * One test per migration of the station database (src/main/db/migrations): a real file is built at the previous
 * version with representative rows, then opened with the migrations up to this one (exactly one step up), and the
 * test checks that the rows survive (or are transformed as the migration says) and that the new schema works —
 * its constraints refuse what they should and accept what the app writes. test/db/customCodeKeys.test.ts tests
 * migration 007 in more depth.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/main/db/migrations'
import { openDatabase, type Db } from '../../src/main/db/open'

const DAY = '2026-11-22'

/** A real file at `version` (0: a new, empty database file). */
function atVersion(version: number): { file: string; db: Db } {
  const file = join(mkdtempSync(join(tmpdir(), `hexiao-m${version}-`)), 'station.db')
  const opened = openDatabase(file, { migrations: migrations.filter((m) => m.version <= version) })
  expect(opened.schemaVersion).toBe(version)
  return { file, db: opened.db }
}

/** Closes the old connection and opens the file with the migrations up to `version`: one step up. */
function upTo(file: string, old: Db, version: number): Db {
  old.close()
  const opened = openDatabase(file, { migrations: migrations.filter((m) => m.version <= version) })
  expect(opened.schemaVersion).toBe(version)
  expect(opened.db.pragma('user_version', { simple: true })).toBe(version)
  const last = opened.db
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1')
    .get() as { version: number; name: string }
  expect(last).toEqual({ version, name: migrations[version - 1]!.name })
  return opened.db
}

const dump = (db: Db, table: string, order = 'rowid'): unknown[] =>
  db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()

const hasIndex = (db: Db, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) !== undefined

const plan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ')

interface Row {
  id: string
  code: string
  cardId?: string | null
  status?: string
  openid?: string | null
  online?: 0 | 1
  at?: number
}

/** A redemption as schemas 2–6 hold it (named columns; no custom_code yet), with its outbox item. */
function insertRedemption(db: Db, row: Row, outboxState = 'queued'): void {
  db.prepare(
    `INSERT INTO redemptions (id, code, card_id, card_type, card_title, picked_card_id, at, business_day,
       station_id, station_name, cashier_id, cashier_name, openid, bill_fen, discount_fen, payable_fen,
       face_value_fen, online, decision_json, approved_by, other_discount, status, synced_at, status_reason,
       voided_at, voided_by, void_reason)
     VALUES (@id, @code, @cardId, 'CASH', '10元代金券', NULL, @at, '${DAY}', 'station-1', '收银台 1', 'staff-1',
       '李娜', @openid, 5000, 1000, 4000, 1000, @online, '{"verdict":"ALLOW"}', NULL, 0, @status, NULL, NULL,
       NULL, NULL, NULL)`
  ).run({
    id: row.id,
    code: row.code,
    cardId: row.cardId === undefined ? 'card-plain' : row.cardId,
    at: row.at ?? 1,
    openid: row.openid ?? null,
    online: row.online ?? 1,
    status: row.status ?? 'pending'
  })
  db.prepare(
    `INSERT INTO outbox (redemption_id, kind, state, next_attempt_at, created_at, updated_at)
     VALUES (?, 'consume', ?, 1, 1, 1)`
  ).run(row.id, outboxState)
}

function insertSetting(db: Db): void {
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
    'store.profile',
    JSON.stringify({ name: '静安店', timeZone: 'Asia/Shanghai' }),
    7
  )
}

describe('each migration, one step up from the previous version on a real file', () => {
  it('001 settings: a new file gets the settings table, which stores and reads typed JSON by key', () => {
    const { file, db: empty } = atVersion(0)
    expect(empty.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get()).toEqual({
      n: 0
    })
    const db = upTo(file, empty, 1)
    insertSetting(db)
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get('store.profile') as {
      value: string
    }
    expect(JSON.parse(row.value)).toEqual({ name: '静安店', timeZone: 'Asia/Shanghai' })
    // One value per key, and STRICT refuses a value of the wrong type.
    expect(() =>
      db
        .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
        .run('store.profile', '{}', 8)
    ).toThrow(/UNIQUE/)
    expect(() =>
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('x', '{}', 'later')
    ).toThrow(/cannot store TEXT value in INTEGER column/)
    db.close()
  })

  it('002 ledger: settings survive; one live redemption per code, its outbox item must name a redemption', () => {
    const { file, db: v1 } = atVersion(1)
    insertSetting(v1)
    const settings = dump(v1, 'settings')
    const db = upTo(file, v1, 2)
    expect(dump(db, 'settings')).toEqual(settings)

    insertRedemption(db, { id: 'r-1', code: '012345678905' })
    expect(() => insertRedemption(db, { id: 'r-2', code: '012345678905' })).toThrow(/UNIQUE/)
    db.prepare(`UPDATE redemptions SET status = 'voided' WHERE id = 'r-1'`).run()
    insertRedemption(db, { id: 'r-3', code: '012345678905' }) // a voided row no longer blocks the code
    expect(() =>
      db
        .prepare(
          `INSERT INTO outbox (redemption_id, kind, state, next_attempt_at, created_at, updated_at)
           VALUES ('no-such-redemption', 'consume', 'queued', 1, 1, 1)`
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare(`UPDATE redemptions SET discount_fen = -1 WHERE id = 'r-3'`).run()).toThrow(
      /CHECK/
    )
    expect(() => db.prepare(`UPDATE redemptions SET status = 'lost' WHERE id = 'r-3'`).run()).toThrow(/CHECK/)
    expect(
      db.prepare('SELECT redemption_id, state, attempts, in_flight FROM outbox ORDER BY seq').all()
    ).toEqual([
      { redemption_id: 'r-1', state: 'queued', attempts: 0, in_flight: 0 },
      { redemption_id: 'r-3', state: 'queued', attempts: 0, in_flight: 0 }
    ])
    db.close()
  })

  it('003 staff: the ledger survives; one active staff member per name, roles are cashier or manager', () => {
    const { file, db: v2 } = atVersion(2)
    insertSetting(v2)
    insertRedemption(v2, { id: 'r-1', code: '012345678905' })
    const before = { redemptions: dump(v2, 'redemptions'), outbox: dump(v2, 'outbox', 'seq') }
    const db = upTo(file, v2, 3)
    expect({ redemptions: dump(db, 'redemptions'), outbox: dump(db, 'outbox', 'seq') }).toEqual(before)

    const put = db.prepare(
      `INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, 'scrypt$x', 1)`
    )
    put.run('s-1', '李娜', 'manager')
    expect(() => put.run('s-2', '李娜', 'cashier')).toThrow(/UNIQUE/)
    db.prepare(`UPDATE staff SET active = 0 WHERE id = 's-1'`).run()
    put.run('s-2', '李娜', 'cashier') // the name is free again once the first one left
    expect(() => put.run('s-3', '王强', 'owner')).toThrow(/CHECK/)
    expect(db.prepare(`SELECT failed_attempts, locked_until FROM staff WHERE id = 's-2'`).get()).toEqual({
      failed_attempts: 0,
      locked_until: null
    })
    db.close()
  })

  it('004 sync: outbox items survive and "what is queued, in FIFO order" reads the partial index', () => {
    const { file, db: v3 } = atVersion(3)
    insertRedemption(v3, { id: 'r-1', code: 'A1', status: 'synced' }, 'done')
    insertRedemption(v3, { id: 'r-2', code: 'A2' }, 'queued')
    insertRedemption(v3, { id: 'r-3', code: 'A3', status: 'conflict' }, 'conflict')
    insertRedemption(v3, { id: 'r-4', code: 'A4' }, 'queued')
    const outbox = dump(v3, 'outbox', 'seq')
    const db = upTo(file, v3, 4)
    expect(dump(db, 'outbox', 'seq')).toEqual(outbox)
    expect(hasIndex(db, 'outbox_queued')).toBe(true)
    // INDEXED BY fails to prepare ("no query solution") unless the partial index can answer the query.
    const queued = `SELECT seq FROM outbox INDEXED BY outbox_queued WHERE state = 'queued' ORDER BY seq`
    expect(plan(db, queued)).toContain('outbox_queued')
    expect(db.prepare(queued).all()).toEqual([{ seq: 2 }, { seq: 4 }])
    expect(() => db.prepare(`SELECT seq FROM outbox INDEXED BY outbox_queued WHERE state = 'done'`)).toThrow(
      /no query solution/
    )
    db.close()
  })

  it('005 reports: the ledger survives; Z reports and resolutions are immutable, one Z report per day', () => {
    const { file, db: v4 } = atVersion(4)
    insertRedemption(v4, { id: 'r-1', code: 'A1', status: 'synced' }, 'done')
    insertRedemption(v4, { id: 'r-2', code: 'A2', status: 'conflict' }, 'conflict')
    const redemptions = dump(v4, 'redemptions')
    const db = upTo(file, v4, 5)
    expect(dump(db, 'redemptions')).toEqual(redemptions)

    const putZ = db.prepare(
      `INSERT INTO z_reports (number, business_day, closed_at, closed_by_id, closed_by_name, body_json, sha256)
       VALUES (?, ?, 10, 'staff-1', '李娜', '{}', 'abc')`
    )
    putZ.run(1, DAY)
    expect(() => putZ.run(2, DAY)).toThrow(/UNIQUE/)
    expect(() => db.prepare(`UPDATE z_reports SET body_json = '{"x":1}'`).run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM z_reports').run()).toThrow(/immutable/)

    const resolve = db.prepare(
      `INSERT INTO conflict_resolutions (redemption_id, outcome, note, status_at_resolution, resolved_at,
         resolved_by_id, resolved_by_name, audit_id)
       VALUES (?, ?, '顾客已补付', 'conflict', 20, 'staff-1', '李娜', 1)`
    )
    resolve.run('r-2', 'collected')
    expect(() => resolve.run('r-1', 'forgotten')).toThrow(/CHECK/)
    expect(() => resolve.run('no-such-redemption', 'other')).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare(`UPDATE conflict_resolutions SET note = 'x'`).run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM conflict_resolutions').run()).toThrow(/immutable/)

    const open = `SELECT id FROM redemptions WHERE status IN ('conflict','rejected') AND business_day = '${DAY}'`
    expect(db.prepare(open).all()).toEqual([{ id: 'r-2' }])
    expect(plan(db, open)).toContain('redemptions_open_status')
    db.prepare(
      `INSERT INTO backups (file, reason, started_at) VALUES ('station-2026-11-22.db', 'day_close', 30)`
    ).run()
    expect(() =>
      db.prepare(`INSERT INTO backups (file, reason, started_at) VALUES ('x.db', 'whim', 31)`).run()
    ).toThrow(/CHECK/)
    db.close()
  })

  it("006 ledger_counts: rows survive; the day's offline count and a customer's count read covering indexes", () => {
    const { file, db: v5 } = atVersion(5)
    insertRedemption(v5, { id: 'r-1', code: 'A1', openid: 'o-1', online: 0 })
    insertRedemption(v5, { id: 'r-2', code: 'A2', openid: 'o-1', online: 1 })
    insertRedemption(v5, { id: 'r-3', code: 'A3', openid: 'o-2', online: 0, status: 'voided' }, 'cancelled')
    const redemptions = dump(v5, 'redemptions')
    const db = upTo(file, v5, 6)
    expect(dump(db, 'redemptions')).toEqual(redemptions)

    const columns = (index: string) =>
      (db.prepare(`PRAGMA index_info(${index})`).all() as Array<{ name: string }>).map((c) => c.name)
    expect(columns('redemptions_openid_day')).toEqual(['openid', 'business_day', 'status'])
    expect(columns('redemptions_day_online')).toEqual(['business_day', 'online', 'status'])
    const offline = `SELECT count(*) AS n FROM redemptions WHERE business_day = '${DAY}' AND online = 0
      AND status <> 'voided'`
    const customer = `SELECT count(*) AS n FROM redemptions WHERE openid = 'o-1' AND business_day = '${DAY}'
      AND status <> 'voided'`
    expect(db.prepare(offline).get()).toEqual({ n: 1 })
    expect(db.prepare(customer).get()).toEqual({ n: 2 })
    expect(plan(db, offline)).toMatch(/COVERING INDEX redemptions_day_online/)
    expect(plan(db, customer)).toMatch(/COVERING INDEX redemptions_openid_day/)
    db.close()
  })

  it('007 custom_code_keys: custom-code rows get the (card, code) key; the same string under two cards is allowed', () => {
    const { file, db: v6 } = atVersion(6)
    const putCard = v6.prepare(
      `INSERT INTO card_definitions (card_id, raw_json, card_type, title, fetched_at) VALUES (?, ?, 'CASH', ?, 1)`
    )
    // Parsed definitions (the form older writers cached) keep the test independent of card/get's raw shape.
    putCard.run('card-custom', JSON.stringify({ kind: 'card', useCustomCode: true }), '合作方15元券')
    putCard.run('card-plain', JSON.stringify({ kind: 'card', useCustomCode: false }), '10元代金券')
    insertRedemption(v6, { id: 'r-plain', code: '012345678905', cardId: 'card-plain' })
    insertRedemption(v6, { id: 'r-custom', code: 'PARTNER-1', cardId: 'card-custom' })
    insertRedemption(v6, { id: 'r-nocard', code: '098765432109', cardId: null })
    v6.prepare(
      `INSERT INTO code_statuses (code, card_id, status, can_consume, openid, begin_time, end_time, seen_at)
       VALUES ('PARTNER-1', 'card-custom', 'NORMAL', 1, NULL, NULL, NULL, 11)`
    ).run()
    const db = upTo(file, v6, 7)

    expect(db.prepare('SELECT id, code, custom_code, code_key FROM redemptions ORDER BY id').all()).toEqual([
      { id: 'r-custom', code: 'PARTNER-1', custom_code: 1, code_key: 'card-custom\u001fPARTNER-1' },
      { id: 'r-nocard', code: '098765432109', custom_code: 0, code_key: '098765432109' },
      { id: 'r-plain', code: '012345678905', custom_code: 0, code_key: '012345678905' }
    ])
    expect(db.prepare('SELECT code, code_key, seen_at FROM code_statuses').all()).toEqual([
      { code: 'PARTNER-1', code_key: 'card-custom\u001fPARTNER-1', seen_at: 11 }
    ])
    const put = db.prepare(
      `INSERT INTO redemptions (id, code, custom_code, card_id, card_type, card_title, at, business_day, station_id,
         station_name, cashier_id, cashier_name, discount_fen, face_value_fen, online, decision_json,
         other_discount, status)
       VALUES (?, ?, ?, ?, 'CASH', '券', 2, '${DAY}', 'station-1', '收银台 1', 'staff-1', '李娜', 1000, 1000, 1,
         '{}', 0, 'pending')`
    )
    put.run('r-other-card', 'PARTNER-1', 1, 'card-custom-2') // same custom string, another card: another coupon
    expect(() => put.run('r-again', 'PARTNER-1', 1, 'card-custom')).toThrow(/UNIQUE/)
    expect(() => put.run('r-plain-again', '012345678905', 0, 'card-plain')).toThrow(/UNIQUE/)
    expect(() => put.run('r-custom-no-card', 'PARTNER-9', 1, null)).toThrow(/CHECK/)
    db.close()
  })

  it('008 print_jobs: the ledger survives; print jobs are recorded with their kind, state and reprint flag', () => {
    const { file, db: v7 } = atVersion(7)
    insertSetting(v7)
    v7.prepare(
      `INSERT INTO redemptions (id, code, custom_code, card_id, card_type, card_title, at, business_day, station_id,
         station_name, cashier_id, cashier_name, discount_fen, face_value_fen, online, decision_json,
         other_discount, status)
       VALUES ('r-1', 'A1', 0, 'card-plain', 'CASH', '券', 2, '${DAY}', 'station-1', '收银台 1', 'staff-1', '李娜',
         1000, 1000, 1, '{}', 0, 'synced')`
    ).run()
    const before = { redemptions: dump(v7, 'redemptions'), settings: dump(v7, 'settings') }
    const db = upTo(file, v7, 8)
    expect({ redemptions: dump(db, 'redemptions'), settings: dump(db, 'settings') }).toEqual(before)

    const put = db.prepare(
      `INSERT INTO print_jobs (kind, subject, reprint, state, created_at) VALUES (?, ?, ?, ?, 40)`
    )
    put.run('slip', 'r-1', 0, 'printed')
    put.run('slip', 'r-1', 1, 'failed')
    expect(() => put.run('poster', 'r-1', 0, 'queued')).toThrow(/CHECK/)
    expect(() => put.run('slip', 'r-1', 2, 'queued')).toThrow(/CHECK/)
    expect(() => put.run('slip', 'r-1', 0, 'lost')).toThrow(/CHECK/)
    const failed = `SELECT id, reprint FROM print_jobs WHERE kind = 'slip' AND subject = 'r-1' AND state = 'failed'`
    expect(db.prepare(failed).all()).toEqual([{ id: 2, reprint: 1 }])
    expect(plan(db, failed)).toContain('print_jobs_subject')
    db.close()
  })

  it('009 store_link: the ledger and print jobs survive; one link row, claim states and the mirror look-up', () => {
    const { file, db: v8 } = atVersion(8)
    insertSetting(v8)
    insertRedemption(v8, { id: 'r-1', code: 'A1' } as Row)
    v8.prepare(
      `INSERT INTO print_jobs (kind, subject, reprint, state, created_at) VALUES ('slip', 'r-1', 0, 'printed', 5)`
    ).run()
    const before = {
      redemptions: dump(v8, 'redemptions'),
      print: dump(v8, 'print_jobs'),
      settings: dump(v8, 'settings')
    }
    const db = upTo(file, v8, 9)
    expect({
      redemptions: dump(db, 'redemptions'),
      print: dump(db, 'print_jobs'),
      settings: dump(db, 'settings')
    }).toEqual(before)

    const link = db.prepare(
      `INSERT INTO store_link (id, hub_url, store_id, till_id, till_name, epoch, paired_at) VALUES (?, 'http://hub', 's', 't', '1号机', 'e1', 9)`
    )
    link.run(1)
    expect(() => link.run(2)).toThrow(/CHECK/)
    const claim = db.prepare(
      `INSERT INTO store_claims (redemption_id, card_id, code, cashier_id, cashier_name, amount_fen, at, state, checked, pending, updated_at)
       VALUES (?, 'card', 'A1', 'staff-1', '李娜', 1000, 10, ?, ?, ?, 10)`
    )
    claim.run('r-1', 'intent', 1, 'claim')
    expect(() => claim.run('r-2', 'maybe', 1, null)).toThrow(/CHECK/)
    expect(() => claim.run('r-3', 'granted', 2, null)).toThrow(/CHECK/)
    const pending = `SELECT redemption_id FROM store_claims WHERE pending IS NOT NULL`
    expect(db.prepare(pending).all()).toEqual([{ redemption_id: 'r-1' }])
    expect(plan(db, pending)).toContain('store_claims_pending')

    db.prepare(
      `INSERT INTO store_mirror (redemption_id, card_id, code, till, till_name, cashier_id, cashier_name, amount_fen, till_at, hub_at, live, seq)
       VALUES ('o-1', 'card', 'A1', 't1', '1号机', 'c1', '王芳', 1000, 11, 12, 1, 1)`
    ).run()
    const holder = `SELECT till_name FROM store_mirror WHERE code = 'A1' AND card_id = 'card' AND live = 1`
    expect(db.prepare(holder).all()).toEqual([{ till_name: '1号机' }])
    expect(plan(db, holder)).toContain('store_mirror_code')
    db.close()
  })

  it('010 chain_lane: the ledger survives and is backfilled; every change appends a gap-free, numbered event in its own transaction', () => {
    const { file, db: v9 } = atVersion(9)
    insertRedemption(v9, { id: 'r-old-2', code: 'B2', at: 20, status: 'synced' } as Row)
    insertRedemption(v9, { id: 'r-old-1', code: 'B1', at: 10, cardId: null } as Row)
    const before = dump(v9, 'redemptions')
    const db = upTo(file, v9, 10)
    expect(dump(db, 'redemptions')).toEqual(before)
    type Ev = {
      seq: number
      event_id: string
      kind: string
      till_at: number
      business_day: string
      body_json: string
    }
    const lane = () => db.prepare('SELECT * FROM chain_lane ORDER BY seq').all() as Ev[]
    // Backfill: oldest first, with the current status; an unknown card is ''.
    expect(
      lane().map((e) => [e.seq, e.kind, JSON.parse(e.body_json).redemptionId, JSON.parse(e.body_json).status])
    ).toEqual([
      [1, 'redeemed', 'r-old-1', 'pending'],
      [2, 'redeemed', 'r-old-2', 'synced']
    ])
    expect(JSON.parse(lane()[0]!.body_json)).toMatchObject({
      cardId: '',
      customCode: false,
      amountFen: 1000,
      billFen: 5000
    })

    insertRedemption(db, { id: 'r-new', code: 'B3', at: 30 } as Row)
    db.prepare(`UPDATE redemptions SET status = 'synced', synced_at = 40 WHERE id = 'r-new'`).run()
    db.prepare(`UPDATE redemptions SET status = 'synced' WHERE id = 'r-new'`).run() // no change, no event
    db.prepare(
      `UPDATE redemptions SET status = 'voided', voided_at = 50, void_reason = '顾客退单' WHERE id = 'r-old-1'`
    ).run()
    db.prepare(
      `UPDATE redemptions SET status = 'conflict', status_reason = 'used' WHERE id = 'r-old-2'`
    ).run()
    db.prepare(
      `INSERT INTO conflict_resolutions (redemption_id, outcome, note, status_at_resolution, resolved_at,
         resolved_by_id, resolved_by_name, audit_id) VALUES ('r-old-2', 'collected', '', 'conflict', 60, 'm', '店长', 1)`
    ).run()
    db.prepare(
      `INSERT INTO z_reports (number, business_day, closed_at, closed_by_id, closed_by_name, body_json, sha256)
       VALUES (1, '${DAY}', 70, 'm', '店长', '{"total":3}', '${'a'.repeat(64)}')`
    ).run()
    // A change that rolls back leaves no event and no used number.
    expect(() =>
      db.transaction(() => {
        insertRedemption(db, { id: 'r-gone', code: 'B9', at: 80 } as Row)
        throw new Error('rolled back')
      })()
    ).toThrow('rolled back')
    const events = lane()
    expect(events.map((e) => [e.seq, e.kind, e.till_at])).toEqual([
      [1, 'redeemed', 10],
      [2, 'redeemed', 20],
      [3, 'redeemed', 30],
      [4, 'synced', 40],
      [5, 'voided', 50],
      [6, 'conflict', expect.any(Number)],
      [7, 'resolved', 60],
      [8, 'day_closed', 70]
    ])
    expect(JSON.parse(events[4]!.body_json)).toEqual({ redemptionId: 'r-old-1', reason: '顾客退单' })
    expect(JSON.parse(events[6]!.body_json)).toEqual({ redemptionId: 'r-old-2', outcome: 'collected' })
    expect(JSON.parse(events[7]!.body_json)).toEqual({
      number: 1,
      sha256: 'a'.repeat(64),
      report: { total: 3 }
    })
    expect(events.every((e) => e.business_day === DAY)).toBe(true)
    expect(new Set(events.map((e) => e.event_id)).size).toBe(8)
    for (const e of events)
      expect(e.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Acknowledged events are deleted; their numbers are never handed out again.
    db.prepare('DELETE FROM chain_lane WHERE seq <= 8').run()
    insertRedemption(db, { id: 'r-next', code: 'B4', at: 90 } as Row)
    expect(lane().map((e) => e.seq)).toEqual([9])
    expect(() =>
      db.prepare(`INSERT INTO chain_lane_meta (id, last_seq, acked_seq) VALUES (2, 0, 0)`).run()
    ).toThrow(/CHECK/)
    db.close()
  })

  it('011 store_day: claims and mirror survive; the policy row, the key card, mirror status, immutable resolutions', () => {
    const { file, db: v10 } = atVersion(10)
    insertRedemption(v10, { id: 'r-1', code: 'A1' } as Row)
    v10
      .prepare(
        `INSERT INTO store_claims (redemption_id, card_id, code, cashier_id, cashier_name, amount_fen, at, state, checked, pending, holder_json, updated_at)
       VALUES ('r-1', 'card', 'A1', 'staff-1', '李娜', 1000, 10, 'collision', 0, NULL, '{}', 10)`
      )
      .run()
    v10
      .prepare(
        `INSERT INTO store_mirror (redemption_id, card_id, code, till, till_name, cashier_id, cashier_name, amount_fen, till_at, hub_at, live, seq)
       VALUES ('o-1', 'card', 'A1', 't1', '1号机', 'c1', '王芳', 1000, 11, 12, 1, 1)`
      )
      .run()
    const before = { claims: dump(v10, 'store_claims'), mirror: dump(v10, 'store_mirror') }
    const db = upTo(file, v10, 11)
    const strip = (rows: unknown[], key: string) =>
      rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => k !== key)))
    expect({
      claims: strip(dump(db, 'store_claims'), 'key_card_id'),
      mirror: strip(dump(db, 'store_mirror'), 'status')
    }).toEqual(before)
    expect(db.prepare('SELECT key_card_id FROM store_claims').get()).toEqual({ key_card_id: null })
    expect(db.prepare('SELECT status FROM store_mirror').get()).toEqual({ status: null })
    expect(() => db.prepare(`UPDATE store_mirror SET status = 'lost'`).run()).toThrow(/CHECK/)

    const policy = db.prepare(
      `INSERT INTO store_policy (id, unverified_limit_fen, version, received_at) VALUES (?, ?, 1, 20)`
    )
    policy.run(1, null)
    expect(() => policy.run(2, 100)).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE store_policy SET unverified_limit_fen = -1').run()).toThrow(/CHECK/)

    const resolve = db.prepare(
      `INSERT INTO store_conflict_resolutions (redemption_id, note, resolved_at, resolved_by_id, resolved_by_name, audit_id)
       VALUES (?, ?, 30, 'm1', '店长', 1)`
    )
    expect(() => resolve.run('r-1', '')).toThrow(/CHECK/)
    resolve.run('r-1', '顾客补付')
    expect(() => resolve.run('r-1', 'again')).toThrow(/UNIQUE|PRIMARY/)
    expect(() => db.prepare(`UPDATE store_conflict_resolutions SET note = 'x'`).run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM store_conflict_resolutions').run()).toThrow(/immutable/)
    const day = 'SELECT redemption_id FROM store_mirror WHERE till_at >= 0 AND till_at < 100'
    expect(plan(db, day)).toContain('store_mirror_till_at')
    db.close()
  })

  it('012 chain_claims: the ledger and the lane survive; one row per redemption, checked 0 or 1', () => {
    const { file, db: v11 } = atVersion(11)
    insertRedemption(v11, { id: 'r-1', code: 'A1' } as Row)
    const before = { ledger: dump(v11, 'redemptions'), lane: dump(v11, 'chain_lane') }
    const db = upTo(file, v11, 12)
    expect({ ledger: dump(db, 'redemptions'), lane: dump(db, 'chain_lane') }).toEqual(before)
    const put = db.prepare(
      'INSERT INTO chain_claims (redemption_id, checked, reason, at) VALUES (?, ?, ?, 1)'
    )
    put.run('r-1', 0, 'UNREACHABLE')
    expect(() => put.run('r-1', 1, null)).toThrow(/UNIQUE|PRIMARY/)
    expect(() => put.run('r-2', 2, null)).toThrow(/CHECK/)
    db.close()
  })

  it('covers every migration the app ships', () => {
    expect(migrations.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })
})
