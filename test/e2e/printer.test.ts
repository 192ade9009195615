/**
 * The receipt printer in Chromium against the built host, in Chinese at 1024×768: a network printer (a TCP
 * server on loopback that answers DLE EOT) is added on the devices page and prints its test page; a
 * redemption at the counter prints its slip by itself, and what the printer received decodes to the slip's
 * GB18030 text and the redemption id's QR; with the paper out the counter says so in words, the redemption
 * still goes through, and its slip is printed from the recent list once paper is back (a second paper says
 * 重印), and again from a day-view row; the Z report prints from the day view. The slip and the Z report, as the printer got them, are
 * photographed into test-artifacts/ (printer-slip.png, printer-zreport.png).
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { decodeEscPos, type Decoded } from '../printer/escposDecode'
import { FakeNetworkPrinter } from '../printer/fakePrinter'
import { paperHtml } from '../printer/renderPaper'
import { ARTIFACTS_DIR, launchBrowser, screenshot } from './support/browser'
import { connectContract, type ContractClient } from './support/contractClient'
import { firstRun, manualScan, openPage, toReady, waitForDisplay } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const MANAGER = { name: '王店长', pin: '2468' }
const CASH = '001234500010' // ¥10 cash coupon, no bill needed
const GIFT = '330000000303'

let host: HostProcess
let browser: Browser
let page: Page
let contract: ContractClient
const printer = new FakeNetworkPrinter()
const shot = (name: string) => screenshot(page, `printer-${name}`)

/** The newest paper the printer received (a session with more than status queries), decoded. */
async function nextPaper(before: number): Promise<Decoded> {
  await expect.poll(() => printer.printed().length, { timeout: 15_000 }).toBeGreaterThan(before)
  return decodeEscPos(printer.printed().at(-1)!)
}

async function photograph(paper: Decoded, name: string): Promise<void> {
  const shotPage = await browser.newPage({ viewport: { width: 700, height: 600 } })
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  writeFileSync(join(ARTIFACTS_DIR, `printer-${name}.html`), await paperHtml(paper, 48))
  await shotPage.setContent(await paperHtml(paper, 48))
  await shotPage.getByTestId('paper').screenshot({ path: join(ARTIFACTS_DIR, `printer-${name}.png`) })
  await shotPage.close()
}

beforeAll(async () => {
  await printer.start()
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
  await page.goto(host.url)
  await firstRun(page, MANAGER.name, MANAGER.pin)
  contract = await connectContract(host)
  const staff = await contract.value<Array<{ staffId: string; name: string }>>('staff.list')
  await contract.value('staff.signIn', { staffId: staff[0]!.staffId, pin: MANAGER.pin })
}, 60_000)

afterAll(async () => {
  contract?.close()
  await browser?.close()
  await host?.stop()
  await printer.stop()
})

