/**
 * The kill -9 loop on the pause/resume path: every run starts with WeChat answering 45009 to every consume, so
 * the station (driver.ts, real sync worker, real HTTP) pauses; then either it is killed while paused, or the quota
 * comes back, the manager resumes (SIGUSR1 → worker.resume()) and it is killed in the drain that follows. After
 * every kill: nothing acknowledged is lost and no code is consumed twice. At the end a fresh start must drain the
 * outbox (held items are due again after a restart) with every redemption consumed exactly once.
 */
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { openDatabase } from '../../src/main/db/open'
import { startSandboxServer, type FaultRule } from '../../src/main/upstream/sandbox'
import { stationMigrations, tempDbFile } from '../sync/support/db'
import { seededRandom } from '../sync/support/fakeClock'
import { buildDriver } from './buildDriver'
import { consumesByCode, drainedProblems, ledgerFacts } from './checks'
import type { DriverConfig } from './driver'
import { check, delay, startChild } from './killLoop'
import { APP, CARD_A, codeOf, reliabilitySandbox } from './seed'

export interface KillPauseReport {
  kills: number
  killedWhilePaused: number
  killedAfterResume: number
  acknowledged: number
  written: number
  consumedOnce: number
  maxConsumesPerCode: number
  problems: string[]
}

/** true once the child printed `wanted`, false if it did not within `ms`. */
function lineWithin(lines: string[], wanted: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  return new Promise((resolve) => {
    const look = (): void => {
      if (lines.includes(wanted)) return resolve(true)
      if (Date.now() > end) return resolve(false)
      setTimeout(look, 5)
    }
    look()
  })
}

export async function runKillPause(options: { kills: number; seed?: number }): Promise<KillPauseReport> {
  const random = seededRandom(options.seed ?? 7)
  const codeCount = options.kills * 40 + 100
  const codes = Array.from({ length: codeCount }, (_, i) => ({ code: codeOf('8', i), cardId: CARD_A }))
  const sandbox = reliabilitySandbox(codes.map((c) => ({ ...c, fate: 'normal' as const })))
  // Requests stay on the wire long enough for kills to land mid-request; lost replies make outcomes ambiguous.
  const transport: FaultRule[] = [
    { kind: 'latency', ms: { min: 2, max: 25 } },
    { kind: 'dropReply', paths: ['/card/code/consume'], probability: 0.05 }
  ]
  const quotaGone: FaultRule = { kind: 'dailyQuota', paths: ['/card/code/consume'] }
  const server = await startSandboxServer({ sandbox })
  const driver = await buildDriver()
  const dbFile = tempDbFile('hexiao-killpause-')
  const config = (mode: DriverConfig['mode']): DriverConfig => ({
    mode,
    dbFile,
    baseUrl: server.url,
    ...APP,
    codePrefix: '8',
    codeCount,
    cardId: CARD_A,
    writeEveryMs: 15
  })
  const acknowledged = new Set<string>()
  const problems: string[] = []
  let killedWhilePaused = 0
  let killedAfterResume = 0
  try {
    for (let k = 0; k < options.kills; k++) {
      sandbox.setFaults({ seed: k + 1, rules: [...transport, quotaGone] })
      const lines: string[] = []
      const child = startChild(driver.file, config('write'), acknowledged, (line) => lines.push(line))
      await child.ready
      if (!(await lineWithin(lines, 'paused', 5_000))) problems.push(`run ${k}: never paused`)
      // The last run always dies paused: only the restart's re-evaluation can then send what the pause held.
      if (k === options.kills - 1 || random() < 0.5) {
        await delay(Math.floor(random() * 200))
        killedWhilePaused++
      } else {
        sandbox.setFaults({ seed: k + 1, rules: transport }) // the quota was cleared
        child.process.kill('SIGUSR1')
        if (!(await lineWithin(lines, 'resumed', 5_000))) problems.push(`run ${k}: resume never answered`)
        await delay(Math.floor(random() * 300))
        killedAfterResume++
      }
      child.process.kill('SIGKILL')
      const exit = await child.exited
      if (exit.signal !== 'SIGKILL')
        problems.push(`run ${k}: exited by itself (${exit.code}): ${child.stderr()}`)
      problems.push(
        ...check(dbFile, acknowledged, sandbox.model.consumeLog()).map((p) => `after kill ${k}: ${p}`)
      )
    }
    // The last run may have been killed while paused: a plain restart (no resume) must send what was held.
    sandbox.clearFaults()
    const drain = startChild(driver.file, config('drain'), acknowledged)
    const drained = await Promise.race([drain.drained, delay(60_000).then(() => false)])
    if (!drained) {
      drain.process.kill('SIGKILL')
      problems.push(`the outbox did not drain within 60 s: ${drain.stderr()}`)
    }
    await drain.exited
    problems.push(...check(dbFile, acknowledged, sandbox.model.consumeLog()).map((p) => `after drain: ${p}`))
    const { db } = openDatabase(dbFile, { migrations: stationMigrations })
    const facts = ledgerFacts(db)
    db.close()
    const consumes = consumesByCode(sandbox.model.consumeLog())
    const afterDrain = drainedProblems(facts, consumes)
    problems.push(...afterDrain.problems)
    const consumedOnce = afterDrain.consumedOnce
    return {
      kills: options.kills,
      killedWhilePaused,
      killedAfterResume,
      acknowledged: acknowledged.size,
      written: facts.redemptions,
      consumedOnce,
      maxConsumesPerCode: Math.max(0, ...consumes.values()),
      problems
    }
  } finally {
    await server.close()
    driver.cleanup()
    if (problems.length === 0) rmSync(dirname(dbFile), { recursive: true, force: true })
  }
}
