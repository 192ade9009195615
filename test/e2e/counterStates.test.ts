/**
 * Issue 15 items 5, 6, 12 and the set-up part of 3, in Chromium against the built host, in zh-CN and English:
 * - a bill above the largest bill is refused in the field with the figure, asks for no PIN, and a keyboard-only
 *   manager approval then redeems at once (no PIN loop);
 * - a refusal says only why (a duplicate of a min-spend coupon does not ask for the bill, no "show at
 *   checkout"), and REDEEMED differs from OK in fill, frame and icon, not only in shade;
 * - set-up checks each step's fields on that step in plain words, the header follows a saved store name at
 *   once, and going live after a failed connection test needs an explicit "go live anyway".
 * - the live high-value threshold is the manager's to set (item 11): kept, and the audit log names it.
 * Screenshots land in test-artifacts/states/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TRAINING_APP_ID, trainingSeed, type SandboxServer } from '../../src/main/upstream/sandbox'
import { screenshot } from './support/browser'
import { manualScan, openPage, scanFromSheet, toReady, waitForDisplay } from './support/counterDriver'
import { openSandboxedStation, type SandboxedStation } from './support/sandboxedStation'

let sandbox: SandboxServer
let page: Page
const codes = new Map(trainingSeed(Date.now()).scenarios.map((s) => [s.key, s.code]))
const code = (key: string) => codes.get(key) ?? ''

let station: SandboxedStation

beforeAll(async () => {
  station = await openSandboxedStation({ width: 1024, height: 768 })
  ;({ sandbox, page } = station)
}, 60_000)

afterAll(async () => {
  await station?.close()
})

const bandLook = () =>
  page.getByTestId('decision').evaluate((el) => {
    const win = globalThis as unknown as {
      getComputedStyle(e: unknown): { backgroundColor: string; borderTopStyle: string }
    }
    const s = win.getComputedStyle(el)
    return {
      background: s.backgroundColor,
      borderStyle: s.borderTopStyle,
      icon: el.querySelector('.state-icon .anticon')?.className ?? ''
    }
  })

describe('bill amount (item 6)', () => {
  it('99999999 is refused in the field with the largest bill, and Enter asks for no PIN', async () => {
    await scanFromSheet(page, code('HIGH_VALUE'))
    await waitForDisplay(page, 'WARN_PIN')
    await page.getByTestId('bill-input').fill('99999999')
    const help = page.locator('#bill-help')
    await expect.poll(() => help.innerText()).toContain('¥1000000.00')
    expect(await help.innerText()).toContain('金额太大')
    await page.getByTestId('bill-input').press('Enter')
    // Nothing is sent, no manager is asked: the field says what is wrong.
    expect(await page.getByTestId('approval-pin-input').count()).toBe(0)
    expect(await page.getByTestId('commit-error').count()).toBe(0)
    await screenshot(page, 'states/bill-too-large-zh')
  })

  it('a correct bill, then a keyboard-only manager PIN, redeems at once (no PIN loop)', async () => {
    await page.getByTestId('bill-input').fill('250')
    await expect.poll(() => page.locator('#bill-help').innerText()).not.toContain('金额太大')
    await waitForDisplay(page, 'WARN_PIN')
    await page.getByTestId('bill-input').press('Enter')
    await page.getByTestId('approval-pin-input').waitFor()
    // On a busy till the dialog's focus lands late: a manager who types at once must lose no digit. Take the
    // focus away from the field to stand for that moment; the dialog still takes every key.
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { activeElement: { blur(): void } | null } }
      ).document.activeElement?.blur()
    )
    await page.keyboard.type('2468')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    expect(await page.getByTestId('approval-pin-input').count()).toBe(0)
  })
})

describe('states that cannot be mistaken (item 5)', () => {
  it('REDEEMED is a framed white band with a square stamp; OK a solid green band with a round tick', async () => {
    const redeemed = await bandLook()
    await screenshot(page, 'states/redeemed-zh')
    await toReady(page)
    await scanFromSheet(page, code('CASH_NO_THRESHOLD'))
    await waitForDisplay(page, 'OK')
    const ok = await bandLook()
    await screenshot(page, 'states/ok-zh')
    expect(redeemed.background).toBe('rgb(255, 255, 255)')
    expect(redeemed.borderStyle).toBe('double')
    expect(redeemed.icon).toContain('check-square')
    expect(ok.background).not.toBe('rgb(255, 255, 255)')
    expect(ok.borderStyle).not.toBe('double')
    expect(ok.icon).toContain('check-circle')
    await toReady(page)
  })

  it('a duplicate of a min-spend coupon says only that it was used: no bill, no "show at checkout"', async () => {
    await scanFromSheet(page, code('CASH_MIN_SPEND'))
    await page.getByTestId('bill-input').fill('120')
    await waitForDisplay(page, 'OK')
    await page.getByTestId('bill-input').press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    await toReady(page)
    const again = await manualScan(page, code('CASH_MIN_SPEND'))
    expect(again.display).toBe('DUPLICATE')
    expect(again.reasons).not.toContain('NEEDS_BILL_AMOUNT')
    expect(again.reasons).not.toContain('OFFLINE')
    expect(again.reasons.length).toBeGreaterThan(0)
    expect(await page.getByTestId('bill-input').count()).toBe(0)
    expect(await page.getByTestId('coupon-notice').count()).toBe(0)
    expect(await page.getByTestId('decision').innerText()).not.toContain('请输入本单消费金额')
    await screenshot(page, 'states/duplicate-min-spend-zh')
    await toReady(page)
  })

  it('the same in English', async () => {
    await page.getByTestId('language-switch').getByText('English').click()
    try {
      // The same code within 2 s is a double read and changes nothing: wait the window out.
      await page.waitForTimeout(2_100)
      const again = await scanFromSheet(page, code('CASH_MIN_SPEND'))
      expect(again.display).toBe('DUPLICATE')
      expect(await page.getByTestId('decision').innerText()).not.toContain('Enter the bill amount')
      await screenshot(page, 'states/duplicate-min-spend-en')
      await toReady(page)
      await scanFromSheet(page, code('CASH_NO_THRESHOLD'))
      await waitForDisplay(page, 'OK')
      await screenshot(page, 'states/ok-en')
      await toReady(page)
    } finally {
      await page.getByTestId('language-switch').getByText('中文').click()
    }
  })
})

describe('set-up (items 3 and 12)', () => {
  it('a bad time zone is named on step 1, in plain words, and stops "next" there', async () => {
    await openPage(page, 'settings')
    await page.getByTestId('setup-page').waitFor()
    await page.getByTestId('setup-time-zone').fill('Mars/Olympus')
    const problem = page.getByTestId('field-error')
    await problem.waitFor()
    expect(await problem.innerText()).toContain('不是可识别的时区名称')
    expect(await problem.innerText()).not.toContain('timeZone')
    expect(await page.getByTestId('setup-next').isDisabled()).toBe(true)
    await screenshot(page, 'states/setup-bad-zone-zh')
    await page.getByTestId('setup-time-zone').fill('Asia/Shanghai')
    await expect.poll(() => page.getByTestId('field-error').count()).toBe(0)
    expect(await page.getByTestId('setup-next').isDisabled()).toBe(false)
  })

  it('a saved store name shows in the header at once', async () => {
    await page.getByTestId('setup-store-name').fill('南京西路店')
    await page.getByTestId('setup-station-name').fill('二号台')
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-save').click()
    await page.getByTestId('setup-saved').waitFor()
    await expect.poll(() => page.getByTestId('header-where').innerText()).toContain('南京西路店 · 二号台')
  })

  it('the manager sets the live high-value threshold (item 11): kept, and the audit log names it', async () => {
    await page.getByTestId('setup-back').click()
    await page.getByTestId('setup-high-value').waitFor()
    expect(await page.getByTestId('setup-high-value').inputValue()).toBe('200.00')
    await page.getByTestId('setup-high-value').fill('10')
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-save').click()
    await page.getByTestId('setup-saved').waitFor()
    await screenshot(page, 'states/setup-saved-rules-zh')

    // Kept: the page shows the saved threshold again.
    await openPage(page, 'counter')
    await openPage(page, 'settings')
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-next').click()
    expect(await page.getByTestId('setup-high-value').inputValue()).toBe('10.00')
    // These are the live rules: the training counter keeps its practice rules (a ¥10 coupon stays OK).
    await openPage(page, 'counter')
    expect((await scanFromSheet(page, code('CASH_NO_THRESHOLD'))).display).toBe('OK')
    await toReady(page)

    await openPage(page, 'day')
    await page.getByTestId('tab-audit').click()
    const row = page.locator('[data-testid="audit-row"][data-action="settings.approval_rules_changed"]')
    await row.first().waitFor()
    expect(await row.first().innerText()).toContain('修改了审批规则')
    await screenshot(page, 'states/audit-rules-zh')
  })

  it('going live after a failed connection test asks for an explicit "go live anyway"', async () => {
    await openPage(page, 'settings')
    await page.getByTestId('setup-page').waitFor()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-kind-wechat').click()
    await page.getByTestId('setup-app-id').fill(TRAINING_APP_ID)
    await page.getByTestId('setup-app-secret').fill('not-the-secret')
    await page.getByTestId('setup-base-url').fill(sandbox.url)
    await page.getByTestId('setup-test').click()
    await page.getByTestId('setup-test-error').waitFor()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-save').click()
    await page.getByTestId('setup-saved').waitFor()
    await page.getByTestId('setup-go-live').click()
    const anyway = page.getByTestId('setup-go-live-anyway')
    await anyway.waitFor()
    expect(await page.locator('.ant-modal-confirm').innerText()).toContain('刚才的连接测试失败了')
    await screenshot(page, 'states/go-live-untested-zh')
    await page.getByRole('button', { name: '返回，先测试连接' }).click()
    await anyway.waitFor({ state: 'detached' })
    // Nothing happened: no restart message, still training.
    expect(await page.getByTestId('setup-restart').count()).toBe(0)
    expect(await page.getByTestId('app-mode').getAttribute('data-mode')).toBe('training')
  })
})
