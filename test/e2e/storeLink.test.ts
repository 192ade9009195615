/**
 * The store hub in Chromium: a real hub (its own embedded PostgreSQL) in the test process, the built host as
 * till 2, and till 1 as a real protocol client paired with the same hub. Till 2 is paired by a manager on the
 * storeLink.pair channel; a code till 1 claimed shows DUPLICATE naming 1号机 and its cashier (from the mirror);
 * with the hub stopped the header says so and a redemption shows "not checked with the store"; when the hub is
 * back the waiting claim is sent, meets till 1's claim of the same coupon, and the manager's conflicts page
 * shows both stories. Screenshots in test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { PLAIN_CODE_CARD_ID } from '../../src/shared/hub/protocol'
import { hubDataDir, pairTill, removeHubDataDirs, tillOf, type Till } from '../hub/support'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract, type ContractClient } from './support/contractClient'
import { firstRun, manualScan, waitForDisplay } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const STORE = 'store-e2e'
const MANAGER = { name: '王店长', pin: '2468' }
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

let hubDir: string
let hub: RunningHub
let till1: Till
let host: HostProcess
let browser: Browser
let page: Page
let manager: ContractClient

beforeAll(async () => {
  hubDir = hubDataDir()
  hub = await startHub({ dataDir: hubDir, storeId: STORE, log: () => undefined })
  till1 = await pairTill(hub, 'till-1', STORE, '1号机')
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
  await page.goto(host.url)
  await firstRun(page, MANAGER.name, MANAGER.pin)
  manager = await connectContract(host)
  const staff = await manager.value<Array<{ staffId: string; name: string }>>('staff.list')
  await manager.value('staff.signIn', {
    staffId: staff.find((s) => s.name === MANAGER.name)?.staffId,
    pin: MANAGER.pin
  })
}, 120_000)

afterAll(async () => {
  manager?.close()
  await browser?.close()
  await host?.stop()
  await hub?.stop()
  removeHubDataDirs()
})

describe('a till with the store hub', () => {
  it('is paired by a manager; the header shows the link', async () => {
    // Not paired: no tag at all (a single till).
    expect(await page.getByTestId('store-link').count()).toBe(0)
    const { code: pairingCode } = await hub.store.newPairingCode()
    const overview = await manager.value<{ status: string; hubUrl: string }>('storeLink.pair', {
      hubUrl: hub.url,
      pairingCode,
      storeId: STORE
    })
    expect(overview.hubUrl).toBe(hub.url)
    await expect
      .poll(() => page.getByTestId('store-link').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('connected')
    expect(await page.getByTestId('store-link').textContent()).toContain('门店主机已连接')
  })

  it('shows DUPLICATE naming till 1 and its cashier for a code till 1 redeemed', async () => {
    const claimed = await till1.claim({ code: code('CASH_NO_THRESHOLD'), cardId: 'any' })
    expect(claimed.body.value.outcome).toBe('granted')
    // The feed brings it to this till's mirror; the look-up answers DUPLICATE at once.
    await expect
      .poll(async () => (await manualScan(page, code('CASH_NO_THRESHOLD'))).display, { timeout: 15_000 })
      .toBe('DUPLICATE')
    expect(await page.getByTestId('duplicate-station').textContent()).toBe('1号机')
    expect(await page.getByTestId('duplicate-cashier').textContent()).toBe('Cashier of till-1')
    expect(await page.getByTestId('duplicate-synced').textContent()).toBe(
      '本店其他收银台已核销（门店主机告知）'
    )
    await screenshot(page, 'storelink-duplicate-other-till')
    await page.keyboard.press('Escape')
    await waitForDisplay(page, 'READY')
  })

  it('with the hub stopped: says so, redeems "not checked with the store", and sends the claim when it is back', async () => {
    const port = hub.port
    await hub.stop()
    await expect
      .poll(() => page.getByTestId('store-link').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('degraded')
    const shown = await manualScan(page, code('GIFT'))
    expect(shown.display).toBe('OK')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    await page.getByTestId('store-unchecked').waitFor()
    expect(await page.getByTestId('store-unchecked').textContent()).toContain('未经门店核对')
    await expect
      .poll(() => page.getByTestId('store-link').getAttribute('data-waiting'), { timeout: 15_000 })
      .toBe('1')
    expect(await page.getByTestId('store-link').textContent()).toContain('门店主机无响应')
    await screenshot(page, 'storelink-degraded-not-checked')

    // Meanwhile till 1 redeems the same coupon with the hub: started for a moment on another port, so this
    // till cannot reach it, and stopped again.
    hub = await startHub({ dataDir: hubDir, storeId: STORE, log: () => undefined })
    const first = await tillOf(hub.url, till1.tillId, STORE, till1.token).claim({
      code: code('GIFT'),
      // A plain code is claimed under the one plain key whatever its card (docs/hub.md § Claims), as a till does.
      cardId: PLAIN_CODE_CARD_ID
    })
    expect(first.body.value.outcome).toBe('granted')
    await hub.stop()

    hub = await startHub({ dataDir: hubDir, storeId: STORE, port, log: () => undefined })
    await expect
      .poll(() => page.getByTestId('store-link').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('connected')
    await expect
      .poll(() => page.getByTestId('store-link').getAttribute('data-waiting'), { timeout: 20_000 })
      .toBe('0')
    // Till 1's claim holds the code: this till's queued claim met it, and the manager sees both stories.
    const collisions = await hub.store.pool.query('SELECT * FROM collisions')
    expect(collisions.rowCount).toBe(1)
    await screenshot(page, 'storelink-back')
    await page.keyboard.press('Escape')
    await page.getByTestId('nav-conflicts').click()
    await page.getByTestId('cross-till-conflict').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('cross-till-conflict').getAttribute('data-code')).toBe(code('GIFT'))
    expect(await page.getByTestId('cross-till-holder').textContent()).toContain('1号机')
    expect(await page.getByTestId('cross-till-holder').textContent()).toContain('Cashier of till-1')
    expect(await page.getByTestId('cross-till-here').textContent()).toContain(MANAGER.name)
    await screenshot(page, 'storelink-cross-till-conflict')

    // The manager marks it resolved with a note: it leaves the open list and stays under "resolved".
    await page.getByTestId('cross-till-resolve').click()
    expect(await page.getByRole('button', { name: '标记为已处理' }).last().isDisabled()).toBe(true)
    await page.getByTestId('cross-till-note').fill('顾客已现金补付；已告知 1号机')
    await screenshot(page, 'storelink-cross-till-resolve')
    await page.getByRole('button', { name: '标记为已处理' }).last().click()
    await expect
      .poll(() => page.locator('[data-testid="cross-till-conflict"][data-resolved="false"]').count())
      .toBe(0)
    await page.getByTestId('cross-till-show').getByText('已处理').click()
    const resolved = page.locator('[data-testid="cross-till-conflict"][data-resolved="true"]')
    await resolved.waitFor()
    expect(await resolved.getByTestId('cross-till-resolution').innerText()).toContain(`${MANAGER.name} 于`)
    expect(await resolved.getByTestId('cross-till-resolution').innerText()).toContain('顾客已现金补付')
    await screenshot(page, 'storelink-cross-till-resolved')
  }, 90_000)
})
