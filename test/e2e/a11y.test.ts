/**
 * axe-core on the counter in every state a cashier can reach in training, plus the gate screens and the
 * training sheet, set-up's steps and the narrow (1024×768 at 125 %) layout: no 'serious' or 'critical' violation
 * anywhere (colour contrast, names, roles, focus).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { launchBrowser, screenshot } from './support/browser'
import { firstRun, manualScan, scanFromSheet, toReady, waitForDisplay } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

let host: HostProcess
let browser: Browser
let page: Page
const codes = new Map(trainingSeed(Date.now()).scenarios.map((s) => [s.key, s.code]))
const code = (key: string) => codes.get(key) ?? ''

/** Serious and critical violations on the page as it is now, as "rule: target" lines. */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE })
  const found = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe
    const result = await axe.run({ resultTypes: ['violations'] })
    return result.violations
  })
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`))
}

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
  // axe is injected as a script tag; the station's CSP (tested in shell.test.ts) would refuse it.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } })
  page = await context.newPage()
  await page.goto(host.url)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('accessibility (axe-core)', () => {
  it('first-run screen', async () => {
    await page.getByTestId('firstrun-name').waitFor()
    expect(await violations()).toEqual([])
  })

  it('counter, ready', async () => {
    await firstRun(page, 'Manager', '2468')
    await waitForDisplay(page, 'READY')
    expect(await violations()).toEqual([])
  })

  const states: [string, string, string][] = [
    ['OK', 'CASH_NO_THRESHOLD', 'OK'],
    ['NEEDS_AMOUNT', 'CASH_MIN_SPEND', 'NEEDS_AMOUNT'],
    ['WARN_PIN', 'HIGH_VALUE', 'WARN_PIN'],
    ['DENY', 'EXPIRED', 'DENY'],
    ['DUPLICATE', 'ALREADY_CONSUMED', 'DUPLICATE'],
    ['CHOOSE (unknown code)', 'UNKNOWN_CODE', '']
  ]
  for (const [name, key, display] of states) {
    it(`counter, ${name}`, async () => {
      const shown = await scanFromSheet(page, code(key))
      if (display) expect(shown.display).toBe(display)
      expect(await violations()).toEqual([])
      await toReady(page)
    })
  }

  it('counter, WARN needing a manager (offers stacked) and WARN to confirm (over half the bill)', async () => {
    await scanFromSheet(page, code('NO_STACKING'))
    await page.getByTestId('other-discount').click()
    await waitForDisplay(page, 'WARN_PIN')
    expect(await violations()).toEqual([])
    await page.getByTestId('other-discount').click()
    await page.getByTestId('bill-input').fill('8')
    await waitForDisplay(page, 'WARN')
    await page.getByTestId('bill-input').press('Enter')
    await page.getByTestId('confirm-box').waitFor()
    expect(await violations()).toEqual([])
    await toReady(page)
  })

  it('counter, a scan that is not a code (REJECTED)', async () => {
    expect((await manualScan(page, '@@@@@@')).display).toBe('REJECTED')
    expect(await violations()).toEqual([])
    await toReady(page)
  })

  it('manager PIN dialog', async () => {
    await scanFromSheet(page, code('HIGH_VALUE'))
    await page.keyboard.press('Enter')
    await page.getByTestId('approval-pin-input').waitFor()
    expect(await violations()).toEqual([])
    await page.getByTestId('approval-pin-input').fill('2468')
    await page.getByTestId('approval-pin-input').press('Enter')
    await waitForDisplay(page, 'REDEEMED')
  })

  it('counter, redeemed, with the recent list filled', async () => {
    expect(await violations()).toEqual([])
    await screenshot(page, 'a11y-redeemed')
  })

  it('counter, DUPLICATE of a local redemption, in English', async () => {
    await page.getByTestId('language-switch').getByText('English').click()
    expect((await manualScan(page, code('HIGH_VALUE'))).display).toBe('DUPLICATE')
    expect(await violations()).toEqual([])
    await toReady(page)
  })

  it('training sheet', async () => {
    await page.keyboard.press('F2')
    await page.getByTestId('scenario').first().waitFor()
    expect(await violations()).toEqual([])
    await page.keyboard.press('F1')
  })

  it('devices page, every tab', async () => {
    await page.getByTestId('nav-devices').click()
    await page.getByTestId('page-devices').waitFor()
    const tabs = page.getByRole('tab')
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click()
      expect(await violations(), (await tabs.nth(i).textContent()) ?? `tab ${i}`).toEqual([])
    }
    await page.getByTestId('serial-section').waitFor({ state: 'attached' })
    await tabs.nth(2).click()
    await page.getByTestId('serial-add-manual').click()
    await page.getByTestId('serial-config').waitFor()
    expect(await violations(), 'a serial scanner being added').toEqual([])
    await page.keyboard.press('F1')
  })

  it('settings, every step (with a field problem shown)', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('setup-page').waitFor()
    await page.getByTestId('setup-time-zone').fill('Mars/Olympus')
    await page.getByTestId('field-error').waitFor()
    expect(await violations(), 'step 1 with a problem').toEqual([])
    await page.getByTestId('setup-time-zone').fill('Asia/Shanghai')
    for (const step of [2, 3, 4]) {
      await page.getByTestId('setup-next').click()
      expect(await violations(), `step ${step}`).toEqual([])
    }
    await page.keyboard.press('F1')
  })

  it('a 1024×768 till at 125 % zoom: icon-only page list, one-row header, counter', async () => {
    await page.setViewportSize({ width: 819, height: 614 })
    await scanFromSheet(page, code('CASH_MIN_SPEND'))
    expect(await violations()).toEqual([])
    await toReady(page)
    await page.getByTestId('nav-day').click()
    await page.getByTestId('page-day').waitFor()
    expect(await violations(), 'day page').toEqual([])
    await page.keyboard.press('F1')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('lock screen', async () => {
    await page.getByTestId('lock-button').click()
    await page.getByTestId('lock-screen').waitFor()
    expect(await violations()).toEqual([])
  })
})
