/**
 * The store hub under faults, with real processes: one hub (out/main/hub.js, its own embedded PostgreSQL) and
 * three tills (out/main/host.js in training mode, each its own SQLite), each till behind its own TCP proxy.
 * Each fault: the same code is scanned at two tills that cannot reach the hub (a duplicate injected on purpose in
 * degraded mode), the fault ends, the store settles, three tills race for a fresh code with the hub up, and the
 * invariants of invariants.ts must hold. Then "reset practice" everywhere and the next fault.
 *
 * Timing never decides a test here: waits are for states (connected, nothing waiting, rows), with generous
 * limits for a loaded machine. Run `npx electron-vite build` first (README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alive, killHubProcess, killPostmaster, postmaster, until, wipeHub } from './hubProcess'
import { checkInvariants, type Injected } from './invariants'
import { startRig, type Rig } from './rig'
import { injectDuplicate, PLAIN_CODES, raceOne, resetStore, scan, stoppedByStore } from './store'
import { tillFacts } from './tillProcess'

/** Above the machine's worst claim under load (load average 20 seen), below the faults: latency 4 s, a stopped hub. */
const TIMINGS = { claimDeadlineMs: 2_500, retryMs: 200 }
const [A, B, C] = PLAIN_CODES as [string, string, string]

let rig: Rig
const injected: Injected = { codes: new Set() }

beforeAll(async () => {
  rig = await startRig({ tills: 3, timings: TIMINGS })
}, 180_000)

afterAll(async () => {
  await rig?.close()
}, 120_000)

/** After the fault: settled, a race with the hub up (exactly one winner), the invariants, then a clean store. */
async function recoverAndCheck(expectedConflicts: number): Promise<void> {
  await rig.settled()
  const race = await raceOne(rig.tills, C, [0, 0, 0])
  expect(race.accepted.map((r) => r.unchecked)).toEqual([false])
  const losers = race.results.filter((r) => !r.accepted)
  expect(losers.filter((r) => !stoppedByStore(r))).toEqual([])
  await rig.settled()
  const report = await checkInvariants(rig, injected)
  expect(report.problems).toEqual([])
  expect(report.conflicts).toBe(expectedConflicts)
  await resetStore(rig, injected)
}

