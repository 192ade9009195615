/**
 * The kill -9 loop: a child station process (driver.ts) writes redemptions and syncs them to the sandbox over
 * HTTP; the parent kills it with SIGKILL at random moments, restarts it on the same file, and checks after every
 * kill that nothing acknowledged is lost, nothing was consumed twice and the file is sound. At the end the
 * upstream is made healthy and the outbox must drain to zero with every redemption consumed exactly once.
 * Used by test/reliability/kill9.test.ts (CI numbers) and bench/sync/kill9.ts (1,000 kills).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import { codeKeyOf } from '../../src/main/db/codeKey'
import { openDatabase } from '../../src/main/db/open'
import { Sandbox, startSandboxServer } from '../../src/main/upstream/sandbox'
import { CUSTOM_A, CUSTOM_B, twoCustomCardsSeed } from '../support/customCards'
import { stationMigrations, tempDbFile } from '../sync/support/db'
import { seededRandom } from '../sync/support/fakeClock'
import { buildDriver } from './buildDriver'
import {
  consumesByCode,
  drainedProblems,
  fileProblems,
  ledgerFacts,
  type ConsumeEntry,
  type ConsumeKey
} from './checks'
import type { DriverConfig } from './driver'
import { APP, CARD_A, codeOf, reliabilitySandbox } from './seed'

export interface KillLoopOptions {
  kills: number
  seed?: number
  /** Longest run before the kill, after the child is ready. Default 400 ms. */
  maxRunMs?: number
  /**
   * Custom codes: two custom-code cards hold the same code strings, and each string is redeemed under both
   * (every coupon is (card, code)); "consumed once" is then counted per (card, code).
   */
  custom?: boolean
  log?: (line: string) => void
}

export interface KillLoopReport {
  kills: number
  killedBeforeReady: number
  acknowledged: number
  written: number
  consumedOnce: number
  /** Per code, or per (card, code) in a custom-code run. */
  maxConsumesPerCode: number
  /** Code strings written under more than one card (custom-code runs). */
  sharedCodes: number
  problems: string[]
  durationMs: number
}

