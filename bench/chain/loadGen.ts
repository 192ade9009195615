/**
 * The chain load generator (docs/performance.md § Chain hub, bench/README.md § Chain hub): simulated tills as state
 * machines in a few forked worker processes (bench/chain/tillWorker.mjs), each till enrolled with its own
 * credential, holding an outbox of `hours` × `perHour` events made while offline, then reconnecting all at once or
 * with full jitter and draining through the real hub over HTTP. Afterwards it checks the invariants (never timings):
 * every event held once, every cursor at its till's last seq, every planted cross-store duplicate found exactly
 * once and nothing else, and re-sending everything changes no counts.
 *
 * Used by bench/chain/catchup.ts (the figures) and test/hub/chainLoad.test.ts (the invariants on a small run).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { RunningHub } from '../../src/hub/hub'
import type { EnrolResponse } from '../../src/shared/hub/chainProtocol'
import { HUB_STORE_HEADER } from '../../src/shared/hub/protocol'

/** Forked by path from the project root, like the built hub in test/hub/chainCrash.test.ts. */
export const TILL_WORKER = join(process.cwd(), 'bench/chain/tillWorker.mjs')

export interface LoadOptions {
  /** Base URL the tills post to (the hub's, or a restarted hub's on the same port). */
  url: string
  stores: number
  tillsPerStore: number
  hours: number
  perHour: number
  workers: number
  /** 0: every till reconnects at the same moment; otherwise each at a uniform random moment of the window. */
  jitterMs: number
  /** Cross-store duplicates planted: the same plain code redeemed at two tills of different stores. */
  duplicates: number
  /** Till and store ids start with it, so several runs can share one hub. */
  prefix: string
  /** Sockets per worker's keep-alive agent. */
  maxSockets?: number
}

export interface TillSpec {
  tillId: string
  storeId: string
  token: string
  count: number
  /** seq → planted duplicate code. */
  plants: Record<number, string>
}

export interface DrainResult {
  seconds: number
  events: number
  busy: number
  errors: number
  requests: number
  stored: number
  duplicatesSeen: number
  /** Sum of each worker's peak of requests in flight at once. */
  peakInFlight: number
  drainedMs: number[]
  errorSamples: string[]
}

export function quantiles(samples: number[]): { p50: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN }
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!)
    })
  )
}

