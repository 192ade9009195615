/**
 * The retry schedule: exponential with jitter, the last fast try within 30 minutes, then stale and the slow
 * interval for ever — never given up. Plus the token bucket the worker sends through.
 */
import fc from 'fast-check'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { removeTempDbs } from './support/db'
import { DEFAULT_SCHEDULE, fastScheduleSpanMs, isStale, nominalDelay, retryDelay } from '../../src/main/sync'
import { TokenBucket } from '../../src/main/sync/tokenBucket'
import { FakeClock } from './support/fakeClock'
import { CARD_A, workerHarness, type WorkerHarness } from './support/harness'
import { busy } from './support/fakeUpstream'

afterAll(removeTempDbs)

describe('the schedule', () => {
  it('reaches its last fast try within 30 minutes, then waits the slow interval', () => {
    expect(fastScheduleSpanMs(DEFAULT_SCHEDULE)).toBeLessThanOrEqual(30 * 60_000)
    expect(nominalDelay(1, DEFAULT_SCHEDULE)).toBe(1_000)
    expect(nominalDelay(2, DEFAULT_SCHEDULE)).toBe(2_000)
    expect(nominalDelay(DEFAULT_SCHEDULE.fastTries - 1, DEFAULT_SCHEDULE)).toBe(DEFAULT_SCHEDULE.maxFastMs)
    expect(nominalDelay(DEFAULT_SCHEDULE.fastTries, DEFAULT_SCHEDULE)).toBe(DEFAULT_SCHEDULE.slowMs)
    expect(nominalDelay(500, DEFAULT_SCHEDULE)).toBe(DEFAULT_SCHEDULE.slowMs)
  })

  it('jitter keeps every delay within [d/2, d]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (tries, r) => {
          const d = nominalDelay(tries, DEFAULT_SCHEDULE)
          const got = retryDelay(tries, DEFAULT_SCHEDULE, () => r)
          return got >= d / 2 && got <= d
        }
      )
    )
  })

  it('is stale once the fast tries are used up, or once the item is 30 minutes old', () => {
    expect(isStale(DEFAULT_SCHEDULE.fastTries - 1, 0, DEFAULT_SCHEDULE)).toBe(false)
    expect(isStale(DEFAULT_SCHEDULE.fastTries, 0, DEFAULT_SCHEDULE)).toBe(true)
    expect(isStale(0, 30 * 60_000, DEFAULT_SCHEDULE)).toBe(true)
  })
})

describe('a worker facing an item that keeps failing', () => {
  let h: WorkerHarness
  afterEach(async () => {
    await h.worker.stop({ graceMs: 0 })
  })

  it('tries on schedule, flags it stale, and keeps trying every ~10 minutes for hours', async () => {
    h = workerHarness()
    h.upstream.addCode('600000000001', { cardId: CARD_A, status: 'NORMAL' })
    const tries: number[] = []
    // Each retry asks code/get before consuming again (a retry is not the look-up's moment): count consumes.
    h.upstream.beforeCall = (call) => {
      if (call.op === 'consume') tries.push(h.clock.now())
    }
    for (let i = 0; i < 100; i++) h.upstream.trouble.push({ op: 'consume', fail: busy(false) })
    const start = h.clock.now()
    const id = h.record({ code: '600000000001', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(4 * 3_600_000)
    const fast = DEFAULT_SCHEDULE.fastTries
    expect(tries[fast - 1]).toBeDefined()
    expect((tries[fast - 1] as number) - start).toBeLessThanOrEqual(30 * 60_000)
    for (let i = 1; i < fast; i++) {
      const gap = (tries[i] as number) - (tries[i - 1] as number)
      const d = nominalDelay(i, DEFAULT_SCHEDULE)
      expect(gap).toBeGreaterThanOrEqual(d / 2)
      expect(gap).toBeLessThanOrEqual(d + 1)
    }
    const slowGaps = tries.slice(fast).map((t, i) => t - (tries[fast - 1 + i] as number))
    expect(slowGaps.length).toBeGreaterThan(15)
    for (const gap of slowGaps) {
      expect(gap).toBeGreaterThanOrEqual(300_000)
      expect(gap).toBeLessThanOrEqual(600_001)
    }
    expect(h.view(id)).toMatchObject({ status: 'pending', outboxState: 'queued', stale: 1 })
    expect(h.view(id).attempts).toBe(tries.length)
    expect(h.worker.state()).toMatchObject({ staleCount: 1, queueDepth: 1 })
  })

  it('flags items stale by age even when they could not be tried (paused)', async () => {
    h = workerHarness()
    h.upstream.addCode('600000000002', { cardId: CARD_A, status: 'NORMAL' })
    const { UpstreamError } = await import('../../src/main/upstream/types')
    h.upstream.trouble.push({ op: 'consume', fail: new UpstreamError('quota_exhausted', 'quota', 45009) })
    const id = h.record({ code: '600000000002', cardId: CARD_A })
    h.worker.start()
    await h.clock.advance(29 * 60_000)
    expect(h.view(id).stale).toBe(0)
    await h.clock.advance(2 * 60_000)
    expect(h.view(id)).toMatchObject({ stale: 1, attempts: 0 })
  })
})

describe('token bucket', () => {
  it('allows the burst at once, then the rate, serving priority first', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket(10, 3, clock)
    const served: string[] = []
    for (let i = 0; i < 6; i++) void bucket.take().then(() => served.push(`n${i}`))
    void bucket.take(true).then(() => served.push('cashier'))
    await clock.advance(0)
    expect(served).toEqual(['n0', 'n1', 'n2'])
    await clock.advance(100)
    expect(served).toEqual(['n0', 'n1', 'n2', 'cashier'])
    await clock.advance(300)
    expect(served).toHaveLength(7)
  })

  it('sustains the configured rate over a long run', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket(500, 50, clock)
    let served = 0
    for (let i = 0; i < 2_050; i++) void bucket.take().then(() => served++)
    await clock.advance(2_000)
    // 50 at once, then 500 per second.
    expect(served).toBeGreaterThanOrEqual(1_040)
    expect(served).toBeLessThanOrEqual(1_051)
  })
})
