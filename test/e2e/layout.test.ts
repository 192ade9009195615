/**
 * Issue 15 item 2: the counter and every manager page at the screen sizes tills really have — 1024×768,
 * 1366×768, 1920×1080 and 1024×768 at 125 % zoom (CSS viewport 819×614) — in zh-CN and English. At each
 * size and page: nothing overflows its box or sticks out of its card/column, the header stays on one row,
 * no text is squeezed to a character per line, and the decision band with its main action is inside the
 * viewport without scrolling. Screenshots of every step land in test-artifacts/layout/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract } from './support/contractClient'
import {
  firstRun,
  openPage,
  readDecision,
  scanFromSheet,
  signIn,
  toReady,
  waitForDisplay
} from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'
import { inViewport, layoutProblems, SIZES } from './support/layout'

const MANAGER = { name: '林晓梅店长', pin: '2468' }
let host: HostProcess
let browser: Browser
const codes = new Map(trainingSeed(Date.now()).scenarios.map((s) => [s.key, s.code]))
const code = (key: string) => codes.get(key) ?? ''

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
  const first = await browser.newPage()
  await first.goto(host.url)
  await firstRun(first, MANAGER.name, MANAGER.pin)
  await first.close()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

/** Layout problems and, when given, the main action out of view: one line each, for a readable failure. */
async function check(page: Page, shot: string, mustSee: string[] = []): Promise<string[]> {
  await screenshot(page, `layout/${shot}`)
  const found = (await layoutProblems(page)).map((p) => `${shot}: ${p.kind} ${p.where} (${p.detail})`)
  for (const id of mustSee) {
    const where = await inViewport(page.getByTestId(id).first())
    if (where) found.push(`${shot}: ${id} not fully in view ${where}`)
  }
  return found
}

for (const size of SIZES) {
  for (const lang of ['zh-CN', 'en'] as const) {
    describe(`${size.name} ${lang}`, () => {
      let context: BrowserContext
      let page: Page
      const tag = `${size.name}-${lang}`

      beforeAll(async () => {
        context = await browser.newContext({
          viewport: { width: size.width, height: size.height },
          deviceScaleFactor: size.scale
        })
        page = await context.newPage()
        await page.goto(host.url)
        if (lang === 'en') await page.getByTestId('language-switch').getByText('English').click()
        await page.getByTestId('staff-choice').first().waitFor()
        expect(await check(page, `${tag}-signin`)).toEqual([])
        await signIn(page, MANAGER.name, MANAGER.pin)
        // Each run redeems the same practice codes again.
        const manager = await connectContract(host)
        const staff = await manager.value<Array<{ staffId: string; name: string }>>('staff.list')
        await manager.value('staff.signIn', {
          staffId: staff.find((s) => s.name === MANAGER.name)?.staffId,
          pin: MANAGER.pin
        })
        await manager.value('training.resetPractice', { reason: 'layout test' })
        manager.close()
      })
      afterAll(async () => {
        await context?.close()
      })

      it('counter: ready, needs amount, ok, high value, duplicate, deny, choose, redeemed', async () => {
        const problems: string[] = []
        await waitForDisplay(page, 'READY')
        problems.push(...(await check(page, `${tag}-counter-ready`, ['decision', 'manual-input'])))

        await scanFromSheet(page, code('CASH_MIN_SPEND'))
        await waitForDisplay(page, 'NEEDS_AMOUNT')
        problems.push(
          ...(await check(page, `${tag}-counter-needs-amount`, ['decision', 'bill-input', 'primary-action']))
        )
        await page.getByTestId('bill-input').fill('110')
        await waitForDisplay(page, 'OK')
        problems.push(...(await check(page, `${tag}-counter-ok-bill`, ['decision', 'primary-action'])))
        await toReady(page)

        await scanFromSheet(page, code('DISCOUNT_NEEDS_AMOUNT'))
        await page.getByTestId('bill-input').fill('12345.67')
        await page.getByTestId('decision').waitFor()
        problems.push(...(await check(page, `${tag}-counter-discount`, ['decision', 'primary-action'])))
        await toReady(page)

        for (const [key, shot, main] of [
          ['HIGH_VALUE', 'warn-pin', 'primary-action'],
          ['ALREADY_CONSUMED', 'duplicate', 'cancel'],
          ['EXPIRED', 'deny', 'cancel'],
          ['UNKNOWN_CODE', 'choose', 'cancel'],
          ['CUSTOM_CODE', 'custom', 'cancel']
        ] as const) {
          await scanFromSheet(page, code(key))
          problems.push(...(await check(page, `${tag}-counter-${shot}`, ['decision', main])))
          await toReady(page)
        }

        await scanFromSheet(page, code('CASH_NO_THRESHOLD'))
        await page.keyboard.press('Enter')
        await waitForDisplay(page, 'REDEEMED')
        problems.push(...(await check(page, `${tag}-counter-redeemed`, ['decision', 'cancel'])))
        expect((await readDecision(page)).display).toBe('REDEEMED')
        await toReady(page)
        expect(problems).toEqual([])
      }, 90_000)

      it('training sheet', async () => {
        await openPage(page, 'training')
        expect(await check(page, `${tag}-training`)).toEqual([])
      })

      it('day page, every tab', async () => {
        await openPage(page, 'day')
        const problems: string[] = []
        for (const tab of ['day', 'z', 'audit', 'backups']) {
          await page.getByTestId(`tab-${tab}`).click()
          await page.locator(`[data-testid="page-day"][data-tab="${tab}"]`).waitFor()
          await page.waitForLoadState('networkidle')
          problems.push(...(await check(page, `${tag}-day-${tab}`)))
        }
        expect(problems).toEqual([])
      })

      it('conflicts', async () => {
        await openPage(page, 'conflicts')
        expect(await check(page, `${tag}-conflicts`)).toEqual([])
      })

      it('settings, every step', async () => {
        await openPage(page, 'settings')
        await page.getByTestId('setup-page').waitFor()
        const problems: string[] = []
        const steps = page.locator('[data-testid="setup-page"] .ant-steps-item')
        const count = await steps.count()
        for (let i = 0; i < count; i++) {
          problems.push(...(await check(page, `${tag}-settings-${i + 1}`)))
          if (i < count - 1) await page.getByTestId('setup-next').click()
        }
        expect(problems).toEqual([])
      })

      it('devices, every tab', async () => {
        await openPage(page, 'devices')
        await page.getByTestId('page-devices').waitFor()
        const tabs = page.getByRole('tab')
        const problems: string[] = []
        for (let i = 0; i < (await tabs.count()); i++) {
          await tabs.nth(i).click()
          problems.push(...(await check(page, `${tag}-devices-${i + 1}`)))
        }
        expect(problems).toEqual([])
      })

      it('staff', async () => {
        await openPage(page, 'staff')
        expect(await check(page, `${tag}-staff`)).toEqual([])
      })

      it('lock screen', async () => {
        await page.getByTestId('lock-button').click()
        await page.getByTestId('lock-screen').waitFor()
        expect(await check(page, `${tag}-lock`)).toEqual([])
      })
    })
  }
}
