/**
 * A 45009 pause and a changed connection, on a real live station: real SQLite files, the WeChat client over real
 * HTTP to sandbox servers on loopback. The pause is visible (why, since, until), a manager lifts it over the
 * contract (sync.resume, audited; a cashier may not), a restart re-derives it from the upstream instead of
 * leaving the held item at midnight, and set-up replaces the live client without a restart.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import type { Actor } from '../../src/main/audit/actor'
import { openStation, type Station } from '../../src/main/station/station'
import { nextBeijingMidnight } from '../../src/main/sync'
import { startSandboxServer, type SandboxServer } from '../../src/main/upstream/sandbox'
import { validInput } from '../setup/support'
import { APP, CARD_A, codeOf, reliabilitySandbox } from '../reliability/seed'
import { redemptionRow } from './support/redemptions'

const servers: SandboxServer[] = []
const stations: Station[] = []
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close()
})
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close()
})

const CODES = Array.from({ length: 6 }, (_, i) => codeOf('7', i))

async function server(): Promise<SandboxServer> {
  const s = await startSandboxServer({
    sandbox: reliabilitySandbox(CODES.map((code) => ({ code, cardId: CARD_A, fate: 'normal' as const })))
  })
  servers.push(s)
  return s
}

const QUOTA_ON_CONSUME = { rules: [{ kind: 'dailyQuota' as const, paths: ['/card/code/consume'] }] }

interface Live {
  station: Station
  dispatch: ReturnType<typeof createDispatcher>
  manager: Session
  cashier: Session
}

async function liveStation(dataDir: string, baseUrl: string, staff?: Actor[]): Promise<Live> {
  const station = openStation({
    dataDir,
    runtime: 'node-host',
    mode: 'live',
    live: { baseUrl, credentials: { kind: 'appSecret', ...APP } },
    background: false
  })
  stations.push(station)
  const [boss, clerk] = staff ?? [
    await station.services.staff.create({ name: '王店长', role: 'manager', pin: '2468' }, null),
    await station.services.staff.create({ name: '李娜', role: 'cashier', pin: '1357' }, null)
  ]
  const manager = new Session('manager')
  manager.signIn(boss!)
  const cashier = new Session('cashier')
  cashier.signIn(clerk!)
  return { station, dispatch: createDispatcher(station.handlers), manager, cashier }
}

/** An offline redemption as the ledger writes it, handed to the worker. */
function record(station: Station, code: string): string {
  const row = redemptionRow({ code, pickedCardId: CARD_A, online: false, at: Date.now() })
  station.services.ledger.recordRedemption(row)
  station.services.sync.notify()
  return row.id
}

const statusOf = (station: Station, id: string): string =>
  (station.db.prepare('SELECT status FROM redemptions WHERE id = ?').get(id) as { status: string }).status

const nextAttemptOf = (station: Station, id: string): number =>
  (
    station.db.prepare('SELECT next_attempt_at AS at FROM outbox WHERE redemption_id = ?').get(id) as {
      at: number
    }
  ).at

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const consumedCodes = (s: SandboxServer): string[] => s.sandbox.model.consumeLog().map((c) => c.code)
const dataDir = (): string => mkdtempSync(join(tmpdir(), 'hexiao-pause-'))

