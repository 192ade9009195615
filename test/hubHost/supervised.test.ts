/**
 * The store hub as a supervised child of a real training station (src/main/hubHost, docs/hub.md § The station
 * side): the BUILT hub (out/main/hub.js) with its own embedded PostgreSQL, started by set-up's role "hub" through
 * the dispatcher, pairing the station with itself over loopback; a second station joining with the code the first
 * shows; the child killed with SIGKILL and restarted by the supervisor; the hub stopped with the station (no
 * PostgreSQL left); the role restored when the station opens again; the hub role moved to the other till; and the
 * plain reason when the hub cannot start (a data directory PostgreSQL's account cannot reach).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeChildLauncher } from '../../src/main/hubHost/nodeChild'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { openStation, type Station } from '../../src/main/station/station'
import { writeIdentity, readIdentity } from '../../src/main/config/identity'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import type { StoreHubView } from '../../src/shared/ipc/contracts/storeHub'
import type { Actor } from '../../src/main/audit/actor'

const BUILT_HUB = join(process.cwd(), 'out/main/hub.js')
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code
const made: string[] = []
const open: Station[] = []

/** A station data dir the PostgreSQL account (hexiao-hub when the tests run as root) can reach. */
function reachableDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexiao-hubhost-'))
  chmodSync(dir, 0o755)
  made.push(dir)
  return join(dir, 'station')
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

interface Till {
  station: Station
  manager: Actor
  cashier: Actor
  port: number
  dataDir: string
  dispatch: ReturnType<typeof createDispatcher>
  session: Session
  cashierSession: Session
}

async function openTill(
  name: string,
  dataDir = reachableDir(),
  port?: number,
  existing?: { manager: Actor; cashier: Actor }
): Promise<Till> {
  if (!existsSync(BUILT_HUB))
    throw new Error(`${BUILT_HUB} is missing: run \`npx electron-vite build\` first.`)
  const hubPort = port ?? (await freePort())
  const station = openStation({
    dataDir,
    runtime: 'node-host',
    mode: 'training',
    storeLink: { claimDeadlineMs: 500, retryMs: 100 },
    storeHub: {
      launcher: nodeChildLauncher(BUILT_HUB, () => undefined),
      listen: '127.0.0.1',
      port: hubPort,
      backoffMs: [300, 600]
    }
  })
  open.push(station)
  const manager =
    existing?.manager ??
    (await station.services.staff.create({ name: '王店长', role: 'manager', pin: '2468' }, null))
  const cashier =
    existing?.cashier ??
    (await station.services.staff.create({ name: '李娜', role: 'cashier', pin: '1357' }, manager))
  if (!existing) writeIdentity(station.db, { ...readIdentity(station.db, 'training'), stationName: name })
  const session = new Session('manager-screen')
  session.signIn(manager)
  const cashierSession = new Session('counter')
  cashierSession.signIn(cashier)
  return {
    station,
    manager,
    cashier,
    port: hubPort,
    dataDir,
    dispatch: createDispatcher(station.handlers),
    session,
    cashierSession
  }
}

async function ask<T = StoreHubView>(t: Till, channel: string, request?: unknown): Promise<T> {
  const result = (await t.dispatch(channel as never, request as never, t.session)) as {
    ok: boolean
    value?: T
    error?: unknown
  }
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

async function until<T>(
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  what: string,
  ms = 90_000
): Promise<T> {
  const deadline = Date.now() + ms
  let last: T = await read()
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
    last = await read()
  }
  return last
}

/** Running, not a zombie (an orphaned postmaster may wait to be reaped). */
function alive(pid: number): boolean {
  try {
    const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return state !== undefined && state !== 'Z'
  } catch {
    return false
  }
}

const postmasterPidOf = (t: Till): number =>
  Number(
    readFileSync(join(t.dataDir, 'training', 'hub', 'postgres', 'data', 'postmaster.pid'), 'utf8').split(
      '\n'
    )[0]
  )

afterAll(async () => {
  for (const station of open) await station.close().catch(() => undefined)
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
}, 120_000)

