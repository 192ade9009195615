/**
 * Closing the day early, in Chromium against the built host, in Chinese and in English. A cashier (a second
 * screen, over the contract) rings up three coupons, one of them approved by the manager; the manager opens a
 * recent redemption's details at the counter, closes the day before its cut-off (the dialog says what happens
 * to later redemptions), sees the Z report without an empty open-items box and without a ¥0.00 bill for
 * coupons that had none; a redemption after the close shows as "after close" in the day view (Z report No. 1
 * unchanged beside it) and is carried to the next Z report; a day-view row opens the redemption's story with
 * its approver; "Save as PDF" in the browser says the print dialog saves it. Screenshots land in
 * test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../src/shared/i18n/en'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import type { DayReport, ZReportView } from '../../src/shared/reports'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract, type ContractClient } from './support/contractClient'
import { firstRun, openPage } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const MANAGER = { name: '王店长', pin: '2468' }
const CASHIER = { name: '李收银', pin: '1357' }
const CASH = '001234500010' // ¥10 cash coupon, no bill
const DISCOUNT = { code: '320000000202', billFen: 10_000 } // 30% off a ¥100 bill
const HIGH = '510000001717' // ¥200 coupon: needs the manager's PIN
const LATE = '330000000303' // gift, redeemed after the close

describe.each([
  { lang: 'zh-CN', words: zhCN, tag: 'zh' },
  { lang: 'en', words: en, tag: 'en' }
])('closing the day early ($lang)', ({ lang, words, tag }) => {
  let host: HostProcess
  let browser: Browser
  let page: Page
  let manager: ContractClient
  let cashier: ContractClient
  let managerId = ''
  let today = ''
  let yesterday = ''
  const shot = (name: string) => screenshot(page, `dayclose-${name}-${tag}`)

  async function redeem(code: string, extra: { billFen?: number; approve?: boolean } = {}): Promise<string> {
    const lookup = await cashier.value<{ lookupId: string }>('redeem.lookup', {
      source: 'manual',
      device: 'e2e',
      raw: code
    })
    const grant = extra.approve
      ? await cashier.value<{ token: string }>('staff.approve', {
          staffId: managerId,
          pin: MANAGER.pin,
          purpose: 'redeem',
          subject: lookup.lookupId
        })
      : null
    const done = await cashier.value<{ redemption: { id: string } }>('redeem.commit', {
      lookupId: lookup.lookupId,
      confirmWarnings: true,
      ...(extra.billFen === undefined ? {} : { billFen: extra.billFen }),
      ...(grant ? { approvalToken: grant.token } : {})
    })
    return done.redemption.id
  }

  const day = (from: string, filter?: object) =>
    manager.value<DayReport>('reports.day', { from, to: from, ...(filter ? { filter } : {}) })

  beforeAll(async () => {
    host = await startHostProcess()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
    await page.goto(host.url)
    await firstRun(page, MANAGER.name, MANAGER.pin)
    if (lang === 'en') await page.getByTestId('language-switch').getByText('English').click()

    manager = await connectContract(host)
    const staff = await manager.value<Array<{ staffId: string; name: string }>>('staff.list')
    managerId = staff.find((s) => s.name === MANAGER.name)?.staffId ?? ''
    await manager.value('staff.signIn', { staffId: managerId, pin: MANAGER.pin })
    const created = await manager.value<{ staffId: string }>('staff.create', {
      name: CASHIER.name,
      role: 'cashier',
      pin: CASHIER.pin
    })
    cashier = await connectContract(host)
    await cashier.value('staff.signIn', { staffId: created.staffId, pin: CASHIER.pin })
    today = (await manager.value<{ businessDay: string }>('reports.today')).businessDay
    yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  }, 60_000)

  afterAll(async () => {
    cashier?.close()
    manager?.close()
    await browser?.close()
    await host?.stop()
  })

  it('a recent redemption at the counter opens its details', async () => {
    await redeem(CASH)
    await redeem(DISCOUNT.code, { billFen: DISCOUNT.billFen })
    await redeem(HIGH, { approve: true })
    // Everything synced with the sandbox, so the Z report has no open items.
    await expect
      .poll(async () => (await day(today)).byStatus.find((s) => s.status === 'synced')?.count, {
        timeout: 30_000
      })
      .toBe(3)
    await openPage(page, 'day')
    await openPage(page, 'counter')
    const row = page.locator(`[data-testid="recent-item"][data-code="${HIGH}"] [data-testid="recent-open"]`)
    await row.click()
    const details = page.getByTestId('recent-details')
    await expect.poll(() => details.getAttribute('data-code')).toBe(HIGH)
    expect(await details.textContent()).toContain(MANAGER.name)
    expect(await details.textContent()).toContain(words.reports.drill.approver)
    await shot('recent-details')
    await page.getByTestId('recent-details-close').click()
    await details.waitFor({ state: 'hidden' })
  }, 90_000)

  it('closing before the cut-off asks first and says what happens to later redemptions', async () => {
    await openPage(page, 'day')
    await expect.poll(() => page.getByTestId('day-totals').getAttribute('data-count')).toBe('3')
    await page.getByTestId('close-day').click()
    const warning = page.getByTestId('close-early-warning')
    await warning.waitFor()
    const said = (await warning.textContent()) ?? ''
    expect(said).toContain(words.reports.close.earlyTitle)
    // It names what later redemptions become: "after close" (日结后), and that they go on the next Z report.
    expect(said.toLowerCase()).toContain(words.reports.day.afterCloseTitle.toLowerCase())
    expect(await page.getByTestId('close-day-confirm').textContent()).toContain(
      words.reports.close.earlyConfirm
    )
    await shot('early-close-confirm')
    await page.getByTestId('close-day-confirm').click()
    await expect.poll(() => page.getByTestId('z-report').getAttribute('data-number')).toBe('1')
    // No unfinished redemptions: no box. The ¥10 coupon and the gift had no bill: a dash, never ¥0.00.
    expect(await page.getByTestId('z-open-items').count()).toBe(0)
    await page.getByTestId('z-closed-early').waitFor()
    const bills = await page.getByTestId('z-bill').allTextContents()
    expect(bills).toContain('—')
    expect(bills).not.toContain('¥0.00')
    await shot('z-report-1')
  })

  it('a redemption after the close is "after close" in the day view; Z report No. 1 stays as it was', async () => {
    const z1 = await manager.value<ZReportView>('reports.zReport', { number: 1 })
    await redeem(LATE)
    await page.getByTestId('tab-day').click()
    await page.getByTestId('day-refresh').click()
    const after = page.getByTestId('day-after-close')
    await expect.poll(() => after.getAttribute('data-count')).toBe('1')
    // The figures are Z report No. 1's, to the fen; the late one is apart.
    expect(await page.getByTestId('day-totals').getAttribute('data-count')).toBe(String(z1.body.totals.count))
    expect(await page.getByTestId('day-totals').getAttribute('data-discount')).toBe(
      String(z1.body.totals.discountFen)
    )
    expect(await page.getByTestId('day-closed').getAttribute('data-closed')).toBe('true')
    const closedTag = (await page.getByTestId('day-closed').textContent()) ?? ''
    expect(closedTag).toContain(String(z1.body.totals.count))
    await page.getByTestId('day-until-close').waitFor()
    await page.getByTestId('day-after-close-show').click()
    await expect.poll(() => page.getByTestId('drill-total').getAttribute('data-total')).toBe('1')
    expect(await page.getByTestId('drill-row').getAttribute('data-after-close')).toBe('true')
    expect(await page.getByTestId('drill-after-close').textContent()).toBe(words.reports.drill.afterClose)
    await shot('day-after-close')
    const again = await manager.value<ZReportView>('reports.zReport', { number: 1 })
    expect(again.body.totals).toEqual(z1.body.totals)
    const until = await day(today, { phase: 'until_close' })
    expect(until.totals).toEqual(z1.body.totals)
    expect(until.afterClose.count).toBe(1)
  })

  it("a day-view row opens the redemption's story, with its approver in the table and the story", async () => {
    await page.getByTestId('drill-clear').click()
    await expect.poll(() => page.getByTestId('drill-total').getAttribute('data-total')).toBe('4')
    const header = await page.getByTestId('drill').locator('th').allTextContents()
    expect(header).toContain(words.reports.drill.approver)
    const high = page.locator('[data-testid="drill-row"]', { hasText: HIGH })
    expect(await high.getByTestId('drill-approver').textContent()).toBe(MANAGER.name)
    await high.click()
    const story = page.getByTestId('conflict-story')
    await story.waitFor()
    expect(await story.textContent()).toContain(MANAGER.name)
    expect(await page.getByTestId('attempt').count()).toBeGreaterThan(0)
    await shot('day-row-story')
    await page.keyboard.press('Escape')
    await story.waitFor({ state: 'hidden' })
  })

  it('the redemption after the close is carried to the next Z report', async () => {
    // The next report this station can make: the day before, which is over (no early warning).
    await page.getByLabel(words.reports.day.previous).click()
    await expect.poll(() => page.getByTestId('day-page').getAttribute('data-from')).toBe(yesterday)
    await page.getByTestId('close-day').click()
    await page.getByTestId('close-day-confirm').waitFor()
    expect(await page.getByTestId('close-early-warning').count()).toBe(0)
    await page.getByTestId('close-day-confirm').click()
    await expect.poll(() => page.getByTestId('z-report').getAttribute('data-number')).toBe('2')
    const carried = page.getByTestId('z-after-close')
    expect(await carried.textContent()).toContain(LATE)
    expect(await carried.textContent()).toContain(words.reports.z.event.redeemed)
    await shot('z-report-2-carried')
  })

  it('"Save as PDF" in the browser says that the print dialog saves the PDF', async () => {
    await page.getByTestId('z-pdf').click()
    const said = page.getByTestId('z-pdf-in-browser')
    await said.waitFor()
    expect(await said.textContent()).toBe(words.reports.z.pdfInBrowser)
    await shot('z-pdf-browser')
  })
})