describe('45009 on a consume', () => {
  it('shows a pause (why, since, until) that only a manager lifts, over the contract and audited', async () => {
    const up = await server()
    up.sandbox.setFaults(QUOTA_ON_CONSUME)
    const { station, dispatch, manager, cashier } = await liveStation(dataDir(), up.url)
    station.services.sync.start()
    const before = Date.now()
    const id = record(station, CODES[0]!)
    await until('the quota pause', () => station.services.sync.state().paused !== null)
    const paused = station.services.sync.state().paused!
    expect(paused).toMatchObject({ reason: 'quota', errcode: 45009 })
    expect(paused.since).toBeGreaterThanOrEqual(before)
    expect(paused.until).toBe(nextBeijingMidnight(paused.since))
    expect(statusOf(station, id)).toBe('pending')
    expect(consumedCodes(up)).toEqual([])

    const refused = await dispatch('sync.resume', undefined, cashier)
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(station.services.sync.state().paused?.reason).toBe('quota')

    up.sandbox.clearFaults() // the manager cleared the quota on the MP platform
    const resumed = await dispatch('sync.resume', undefined, manager)
    expect(resumed).toMatchObject({ ok: true, value: { paused: null } })
    await until('the held item synced', () => statusOf(station, id) === 'synced')
    expect(consumedCodes(up)).toEqual([CODES[0]])
    const audit = station.db
      .prepare(`SELECT actor_name, subject, detail_json FROM audit_log WHERE action = 'sync.resumed'`)
      .all() as Array<{ actor_name: string; subject: string; detail_json: string }>
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_name: '王店长', subject: 'sync' })
    expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({ paused: { reason: 'quota', errcode: 45009 } })
  })

  it('after a restart the held item is due again: it syncs at once once the quota is back', async () => {
    const up = await server()
    up.sandbox.setFaults(QUOTA_ON_CONSUME)
    const dir = dataDir()
    const first = await liveStation(dir, up.url)
    first.station.services.sync.start()
    const id = record(first.station, CODES[1]!)
    await until('the quota pause', () => first.station.services.sync.state().paused !== null)
    const midnight = first.station.services.sync.state().paused!.until!
    await until('the held item written', () => nextAttemptOf(first.station, id) === midnight)
    await first.station.close()
    stations.splice(stations.indexOf(first.station), 1)

    up.sandbox.clearFaults()
    const again = await liveStation(dir, up.url, [])
    again.station.services.sync.start()
    await until('the held item synced after the restart', () => statusOf(again.station, id) === 'synced')
    expect(consumedCodes(up)).toEqual([CODES[1]])
    expect(again.station.services.sync.state().paused).toBeNull()
  })

  it('after a restart with the quota still gone, one call re-derives the pause and nothing is consumed', async () => {
    const up = await server()
    up.sandbox.setFaults(QUOTA_ON_CONSUME)
    const dir = dataDir()
    const first = await liveStation(dir, up.url)
    first.station.services.sync.start()
    const id = record(first.station, CODES[2]!)
    await until('the quota pause', () => first.station.services.sync.state().paused !== null)
    await first.station.close()
    stations.splice(stations.indexOf(first.station), 1)
    const refusedBefore = up.sandbox.stats().faults.dailyQuota ?? 0

    const reopenedAt = Date.now()
    const again = await liveStation(dir, up.url, [])
    expect(again.station.services.sync.state().paused).toBeNull()
    again.station.services.sync.start()
    await until('the pause re-derived', () => again.station.services.sync.state().paused !== null)
    const paused = again.station.services.sync.state().paused!
    expect(paused).toMatchObject({ reason: 'quota', errcode: 45009 })
    expect(paused.since).toBeGreaterThanOrEqual(reopenedAt)
    expect(paused.until).toBe(nextBeijingMidnight(paused.since))
    await new Promise((r) => setTimeout(r, 300))
    expect((up.sandbox.stats().faults.dailyQuota ?? 0) - refusedBefore).toBe(1)
    expect(statusOf(again.station, id)).toBe('pending')
    expect(consumedCodes(up)).toEqual([])
  })
})

describe('set-up changes the live connection without a restart', () => {
  it('the next look-up and the next sync go to the new base URL', async () => {
    const a = await server()
    const b = await server()
    const { station, dispatch, manager, cashier } = await liveStation(dataDir(), a.url)
    station.services.sync.start()
    const lookup = (code: string) =>
      dispatch('redeem.lookup', { source: 'manual', device: 'keyboard', raw: code }, cashier)
    const codeGets = (s: SandboxServer): number => s.sandbox.stats().byPath['/card/code/get'] ?? 0

    expect(await lookup(CODES[3]!)).toMatchObject({ ok: true })
    expect(codeGets(a)).toBeGreaterThan(0)
    expect(codeGets(b)).toBe(0)

    const saved = await dispatch(
      'setup.save',
      validInput({ kind: 'wechat', baseUrl: b.url, appId: APP.appId, appSecret: APP.appSecret }),
      manager
    )
    expect(saved).toMatchObject({ ok: true, value: { upstream: { kind: 'wechat', baseUrl: b.url } } })
    const aCalls = a.sandbox.stats().calls

    expect(await lookup(CODES[4]!)).toMatchObject({ ok: true })
    expect(codeGets(b)).toBeGreaterThan(0)
    const id = record(station, CODES[5]!)
    await until('synced through the new connection', () => statusOf(station, id) === 'synced')
    expect(consumedCodes(b)).toEqual([CODES[5]])
    expect(consumedCodes(a)).toEqual([])
    expect(a.sandbox.stats().calls).toBe(aCalls)
  })
})
