/**
 * A fresh data directory, as a new counter arrives: the first manager is created, the set-up wizard names
 * the store and the till in training mode, and the counter then works — the header shows the new names
 * and a training coupon decides. Screenshots land in test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { launchBrowser, screenshot } from './support/browser'
import { firstRun, manualScan, openPage, signIn } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

let host: HostProcess
let browser: Browser
let page: Page

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.setDefaultTimeout(10_000)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('a new station, from nothing to a working counter in training mode', () => {
  it('creates the first manager, names the store in the wizard, and redeems at the counter', async () => {
    await page.goto(host.url)
    await firstRun(page, '王店长', '2468')
    // Nothing forces set-up (training works at once), but the manager is pointed to it.
    await page.getByTestId('setup-reminder-open').click()
    await page.getByTestId('setup-page').waitFor()
    await page.getByTestId('setup-store-name').fill('人民路店')
    await page.getByTestId('setup-station-name').fill('二号收银台')
    await screenshot(page, 'setup-training-store')
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-kind-training').click()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-save').click()
    await page.getByTestId('setup-saved').waitFor()

    // The header learns the new names on the next load of the page, as after a restart of the till;
    // a new page is a new session in main, so the manager signs in again.
    await page.reload()
    await signIn(page, '王店长', '2468')
    const where = page.getByTestId('header-where')
    await expect.poll(() => where.innerText()).toContain('人民路店 · 二号收银台')
    expect(await page.getByTestId('app-mode').getAttribute('data-mode')).toBe('training')
    // A page that just opened asks for the sync state instead of showing 'unknown' until the next event.
    await expect
      .poll(() => page.getByTestId('sync-status').getAttribute('data-connectivity'))
      .not.toBe('unknown')

    await openPage(page, 'counter')
    expect(await page.getByTestId('setup-reminder').count()).toBe(0)
    const code = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'CASH_NO_THRESHOLD')!.code
    const decision = await manualScan(page, code)
    expect(decision.display).toBe('OK')
    await screenshot(page, 'setup-training-counter')
  })
})
