/**
 * When the whole worker waits: 45009 (pause until the WeChat day ends, tell the manager), 45011 (until the next
 * minute), credentials (pause, try again each minute), and the circuit breaker while the upstream keeps failing.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { removeTempDbs } from './support/db'
import { UpstreamError } from '../../src/main/upstream/types'
import { nextBeijingMidnight } from '../../src/main/sync'
import { CARD_A, workerHarness, type WorkerHarness } from './support/harness'
import { refused } from './support/fakeUpstream'

afterAll(removeTempDbs)

let h: WorkerHarness
afterEach(async () => {
  await h.worker.stop({ graceMs: 0 })
})

const codes = (n: number, prefix = '5'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(11, '0')}`)

function queue(n: number, prefix?: string): string[] {
  return codes(n, prefix).map((code) => {
    h.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    return h.record({ code, cardId: CARD_A })
  })
}

const consumes = (): number => h.upstream.calls.filter((c) => c.op === 'consume').length

describe('45009: daily quota used up', () => {
  it('pauses sending until Beijing midnight, tells the manager, and counts no try against the item', async () => {
    h = workerHarness({ maxInFlight: 1 })
    const ids = queue(3)
    h.upstream.trouble.push({
      op: 'consume',
      fail: new UpstreamError('quota_exhausted', 'reach max api daily quota limit', 45009)
    })
    h.worker.start()
    await h.clock.advance(0)
    const midnight = nextBeijingMidnight(h.clock.now())
    expect(consumes()).toBe(1)
    expect(h.view(ids[0] as string)).toMatchObject({
      status: 'pending',
      attempts: 0,
      inFlight: 0,
      nextAttemptAt: midnight
    })
    await h.clock.advance(300)
    const paused = h.states().at(-1)
    expect(paused?.paused).toMatchObject({ reason: 'quota', errcode: 45009, until: midnight })
    await h.clock.advance(midnight - h.clock.now() - 1_000)
    expect(consumes()).toBe(1)
    await h.clock.advance(2_000)
    expect(ids.map((id) => h.view(id).status)).toEqual(['synced', 'synced', 'synced'])
    expect(h.states().at(-1)?.paused).toBeNull()
  })

  it('resume() lifts the pause at once (after the manager cleared the quota)', async () => {
    h = workerHarness()
    const [id] = queue(1)
    h.upstream.trouble.push({ op: 'consume', fail: new UpstreamError('quota_exhausted', 'quota', 45009) })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.worker.state().paused?.reason).toBe('quota')
    await h.worker.resume()
    await h.clock.advance(0)
    expect(h.view(id as string).status).toBe('synced')
  })
})

describe('45011: minute quota', () => {
  it('sends nothing more until the next minute, then carries on', async () => {
    h = workerHarness({ maxInFlight: 1 })
    h.clock.current = Date.UTC(2026, 10, 22, 6, 0, 20)
    const ids = queue(3)
    h.upstream.trouble.push({ op: 'consume', fail: new UpstreamError('rate_limited', 'minute quota', 45011) })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.worker.state().slowedUntil).toBe(Date.UTC(2026, 10, 22, 6, 1, 0))
    await h.clock.advance(39_000)
    expect(consumes()).toBe(1)
    await h.clock.advance(1_000)
    expect(ids.map((id) => h.view(id).status)).toEqual(['synced', 'synced', 'synced'])
    expect(h.view(ids[0] as string).attempts).toBe(0)
  })
})

describe('credentials trouble', () => {
  it('pauses and tries again each minute until it works', async () => {
    h = workerHarness()
    const [id] = queue(1)
    const auth = new UpstreamError('auth', 'not in whitelist', 40164)
    h.upstream.trouble.push({ op: 'consume', fail: auth }, { op: 'consume', fail: auth })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.worker.state()).toMatchObject({
      paused: { reason: 'auth', errcode: 40164 },
      connectivity: 'offline'
    })
    await h.clock.advance(59_000)
    expect(consumes()).toBe(1)
    await h.clock.advance(1_000)
    expect(consumes()).toBe(2)
    await h.clock.advance(60_000)
    expect(h.view(id as string).status).toBe('synced')
    expect(h.worker.state().paused).toBeNull()
  })
})

describe('circuit breaker', () => {
  it('stops the flood after failures in a row: one probe at a time, until an answer comes', async () => {
    h = workerHarness({ maxInFlight: 4, holds: { breakerAfter: 3 } })
    const ids = queue(12)
    for (let i = 0; i < 100; i++) h.upstream.trouble.push({ op: 'consume', fail: refused() })
    h.worker.start()
    await h.clock.advance(0)
    const flood = consumes()
    expect(flood).toBeGreaterThanOrEqual(3)
    expect(flood).toBeLessThan(12)
    h.upstream.trouble.splice(0)
    h.upstream.trouble.push({ op: 'consume', hang: true })
    await h.clock.advance(40_000)
    // Exactly one probe went out and nothing else follows while it hangs.
    expect(consumes()).toBe(flood + 1)
    expect(h.upstream.hanging).toBe(1)
    h.upstream.release()
    await h.clock.advance(60_000)
    expect(ids.every((id) => h.view(id).status === 'synced')).toBe(true)
    expect(new Set(h.upstream.consumes.values())).toEqual(new Set([1]))
  })

  it('a look-up that gets through ends the probing at once', async () => {
    h = workerHarness({ maxInFlight: 4, holds: { breakerAfter: 3 } })
    const ids = queue(12)
    for (let i = 0; i < 100; i++) h.upstream.trouble.push({ op: 'consume', fail: refused() })
    h.worker.start()
    await h.clock.advance(0)
    const tried = consumes()
    h.upstream.trouble.splice(0)
    await h.clock.advance(100)
    expect(consumes()).toBe(tried)
    h.worker.monitor.recordUpstreamResult(true)
    await h.clock.advance(0)
    // Every item not tried yet went out at once; the failed ones wait for their own retry time.
    expect(ids.slice(tried).every((id) => h.view(id).status === 'synced')).toBe(true)
  })
})
