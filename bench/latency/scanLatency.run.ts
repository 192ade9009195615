/**
 * Scan-to-screen latency and renderer memory, in Chromium against the built host and its training sandbox.
 * A scan is a keyboard-wedge burst (12 digits + Enter, as fast as CDP can type); latency runs from the
 * burst's last key to the decision in the DOM / on the next frame. Codes are random, so each one is a
 * real look-up (never the 2-second double-read shortcut): normaliser, scan log, code/get on the sandbox,
 * decide, render. Offline = during the training NETWORK_DOWN drill (the sandbox refuses for 20 s).
 * Prints figures; only checks that it measured something (timing is never pass/fail).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { launchBrowser } from '../../test/e2e/support/browser'
import { firstRun } from '../../test/e2e/support/counterDriver'
import { startHostProcess, type HostProcess } from '../../test/e2e/support/host'
import { installProbe, sampleCount, takeSamples, type Sample } from './pageProbe'
import { summarise } from './stats'

const TOTAL_SCANS = Number(process.env['LATENCY_SCANS'] ?? 5000)
const WARM_UP = 100
const ONLINE_SAMPLES = 300
const OFFLINE_MAX = 300

let host: HostProcess
let browser: Browser
let page: Page
let cdp: CDPSession
let serial = 0
let missed = 0

/** A fresh 12-digit code every time (77…: no training code, no custom-code prefix). */
const nextCode = () =>
  `77${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++ % 1e4).padStart(4, '0')}`

/**
 * One burst; true when its decision showed. CDP types key by key, and now and then a pause between two keys
 * (a GC in the page, the test process) is longer than a scanner's, so the wedge listener rightly takes it
 * for typing: such a burst is counted as missed and the next one goes on.
 */
async function scan(code: string): Promise<boolean> {
  const before = await sampleCount(page)
  await page.keyboard.type(code)
  await page.keyboard.press('Enter')
  try {
    await page.waitForFunction(
      (n) => (globalThis as unknown as { __samples: unknown[] }).__samples.length > n,
      before,
      { polling: 'raf', timeout: 3_000 }
    )
    return true
  } catch {
    missed++
    if (missed > 20) throw new Error(`${missed} bursts showed no decision; last: ${code}`)
    return false
  }
}

async function heapAfterGc(): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  return usage.usedSize
}

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser(['--mute-audio'])
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  cdp = await page.context().newCDPSession(page)
  await page.goto(host.url)
  await page.getByTestId('firstrun-name').waitFor()
  await firstRun(page, 'Bench', '2468')
  // The bench types into the page, not into a field.
  await page.locator('[data-testid="decision"]').click()
  await installProbe(page)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

it('measures scan-to-screen latency offline and online, and the heap over 5,000 scans', async () => {
  const online: Sample[] = []
  const offline: Sample[] = []
  const keep = (samples: Sample[]) => samples.forEach((s) => (s.offline ? offline : online).push(s))

  for (let i = 0; i < WARM_UP; i++) await scan(nextCode())
  await takeSamples(page) // warm-up: JIT, first renders
  const heapAt100 = await heapAfterGc()
  let scans = WARM_UP

  // Online first, against the in-process sandbox.
  for (let i = 0; i < ONLINE_SAMPLES; i++) {
    await scan(nextCode())
    scans++
  }
  keep(await takeSamples(page))

  // Offline: the drill code cuts the sandbox off for 20 s; scan until it heals or enough samples are in.
  const drill = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'NETWORK_DOWN')
  if (!drill) throw new Error('no NETWORK_DOWN scenario')
  while (!(await scan(drill.code))) scans++
  scans++
  await takeSamples(page)
  let healed = false
  while (!healed && offline.length < OFFLINE_MAX) {
    await scan(nextCode())
    scans++
    const taken = await takeSamples(page)
    keep(taken)
    healed = taken.some((s) => !s.offline)
  }

  // The rest of the 5,000 scans (memory), online again once the drill is over.
  while (scans < TOTAL_SCANS) {
    await scan(nextCode())
    scans++
    if (scans % 50 === 0) keep(await takeSamples(page))
    if (scans % 1000 === 0) console.log(`${scans} scans`)
  }
  keep(await takeSamples(page))
  const heapAt5000 = await heapAfterGc()

  const figures = {
    scans,
    missedBursts: missed,
    offline: {
      toDom: summarise(offline.map((s) => s.toDom)),
      toFrame: summarise(offline.map((s) => s.toFrame))
    },
    online: {
      toDom: summarise(online.map((s) => s.toDom)),
      toFrame: summarise(online.map((s) => s.toFrame))
    },
    heapMiB: {
      after100: Math.round((heapAt100 / 2 ** 20) * 100) / 100,
      after5000: Math.round((heapAt5000 / 2 ** 20) * 100) / 100,
      growthPercent: Math.round(((heapAt5000 - heapAt100) / heapAt100) * 1000) / 10
    }
  }
  console.log('scan-to-screen latency (ms) and renderer heap:\n' + JSON.stringify(figures, null, 2))
  const dir = join(process.cwd(), 'bench/results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'latency.json'),
    JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)
  )

  expect(offline.length).toBeGreaterThan(0)
  expect(online.length).toBeGreaterThan(0)
})
