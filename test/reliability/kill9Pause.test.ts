/**
 * Crash safety of the 45009 pause and the manager's resume (docs/reliability.md): the station process is killed
 * with SIGKILL while paused and during the drain right after a resume, and restarted on the same file. Nothing
 * acknowledged is lost, no code is consumed twice, and a plain restart sends what the pause held.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDbs } from '../sync/support/db'
import { runKillPause } from './killPause'

afterAll(removeTempDbs)

describe('kill -9 on the pause/resume path', () => {
  it(
    'loses nothing and consumes nothing twice, killed while paused and after resume',
    { timeout: 120_000 },
    async () => {
      const report = await runKillPause({ kills: 16, seed: 20261205 })
      expect(report.problems).toEqual([])
      expect(report.kills).toBe(16)
      expect(report.killedWhilePaused).toBeGreaterThan(2)
      expect(report.killedAfterResume).toBeGreaterThan(2)
      expect(report.acknowledged).toBeGreaterThan(50)
      expect(report.written).toBeGreaterThanOrEqual(report.acknowledged)
      expect(report.consumedOnce).toBe(report.written)
      expect(report.maxConsumesPerCode).toBe(1)
    }
  )
})
