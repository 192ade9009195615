/**
 * The store's day and the store's policy in Chromium (1024×768), zh-CN and English: a real hub (its own embedded
 * PostgreSQL) in the test process, the built host as 2号机 paired by a manager, and 1号机 as a real protocol
 * client that redeems two coupons. The manager switches the day page to "whole store" and sees both tills;
 * sets the store's limit for unchecked redemptions on that page; with the hub stopped, a coupon above the
 * limit is refused at the counter in big words, and nothing is redeemed. Screenshots in test-artifacts/.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { PLAIN_CODE_CARD_ID } from '../../src/shared/hub/protocol'
import { hubDataDir, pairTill, removeHubDataDirs, type Till } from '../hub/support'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract, type ContractClient } from './support/contractClient'
import { firstRun, manualScan, openPage, waitForDisplay } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const STORE = 'store-day-e2e'
const MANAGER = { name: '王店长', pin: '2468' }
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

let hub: RunningHub
let till1: Till
let host: HostProcess
let browser: Browser
let page: Page
let manager: ContractClient

/** Till 1 redeems a coupon at the hub the way a till does: claim, then complete. */
async function redeemAtTill1(couponCode: string, amountFen: number, cashier: string): Promise<void> {
  const redemptionId = randomUUID()
  const claimed = await till1.claim({
    redemptionId,
    code: couponCode,
    cardId: PLAIN_CODE_CARD_ID,
    amountFen,
    cashier: { id: `c-${cashier}`, name: cashier },
    at: Date.now()
  })
  expect(claimed.body.value.outcome).toBe('granted')
  const done = await till1.post('/v1/claims/transition', {
    redemptionId,
    till: till1.tillId,
    to: 'completed',
    at: Date.now()
  })
  expect(done.body.ok).toBe(true)
}

/** Visible text of the page, for the "no raw codes, no English in zh-CN, no JSON/UUID" look. */
const bodyText = () => page.locator('main.main-content').innerText()
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), storeId: STORE, log: () => undefined })
  till1 = await pairTill(hub, 'till-1', STORE, '1号机')
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
  await page.goto(host.url)
  await firstRun(page, MANAGER.name, MANAGER.pin)
  manager = await connectContract(host)
  const staff = await manager.value<Array<{ staffId: string; name: string }>>('staff.list')
  await manager.value('staff.signIn', {
    staffId: staff.find((s) => s.name === MANAGER.name)?.staffId,
    pin: MANAGER.pin
  })
  const { code: pairingCode } = await hub.store.newPairingCode()
  await manager.value('storeLink.pair', { hubUrl: hub.url, pairingCode, storeId: STORE })
  await page.locator('[data-testid="store-link"][data-state="connected"]').waitFor({ timeout: 15_000 })
}, 120_000)

afterAll(async () => {
  manager?.close()
  await browser?.close()
  await host?.stop()
  await hub?.stop()
  removeHubDataDirs()
})

