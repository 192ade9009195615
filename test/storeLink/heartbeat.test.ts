/**
 * A silent hub loss seen by an idle till: a real hub (embedded PostgreSQL) behind a TCP proxy that can hold every
 * byte without closing anything (a pulled cable), and a real training station paired through it. With nothing to
 * claim, only the feed's heartbeat can tell the till; it must turn degraded, and connected again once the hub is
 * back. (How long it takes is a bench figure: bench/hub/tills.ts, docs/performance.md § Store hub.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { startDelayProxy, type DelayProxy } from '../support/delayProxy'
import { trainingStation, type TestStation } from '../support/station'

const STORE = 'store-hb'
let hub: RunningHub
let proxy: DelayProxy
let till: TestStation

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), storeId: STORE, log: () => undefined })
  proxy = await startDelayProxy({ targetPort: hub.port })
  till = await trainingStation({
    background: false,
    storeLink: { claimDeadlineMs: 300, retryMs: 200, heartbeatMs: 200 }
  })
  const { code } = await hub.store.newPairingCode()
  await till.station.services.storeLink.pair(proxy.url, code, STORE)
  till.station.services.storeLink.start()
}, 120_000)

afterAll(async () => {
  await till?.station.close()
  await proxy?.close()
  await hub?.stop()
  removeHubDataDirs()
})

describe('the feed heartbeat', () => {
  it('turns an idle till degraded when the hub goes silent, and connected when it is back', async () => {
    const link = till.station.services.storeLink
    await until(() => link.state().status === 'connected', 'connected')
    proxy.setMode('blackhole')
    // No claim is made: nothing but the heartbeat can notice.
    await until(() => link.state().status === 'degraded', 'degraded while idle')
    expect(link.state()).toMatchObject({ status: 'degraded', waiting: 0, repairNeeded: false })
    proxy.setMode('pass')
    await until(() => link.state().status === 'connected', 'connected again')
  }, 60_000)
})