describe('the store hub as a supervised child of a station', () => {
  let a: Till
  let b: Till

  it('starts the hub when a manager makes this till the hub, and pairs the till with it', async () => {
    a = await openTill('1号机')
    // A cashier may not change the role.
    expect(await a.dispatch('storeHub.setRole', { role: 'hub' }, a.cashierSession)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect((await ask(a, 'storeHub.get')).role).toBe('single')
    const first = await ask(a, 'storeHub.setRole', { role: 'hub' })
    expect(first.role).toBe('hub')
    expect(['starting', 'running']).toContain(first.hub?.state)
    const running = await until(
      () => ask(a, 'storeHub.get'),
      (v) => v.hub?.state === 'running' && v.link.status === 'connected',
      'the hub running and the till paired with it'
    )
    expect(running.hub?.addresses).toEqual([`http://127.0.0.1:${a.port}`])
    expect(running.link.hubUrl).toBe(`http://127.0.0.1:${a.port}`)
    expect(running.hub?.tills).toEqual([
      expect.objectContaining({ name: '1号机', self: true, revokedAt: null })
    ])
    const audit = a.station.db
      .prepare(`SELECT actor_name, subject FROM audit_log WHERE action = 'storeHub.role_changed'`)
      .all()
    expect(audit).toEqual([{ actor_name: '王店长', subject: 'hub' }])
  }, 120_000)

  it('shows a fresh pairing code; a second till joins with it; no secret reaches a channel', async () => {
    const view = await ask(a, 'storeHub.newCode')
    const pairing = view.hub?.pairing
    expect(pairing?.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    expect(JSON.stringify(view)).not.toMatch(/hx[at]_/)

    b = await openTill('2号机')
    await ask(b, 'storeHub.setRole', { role: 'join' })
    const refused = await b.dispatch(
      'storeHub.join',
      { address: `127.0.0.1:${a.port}`, pairingCode: 'WRNG-CODE' },
      b.session
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'STORE_PAIRING_REFUSED', details: { hubCode: 'PAIRING_CODE_INVALID' } }
    })
    const nobody = await freePort()
    expect(
      await b.dispatch(
        'storeHub.join',
        { address: `127.0.0.1:${nobody}`, pairingCode: pairing!.code },
        b.session
      )
    ).toMatchObject({ ok: false, error: { code: 'STORE_HUB_UNREACHABLE' } })
    expect(
      await b.dispatch(
        'storeHub.join',
        { address: 'not an address/x?y', pairingCode: pairing!.code },
        b.session
      )
    ).toMatchObject({ ok: false, error: { code: 'STORE_HUB_BAD_ADDRESS' } })
    // Typed without the scheme, in lower case and without the dash: still the same hub and code.
    const joined = await ask(b, 'storeHub.join', {
      address: `127.0.0.1:${a.port}`,
      pairingCode: pairing!.code.replace('-', '').toLowerCase()
    })
    expect(joined.link.hubUrl).toBe(`http://127.0.0.1:${a.port}`)
    b.station.services.storeLink.start()
    await until(
      () => b.station.services.storeLink.state().status,
      (s) => s === 'connected',
      'till 2 connected'
    )
    const tills = (await ask(a, 'storeHub.get')).hub!.tills
    expect(tills.map((t) => t.name).sort()).toEqual(['1号机', '2号机'])
    // The same code twice: used.
    const c = await openTill('3号机')
    expect(
      await c.dispatch(
        'storeHub.join',
        { address: `127.0.0.1:${a.port}`, pairingCode: pairing!.code },
        c.session
      )
    ).toMatchObject({ ok: false, error: { code: 'STORE_PAIRING_REFUSED' } })
  }, 120_000)

  it('a coupon redeemed at the hub till is DUPLICATE at the joined till', async () => {
    expect((await a.station.services.cards.refresh()).ok).toBe(true)
    expect((await b.station.services.cards.refresh()).ok).toBe(true)
    const scan = code('CASH_NO_THRESHOLD')
    const first = await a.station.services.redemptions.lookup(
      { source: 'manual', device: 'a', raw: scan },
      a.cashier,
      a.cashierSession.id
    )
    await a.station.services.redemptions.commit(
      { lookupId: first.lookupId, otherDiscount: false, confirmWarnings: true },
      a.cashier,
      a.cashierSession.id
    )
    await until(
      () => b.station.services.storeLink.holderOf(scan, null),
      (h) => h !== null,
      'the claim in till 2 mirror',
      15_000
    )
    const second = await b.station.services.redemptions.lookup(
      { source: 'manual', device: 'b', raw: scan },
      b.cashier,
      b.cashierSession.id
    )
    expect(second.decision?.outcome).toBe('DUPLICATE')
    expect(second.decision).toMatchObject({ original: { station: '1号机' } })
  }, 60_000)

  it('restarts the hub when it is killed with SIGKILL', async () => {
    const before = a.station.services.storeHub.hubStatus()!
    expect(before.state).toBe('running')
    process.kill(before.pid!, 'SIGKILL')
    const restarting = await until(
      () => a.station.services.storeHub.hubStatus()!,
      (s) => s.state === 'restarting',
      'the supervisor noticing',
      10_000
    )
    expect(restarting.reason).toBe('HUB_EXITED')
    const again = await until(
      () => a.station.services.storeHub.hubStatus()!,
      (s) => s.state === 'running',
      'the hub running again'
    )
    expect(again.restarts).toBe(1)
    expect(again.pid).not.toBe(before.pid)
    // Same data directory: same epoch, the tills' tokens still hold; both links come back by themselves.
    expect(again.epoch).toBe(before.epoch)
    await until(
      () => b.station.services.storeLink.state().status,
      (s) => s === 'connected',
      'till 2 back'
    )
    await until(
      () => a.station.services.storeLink.state().status,
      (s) => s === 'connected',
      'till 1 back'
    )
  }, 120_000)

  it('revokes a till (audited); the hub till cannot revoke itself', async () => {
    const c = (await ask(a, 'storeHub.get')).hub!.tills
    const self = c.find((t) => t.self)!
    expect(await a.dispatch('storeHub.revoke', { tillId: self.tillId }, a.session)).toMatchObject({
      ok: false,
      error: { code: 'STORE_HUB_REVOKE_SELF' }
    })
    const other = c.find((t) => !t.self)!
    const after = await ask(a, 'storeHub.revoke', { tillId: other.tillId })
    expect(after.hub!.tills.find((t) => t.tillId === other.tillId)?.revokedAt).toEqual(expect.any(Number))
    expect(
      a.station.db.prepare(`SELECT subject FROM audit_log WHERE action = 'storeHub.till_revoked'`).all()
    ).toEqual([{ subject: other.tillId }])
  }, 60_000)

  it('stops the hub and its PostgreSQL with the station, and starts them again when the station opens', async () => {
    const hubPid = a.station.services.storeHub.hubStatus()!.pid!
    const postmaster = postmasterPidOf(a)
    expect(alive(hubPid)).toBe(true)
    expect(alive(postmaster)).toBe(true)
    await a.station.close()
    open.splice(open.indexOf(a.station), 1)
    expect(alive(hubPid)).toBe(false)
    expect(alive(postmaster)).toBe(false)
    expect(existsSync(join(a.dataDir, 'training', 'hub', 'postgres', 'data', 'postmaster.pid'))).toBe(false)

    // Opened again (the background work on, as the host does): the role is restored and the hub starts.
    const reopened = openStation({
      dataDir: a.dataDir,
      runtime: 'node-host',
      mode: 'training',
      storeLink: { claimDeadlineMs: 500, retryMs: 100 },
      storeHub: {
        launcher: nodeChildLauncher(BUILT_HUB, () => undefined),
        listen: '127.0.0.1',
        port: a.port,
        backoffMs: [300]
      }
    })
    open.push(reopened)
    a = { ...a, station: reopened, dispatch: createDispatcher(reopened.handlers) }
    const view = await until(
      () => ask(a, 'storeHub.get'),
      (v) => v.hub?.state === 'running' && v.link.status === 'connected',
      'the hub back after the station reopened'
    )
    expect(view.role).toBe('hub')
  }, 120_000)

  it('moves the hub role to the other till: a new hub (new epoch), the old hub till joins it', async () => {
    const oldEpoch = a.station.services.storeHub.hubStatus()!.epoch
    const oldPid = a.station.services.storeHub.hubStatus()!.pid!
    // Till 2 (revoked at the old hub) becomes the hub.
    await ask(b, 'storeHub.setRole', { role: 'hub' })
    const bView = await until(
      () => ask(b, 'storeHub.get'),
      (v) => v.hub?.state === 'running' && v.link.status === 'connected',
      'the new hub on till 2'
    )
    expect(b.station.services.storeHub.hubStatus()!.epoch).not.toBe(oldEpoch)
    expect(bView.link.hubUrl).toBe(`http://127.0.0.1:${b.port}`)
    // Till 1 leaves the hub role: its hub child stops; it joins the new hub with the code till 2 shows.
    const left = await ask(a, 'storeHub.setRole', { role: 'join' })
    expect(left.role).toBe('join')
    expect(left.hub).toBeNull()
    expect(alive(oldPid)).toBe(false)
    const { hub } = await ask(b, 'storeHub.newCode')
    const joined = await ask(a, 'storeHub.join', {
      address: bView.hub!.addresses[0],
      pairingCode: hub!.pairing!.code
    })
    expect(joined.link.hubUrl).toBe(`http://127.0.0.1:${b.port}`)
    await until(
      () => a.station.services.storeLink.state().status,
      (s) => s === 'connected',
      'till 1 on the new hub'
    )
    // Till 1's redemption went to the new hub (republish after the new epoch): till 2 sees it as a holder.
    await until(
      () => b.station.services.storeLink.holderOf(code('CASH_NO_THRESHOLD'), null),
      (h) => h !== null,
      'the republished claim in till 2 mirror',
      15_000
    )
    // Both tills belong to one store.
    expect(a.station.services.storeLink.config()!.storeId).toBe(
      b.station.services.storeLink.config()!.storeId
    )
  }, 180_000)

  it('says plainly why the hub cannot start (its port taken), keeps trying, and starts once it is free', async () => {
    const port = await freePort()
    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve))
    const d = await openTill('4号机', reachableDir(), port)
    await ask(d, 'storeHub.setRole', { role: 'hub' })
    const view = await until(
      () => ask(d, 'storeHub.get'),
      (v) => v.hub?.reason === 'HUB_LISTEN_FAILED',
      'the start error'
    )
    expect(view.hub?.state).toBe('restarting')
    expect(view.hub?.restarts).toBeGreaterThanOrEqual(1)
    expect(view.link.status).toBe('not_paired')
    await new Promise<void>((resolve) => squatter.close(() => resolve()))
    await until(
      () => ask(d, 'storeHub.get'),
      (v) => v.hub?.state === 'running' && v.link.status === 'connected',
      'the hub once the port is free'
    )
    // Till 1 belongs to the other store (paired with till 2's hub): this hub (a store of its own) refuses it,
    // and the code stays unused.
    const { hub: dHub } = await ask(d, 'storeHub.newCode')
    const dCode = dHub!.pairing!.code
    expect(
      await a.dispatch('storeHub.join', { address: `127.0.0.1:${port}`, pairingCode: dCode }, a.session)
    ).toMatchObject({
      ok: false,
      error: { code: 'STORE_PAIRING_REFUSED', details: { hubCode: 'STORE_MISMATCH' } }
    })
    // Ten wrong codes pause pairing: the eleventh attempt, even with the right code, says so.
    const e = await openTill('6号机')
    for (let i = 0; i < 10; i += 1)
      await e.dispatch('storeHub.join', { address: `127.0.0.1:${port}`, pairingCode: 'WRNG-CODE' }, e.session)
    expect(
      await e.dispatch('storeHub.join', { address: `127.0.0.1:${port}`, pairingCode: dCode }, e.session)
    ).toMatchObject({
      ok: false,
      error: { code: 'STORE_PAIRING_REFUSED', details: { hubCode: 'PAIRING_LOCKED' } }
    })
    // Back to a single till: the hub stops and the till forgets it.
    const single = await ask(d, 'storeHub.setRole', { role: 'single' })
    expect(single).toMatchObject({ role: 'single', hub: null, link: { status: 'not_paired' } })
    expect(d.station.services.storeHub.hubStatus()).toBeNull()
  }, 180_000)

  it('names the data directory PostgreSQL cannot reach (a private folder, when run as root)', async () => {
    // As root the hub runs PostgreSQL as hexiao-hub, which cannot enter a 0700 folder of root's (docs/hub.md);
    // without root PostgreSQL runs as this user and such a folder is fine, which the other tests show.
    const privateDir = mkdtempSync(join(tmpdir(), 'hexiao-private-'))
    made.push(privateDir)
    const d = await openTill('5号机', join(privateDir, 'station'))
    await ask(d, 'storeHub.setRole', { role: 'hub' })
    const expected = process.getuid?.() === 0 ? 'HUB_DATA_DIR_UNREACHABLE' : null
    const view = await until(
      () => ask(d, 'storeHub.get'),
      (v) => (expected ? v.hub?.reason === expected : v.hub?.state === 'running'),
      'the start error'
    )
    if (expected) expect(view.hub).toMatchObject({ state: 'restarting', reason: expected })
    else expect(view.hub).toMatchObject({ state: 'running', reason: null })
    await ask(d, 'storeHub.setRole', { role: 'single' })
  }, 120_000)
})