describe('the store hub under faults (3 tills, 1 hub, real processes)', () => {
  it('latency above the claim deadline on two tills: both decide unchecked; the third is still checked', async () => {
    const [t1, t2, t3] = rig.tills as [(typeof rig.tills)[0], (typeof rig.tills)[0], (typeof rig.tills)[0]]
    rig.proxies[0]!.mode({ kind: 'latency', ms: 4_000 })
    rig.proxies[1]!.mode({ kind: 'latency', ms: 4_000 })
    expect(await injectDuplicate(t1, t2, A, injected)).toBeNull()
    const healthy = await scan(t3, B)
    expect(healthy).toMatchObject({ accepted: true, unchecked: false })
    expect((await t1.link()).status).toBe('degraded')
    rig.proxies[0]!.mode({ kind: 'pass' })
    rig.proxies[1]!.mode({ kind: 'pass' })
    await recoverAndCheck(1)
  }, 150_000)

  it('cut: every connection of two tills reset, new ones refused; back, the queue is sent', async () => {
    const [t1, t2] = rig.tills
    for (const p of rig.proxies.slice(0, 2)) {
      p.mode({ kind: 'refuse' })
      p.cut()
    }
    await until(async () => (await t1!.link()).status === 'degraded', 'till 1 to see the cut')
    expect(await injectDuplicate(t1!, t2!, A, injected)).toBeNull()
    for (const p of rig.proxies.slice(0, 2)) p.mode({ kind: 'pass' })
    await recoverAndCheck(1)
  }, 150_000)

  it('silent drop: connections accepted and never answered; the claim deadline bounds the wait', async () => {
    const [t1, t2] = rig.tills
    for (const p of rig.proxies.slice(0, 2)) p.mode({ kind: 'drop' })
    expect(await injectDuplicate(t1!, t2!, A, injected)).toBeNull()
    expect((await t2!.link()).status).toBe('degraded')
    for (const p of rig.proxies.slice(0, 2)) p.mode({ kind: 'pass' })
    await recoverAndCheck(1)
  }, 150_000)

  it('SIGSTOP of the hub, then SIGCONT: the frozen hub answers what waited, the collision is reported', async () => {
    const [t1, t2] = rig.tills
    rig.hub.child.kill('SIGSTOP')
    try {
      expect(await injectDuplicate(t1!, t2!, A, injected)).toBeNull()
    } finally {
      rig.hub.child.kill('SIGCONT')
    }
    await recoverAndCheck(1)
  }, 150_000)

  it('SIGKILL of the hub and a restart: same epoch, the queued claims sent, the collision reported', async () => {
    const [t1, t2] = rig.tills
    const epoch = rig.hub.epoch
    await killHubProcess(rig.hub)
    expect(await injectDuplicate(t1!, t2!, A, injected)).toBeNull()
    const hub = await rig.startHub()
    expect(hub.epoch).toBe(epoch)
    expect(hub.output()).toContain('Stopping a PostgreSQL left running by an earlier hub')
    await recoverAndCheck(1)
  }, 150_000)

  it('SIGKILL of the PostgreSQL postmaster: the hub refuses clearly, and a restart recovers the same data', async () => {
    const [t1, t2] = rig.tills
    const epoch = rig.hub.epoch
    const killed = await killPostmaster(rig.hubDir)
    expect(alive(killed)).toBe(false)
    // The hub stays up and says it failed (INTERNAL); the tills decide unchecked and queue.
    expect(await injectDuplicate(t1!, t2!, A, injected)).toBeNull()
    // What the tills heard: a clear refusal (INTERNAL, "nothing was changed"), not a hang and not a crash.
    const answer = await fetch(`${rig.hub.url}/v1/claims`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer hxt_probe',
        'x-hexiao-store': rig.storeId,
        'content-type': 'application/json'
      },
      body: '{}'
    })
    expect(answer.status).toBe(500)
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('INTERNAL')
    expect(rig.hub.child.exitCode).toBeNull()
    // Restartable: SIGTERM stops it (its PostgreSQL is gone), the next start recovers the cluster (WAL).
    await rig.stopHub()
    expect(postmaster(rig.hubDir) === null || !alive(postmaster(rig.hubDir)!.pid)).toBe(true)
    const hub = await rig.startHub()
    expect(hub.epoch).toBe(epoch)
    await recoverAndCheck(1)
  }, 150_000)

  it('SIGKILL of a till mid-claim and a restart: the intent is resolved, the code never stuck', async () => {
    const [t1, t2] = rig.tills
    // The claim is slowed (below the deadline) so that the till dies with it on the wire.
    rig.proxies[0]!.mode({ kind: 'latency', ms: 1_000 })
    // Never answered: the till dies with the call open (its contract connection goes with it).
    void scan(t1!, A).catch(() => null)
    await until(() => {
      try {
        return [...tillFacts(t1!).claims.values()].some((c) => c.code === A && c.state === 'intent')
      } catch {
        return false
      }
    }, 'the intent row at till 1')
    await t1!.kill()
    rig.proxies[0]!.mode({ kind: 'pass' })
    await t1!.restart()
    await rig.settled()
    const after = tillFacts(t1!)
    expect([...after.claims.values()].filter((c) => c.state === 'intent' || c.state === 'granted')).toEqual(
      []
    )
    const committed = after.accepted.some((r) => r.code === A)
    // Not committed → released at the hub → another till gets the code. Committed → DUPLICATE there.
    const other = await scan(t2!, A)
    if (committed) expect(other.accepted).toBe(false)
    else expect(other).toMatchObject({ accepted: true, unchecked: false })
    await recoverAndCheck(0)
  }, 150_000)

  it('a wipe of the hub data directory mid-run: a new epoch, the tills pair again and republish', async () => {
    const [t1, t2, t3] = rig.tills
    const before = await scan(t3!, B) // accepted with the old hub: must reach the new one by republish
    expect(before).toMatchObject({ accepted: true, unchecked: false })
    await rig.settled()
    const oldEpoch = rig.hub.epoch
    await wipeHub(rig.hub, rig.hubDir)
    const hub = await rig.startHub()
    expect(hub.epoch).not.toBe(oldEpoch)
    // The new hub knows no till (TOKEN_UNKNOWN): both decide unchecked and learn that they must pair again.
    expect(await injectDuplicate(t1!, t2!, A, injected)).toBeNull()
    for (const t of [t1!, t2!])
      expect(await t.link()).toMatchObject({ status: 'degraded', repairNeeded: true })
    await rig.pair()
    for (const t of rig.tills) expect((await t.link()).repairNeeded).toBe(false)
    const facts = await rig.hubFacts()
    expect(facts.epoch).toBe(hub.epoch)
    expect(facts.claims.get(before.redemptionId!)?.status).toBe('completed')
    await recoverAndCheck(1)
  }, 150_000)

  it('leaves every till file intact and nothing waiting', async () => {
    for (const t of rig.tills) expect(tillFacts(t)).toMatchObject({ integrity: 'ok', pending: 0 })
  })
})
