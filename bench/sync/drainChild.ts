/**
 * The worker process of the drain bench: opens a station database whose outbox is already full, runs the real
 * SyncWorker + WeChat client against the sandbox over HTTP until nothing is queued, and prints one JSON line with
 * the time taken and its memory (RSS after start-up, peak while draining, after the drain).
 */
import { openDatabase } from '../../src/main/db/open'
import { SyncWorker } from '../../src/main/sync'
import { WechatCardClient } from '../../src/main/upstream/wechat'
import { stationMigrations } from '../../test/sync/support/db'

export interface DrainChildConfig {
  dbFile: string
  baseUrl: string
  appId: string
  appSecret: string
  ratePerSecond?: number
  maxInFlight?: number
}

const config = JSON.parse(process.env.HEXIAO_DRAIN ?? '{}') as DrainChildConfig
const gc = (globalThis as { gc?: () => void }).gc
const rss = (): number => {
  gc?.()
  return process.memoryUsage().rss
}

const { db } = openDatabase(config.dbFile, { migrations: stationMigrations })
const items = (db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'queued'`).get() as { n: number }).n
const anyQueued = db.prepare(`SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'queued') AS yes`)
const worker = new SyncWorker({
  db,
  upstream: new WechatCardClient({
    credentials: { kind: 'appSecret', appId: config.appId, appSecret: config.appSecret },
    baseUrl: config.baseUrl
  }),
  emit: () => undefined,
  ...(process.env.HEXIAO_COMMIT_MS ? { commitIntervalMs: Number(process.env.HEXIAO_COMMIT_MS) } : {}),
  ...(config.ratePerSecond === undefined ? {} : { ratePerSecond: config.ratePerSecond }),
  ...(config.maxInFlight === undefined ? {} : { maxInFlight: config.maxInFlight })
})
const rssBefore = rss()
const cpuBefore = process.cpuUsage()
let peak = rssBefore
const started = performance.now()
worker.start()
let ticks = 0
const poll = setInterval(() => {
  if (ticks++ % 10 === 0) peak = Math.max(peak, process.memoryUsage().rss)
  if ((anyQueued.get() as { yes: number }).yes === 1) return
  clearInterval(poll)
  const ms = performance.now() - started
  void worker.stop({ graceMs: 1_000 }).then(() => {
    const synced = (
      db.prepare(`SELECT count(*) AS n FROM redemptions WHERE status = 'synced'`).get() as { n: number }
    ).n
    const cpu = process.cpuUsage(cpuBefore)
    const cpuMs = (cpu.user + cpu.system) / 1000
    const heapAfter = (gc?.(), process.memoryUsage().heapUsed)
    process.stdout.write(
      `${JSON.stringify({ items, synced, ms, cpuMs, rssBefore, rssPeak: peak, rssAfter: rss(), heapAfter })}\n`
    )
    db.close()
    process.exit(0)
  })
}, 10)
