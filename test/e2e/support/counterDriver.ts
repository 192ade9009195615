/**
 * A cashier's hands for the counter tests: sign in, open pages, scan (training sheet, manual field,
 * wedge burst), read the decision band. Everything waits on the page's own state (data attributes), never
 * on time.
 */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { typeLikeDevice } from './keyboard'

export interface ShownDecision {
  display: string
  outcome: string
  reasons: string[]
  lookupId: string
}

export async function readDecision(page: Page): Promise<ShownDecision> {
  const band = page.getByTestId('decision')
  const [display, outcome, reasons, lookupId] = await Promise.all([
    band.getAttribute('data-display'),
    band.getAttribute('data-outcome'),
    band.getAttribute('data-reasons'),
    band.getAttribute('data-lookup-id')
  ])
  return {
    display: display ?? '',
    outcome: outcome ?? '',
    reasons: (reasons ?? '').split(' ').filter(Boolean),
    lookupId: lookupId ?? ''
  }
}

/** Waits until the band shows a decision other than the one given (a new look-up, or a change of state). */
export async function nextDecision(page: Page, before: ShownDecision): Promise<ShownDecision> {
  await expect
    .poll(async () => {
      const now = await readDecision(page)
      return now.lookupId !== before.lookupId && now.display !== 'READY'
    })
    .toBe(true)
  return readDecision(page)
}

export async function waitForDisplay(page: Page, display: string): Promise<ShownDecision> {
  await expect.poll(async () => (await readDecision(page)).display).toBe(display)
  return readDecision(page)
}

export async function firstRun(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId('firstrun-name').fill(name)
  await page.getByTestId('firstrun-pin').fill(pin)
  await page.getByTestId('firstrun-pin-again').fill(pin)
  await page.getByTestId('firstrun-submit').click()
  await page.getByTestId('counter').waitFor()
}

export async function chooseStaff(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="staff-choice"][data-staff-name="${name}"]`).click()
}

export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await chooseStaff(page, name)
  await page.getByTestId('signin-pin-input').fill(pin)
  await page.getByTestId('signin-pin-input').press('Enter')
  await page.getByTestId('counter').waitFor()
}

export async function openPage(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click()
  await expect.poll(() => page.locator('main.main-content').getAttribute('data-page')).toBe(key)
}

/** Back to a ready counter (Esc), so the next scan starts clean. */
export async function toReady(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await waitForDisplay(page, 'READY')
}

/** "Scan" a code with the training sheet's button: the sheet sends it to the counter as a manual scan. */
export async function scanFromSheet(page: Page, code: string): Promise<ShownDecision> {
  const before = await readDecision(page)
  await page.keyboard.press('F2')
  await page.locator(`[data-testid="scenario"][data-code="${code}"] [data-testid="scenario-scan"]`).click()
  return nextDecision(page, before)
}

export async function manualScan(page: Page, code: string): Promise<ShownDecision> {
  const before = await readDecision(page)
  await page.getByTestId('manual-input').fill(code)
  await page.getByTestId('manual-input').press('Enter')
  return nextDecision(page, before)
}

/** A keyboard-wedge scanner: a fast burst ending in Enter, with nothing focused in particular. */
export async function wedgeScan(page: Page, code: string): Promise<ShownDecision> {
  const before = await readDecision(page)
  await typeLikeDevice(page, code, { delay: 2 })
  return nextDecision(page, before)
}

export async function reasonTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid="reasons"] li').allTextContents()
}

export const focusedTestId = (page: Page) =>
  page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { activeElement: { getAttribute(n: string): string | null } | null }
      }
    ).document
    return doc.activeElement?.getAttribute('data-testid') ?? null
  })
