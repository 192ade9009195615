/**
 * The chain load generator's short run (issue 17 § How it is tested; bench/chain/loadGen.ts): 20 stores × 3 tills
 * in 2 worker processes, each till 2 simulated hours offline at 30 redemptions/h, reconnecting all at once against
 * a real hub with its embedded PostgreSQL; then everything re-sent. Only the invariants are asserted, never timings
 * (the figures come from bench/chain/catchup.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import {
  chainCounts,
  checkInvariants,
  drain,
  enrolAll,
  startWorkers,
  stopWorkers,
  type LoadOptions
} from '../../bench/chain/loadGen'
import { hubDataDir, removeHubDataDirs } from './support'

let hub: RunningHub
let workers: Awaited<ReturnType<typeof startWorkers>> = []

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => {} })
}, 120_000)

afterAll(async () => {
  stopWorkers(workers)
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

describe('60 tills in 2 worker processes catching up at once', () => {
  it('hold every event once, every cursor at its last seq, every planted duplicate once; a resend changes nothing', async () => {
    const o: LoadOptions = {
      url: hub.url,
      stores: 20,
      tillsPerStore: 3,
      hours: 2,
      perHour: 30,
      workers: 2,
      jitterMs: 0,
      duplicates: 12,
      prefix: 'ci'
    }
    const tills = await enrolAll(hub, o)
    expect(tills).toHaveLength(60)
    workers = await startWorkers(tills, o.workers)

    const first = await drain(workers, o)
    expect(first.events).toBe(60 * 60)
    expect(first.stored).toBe(60 * 60)
    expect(await checkInvariants(hub, o, tills)).toEqual([])

    const before = await chainCounts(hub, o.prefix)
    const again = await drain(workers, o, { resend: true })
    expect(again.stored).toBe(0)
    // Both tills of each planted pair are told of it exactly once: the second at once, the first (which may have
    // drained before the second arrived) when it next posts.
    expect(first.duplicatesSeen + again.duplicatesSeen).toBe(2 * o.duplicates)
    expect(await chainCounts(hub, o.prefix)).toEqual(before)
    expect(await checkInvariants(hub, o, tills)).toEqual([])
  }, 120_000)
})
