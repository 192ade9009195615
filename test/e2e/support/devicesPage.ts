/**
 * Gets a page to the devices page, where the scan test panel lives: creates the first manager on a fresh
 * station, or signs in as that manager, then opens the page from the navigation.
 */
import type { Page } from 'playwright-core'

export const TEST_MANAGER = { name: '测试店长', pin: '2468' }

export async function openDevicesPage(page: Page, url: string): Promise<void> {
  await page.goto(url)
  const firstRun = page.getByTestId('firstrun-name')
  const staff = page.getByTestId('staff-choice').filter({ hasText: TEST_MANAGER.name })
  const nav = page.getByTestId('nav-devices')
  await firstRun.or(staff).or(nav).first().waitFor({ timeout: 20_000 })
  if (await firstRun.isVisible()) {
    await firstRun.fill(TEST_MANAGER.name)
    await page.getByTestId('firstrun-pin').fill(TEST_MANAGER.pin)
    await page.getByTestId('firstrun-pin-again').fill(TEST_MANAGER.pin)
    await page.getByTestId('firstrun-submit').click()
  } else if (await staff.isVisible()) {
    await staff.click()
    await page.getByTestId('signin-pin-input').fill(TEST_MANAGER.pin)
    await page.getByTestId('signin-pin-submit').click()
  }
  await nav.click()
  await page.getByTestId('scan-test-panel').waitFor()
}

/** Takes focus away from any field (focus goes back to the document body). */
export async function blurAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } })
      .document
    doc.activeElement?.blur?.()
  })
}
