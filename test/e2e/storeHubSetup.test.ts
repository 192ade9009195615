/**
 * Set-up's Store hub section in Chromium, two built hosts as two tills of one store: on till 1 a manager makes the
 * till the store hub (the host runs the BUILT hub as its child, with its own embedded PostgreSQL) and sees the
 * hub's address and a pairing code; on till 2 a manager types them and the till joins; till 1 then lists both
 * tills. At 1024×768 and 1366×768, in zh-CN and English; screenshots in test-artifacts/ (store-hub-*.png). When
 * the hosts stop, the hub and its PostgreSQL stop with them.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR, launchBrowser } from './support/browser'
import { firstRun, openPage } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const MANAGER = { name: '王店长', pin: '2468' }
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 }
]
const dirs: string[] = []
let browser: Browser
let till1: HostProcess
let till2: HostProcess
let page1: Page
let page2: Page

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

/** The hub's PostgreSQL runs as hexiao-hub (as root): the station's data dir must be reachable (docs/hub.md). */
function reachableDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexiao-e2e-hub-'))
  chmodSync(dir, 0o755)
  dirs.push(dir)
  return join(dir, 'station')
}

async function startTill(port?: number): Promise<HostProcess> {
  return startHostProcess({
    dataDir: reachableDir(),
    args: ['--hub-listen', '127.0.0.1', '--hub-port', String(port ?? (await freePort()))]
  })
}

/** The Store hub card at both sizes; nothing wider than the window. */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const card = page.getByTestId('store-hub')
    await card.scrollIntoViewIfNeeded()
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true)
    await card.screenshot({ path: join(ARTIFACTS_DIR, `store-hub-${name}-${size.width}x${size.height}.png`) })
  }
}

