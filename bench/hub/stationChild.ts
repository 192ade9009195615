/**
 * One training station in a process of its own, for bench/hub/tills.ts's memory figure: with or without a hub
 * link, the same redemptions, then its resident memory after a forced GC. Config in HEXIAO_STATION_BENCH:
 * {redemptions, pacedMs, loadFetch?, hub?: {url, pairingCode, storeId}}. Prints one JSON line at the end.
 */
import { openTill, redeem } from './till'

interface Config {
  redemptions: number
  pacedMs: number
  /** Any URL: one fetch, so that the fetch machinery is loaded as in a live station (its WeChat client). */
  loadFetch?: string
  hub?: { url: string; pairingCode: string; storeId: string }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env['HEXIAO_STATION_BENCH'] ?? '{}') as Config
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)
  const till = await openTill(config.hub ? 'RSS 有连接' : 'RSS 无连接', {
    claimDeadlineMs: 300,
    retryMs: 500
  })
  const link = till.t.station.services.storeLink
  if (config.hub) {
    await link.pair(config.hub.url, config.hub.pairingCode, config.hub.storeId)
    link.start()
  }
  if (config.loadFetch)
    await fetch(config.loadFetch)
      .then((r) => r.text())
      .catch(() => undefined)
  gc()
  const startRss = process.memoryUsage().rss
  let unchecked = 0
  for (let i = 0; i < config.redemptions; i++) {
    const t0 = performance.now()
    if ((await redeem(till, till.freshCode())).unchecked) unchecked++
    await new Promise((r) => setTimeout(r, Math.max(0, config.pacedMs - (performance.now() - t0))))
  }
  if (config.hub) await link.flush()
  gc()
  const mem = process.memoryUsage()
  const out = {
    startRss,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    unchecked,
    state: link.state().status,
    cpuMs: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000
  }
  await link.stop()
  await till.t.station.close()
  process.stdout.write(`${JSON.stringify(out)}\n`)
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
