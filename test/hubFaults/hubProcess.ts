/**
 * The BUILT hub (out/main/hub.js, what `npm run hub` runs) as a real child process, with its embedded
 * PostgreSQL (run as the non-root account hexiao-hub when the tests run as root: the data directory comes from
 * test/hub/support.ts hubDataDir(), which other accounts can reach). The harness starts, stops, freezes and kills
 * it, kills its PostgreSQL postmaster, wipes its data directory, asks its admin API for pairing codes, and reads
 * its tables directly (read-only queries) for the invariants.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'

export const BUILT_HUB = join(process.cwd(), 'out/main/hub.js')

export interface HubProcess {
  child: ChildProcess
  url: string
  port: number
  epoch: string
  output: () => string
  exited: Promise<number | null>
}

export interface HubOptions {
  dataDir: string
  /** A store hub's store; none for the chain hub. */
  storeId?: string
  port?: number
  listen?: string
  /** Run it inside this network namespace (`ip netns exec`). */
  netns?: string
  /** `--pg-watch-ms`: the hub's PostgreSQL watchdog (0 = off; the hub's default when absent). */
  pgWatchMs?: number
  /** More arguments (e.g. `--chain-url`). */
  args?: string[]
}

export async function startHubProcess(o: HubOptions): Promise<HubProcess> {
  if (!existsSync(BUILT_HUB))
    throw new Error(`${BUILT_HUB} is missing: run \`npx electron-vite build\` first.`)
  const args = [BUILT_HUB, '--data-dir', o.dataDir]
  if (o.storeId) args.push('--store-id', o.storeId)
  if (o.pgWatchMs !== undefined) args.push('--pg-watch-ms', String(o.pgWatchMs))
  if (o.args) args.push(...o.args)
  if (o.port !== undefined) args.push('--port', String(o.port))
  if (o.listen) args.push('--listen', o.listen)
  const [cmd, argv] = o.netns
    ? ['ip', ['netns', 'exec', o.netns, process.execPath, ...args]]
    : [process.execPath, args]
  const child = spawn(cmd as string, argv as string[], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const deadline = Date.now() + 90_000
  for (;;) {
    const match = /listening on (http:\/\/[\d.]+:(\d+)) \(epoch ([0-9a-f-]+)\)/.exec(output)
    if (match && output.includes('Pairing code:'))
      return { child, url: match[1]!, port: Number(match[2]), epoch: match[3]!, output: () => output, exited }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`hub did not start (exit ${child.exitCode}):\n${output}`)
    await sleep(50)
  }
}

/** SIGTERM and wait; SIGKILL after `graceMs` (a hub that cannot stop its PostgreSQL must not hang the run). */
export async function stopHubProcess(hub: HubProcess, graceMs = 20_000): Promise<number | null> {
  if (hub.child.exitCode !== null || hub.child.signalCode !== null) return hub.child.exitCode
  hub.child.kill('SIGTERM')
  const timer = setTimeout(() => hub.child.kill('SIGKILL'), graceMs)
  const code = await hub.exited
  clearTimeout(timer)
  return code
}

export async function killHubProcess(hub: HubProcess): Promise<void> {
  if (hub.child.exitCode !== null || hub.child.signalCode !== null) return
  hub.child.kill('SIGKILL')
  await hub.exited
}

export const postmasterPidFile = (dataDir: string): string =>
  join(dataDir, 'postgres', 'data', 'postmaster.pid')

/** The postmaster's pid and port, from PGDATA/postmaster.pid (lines 1 and 4); null when none runs. */
export function postmaster(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(postmasterPidFile(dataDir), 'utf8').split('\n')
    return { pid: Number(lines[0]), port: Number(lines[3]) }
  } catch {
    return null
  }
}

/** Running, not a zombie (an orphaned postmaster may wait to be reaped by whoever adopted it). */
export function alive(pid: number): boolean {
  try {
    const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return state !== undefined && state !== 'Z'
  } catch {
    return false
  }
}

/** SIGKILLs the PostgreSQL postmaster (its backends exit when they notice); returns its pid. */
export async function killPostmaster(dataDir: string): Promise<number> {
  const pm = postmaster(dataDir)
  if (!pm) throw new Error(`no postmaster.pid in ${dataDir}`)
  process.kill(pm.pid, 'SIGKILL')
  await until(() => !alive(pm.pid), 'the postmaster to die', 10_000)
  return pm.pid
}