/** What a manager reads: no codes of the machine, JSON or ids; in zh-CN no English words. */
async function plainWords(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  const text = await page.getByTestId('store-hub').innerText()
  expect(text).not.toMatch(/HUB_|PAIRING_|STORE_|storeHub\.|[{}"]|[0-9a-f]{8}-[0-9a-f]{4}-|undefined|null/)
  if (lang === 'zh-CN') {
    // Addresses and the pairing code are Latin by nature; everything else must be Chinese.
    const words = text
      .replace(/\b\d+\.\d+\.\d+\.\d+(:\d+)?\b/g, '')
      .replace(/\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/g, '')
      .match(/[A-Za-z]{3,}/g)
    expect(words).toBeNull()
  }
}

beforeAll(async () => {
  till1 = await startTill()
  till2 = await startTill()
  browser = await launchBrowser()
  page1 = await browser.newPage({ viewport: SIZES[0]! })
  page2 = await browser.newPage({ viewport: SIZES[0]! })
  for (const [page, till] of [
    [page1, till1],
    [page2, till2]
  ] as const) {
    await page.goto(till.url)
    await firstRun(page, MANAGER.name, MANAGER.pin)
  }
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await till1?.stop()
  await till2?.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}, 120_000)

describe('set-up: the store hub role and pairing', () => {
  let address = ''
  let code = ''

  it('till 1 becomes the store hub: running, its address and a pairing code', async () => {
    for (const page of [page1, page2]) {
      await openPage(page, 'settings')
      await page.getByTestId('store-hub').waitFor()
    }
    await shots(page1, 'single-zh')
    await page1.getByTestId('store-hub-role-hub').click()
    await page1.getByTestId('store-hub-confirm').click()
    await expect
      .poll(() => page1.getByTestId('store-hub-state').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('running')
    await expect
      .poll(() => page1.getByTestId('store-hub-link').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('connected')
    await page1.getByTestId('store-hub-code').waitFor({ timeout: 15_000 })
    code = (await page1.getByTestId('store-hub-code').innerText()).trim()
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    address = (await page1.getByTestId('store-hub-addresses').innerText()).trim().split(/\s+/)[0]!
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(await page1.getByTestId('store-hub-state').innerText()).toBe('门店主机运行中')
    await expect.poll(() => page1.getByTestId('store-hub-till').count()).toBe(1)
    await plainWords(page1, 'zh-CN')
    await shots(page1, 'hub-zh')
  }, 150_000)

  it('till 2 joins by keyboard: a wrong code says so plainly, the right one pairs', async () => {
    await page2.getByTestId('store-hub-role-join').click()
    await page2.getByTestId('store-hub-address').fill(address)
    await page2.getByTestId('store-hub-code-input').fill('WRNG-CODE')
    await page2.getByTestId('store-hub-code-input').press('Enter')
    await page2.getByTestId('store-hub-error').waitFor()
    expect(await page2.getByTestId('store-hub-error').innerText()).toContain('配对码错误、已用过或已过期')
    await plainWords(page2, 'zh-CN')
    await shots(page2, 'join-refused-zh')
    await page2.getByTestId('store-hub-code-input').fill(code.toLowerCase())
    await page2.getByTestId('store-hub-code-input').press('Enter')
    await expect
      .poll(() => page2.getByTestId('store-hub-link').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('connected')
    expect(await page2.getByTestId('store-hub-link').innerText()).toContain('已连接门店主机')
    await expect(page2.getByTestId('store-hub-error').count()).resolves.toBe(0)
    await plainWords(page2, 'zh-CN')
    await shots(page2, 'joined-zh')
    // The header shows the link as well.
    await expect
      .poll(() => page2.getByTestId('store-link').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('connected')
  }, 90_000)

  it('till 1 lists both tills; all of it in English too', async () => {
    await expect.poll(() => page1.getByTestId('store-hub-till').count(), { timeout: 15_000 }).toBe(2)
    // The code till 2 used is gone (single use): the hub till shows a fresh one by itself.
    await expect
      .poll(() => page1.getByTestId('store-hub-code').innerText(), { timeout: 15_000 })
      .not.toBe(code)
    await shots(page1, 'hub-two-tills-zh')
    for (const page of [page1, page2]) await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page1.getByTestId('store-hub-state').innerText()).toBe('Store hub running')
    expect(await page1.getByTestId('store-hub').innerText()).toContain('Tills paired with this hub')
    await plainWords(page1, 'en')
    await plainWords(page2, 'en')
    await shots(page1, 'hub-two-tills-en')
    await shots(page2, 'joined-en')
    // "Find the hub on the network" (mDNS): a hint; the hub here listens on loopback only and does not advertise.
    await page2.getByTestId('store-hub-find').click()
    await expect
      .poll(
        async () =>
          (await page2.getByTestId('store-hub-found').count()) +
          (await page2.getByTestId('store-hub-found-none').count()),
        { timeout: 10_000 }
      )
      .toBeGreaterThan(0)
    // The configured address always comes first.
    expect(await page2.getByTestId('store-hub-found').first().innerText()).toBe(address)
    await shots(page2, 'join-find-en')
  }, 90_000)

  it('a hub that cannot start says why in plain words, and keeps trying', async () => {
    const port = await freePort()
    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve))
    const till3 = await startTill(port)
    try {
      const page3 = await browser.newPage({ viewport: SIZES[0]! })
      await page3.goto(till3.url)
      await firstRun(page3, MANAGER.name, MANAGER.pin)
      await openPage(page3, 'settings')
      await page3.getByTestId('store-hub-role-hub').click()
      await page3.getByTestId('store-hub-confirm').click()
      await expect
        .poll(
          () =>
            page3
              .getByTestId('store-hub-reason')
              .innerText()
              .catch(() => ''),
          { timeout: 90_000 }
        )
        .toContain('网络端口被占用')
      expect(await page3.getByTestId('store-hub-state').getAttribute('data-state')).toBe('restarting')
      expect(await page3.getByTestId('store-hub-state').innerText()).toBe('门店主机无法启动：正在重试')
      // Nothing to hand out while it is not running: no address, no code.
      expect(await page3.getByTestId('store-hub-addresses').count()).toBe(0)
      await plainWords(page3, 'zh-CN')
      await shots(page3, 'cannot-start-zh')
      await page3.getByTestId('language-switch').getByText('English').click()
      await expect.poll(() => page3.getByTestId('store-hub-reason').innerText()).toContain('port is taken')
      await plainWords(page3, 'en')
      await shots(page3, 'cannot-start-en')
      await page3.close()
    } finally {
      await till3.stop()
      await new Promise<void>((resolve) => squatter.close(() => resolve()))
    }
  }, 150_000)

  it('the hub and its PostgreSQL stop with the station', async () => {
    const pidFile = join(till1.dataDir, 'training', 'hub', 'postgres', 'data', 'postmaster.pid')
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
    const hubAddress = JSON.parse(
      readFileSync(join(till1.dataDir, 'training', 'hub', 'hub-address.json'), 'utf8')
    ) as { pid: number }
    const alive = (pid: number) => {
      try {
        const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
        return state !== undefined && state !== 'Z'
      } catch {
        return false
      }
    }
    expect(alive(postmaster)).toBe(true)
    expect(alive(hubAddress.pid)).toBe(true)
    await till1.stop()
    expect(alive(hubAddress.pid)).toBe(false)
    expect(alive(postmaster)).toBe(false)
  }, 60_000)
})
