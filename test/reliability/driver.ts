/**
 * The station process of the kill -9 harness (bundled to JS at test start, run with plain `node`): opens the
 * station database, keeps writing redemptions through the Ledger (printing `ack <id>` only after each commit
 * returned) and runs the real sync worker + WeChat client against the sandbox over HTTP. The parent kills it
 * with SIGKILL at random moments and starts it again on the same file.
 *
 * Config comes as JSON in HEXIAO_DRIVER. In 'drain' mode it writes nothing, prints `drained` once the outbox
 * has nothing queued, and exits. It prints `paused` / `unpaused` as the worker's pause (45009, credentials)
 * begins and ends, and SIGUSR1 makes it resume (the manager's sync.resume), printing `resumed`.
 */
import { v7 as uuidv7 } from 'uuid'
import { openDatabase } from '../../src/main/db/open'
import { Ledger } from '../../src/main/redeem/ledger'
import { ScanJournal } from '../../src/main/redeem/scanJournal'
import { SyncWorker } from '../../src/main/sync'
import { WechatCardClient } from '../../src/main/upstream/wechat'
import { redemptionRow } from '../sync/support/redemptions'
import { stationMigrations } from '../sync/support/db'
import { codeOf, isOnline } from './codes'
import { rememberLookup } from './lookup'

export interface DriverConfig {
  mode: 'write' | 'drain'
  dbFile: string
  baseUrl: string
  appId: string
  appSecret: string
  /** The codes to redeem: codeOf(codePrefix, i) is the i-th redemption of the file, of card `cardId`. */
  codePrefix: string
  /** How many redemptions to write. */
  codeCount: number
  cardId: string
  /**
   * Custom-code cards instead of `cardId`: redemption n is code codeOf(codePrefix, n / k) of card n % k — the
   * same string redeemed once under each card, each a coupon of its own (src/main/db/codeKey.ts).
   */
  customCards?: string[]
  writeEveryMs: number
}

const config = JSON.parse(process.env.HEXIAO_DRIVER ?? '{}') as DriverConfig
const say = (line: string): void => {
  // Pipes are synchronous on Linux: once this returns, the parent can read the line.
  process.stdout.write(`${line}\n`)
}

const { db } = openDatabase(config.dbFile, { migrations: stationMigrations })
const ledger = new Ledger(db)
const journal = new ScanJournal(db)
const upstream = new WechatCardClient({
  credentials: { kind: 'appSecret', appId: config.appId, appSecret: config.appSecret },
  baseUrl: config.baseUrl,
  defaultDeadlineMs: 2_000
})
let paused = false
const worker = new SyncWorker({
  db,
  upstream,
  // `paused` / `unpaused` lines let the parent kill the station while a 45009 pause holds (killPause.ts).
  emit: (event, payload) => {
    if (event !== 'sync.state') return
    const now = (payload as { paused: unknown }).paused !== null
    if (now !== paused) say(now ? 'paused' : 'unpaused')
    paused = now
  },
  callDeadlineMs: 2_000,
  schedule: { baseMs: 50, maxFastMs: 1_000, slowMs: 2_000 },
  holds: { breakerBaseMs: 100, breakerMaxMs: 1_000, rateLimitedUntil: (now) => now + 200, authRetryMs: 1_000 }
})
worker.start()
// The manager's resume (sync.resume) as the parent's signal: lift the pause, make every queued item due.
process.on('SIGUSR1', () => {
  void worker.resume().then(() => say('resumed'))
})
say('ready')

const queued = (): number =>
  (db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'queued'`).get() as { n: number }).n

if (config.mode === 'drain') {
  const poll = setInterval(() => {
    if (queued() > 0) return
    clearInterval(poll)
    say('drained')
    void worker.stop({ graceMs: 1_000 }).then(() => {
      db.close()
      process.exit(0)
    })
  }, 20)
} else {
  const writeNext = (): void => {
    const done = (db.prepare('SELECT count(*) AS n FROM redemptions').get() as { n: number }).n
    if (done >= config.codeCount) return
    const online = isOnline(done)
    const custom = config.customCards
    const cardId = custom ? (custom[done % custom.length] as string) : config.cardId
    const row = redemptionRow({
      id: uuidv7(),
      code: codeOf(config.codePrefix, custom ? Math.floor(done / custom.length) : done),
      customCode: custom !== undefined,
      at: Date.now(),
      online,
      ...(online ? { cardId } : { pickedCardId: cardId })
    })
    // The look-up's status record and the redemption, in one commit (one fsync, as fast as before).
    db.transaction(() => {
      if (online) rememberLookup(journal, row.code, cardId, row.at, custom !== undefined)
      ledger.recordRedemption(row)
    })()
    say(`ack ${row.id}`)
    if (online) void worker.sendNow(row.id)
    else worker.notify()
    setTimeout(writeNext, config.writeEveryMs)
  }
  writeNext()
}