/** Creates the stores, makes one enrolment code per till (the hub's admin functions) and enrols each over HTTP. */
export async function enrolAll(hub: RunningHub, o: LoadOptions): Promise<TillSpec[]> {
  const count = Math.round(o.hours * o.perHour)
  if (count < 2) throw new Error('each till needs at least 2 events (duplicates are planted at seq 1 and 2)')
  if (o.stores < 2 && o.duplicates > 0) throw new Error('cross-store duplicates need at least 2 stores')
  const tills: TillSpec[] = []
  for (let s = 0; s < o.stores; s++) {
    const storeId = `${o.prefix}-s${s}`
    await hub.chain.upsertStore({ storeId, name: `压测 ${s} 店` })
    for (let t = 0; t < o.tillsPerStore; t++)
      tills.push({ tillId: `${o.prefix}-s${s}-t${t}`, storeId, token: '', count, plants: {} })
  }
  await pool(tills, 8, async (till) => {
    const { code } = await hub.chain.newEnrolmentCode(till.storeId)
    const res = await fetch(`${o.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrolmentCode: code, tillId: till.tillId, tillName: till.tillId })
    })
    const json = (await res.json()) as { ok: boolean; value?: EnrolResponse }
    if (!json.ok || !json.value) throw new Error(`enrol ${till.tillId}: ${JSON.stringify(json)}`)
    till.token = json.value.token
  })
  // Duplicate j: till a redeems code dup-j as its seq 1, the same slot of the next store as its seq 2. The a are
  // distinct (37 steps around the ring), so no till holds two plants at one seq.
  const n = tills.length
  if (o.duplicates > n) throw new Error('at most one planted duplicate per till')
  for (let j = 0; j < o.duplicates; j++) {
    const a = (j * 37) % n
    const b = (a + o.tillsPerStore) % n
    tills[a]!.plants[1] = `${o.prefix}-dup-${j}`
    tills[b]!.plants[2] = `${o.prefix}-dup-${j}`
  }
  return tills
}

interface Worker {
  child: ChildProcess
  tills: TillSpec[]
}

function once(child: ChildProcess, type: string): Promise<{ type: string; result?: unknown }> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === 'failed') return reject(new Error(msg.message))
      if (msg.type !== type) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(msg)
    }
    const onExit = (code: number | null) => reject(new Error(`till worker exited (${code})`))
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

export async function startWorkers(tills: TillSpec[], count: number): Promise<Worker[]> {
  if (HUB_STORE_HEADER !== 'x-hexiao-store') throw new Error('tillWorker.mjs sends another store header')
  const workers: Worker[] = Array.from({ length: count }, () => ({
    child: fork(TILL_WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    tills: []
  }))
  tills.forEach((till, i) => workers[i % count]!.tills.push(till))
  await Promise.all(
    workers.map((w) => {
      const ready = once(w.child, 'ready')
      w.child.send({ type: 'tills', tills: w.tills })
      return ready
    })
  )
  return workers
}

export function stopWorkers(workers: Worker[]): void {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL')
}

/** Every worker drains its tills (or, with `resend`, sends each lane from seq 1 again); resolves when all are done. */
export async function drain(
  workers: Worker[],
  o: LoadOptions,
  options: { resend?: boolean; jitterMs?: number } = {}
): Promise<DrainResult> {
  const t0 = performance.now()
  const results = (await Promise.all(
    workers.map((w) => {
      const done = once(w.child, 'done')
      w.child.send({
        type: 'run',
        url: o.url,
        perHour: o.perHour,
        jitterMs: options.jitterMs ?? o.jitterMs,
        resend: options.resend ?? false,
        maxSockets: o.maxSockets ?? 64
      })
      return done.then((m) => m.result)
    })
  )) as Array<Omit<DrainResult, 'seconds' | 'events'>>
  const seconds = (performance.now() - t0) / 1000
  const sum = (k: 'busy' | 'errors' | 'requests' | 'stored' | 'duplicatesSeen' | 'peakInFlight') =>
    results.reduce((a, r) => a + r[k], 0)
  return {
    seconds,
    events: workers.reduce((a, w) => a + w.tills.reduce((b, t) => b + t.count, 0), 0),
    busy: sum('busy'),
    errors: sum('errors'),
    requests: sum('requests'),
    stored: sum('stored'),
    duplicatesSeen: sum('duplicatesSeen'),
    peakInFlight: sum('peakInFlight'),
    drainedMs: results.flatMap((r) => r.drainedMs),
    errorSamples: results.flatMap((r) => r.errorSamples)
  }
}

export interface ChainCounts {
  tillEvents: number
  redemptions: number
  codeClaims: number
  duplicates: number
}

export async function chainCounts(hub: RunningHub, prefix: string): Promise<ChainCounts> {
  const like = `${prefix}-%`
  const { rows } = await hub.store.pool.query<ChainCounts>(
    `SELECT (SELECT count(*)::int FROM till_events WHERE till_id LIKE $1) AS "tillEvents",
       (SELECT count(*)::int FROM redemptions WHERE till_id LIKE $1) AS redemptions,
       (SELECT count(*)::int FROM code_claims WHERE code LIKE $1) AS "codeClaims",
       (SELECT count(*)::int FROM chain_duplicates WHERE first_till_id LIKE $1 OR second_till_id LIKE $1) AS duplicates`,
    [like]
  )
  return rows[0]!
}

/** The invariants of issue 17 (docs/chain.md § Guarantees) for one run; an empty list means all hold. */
export async function checkInvariants(hub: RunningHub, o: LoadOptions, tills: TillSpec[]): Promise<string[]> {
  const problems: string[] = []
  const events = tills.reduce((a, t) => a + t.count, 0)
  const redeemed = tills.reduce((a, t) => a + t.count - Math.floor(t.count / 10), 0)
  const c = await chainCounts(hub, o.prefix)
  if (c.tillEvents !== events) problems.push(`till_events holds ${c.tillEvents}, the tills made ${events}`)
  if (c.redemptions !== redeemed)
    problems.push(`redemptions holds ${c.redemptions}, the tills made ${redeemed}`)
  const cursors = await hub.store.pool.query<{ till_id: string; acked_seq: number }>(
    'SELECT till_id, acked_seq::int FROM till_cursor WHERE till_id LIKE $1',
    [`${o.prefix}-%`]
  )
  const acked = new Map(cursors.rows.map((r) => [r.till_id, r.acked_seq]))
  const behind = tills.filter((t) => acked.get(t.tillId) !== t.count)
  if (behind.length > 0)
    problems.push(
      `${behind.length} tills' acked_seq is not their last seq (e.g. ${behind[0]!.tillId}: ${acked.get(behind[0]!.tillId)} ≠ ${behind[0]!.count})`
    )
  const dups = await hub.store.pool.query<{ code: string; stores: string }>(
    `SELECT code, first_store_id || '/' || second_store_id AS stores FROM chain_duplicates
     WHERE first_till_id LIKE $1 OR second_till_id LIKE $1`,
    [`${o.prefix}-%`]
  )
  const planted = new Set(Array.from({ length: o.duplicates }, (_, j) => `${o.prefix}-dup-${j}`))
  const found = new Map<string, number>()
  for (const r of dups.rows) found.set(r.code, (found.get(r.code) ?? 0) + 1)
  const missing = [...planted].filter((code) => !found.has(code))
  const twice = [...found].filter(([, n]) => n > 1).map(([code]) => code)
  const extra = [...found.keys()].filter((code) => !planted.has(code))
  const sameStore = dups.rows.filter((r) => r.stores.split('/')[0] === r.stores.split('/')[1])
  if (missing.length) problems.push(`${missing.length} planted duplicates not found (e.g. ${missing[0]})`)
  if (twice.length) problems.push(`${twice.length} duplicates found more than once (e.g. ${twice[0]})`)
  if (extra.length) problems.push(`${extra.length} duplicates nobody planted (e.g. ${extra[0]})`)
  if (sameStore.length) problems.push(`${sameStore.length} duplicates within one store`)
  return problems
}
