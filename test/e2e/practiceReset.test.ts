/**
 * "Reset practice" in Chromium against the built host and its training sandbox, in Chinese and then in
 * English: practice codes are redeemed (online, and offline in the network-down drill), a manager resets the
 * practice after reading what it does, and the same codes — the drill included — redeem again. The training
 * sheet's outside-hours window is the one the counter gives as its reason. Screenshots in test-artifacts/.
 */
import { DOUBLE_READ_WINDOW_MS } from '../../src/shared/rules/doubleRead'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { trainingSeed, type TrainingScenario } from '../../src/main/upstream/sandbox'
import { en } from '../../src/shared/i18n/en'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { launchBrowser, screenshot } from './support/browser'
import {
  firstRun,
  openPage,
  readDecision,
  reasonTexts,
  scanFromSheet,
  toReady,
  waitForDisplay
} from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const MANAGER = { name: '王店长', pin: '2468' }
const scenarios = new Map<string, TrainingScenario>(trainingSeed(Date.now()).scenarios.map((s) => [s.key, s]))
const scenario = (key: string): TrainingScenario => {
  const found = scenarios.get(key)
  if (!found) throw new Error(`no training scenario ${key}`)
  return found
}
const CASH = scenario('CASH_NO_THRESHOLD')
const DRILL = scenario('NETWORK_DOWN')

let host: HostProcess
let browser: Browser
let page: Page

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.goto(host.url)
  await page.getByTestId('firstrun-name').waitFor()
  await firstRun(page, MANAGER.name, MANAGER.pin)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

/** Back to the counter (F1): the sheet's "Scan" is followed on the counter's decision band. */
async function toCounter(): Promise<void> {
  await page.keyboard.press('F1')
  await page.getByTestId('decision').waitFor()
}

/** Redeems the ¥10 coupon online: it must be OK (not DUPLICATE) and WeChat must confirm it. */
async function redeemCash(): Promise<void> {
  await toCounter()
  const shown = await scanFromSheet(page, CASH.code)
  expect(shown.display).toBe('OK')
  await page.keyboard.press('Enter')
  await waitForDisplay(page, 'REDEEMED')
  await expect.poll(() => page.getByTestId('sync-outcome').getAttribute('data-sync')).toBe('confirmed')
  await toReady(page)
}

/** The network-down drill: the scan cuts the sandbox off, the cashier picks the card, it is kept to sync. */
async function runDrill(shot: string): Promise<void> {
  await toCounter()
  const first = await scanFromSheet(page, DRILL.code)
  expect(first.display).toBe('CHOOSE')
  expect(first.reasons).toContain('OFFLINE')
  await page.locator(`[data-testid="card-choice"][data-card-id="${DRILL.cardId ?? ''}"]`).click()
  const shown = await waitForDisplay(page, 'OK')
  expect(shown.reasons).toContain('OFFLINE')
  await page.keyboard.press('Enter')
  await waitForDisplay(page, 'REDEEMED')
  expect(await page.getByTestId('sync-outcome').getAttribute('data-sync')).toBe('queued')
  await screenshot(page, shot)
  await toReady(page)
}

async function resetPractice(lang: 'zh' | 'en'): Promise<void> {
  const words = (lang === 'zh' ? zhCN : en).training.reset
  await openPage(page, 'training')
  await page.getByTestId('practice-reset').click()
  const what = page.getByTestId('practice-reset-what')
  await what.waitFor()
  // The confirmation says what happens, in the screen's language.
  expect(await what.locator('li').allTextContents()).toEqual([
    words.whatCodes,
    words.whatLedger,
    words.whatHours,
    words.whatKept
  ])
  await screenshot(page, `training-reset-confirm-${lang}`)
  await page.getByTestId('practice-reset-confirm').click()
  const done = page.getByTestId('practice-reset-done')
  await done.waitFor()
  expect(await done.textContent()).toContain(words.done.slice(0, 6))
  await screenshot(page, `training-reset-done-${lang}`)
}

describe('reset practice', () => {
  it('in Chinese: practice codes are used, a manager resets the practice, and they redeem again', async () => {
    await openPage(page, 'training')
    await expect.poll(() => page.getByTestId('scenario').count()).toBe(scenarios.size)
    await screenshot(page, 'training-sheet-zh')

    await redeemCash()
    await toCounter()
    // The same code from the same sheet within 2 s is a scanner's double read, which the counter ignores
    // (rule 10, DOUBLE_READ_WINDOW_MS): the customer showing it again comes later than that.
    await page.waitForTimeout(DOUBLE_READ_WINDOW_MS + 200)
    expect((await scanFromSheet(page, CASH.code)).display).toBe('DUPLICATE')
    await toReady(page)
    await runDrill('training-drill-first-zh')

    await resetPractice('zh')
    await redeemCash()
    await runDrill('training-drill-after-reset-zh')
  }, 120_000)

  it('in English too, and the sheet names the hours the counter enforces', async () => {
    await page.getByTestId('language-switch').getByText('English').click()
    await resetPractice('en')
    await redeemCash()

    // Before the drill (which cuts the sandbox off for 20 s): the window on the sheet is the counter's reason.
    await openPage(page, 'training')
    const row = page.locator(`[data-testid="scenario"][data-key="OUTSIDE_HOURS"]`)
    const window = /(\d\d:\d\d–\d\d:\d\d)/.exec((await row.textContent()) ?? '')?.[1]
    expect(window).toBeDefined()
    await screenshot(page, 'training-sheet-en')
    await toCounter()
    const denied = await scanFromSheet(page, scenario('OUTSIDE_HOURS').code)
    expect(denied.display).toBe('DENY')
    expect(denied.reasons).toContain('OUTSIDE_HOURS')
    expect((await reasonTexts(page)).join(' ')).toContain(window)
    await screenshot(page, 'training-outside-hours-en')
    await toReady(page)
    expect((await readDecision(page)).display).toBe('READY')

    await runDrill('training-drill-after-reset-en')
  }, 120_000)
})