/**
 * The disk of the hub is lost: hub and PostgreSQL are killed and the data directory removed. The next start on
 * the same directory makes a new database (a new epoch, no tills, no claims).
 */
export async function wipeHub(hub: HubProcess, dataDir: string): Promise<void> {
  await killHubProcess(hub)
  const pm = postmaster(dataDir)
  if (pm && alive(pm.pid)) {
    process.kill(pm.pid, 'SIGKILL')
    await until(() => !alive(pm.pid), 'the postmaster to die', 10_000)
  }
  rmSync(dataDir, { recursive: true, force: true })
}

export async function adminPairingCode(url: string, dataDir: string): Promise<string> {
  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  const res = await fetch(`${url}/v1/admin/pairing-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` }
  })
  const body = (await res.json()) as { ok: boolean; value?: { code: string }; error?: unknown }
  if (!body.ok || !body.value) throw new Error(`no pairing code: ${JSON.stringify(body)}`)
  return body.value.code
}

/** A direct, read-only look at the hub's database (PostgreSQL on loopback, the hub's own role). */
export function hubPool(dataDir: string): pg.Pool {
  const pm = postmaster(dataDir)
  if (!pm) throw new Error(`the hub's PostgreSQL is not running in ${dataDir}`)
  const pool = new pg.Pool({
    host: '127.0.0.1',
    port: pm.port,
    user: 'hub',
    password: readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim(),
    database: 'postgres',
    max: 2,
    // Idle connections go on their own and never keep the test process alive.
    idleTimeoutMillis: 5_000,
    allowExitOnIdle: true
  })
  pool.on('error', () => undefined)
  return pool
}

const pools = new Map<string, { postmaster: string; pool: pg.Pool }>()

/**
 * The pool of the PostgreSQL running now in `dataDir`, kept between reads: a reset polls hubFacts until the store
 * is clean, and a fresh connection (a new backend, password auth) on every poll was most of each poll's time. A
 * new postmaster (restart, kill, wipe) gets a new pool; the old one is ended.
 */
function currentPool(dataDir: string): pg.Pool {
  const pm = postmaster(dataDir)
  const key = pm ? `${pm.pid}:${pm.port}` : ''
  const had = pools.get(dataDir)
  if (had && had.postmaster === key) return had.pool
  if (had) void had.pool.end().catch(() => undefined)
  pools.delete(dataDir)
  const pool = hubPool(dataDir)
  pools.set(dataDir, { postmaster: key, pool })
  return pool
}

export interface HubFacts {
  epoch: string
  /** redemption id → status (held / completed / released / voided) */
  claims: Map<string, { status: string; till: string; cardId: string; code: string }>
  /** "card\u001fcode" → the holding redemption id */
  holds: Map<string, string>
  /** redemption ids of claims that met another holder (live DUPLICATE or republish collision) */
  collisions: Set<string>
}

export async function hubFacts(dataDir: string): Promise<HubFacts> {
  const pool = currentPool(dataDir)
  const meta = await pool.query<{ epoch: string }>('SELECT epoch FROM hub_meta')
  const claims = await pool.query<{
    redemption_id: string
    status: string
    till_id: string
    card_id: string
    code: string
  }>('SELECT redemption_id, status, till_id, card_id, code FROM claims')
  const holds = await pool.query<{ card_id: string; code: string; redemption_id: string }>(
    'SELECT card_id, code, redemption_id FROM code_holds'
  )
  const collisions = await pool.query<{ redemption_id: string }>('SELECT redemption_id FROM collisions')
  return {
    epoch: meta.rows[0]!.epoch,
    claims: new Map(
      claims.rows.map((r) => [
        r.redemption_id,
        { status: r.status, till: r.till_id, cardId: r.card_id, code: r.code }
      ])
    ),
    holds: new Map(holds.rows.map((r) => [`${r.card_id}\u001f${r.code}`, r.redemption_id])),
    collisions: new Set(collisions.rows.map((r) => r.redemption_id))
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 30_000
): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await sleep(50)
  }
}