export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopReport> {
  const started = Date.now()
  const random = seededRandom(options.seed ?? 1)
  const maxRunMs = options.maxRunMs ?? 400
  const codeCount = options.kills * 30 + 100
  const custom = options.custom === true ? [CUSTOM_A, CUSTOM_B] : undefined
  const keyOf: ConsumeKey = custom ? (c) => codeKeyOf(c.code, c.cardId) : (c) => c.code
  const sandbox = custom
    ? new Sandbox({
        now: Date.now,
        seed: twoCustomCardsSeed(Date.now(), {
          shared: Array.from({ length: Math.ceil(codeCount / custom.length) }, (_, i) => codeOf('9', i))
        })
      })
    : reliabilitySandbox(
        Array.from({ length: codeCount }, (_, i) => ({
          code: codeOf('9', i),
          cardId: CARD_A,
          fate: 'normal' as const
        }))
      )
  // Latency keeps requests on the wire long enough for kills to land mid-request; lost replies and resets make
  // the outcomes ambiguous.
  sandbox.setFaults({
    seed: options.seed ?? 1,
    rules: [
      { kind: 'latency', ms: { min: 2, max: 25 } },
      { kind: 'dropReply', paths: ['/card/code/consume'], probability: 0.05 },
      { kind: 'reset', paths: ['/card/code/consume'], probability: 0.03 }
    ]
  })
  const server = await startSandboxServer({ sandbox })
  const driver = await buildDriver()
  const dbFile = tempDbFile('hexiao-kill9-')
  const config = (mode: DriverConfig['mode']): DriverConfig => ({
    mode,
    dbFile,
    baseUrl: server.url,
    ...APP,
    codePrefix: '9',
    codeCount,
    cardId: CARD_A,
    ...(custom ? { customCards: custom } : {}),
    writeEveryMs: 15
  })
  const acknowledged = new Set<string>()
  const problems: string[] = []
  let killedBeforeReady = 0
  try {
    for (let k = 0; k < options.kills; k++) {
      const child = startChild(driver.file, config('write'), acknowledged)
      const early = random() < 0.2
      if (early) {
        killedBeforeReady++
        await delay(Math.floor(random() * 250))
      } else {
        await child.ready
        await delay(Math.floor(random() * maxRunMs))
      }
      child.process.kill('SIGKILL')
      const exit = await child.exited
      if (exit.signal !== 'SIGKILL')
        problems.push(`run ${k}: exited by itself (${exit.code}): ${child.stderr()}`)
      problems.push(
        ...check(dbFile, acknowledged, sandbox.model.consumeLog(), keyOf).map((p) => `after kill ${k}: ${p}`)
      )
      if (k % 50 === 49) options.log?.(`${k + 1} kills, ${acknowledged.size} acknowledged`)
    }
    sandbox.clearFaults()
    const drain = startChild(driver.file, config('drain'), acknowledged)
    const drained = await Promise.race([drain.drained, delay(60_000).then(() => false)])
    if (!drained) {
      drain.process.kill('SIGKILL')
      problems.push(`the outbox did not drain within 60 s: ${drain.stderr()}`)
    }
    await drain.exited
    problems.push(
      ...check(dbFile, acknowledged, sandbox.model.consumeLog(), keyOf).map((p) => `after drain: ${p}`)
    )
    const { db } = openDatabase(dbFile, { migrations: stationMigrations })
    const facts = ledgerFacts(db)
    const { shared } = db
      .prepare(
        `SELECT count(*) AS shared FROM (SELECT code FROM redemptions GROUP BY code HAVING count(DISTINCT card_id) > 1)`
      )
      .get() as { shared: number }
    db.close()
    const consumes = consumesByCode(sandbox.model.consumeLog(), keyOf)
    const afterDrain = drainedProblems(facts, consumes)
    problems.push(...afterDrain.problems)
    const consumedOnce = afterDrain.consumedOnce
    return {
      kills: options.kills,
      killedBeforeReady,
      acknowledged: acknowledged.size,
      written: facts.redemptions,
      consumedOnce,
      maxConsumesPerCode: Math.max(0, ...consumes.values()),
      sharedCodes: shared,
      problems,
      durationMs: Date.now() - started
    }
  } finally {
    await server.close()
    driver.cleanup()
    // Keep the database for a look when something went wrong.
    if (problems.length === 0) rmSync(dirname(dbFile), { recursive: true, force: true })
  }
}

export function check(
  dbFile: string,
  acknowledged: Set<string>,
  log: ReadonlyArray<ConsumeEntry>,
  keyOf: ConsumeKey = (c) => c.code
): string[] {
  const { db } = openDatabase(dbFile, { migrations: stationMigrations })
  try {
    const problems = fileProblems(db, acknowledged)
    const consumed = consumesByCode(log, keyOf)
    for (const [code, n] of consumed) if (n > 1) problems.push(`code ${code} consumed ${n} times`)
    const facts = ledgerFacts(db)
    for (const [code, row] of facts.rows) {
      if (row.status === 'synced' && consumed.get(code) !== 1)
        problems.push(`code ${code} synced but not consumed`)
    }
    return problems
  } finally {
    db.close()
  }
}

export interface Child {
  process: ChildProcess
  ready: Promise<void>
  drained: Promise<boolean>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
}

export function startChild(
  file: string,
  config: DriverConfig,
  acknowledged: Set<string>,
  /** Every other complete line the child prints (e.g. `paused`, `resumed`). */
  onLine: (line: string) => void = () => undefined
): Child {
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, HEXIAO_DRIVER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4_000)
  })
  let markReady: () => void = () => undefined
  let markDrained: (done: boolean) => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const drained = new Promise<boolean>((resolve) => (markDrained = resolve))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' comes after stdout is fully read, so every acknowledgement printed before the kill is counted.
    child.on('close', (code, signal) => {
      markReady()
      markDrained(false)
      resolve({ code, signal })
    })
  )
  // Only complete lines count: a line cut by the kill was never acknowledged.
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (line === 'ready') markReady()
    else if (line === 'drained') markDrained(true)
    else if (/^ack [0-9a-f-]{36}$/.test(line)) acknowledged.add(line.slice(4))
    else onLine(line)
  })
  return { process: child, ready, drained, exited, stderr: () => errors }
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
