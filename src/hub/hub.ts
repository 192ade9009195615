/**
 * The composition root of the hub: PostgreSQL (embedded or --database-url) → migrations → store → HTTP. Owns the
 * order of start and stop: on stop, HTTP closes first (no new claims), then the pool, then PostgreSQL.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { HUB_MIGRATIONS } from './db/migrations'
import { migrateHub } from './db/migrate'
import { ChainClaims } from './chain/chainClaims'
import { ChainIngest, type ChainIngestOptions } from './chain/chainIngest'
import { EnrolmentGuard, type EnrolmentGuardOptions } from './chain/enrolmentGuard'
import { HubStartError } from './errors'
import { chainRoutes } from './http/chainRoutes'
import { hqRoutes, chainTokenHash } from './http/hqRoutes'
import { startHubHttp } from './http/server'
import { HqAuth } from './hq/hqAuth'
import { HqQueries } from './hq/hqQueries'
import { ChainTokens } from './hq/wechatToken'
import {
  DEFAULT_OS_USER,
  ensureOsUser,
  findBinaries,
  startEmbeddedPostgres,
  type RunningPostgres
} from './postgres/embedded'
import { HubStore } from './store/hubStore'

export interface HubOptions {
  dataDir: string
  port?: number
  /** 127.0.0.1 by default: the LAN only when asked (docs/hub.md § Security). */
  listen?: string
  databaseUrl?: string
  storeId?: string
  /** A PostgreSQL bin folder instead of the npm package's. */
  pgBin?: string
  /** The account PostgreSQL runs as when the hub runs as root. */
  osUser?: string
  pairingTtlMs?: number
  /** A store hub that forwards its tills' chain lane to the chain hub at this address (docs/chain.md). */
  chainUrl?: string
  /** The enrolment codes' brute-force lock-out (docs/chain.md § Enrolment lock-out; tests shorten it). */
  enrolmentLockout?: Omit<EnrolmentGuardOptions, 'now'>
  /** The chain ingest's limits (tests and benches). */
  chain?: Omit<ChainIngestOptions, 'now'>
  /** How long a chain claim not yet confirmed by its lane event blocks the code (docs/chain.md); default 10 min. */
  chainClaimTtlMs?: number
  /**
   * How often the hub looks at its embedded PostgreSQL's postmaster (ms, default 1,000; 0 = never): a postmaster
   * found dead is started again (crash recovery). Off, a service manager must restart the whole hub instead
   * (docs/hub.md § Embedded PostgreSQL, docs/reliability.md § Chain hub).
   */
  pgWatchMs?: number
  /** HQ's "gone quiet" threshold when the page does not choose one (ms, default 1 h; `--quiet-after-minutes`). */
  quietAfterMs?: number
  /** The built renderer folder holding hq.html (the HQ page); found next to the built hub by default. */
  hqPageDir?: string
  log?: (line: string) => void
}

export interface RunningHub {
  url: string
  port: number
  epoch: string
  storeId: string | null
  store: HubStore
  /** The chain lane's rules: stores, enrolment codes, till tokens, ingest (src/hub/chain). */
  chain: ChainIngest
  /** Claims before committing at the chain hub (src/hub/chain/chainClaims.ts). */
  chainClaims: ChainClaims
  /** A pairing code made at start. */
  pairing: { code: string; expiresAt: number }
  adminToken: string
  /** Connection details of the database (tests and benches read it). */
  database: pg.PoolConfig
  /** HQ users and the chain token (the CLI adds users with it; tests too). */
  hq: { auth: HqAuth; tokens: ChainTokens }
  stop: () => Promise<void>
}

// bigint (int8) columns hold epoch ms and sequence numbers, all far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
}

/** The admin token file of a data directory: created once (0600), read on every start. */
function adminTokenOf(dataDir: string): string {
  const file = join(dataDir, 'admin-token')
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim()
    if (token.length >= 32) return token
  }
  const token = `hxa_${randomBytes(32).toString('base64url')}`
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  return token
}

/**
 * A hub still answering at the address its data directory records: a second start must not take over its
 * PostgreSQL (which would stop it under the running hub). A hub that died leaves the file but answers nothing.
 */
async function assertNotRunning(dataDir: string): Promise<void> {
  const file = join(dataDir, 'hub-address.json')
  if (!existsSync(file)) return
  let url: string
  try {
    url = (JSON.parse(readFileSync(file, 'utf8')) as { url: string }).url
  } catch {
    return
  }
  const answered = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(1500) }).then(
    (res) => res.ok,
    () => false
  )
  if (answered)
    throw new HubStartError(
      'HUB_ALREADY_RUNNING',
      `A hub is already running on this data directory (${url}). Stop it first, or use another --data-dir.`
    )
}

