/**
 * 1,000 redemptions against an upstream that fails ~30% of requests in every fault mode of the sandbox (-1,
 * 5xx, resets, dropped replies, 45011, token invalidation, malformed and truncated replies) and is partitioned
 * twice for 3 s ('hang', then 'refuse'). (bench/sync/flaky.ts runs 10,000.)
 */
import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDbs } from '../sync/support/db'
import { runFlakyScenario } from './flaky'

afterAll(removeTempDbs)

describe('flaky upstream', () => {
  it(
    'loses nothing, consumes nothing twice, and conflicts exactly where the scenario put them',
    { timeout: 150_000 },
    async () => {
      const report = await runFlakyScenario({ redemptions: 1_000, seed: 11, partitionsAt: [1_000, 6_000] })
      expect(report.problems).toEqual([])
      expect(report.lost).toBe(0)
      expect(report.consumedTwice).toBe(0)
      expect(report.unexpectedConflicts).toEqual([])
      // A lost answer with no NORMAL answer close before it is a conflict for the manager, never a guess.
      expect(report.conflicts).toBe(report.expectedConflicts + report.unverified.length)
      expect(report.rejected).toBe(report.expectedRejections)
      expect(report.synced).toBe(
        1_000 - report.expectedConflicts - report.expectedRejections - report.unverified.length
      )
      // The run really was flaky: every fault mode fired, and both partitions happened.
      expect(Object.keys(report.faults).sort()).toEqual(
        [
          'dropReply',
          'http5xx',
          'latency',
          'malformed',
          'minuteQuota',
          'partition',
          'reset',
          'systemBusy',
          'tokenInvalid'
        ].sort()
      )
      expect(report.partitions).toBe(2)
    }
  )
})