describe("the store's day on the hub till", () => {
  it('shows every till of the store by till, in Chinese and in English', async () => {
    await redeemAtTill1('700000000001', 1000, '张伟')
    await redeemAtTill1('700000000002', 2550, '张伟')
    // This till redeems one itself (hub up: checked with the store).
    expect((await manualScan(page, code('GIFT'))).display).toBe('OK')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    await page.keyboard.press('Escape')

    await openPage(page, 'day')
    await page.getByTestId('scope-store').click()
    await page.getByTestId('store-z').waitFor()
    await expect
      .poll(async () => page.locator('[data-testid="store-day-till"]').count(), { timeout: 15_000 })
      .toBe(2)
    const till1Row = page.locator('[data-testid="store-day-till"][data-till="1号机"]')
    expect(await till1Row.innerText()).toContain('¥35.50')
    expect(await till1Row.innerText()).toContain('张伟：2 笔 · ¥35.50')
    expect(await page.locator('[data-testid="store-day-till"]').nth(1).innerText()).toContain('本机')
    const total = page.getByTestId('store-day-total')
    expect(Number(await total.getAttribute('data-count'))).toBe(3)
    const text = await bodyText()
    expect(text).toContain('全店 Z 报表')
    expect(text).not.toMatch(UUID)
    expect(text).not.toMatch(/[{}]|undefined|null|storeDay\./)
    expect(text).not.toMatch(/\b(Till|Whole store|Store total|Redemptions)\b/)
    await screenshot(page, 'storeday-whole-store-zh')

    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page.getByTestId('store-z').innerText()).toContain('Store Z report')
    const english = await bodyText()
    expect(english).toContain('Store Z report · Business day')
    expect(english).toContain('张伟: 2 · ¥35.50')
    expect(english).not.toMatch(UUID)
    expect(english).not.toMatch(/storeDay\./)
    await screenshot(page, 'storeday-whole-store-en')

    // The store Z report prints from this page: only the report, without the toolbar and the policy.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('store-day-print').isVisible()).toBe(false)
    expect(await page.getByTestId('store-policy').isVisible()).toBe(false)
    expect(await page.getByTestId('store-z').isVisible()).toBe(true)
    await screenshot(page, 'storeday-z-print-en')
    await page.emulateMedia({ media: 'screen' })
    await page.getByTestId('language-switch').getByText('中文').click()
  }, 90_000)

  it('the manager sets the limit for unchecked redemptions; with the hub stopped a larger coupon is refused', async () => {
    await page.getByTestId('store-policy').waitFor()
    expect(await page.getByTestId('store-policy-now').innerText()).toContain('尚未设置：不限金额')
    await page.getByTestId('store-policy-upto').click()
    await page.getByTestId('store-policy-amount').fill('6x')
    expect(await page.getByTestId('store-policy-save').isDisabled()).toBe(true)
    await page.getByTestId('store-policy-amount').fill('6')
    await page.getByTestId('store-policy-save').click()
    await expect
      .poll(() => page.getByTestId('store-policy').getAttribute('data-limit'), { timeout: 10_000 })
      .toBe('600')
    expect(await page.getByTestId('store-policy-now').innerText()).toContain('当前：不超过 ¥6.00')
    expect(await page.getByTestId('store-policy-now').innerText()).toContain(`由 ${MANAGER.name} 在`)
    const atHub = await hub.store.policy()
    expect(atHub).toMatchObject({ unverifiedLimitFen: 600, version: 1, setByName: MANAGER.name })
    await page.getByTestId('store-policy').scrollIntoViewIfNeeded()
    await screenshot(page, 'storeday-policy-zh')

    await hub.stop()
    await expect
      .poll(() => page.getByTestId('store-link').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('degraded')
    await openPage(page, 'counter')
    expect((await manualScan(page, code('CASH_NO_THRESHOLD'))).display).toBe('OK')
    await page.keyboard.press('Enter')
    const refusal = page.getByTestId('commit-error')
    await refusal.waitFor({ timeout: 10_000 })
    expect(await refusal.getAttribute('data-code')).toBe('STORE_UNCHECKED_OVER_LIMIT')
    const zh = await refusal.innerText()
    expect(zh).toContain('未核销')
    expect(zh).toContain('¥10.00')
    expect(zh).toContain('¥6.00')
    expect(zh).not.toMatch(/[A-Za-z]{3,}/)
    await screenshot(page, 'storeday-over-limit-refused-zh')

    // The big band turns to "cannot redeem": Enter does nothing more.
    expect(await page.getByTestId('decision').getAttribute('data-display')).toBe('DENY')
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => refusal.innerText()).toContain('NOT REDEEMED')
    expect(await refusal.innerText()).toContain('above the store limit of ¥6.00')
    await screenshot(page, 'storeday-over-limit-refused-en')
    await page.getByTestId('language-switch').getByText('中文').click()

    // Nothing was redeemed: the till's recent list does not have it.
    const recent = await manager.value<Array<{ code: string }>>('redeem.recent', { limit: 20 })
    expect(recent.map((r) => r.code)).not.toContain(code('CASH_NO_THRESHOLD'))
    expect(recent.map((r) => r.code)).toContain(code('GIFT'))
  }, 90_000)
})