describe('the receipt printer from the screens', () => {
  it('is added on the devices page, shows it is ready and prints a test page', async () => {
    await openPage(page, 'devices')
    await page.getByRole('tab', { name: zhCN.printer.title }).click()
    expect(await page.getByTestId('printer-state').getAttribute('data-state')).toBe('none')
    await page.getByTestId('printer-add').click()
    await page.getByTestId('printer-host').fill('127.0.0.1')
    await page
      .locator('input[data-testid="printer-port"], [data-testid="printer-port"] input')
      .fill(String(printer.port))
    await page.getByTestId('printer-save').click()
    await expect
      .poll(() => page.getByTestId('printer-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('ready')
    expect(await page.getByTestId('printer-state').textContent()).toBe(zhCN.printer.state.ready)
    await shot('devices')
    const before = printer.printed().length
    await page.getByTestId('printer-test').click()
    const paper = await nextPaper(before)
    expect(paper.text).toContain('打印测试页')
    expect(paper.text).toContain('中文 GB18030：核销凭证 ￥ 收银台')
    expect(paper.qr).toEqual(['HEXIAO-TEST'])
  })

  it('prints the slip of a redemption at the counter by itself', async () => {
    await openPage(page, 'counter')
    const before = printer.printed().length
    await manualScan(page, CASH)
    await waitForDisplay(page, 'OK')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    const paper = await nextPaper(before)
    const [redemption] = await contract.value<Array<{ id: string; cardTitle: string }>>('redeem.recent', {
      limit: 1
    })
    expect(paper.text).toContain('核销凭证')
    expect(paper.text).toContain('*** 培训练习 · 非真实核销 ***')
    expect(paper.text).toContain(redemption!.cardTitle)
    expect(paper.text.find((l) => l.startsWith('收银员'))).toMatch(/王店长$/)
    expect(paper.text.find((l) => l.startsWith('券码'))).toMatch(/\*+0010$/)
    expect(paper.text.join('\n')).not.toContain(CASH)
    expect(paper.qr).toEqual([redemption!.id])
    await expect
      .poll(() => page.getByTestId('print-job').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('printed')
    expect(await page.getByTestId('print-slip').textContent()).toContain(zhCN.printer.reprintSlip)
    await shot('counter-printed')
    await photograph(paper, 'slip')
    await toReady(page)
  })

  it('paper out: the counter says so, the redemption goes through, the slip prints later from the recent list', async () => {
    printer.state = 'paperOut'
    await manualScan(page, GIFT)
    await waitForDisplay(page, 'OK')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    await expect
      .poll(() => page.getByTestId('printer-alert').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('paperOut')
    expect(await page.getByTestId('printer-alert').textContent()).toBe(zhCN.printer.counterAlert.paperOut)
    await expect.poll(() => page.getByTestId('print-job').getAttribute('data-state')).toBe('failed')
    expect(await page.getByTestId('print-job').textContent()).toBe('没打出来：缺纸')
    await shot('counter-paper-out')
    await toReady(page)

    printer.state = 'ready'
    await contract.value('printer.check')
    await expect.poll(() => page.getByTestId('printer-alert').count(), { timeout: 10_000 }).toBe(0)
    const [gift] = await contract.value<Array<{ id: string }>>('redeem.recent', { limit: 1 })
    await page.locator(`[data-testid="recent-item"][data-code="${GIFT}"] [data-testid="recent-open"]`).click()
    const modal = page.getByRole('dialog')
    let before = printer.printed().length
    await modal.getByTestId('print-slip').click()
    let paper = await nextPaper(before)
    expect(paper.qr).toEqual([gift!.id])
    // The first paper that reached the customer: not a reprint.
    expect(paper.text).not.toContain('【重印】')
    await expect.poll(() => modal.getByTestId('print-job').getAttribute('data-state')).toBe('printed')
    before = printer.printed().length
    await modal.getByTestId('print-slip').click()
    paper = await nextPaper(before)
    expect(paper.text).toContain('【重印】')
    expect(paper.qr).toEqual([gift!.id])
    await shot('recent-reprint')
    await page.getByTestId('recent-details-close').click()
  })

  it("reprints a slip from a day-view row's details, marked 重印", async () => {
    await openPage(page, 'day')
    const row = page.locator('[data-testid="drill-row"]', { hasText: CASH })
    await row.click()
    const drawer = page.locator('.ant-drawer')
    const before = printer.printed().length
    await drawer.getByTestId('print-slip').click()
    const paper = await nextPaper(before)
    expect(paper.text).toContain('【重印】')
    expect(paper.text.find((l) => l.startsWith('券码'))).toMatch(/\*+0010$/)
    await expect.poll(() => drawer.getByTestId('print-job').getAttribute('data-state')).toBe('printed')
    await shot('day-reprint')
    await page.keyboard.press('Escape')
    await drawer.getByTestId('print-slip').waitFor({ state: 'hidden' })
  })

  it('prints the Z report from the day view', async () => {
    await openPage(page, 'day')
    await page.getByTestId('close-day').click()
    await page.getByTestId('close-day-confirm').click()
    await expect.poll(() => page.getByTestId('z-report').getAttribute('data-number')).toBe('1')
    const before = printer.printed().length
    await page.getByTestId('z-print-receipt').click()
    const paper = await nextPaper(before)
    expect(paper.text).toContain('日结 Z 报表 #1')
    expect(paper.text.find((l) => l.startsWith('笔数'))).toMatch(/ 2$/)
    // Neither coupon had a bill: a dash, never 0.00.
    expect(paper.text.find((l) => l.startsWith('消费金额'))).toMatch(/ -$/)
    expect(paper.text.find((l) => l.startsWith('日结人'))).toMatch(/王店长$/)
    expect(paper.text).toContain('*** 培训练习 · 非真实核销 ***')
    await expect.poll(() => page.getByTestId('print-job').getAttribute('data-state')).toBe('printed')
    await shot('zreport')
    await photograph(paper, 'zreport')
  })
})
