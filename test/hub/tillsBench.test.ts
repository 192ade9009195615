/**
 * The store-hub bench (bench/hub/tills.ts) still runs: its --quick mode (a real hub with PostgreSQL, real training
 * stations in their own processes, the 1 ms proxy) finishes and writes its JSON with every section filled. Only
 * counts are checked — never a timing (timings belong in bench/, docs/performance.md § Store hub). Smaller still
 * than --quick where a count proves the same with fewer rows: 1 and 2 tills (two phase sizes, one of several
 * tills), 1 s phases, 5 queued claims, a day of 10 claims per till; the start-ups (hubs, tills, stations) are the
 * rest of its time and stay.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'hexiao-hub-bench-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bench/hub/tills.ts --quick', () => {
  it('runs end to end and writes its results', async () => {
    const out = join(dir, 'hub-tills.json')
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          'bench/run.mjs',
          'bench/hub/tills.ts',
          '--quick',
          ...['--tills', '1,2', '--seconds', '1', '--queue', '5', '--day', '10'],
          '--out',
          out
        ],
        { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] }
      )
      let text = ''
      child.stdout.on('data', (c: Buffer) => (text += c.toString()))
      child.stderr.on('data', (c: Buffer) => (text += c.toString()))
      child.on('close', (exit) => resolve({ code: exit, output: text }))
    })
    expect(code, output).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8'))
    // Claim latency: each till count ran linked and local-only, and each redemption was timed.
    expect(result.phases).toHaveLength(result.settings.tillCounts.length * 2)
    for (const phase of result.phases) {
      expect(phase.redemptions).toBeGreaterThan(0)
      expect(phase.total.n).toBe(phase.redemptions)
      if (phase.linked) expect(phase.claim.n).toBe(phase.redemptions)
    }
    // Every claim reached the other till's mirror.
    expect(result.visibility.missing).toBe(0)
    expect(result.visibility.lag.n).toBe(result.settings.lagSamples)
    // A silent hub loss: every scan during it was decided unchecked (degraded), none refused.
    expect(result.silentLoss.unchecked).toBe(result.silentLoss.commitDuringLoss.n)
    expect(result.silentLoss.stateAfterScans).toBe('degraded')
    // The idle till noticed it through its feed heartbeat.
    expect(result.silentLoss.detectedWhileIdleMs).not.toBeNull()
    // The queue drained completely, without a conflict.
    expect(result.reconcile).toMatchObject({ queued: result.settings.queued, left: 0, collisions: 0 })
    // The new hub holds every claim the tills republished.
    expect(result.rebuild.failedTills).toBe(0)
    expect(result.rebuild.heldAtNewHub).toBe(result.rebuild.offered)
    // Memory figures of the hub and of the three stations.
    expect(result.hubPeak.hubRssMb).toBeGreaterThan(0)
    expect(result.hubPeak.pgPssMb).toBeGreaterThan(0)
    for (const station of ['withLink', 'without', 'withoutButFetchLoaded'])
      expect(result.stationMemory[station].rss).toBeGreaterThan(0)
    expect(result.stationMemory.withLink.state).toBe('connected')
  }, 600_000)
})