/** out/renderer next to the built hub (out/main/hub.js), else ./out/renderer of the working folder (tests). */
function findHqPage(given?: string): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = given ? [given] : [join(here, '../renderer'), join(process.cwd(), 'out/renderer')]
  // The built page has assets/ beside hq.html (src/renderer holds the unbuilt hq.html).
  return candidates.find((dir) => existsSync(join(dir, 'hq.html')) && existsSync(join(dir, 'assets'))) ?? null
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? ((line: string) => console.error(line))
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  await assertNotRunning(dataDir)
  const listen = options.listen ?? '127.0.0.1'

  let postgres: RunningPostgres | undefined
  let database: pg.PoolConfig
  if (options.databaseUrl) {
    database = { connectionString: options.databaseUrl }
  } else {
    const binaries = findBinaries(options.pgBin)
    const osUser = ensureOsUser(options.osUser ?? DEFAULT_OS_USER)
    postgres = await startEmbeddedPostgres({
      dataDir,
      binaries,
      ...(osUser ? { osUser } : {}),
      ...(options.pgWatchMs !== undefined ? { watchMs: options.pgWatchMs } : {}),
      log
    })
    database = {
      host: postgres.host,
      port: postgres.port,
      user: postgres.user,
      password: postgres.password,
      database: postgres.database
    }
  }

  // Every session commits durably even on a server whose default is looser (--database-url).
  const pool = new pg.Pool({ ...database, max: 10, types, options: '-c synchronous_commit=on' })
  pool.on('error', (err) => log(`hub: idle database connection failed: ${err.message}`))
  // A connection checked out between two queries (inside a transaction) has no listener of the pool's: when
  // PostgreSQL dies (kill -9, the watchdog restarts it) its 'error' would be unhandled and end the hub. Its next
  // query fails instead, the request answers INTERNAL and the pool drops the connection.
  pool.on('connect', (client) =>
    client.on('error', (err) => log(`hub: database connection lost: ${err.message}`))
  )
  let months: ReturnType<typeof setInterval> | undefined
  let numbering: HubStore['numbering'] | undefined
  const cleanup = async () => {
    clearInterval(months)
    await numbering?.stop()
    await pool.end().catch(() => undefined)
    await postgres?.stop()
  }
  try {
    const fsync = await pool.query<{ fsync: string }>('SHOW fsync')
    if (fsync.rows[0]?.fsync !== 'on')
      log('hub: WARNING: the PostgreSQL server runs with fsync=off; claims may be lost in a power cut.')
    await migrateHub(pool, HUB_MIGRATIONS)
    const adminToken = adminTokenOf(dataDir)
    const store = await HubStore.open(pool, {
      adminToken,
      ...(options.storeId ? { storeId: options.storeId } : {}),
      ...(options.pairingTtlMs ? { pairingTtlMs: options.pairingTtlMs } : {}),
      log
    })
    // The feed is numbered after commit; LISTEN wakes this process's feeds when another hub process numbered.
    numbering = store.numbering
    numbering.start(database)
    const chain = new ChainIngest(pool, options.chain ?? {})
    const chainClaims = new ChainClaims(
      pool,
      options.chainClaimTtlMs !== undefined ? { ttlMs: options.chainClaimTtlMs } : {}
    )
    // The month partitions of the chain's redemptions, made ahead of use: now, then once a day (docs/chain.md).
    await chain.ensureMonths()
    months = setInterval(() => {
      chain.ensureMonths().catch((err: unknown) => {
        log(`hub chain: making month partitions failed: ${err instanceof Error ? err.message : String(err)}`)
      })
    }, 24 * 3600_000)
    months.unref()
    const port = options.port ?? 0
    const hqAuth = new HqAuth(pool)
    const tokens = new ChainTokens(pool, dataDir, Date.now, log)
    const hq = hqRoutes({
      auth: hqAuth,
      queries: new HqQueries(pool, Date.now, (options.quietAfterMs ?? 3_600_000) / 60_000),
      tokens,
      pageDir: findHqPage(options.hqPageDir),
      log,
      ping: async () => {
        await pool.query('SELECT 1')
      },
      tillOfToken: async (token) => {
        const { rows } = await pool.query<{ till_id: string }>(
          'SELECT till_id FROM chain_tills WHERE token_hash = $1 AND revoked_at IS NULL',
          [chainTokenHash(token)]
        )
        return rows[0] ? { tillId: rows[0].till_id } : null
      }
    })
    const http = await startHubHttp({
      store,
      port,
      host: listen,
      log,
      hq,
      chain: chainRoutes({
        chain,
        claims: chainClaims,
        forwardTo: options.chainUrl ?? null,
        epoch: () => store.epoch,
        isAdmin: (token) => store.isAdmin(token),
        guard: new EnrolmentGuard(pool, options.enrolmentLockout ?? {}),
        storeId: () => store.storeId,
        log
      })
    }).catch((err: unknown) => {
      const text = err instanceof Error ? err.message : String(err)
      throw new HubStartError(
        'HUB_LISTEN_FAILED',
        `The hub cannot listen on ${listen}:${port} (${text}). Choose another --port, or an address of this computer for --listen.`
      )
    })
    const pairing = await store.newPairingCode()
    // Where a supervisor (the station) or a script finds this hub; removed on a clean stop.
    const addressFile = join(dataDir, 'hub-address.json')
    // The embedded PostgreSQL's port changes at each start; backups (pg_dump, docs/hq-runbook.en.md) read it here.
    writeFileSync(
      addressFile,
      JSON.stringify({
        url: http.url,
        pid: process.pid,
        epoch: store.epoch,
        postgresPort: postgres?.port ?? null
      }),
      {
        mode: 0o600
      }
    )
    let stopping: Promise<void> | undefined
    return {
      url: http.url,
      port: http.port,
      epoch: store.epoch,
      get storeId() {
        return store.storeId
      },
      store,
      chain,
      chainClaims,
      pairing,
      adminToken,
      database,
      hq: { auth: hqAuth, tokens },
      stop: () =>
        (stopping ??= (async () => {
          await http.close()
          await cleanup()
          rmSync(addressFile, { force: true })
        })())
    }
  } catch (err) {
    await cleanup()
    if (err instanceof HubStartError) throw err
    const text = err instanceof Error ? err.message : String(err)
    throw new HubStartError('PG_START_FAILED', `The hub could not use its database: ${text}`)
  }
}
