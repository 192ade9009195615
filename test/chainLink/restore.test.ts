/**
 * A till restored from a backup (docs/chain.md § A restored till): its lane is numbered back in time while the chain
 * hub holds later events of it. A real training station (SQLite), a copy of its data directory taken as a backup,
 * and a real chain hub (embedded PostgreSQL, HTTP on loopback). The restored till renumbers its waiting events past
 * the hub's cursor and sends them: nothing of either life is lost at the hub, nothing is counted twice, no false
 * duplicate, and the cursor equals the restored till's last seq.
 */
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { readIdentity } from '../../src/main/config/identity'
import { openStation, type Station } from '../../src/main/station/station'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { addStore } from '../hub/chainSupport'
import { sampleRow } from '../support/rows'
import { trainingStation } from '../support/station'

const LINK = { pollMs: 20, idlePollMs: 100, backoffBaseMs: 20, backoffMaxMs: 100 }
let hub: RunningHub
const opened: Station[] = []
let serial = 0

const redeem = (station: Station, n: number) => {
  for (let i = 0; i < n; i++)
    station.services.ledger.recordRedemption(
      sampleRow({ code: String(770_000_000_000 + serial++), at: Date.now() })
    )
}
const meta = (station: Station) =>
  station.db.prepare('SELECT last_seq AS last, acked_seq AS acked FROM chain_lane_meta').get() as {
    last: number
    acked: number
  }
const ledger = (station: Station) =>
  Object.fromEntries(
    (
      station.db.prepare('SELECT id, status FROM redemptions').all() as Array<{ id: string; status: string }>
    ).map((r) => [r.id, r.status])
  )
async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
const drained = (station: Station) => until(() => meta(station).last === meta(station).acked, 'drained')

/** A backup: the data directory as it is now (the WAL folded in first). */
function backup(station: Station): string {
  station.db.pragma('wal_checkpoint(TRUNCATE)')
  const copy = mkdtempSync(join(tmpdir(), 'hexiao-restored-'))
  cpSync(station.dataDir, copy, { recursive: true })
  return copy
}
const restore = (dir: string) => {
  const station = openStation({
    dataDir: dir,
    runtime: 'node-host',
    mode: 'training',
    background: false,
    chainLink: LINK
  })
  opened.push(station)
  return station
}

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => undefined })
  await addStore(hub, 'rs-01', '南京一店')
}, 120_000)

afterAll(async () => {
  for (const s of opened) await s.close()
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

async function hubFacts(tillId: string) {
  const pool = hub.store.pool
  const events = await pool.query<{ n: number; max: number }>(
    'SELECT count(*)::int AS n, max(seq)::int AS max FROM till_events WHERE till_id = $1',
    [tillId]
  )
  const cursor = await pool.query<{ acked: number }>(
    'SELECT acked_seq::int AS acked FROM till_cursor WHERE till_id = $1',
    [tillId]
  )
  const redemptions = await pool.query<{ id: string; status: string }>(
    'SELECT redemption_id::text AS id, status FROM redemptions WHERE till_id = $1',
    [tillId]
  )
  const dups = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM chain_duplicates')
  return {
    events: events.rows[0]!,
    acked: cursor.rows[0]!.acked,
    redemptions: Object.fromEntries(redemptions.rows.map((r) => [r.id, r.status])),
    duplicates: dups.rows[0]!.n
  }
}

describe('a till restored from a backup', () => {
  it('renumbers past the hub, whether its backup had events waiting or not', async () => {
    const t = await trainingStation({ background: false, chainLink: LINK })
    opened.push(t.station)
    const tillId = readIdentity(t.station.db, 'training').stationId
    const { code } = await hub.chain.newEnrolmentCode('rs-01')
    await t.station.services.chainLink.enrol(hub.url, code)
    t.station.services.chainLink.start()
    redeem(t.station, 3)
    await drained(t.station)
    // Backup 1: everything acknowledged. Backup 2: two events still waiting (the hub gets them later).
    const quiet = backup(t.station)
    await t.station.services.chainLink.stop()
    redeem(t.station, 2)
    const waiting = backup(t.station)
    t.station.services.chainLink.start()
    await drained(t.station)
    redeem(t.station, 2)
    await drained(t.station)
    const first = ledger(t.station)
    expect(meta(t.station)).toEqual({ last: 7, acked: 7 })
    await t.station.services.chainLink.stop()

    // Restored from backup 2: seqs 4-5 waiting (the hub holds them, same ids), then new redemptions numbered 6-7,
    // which the hub holds as other events: SEQ_CONFLICT, then the lane numbers on from the hub's 7.
    const restored = restore(waiting)
    expect(meta(restored)).toEqual({ last: 5, acked: 3 })
    redeem(restored, 2)
    restored.services.chainLink.start()
    await drained(restored)
    expect(meta(restored)).toEqual({ last: 11, acked: 11 })
    let facts = await hubFacts(tillId)
    expect(facts.events).toEqual({ n: 11, max: 11 })
    expect(facts.acked).toBe(11)
    // Both lives at the hub: the first till's seven and the restored one's two new; the repeats counted once.
    expect(facts.redemptions).toEqual({ ...first, ...ledger(restored) })
    expect(Object.keys(facts.redemptions)).toHaveLength(9)
    expect(facts.duplicates).toBe(0)
    await restored.services.chainLink.stop()

    // Restored from backup 1 (nothing waiting): its first idle poll hears the hub's 11 and numbers on from there.
    const again = restore(quiet)
    expect(meta(again)).toEqual({ last: 3, acked: 3 })
    again.services.chainLink.start()
    await until(() => meta(again).last === 11, "the hub's cursor heard")
    redeem(again, 1)
    await drained(again)
    expect(meta(again)).toEqual({ last: 12, acked: 12 })
    facts = await hubFacts(tillId)
    expect(facts.events).toEqual({ n: 12, max: 12 })
    expect(Object.keys(facts.redemptions)).toHaveLength(10)
    expect(facts.redemptions).toMatchObject(ledger(again))
    expect(facts.duplicates).toBe(0)
  }, 90_000)
})
