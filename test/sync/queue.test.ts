/**
 * How the worker walks the queue: FIFO by seq, bounded concurrency, page by page; what sync.state reports;
 * and the connectivity monitor it shares with the redeem service.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { removeTempDbs } from './support/db'
import { ConnectivityMonitor } from '../../src/main/sync'
import { OutboxStore } from '../../src/main/sync/outboxStore'
import { UpstreamError } from '../../src/main/upstream/types'
import { CARD_A, workerHarness, type WorkerHarness } from './support/harness'
import { refused } from './support/fakeUpstream'
import { runUntil } from './support/fakeClock'

afterAll(removeTempDbs)

let h: WorkerHarness | undefined
afterEach(async () => {
  await h?.worker.stop({ graceMs: 0 })
  vi.restoreAllMocks()
  h = undefined
})

const queue = (harness: WorkerHarness, n: number): string[] =>
  Array.from({ length: n }, (_, i) => {
    const code = `8${String(i).padStart(11, '0')}`
    harness.upstream.addCode(code, { cardId: CARD_A, status: 'NORMAL' })
    return harness.record({ code, cardId: CARD_A })
  })

describe('walking the queue', () => {
  it('sends in seq order, one page at a time, never more than the page size in memory', async () => {
    const pageSpy = vi.spyOn(OutboxStore.prototype, 'duePage')
    h = workerHarness({ maxInFlight: 1, pageSize: 10 })
    const ids = queue(h, 95)
    h.worker.start()
    await runUntil(h.clock, () => ids.every((id) => h?.view(id).status === 'synced'))
    const sent = h.upstream.calls.map((c) => c.code)
    expect(sent).toEqual([...sent].sort())
    expect(pageSpy.mock.calls.every(([, , limit]) => limit === 10)).toBe(true)
    expect(pageSpy.mock.results.every((r) => (r.value as number[]).length <= 10)).toBe(true)
  })

  it('keeps at most maxInFlight requests on the wire', async () => {
    h = workerHarness({ maxInFlight: 5 })
    queue(h, 20)
    for (let i = 0; i < 20; i++) h.upstream.trouble.push({ op: 'consume', hang: true })
    h.worker.start()
    await h.clock.advance(0)
    expect(h.upstream.hanging).toBe(5)
    expect(h.worker.state().inFlight).toBe(5)
    h.upstream.release()
    await h.clock.advance(0)
    expect(h.upstream.hanging).toBe(5)
  })

  it('picks up items written after start once notified, and within idleMs without a notify', async () => {
    h = workerHarness({ idleMs: 2_000 })
    h.worker.start()
    await h.clock.advance(0)
    const [a] = queue(h, 1)
    h.worker.notify()
    await h.clock.advance(0)
    expect(h.view(a as string).status).toBe('synced')
    h.upstream.addCode('899999999999', { cardId: CARD_A, status: 'NORMAL' })
    const b = h.record({ code: '899999999999', cardId: CARD_A })
    await h.clock.advance(1_000)
    expect(h.view(b).status).toBe('pending')
    await h.clock.advance(1_000)
    expect(h.view(b).status).toBe('synced')
  })
})

describe('sync.state', () => {
  it('reports depth, oldest item, in-flight, connectivity and the last problem', async () => {
    h = workerHarness({ maxInFlight: 2 })
    const start = h.clock.now()
    queue(h, 2)
    h.upstream.trouble.push({ op: 'consume', fail: refused() })
    h.upstream.trouble.push({ op: 'consume', hang: true })
    h.worker.start()
    await h.clock.advance(300)
    const state = h.states().at(-1)
    expect(state).toMatchObject({
      queueDepth: 2,
      inFlight: 1,
      oldestPendingAt: start,
      staleCount: 0,
      paused: null,
      lastSuccessAt: null,
      connectivity: 'offline',
      lastProblem: { kind: 'network' }
    })
    h.upstream.release()
    await h.clock.advance(5_000)
    expect(h.states().at(-1)).toMatchObject({ queueDepth: 0, oldestPendingAt: null, inFlight: 0 })
    expect(h.states().at(-1)?.lastSuccessAt).not.toBeNull()
  })

  it('is throttled: a drain of many items emits a handful of states, not one per item', async () => {
    h = workerHarness()
    queue(h, 200)
    h.worker.start()
    await runUntil(h.clock, () => h?.worker.state().queueDepth === 0)
    await h.clock.advance(1_000)
    expect(h.updates()).toHaveLength(200)
    expect(h.states().length).toBeLessThanOrEqual(8)
  })
})

describe('ConnectivityMonitor', () => {
  it('goes online on answers, degraded on a failure, offline after three, online again on an answer', () => {
    let now = 0
    const monitor = new ConnectivityMonitor({ now: () => now, recentMs: 30_000 })
    const seen: string[] = []
    monitor.onChange((s) => seen.push(s.connectivity))
    expect(monitor.connectivity()).toBe('offline')
    monitor.recordUpstreamResult(true)
    expect(monitor.connectivity()).toBe('online')
    monitor.recordUpstreamResult(false, new UpstreamError('timeout', 'slow'))
    expect(monitor.connectivity()).toBe('degraded')
    monitor.recordUpstreamResult(false, new UpstreamError('network', 'reset'))
    monitor.recordUpstreamResult(false, new UpstreamError('network', 'reset'))
    expect(monitor.connectivity()).toBe('offline')
    now += 1_000
    monitor.recordUpstreamResult(true)
    // A failure 1 s ago still colours the picture…
    expect(monitor.connectivity()).toBe('degraded')
    now += 30_000
    // …but not 31 s later.
    expect(monitor.connectivity()).toBe('online')
    expect(seen).toEqual(['online', 'degraded', 'offline', 'degraded'])
  })

  it('counts an errcode about a code as an answer, and credentials trouble as offline at once', () => {
    const monitor = new ConnectivityMonitor()
    monitor.recordUpstreamResult(false, new UpstreamError('rejected', 'invalid card id', 40073))
    expect(monitor.snapshot()).toMatchObject({ connectivity: 'online', lastProblem: null })
    monitor.recordUpstreamResult(false, new UpstreamError('auth', 'whitelist', 40164))
    expect(monitor.snapshot()).toMatchObject({
      connectivity: 'offline',
      lastProblem: { kind: 'auth', errcode: 40164 }
    })
  })
})
