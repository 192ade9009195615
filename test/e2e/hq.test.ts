/**
 * The HQ page in Chromium, served by a real hub (embedded PostgreSQL) from the built renderer (run
 * `npx electron-vite build` first), on the projection fixture of test/hub/hqFixture.ts: a store's day, the planted
 * cross-store duplicate with both stories, a store gone quiet, till enrolment — in zh-CN and English, at
 * 1366×768 and 1024×768, with screenshots in test-artifacts/hq/. Every screen is checked for what HQ staff must
 * never read: UUIDs, IANA zone ids, JSON, English words in zh-CN; the page runs under its strict CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { HQ_CSP } from '../../src/hub/http/hqRoutes'
import { formatFen } from '../../src/shared/money'
import { DAY, expectedTally, seedChain, type SeedRedemption } from '../hub/hqFixture'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { launchBrowser, screenshot } from './support/browser'

const ADMIN = { login: 'zongbu', password: 'admin-pass-2026!' }
let hub: RunningHub
let browser: Browser
let rows: SeedRedemption[]

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => undefined })
  rows = await seedChain(hub.store.pool)
  await hub.hq.auth.addUser({ ...ADMIN, role: 'hq_admin', name: '陈总' })
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await hub?.stop()
  removeHubDataDirs()
})

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
/** Latin words a Chinese HQ user may read: the file formats and the language switch. */
const LATIN_OK = new Set(['CSV', 'Excel', 'English'])

async function readable(page: Page, lang: 'zh-CN' | 'en', where: string, shown = ''): Promise<void> {
  // `shown`: a code HQ must read as it is (the enrolment code), left out of the checks.
  const text = (await page.locator('body').innerText()).replace(shown, '')
  expect(text, `${where}: a UUID`).not.toMatch(UUID)
  expect(text, `${where}: an IANA zone id`).not.toMatch(/Asia\/|Etc\/|UTC[+-]/)
  expect(text, `${where}: JSON`).not.toMatch(/[{[]"|":/)
  expect(text, `${where}: a code of the API`).not.toMatch(/\b[A-Z]{3,}_[A-Z_]+\b|hq\.\w+\./)
  if (lang === 'zh-CN') {
    const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w: string) => !LATIN_OK.has(w))
    expect(latin, `${where}: English in zh-CN`).toEqual([])
  }
  // Fits: nothing sticks out sideways at 1024 px.
  const overflow = await page.evaluate(() => {
    const win = globalThis as unknown as {
      innerWidth: number
      document: { documentElement: { scrollWidth: number } }
    }
    return win.document.documentElement.scrollWidth - win.innerWidth
  })
  expect(overflow, `${where}: horizontal overflow`).toBeLessThanOrEqual(0)
}

for (const lang of ['zh-CN', 'en'] as const)
  for (const width of [1366, 1024])
    describe(`the HQ page in ${lang} at ${width}×768`, () => {
      let page: Page
      const cspErrors: string[] = []
      const shot = (name: string) => screenshot(page, `hq/${name}-${lang}-${width}`)

      beforeAll(async () => {
        const context = await browser.newContext({ viewport: { width, height: 768 }, locale: lang })
        await context.addInitScript((l) => localStorage.setItem('hexiao.language', l), lang)
        page = await context.newPage()
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text())
        })
      })

      it('signs in, under the strict CSP', async () => {
        const res = await page.goto(`${hub.url}/hq?date=${DAY}&store=sh-001`)
        expect(res?.headers()['content-security-policy']).toBe(HQ_CSP)
        await page.getByTestId('signin-login').fill(ADMIN.login)
        await page.getByTestId('signin-password').fill('wrong-password')
        await page.getByTestId('signin-submit').click()
        await page.getByTestId('signin-error').waitFor()
        expect(await page.getByTestId('signin-error').innerText()).toBe(
          lang === 'zh-CN' ? '账号或密码不正确' : 'Wrong login or password'
        )
        await page.getByTestId('signin-password').fill(ADMIN.password)
        await page.getByTestId('signin-submit').click()
        await page.getByTestId('hq-day').waitFor()
        expect(await page.getByTestId('hq-user').innerText()).toContain('陈总')
      })

      it("shows a store's day: totals, the chart by hour and the tables", async () => {
        const want = expectedTally(rows, (r) => r.storeId === 'sh-001')
        const count = page.getByTestId('total-count')
        await page.getByTestId('hq-hour-chart').locator('svg').first().waitFor()
        expect(await count.innerText()).toContain(String(want.count))
        expect(await page.getByTestId('total-amount').innerText()).toContain(formatFen(want.amountFen))
        expect(await page.getByTestId('by-store').innerText()).toContain('上海南京路店')
        await readable(page, lang, 'day')
        await shot('day')
      })

      it('shows the store gone quiet, its last event on its own clock and its waiting events', async () => {
        await page.getByRole('tab', { name: lang === 'zh-CN' ? '失联门店' : 'Stores gone quiet' }).click()
        const tag = page.getByTestId('quiet-wlmq-004')
        await tag.waitFor()
        expect(await tag.innerText()).toContain(lang === 'zh-CN' ? '失联' : 'QUIET')
        const table = await page.getByTestId('hq-quiet').innerText()
        expect(table).toContain('乌鲁木齐友好路店')
        expect(table).toContain(lang === 'zh-CN' ? '37 条' : '37 events')
        expect(table).toMatch(lang === 'zh-CN' ? /已 5 小时 \d+ 分钟无消息/ : /Silent for 5 h \d+ min/)
        expect(await page.locator('.hq-state.quiet').count()).toBe(1)
        await readable(page, lang, 'quiet')
        await shot('quiet')
      })

      it('shows the cross-store duplicate with both stories', async () => {
        await page
          .getByRole('tab', { name: lang === 'zh-CN' ? '跨店重复核销' : 'Cross-store duplicates' })
          .click()
        await page.getByTestId('duplicate').waitFor()
        const first = await page.getByTestId('story-first').innerText()
        const second = await page.getByTestId('story-second').innerText()
        for (const part of ['上海南京路店', '王芳', '2026-12-05 10:15', '¥20.00'])
          expect(first).toContain(part)
        for (const part of ['杭州西湖店', '李强', '2026-12-05 14:40', '¥20.00'])
          expect(second).toContain(part)
        expect(second).toContain(lang === 'zh-CN' ? '冲突待处理' : 'Conflict to resolve')
        expect(await page.getByTestId('duplicate').innerText()).toContain('0123****8905')
        await readable(page, lang, 'duplicates')
        await shot('duplicates')
      })

      it('makes an enrolment code, shown once', async () => {
        await page.getByRole('tab', { name: lang === 'zh-CN' ? '门店与收银台' : 'Stores and tills' }).click()
        await page.getByTestId('make-code-hz-002').click()
        const code = page.getByTestId('enrolment-code')
        await code.waitFor()
        expect(await code.innerText()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
        await readable(page, lang, 'enrolment code', await code.innerText())
        await shot('enrolment')
        await page.keyboard.press('Escape')
        await code.waitFor({ state: 'hidden' })
        await readable(page, lang, 'tills')
        await shot('tills')
        expect(cspErrors).toEqual([])
      })
    })

describe('a regional viewer (zh-CN, 1366×768)', () => {
  it('sees only the stores of its region, read-only', async () => {
    await hub.hq.auth.addUser({
      login: 'huadong',
      password: 'viewer-pass-2026!',
      role: 'regional_viewer',
      region: '华东',
      name: '华东区域经理'
    })
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${hub.url}/hq?date=${DAY}`)
    await page.getByTestId('signin-login').fill('huadong')
    await page.getByTestId('signin-password').fill('viewer-pass-2026!')
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('by-store').waitFor()
    expect(await page.getByTestId('hq-user').innerText()).toContain('区域查看员（华东）')
    const stores = await page.getByTestId('by-store').innerText()
    expect(stores).toContain('上海南京路店')
    expect(stores).toContain('杭州西湖店')
    expect(stores).not.toContain('成都春熙路店')
    const east = expectedTally(rows, (r) => r.storeId === 'sh-001' || r.storeId === 'hz-002')
    expect(await page.getByTestId('total-count').innerText()).toContain(String(east.count))
    await readable(page, 'zh-CN', 'viewer day')
    await screenshot(page, 'hq/viewer-day-zh-CN-1366')
    await page.getByRole('tab', { name: '门店与收银台' }).click()
    await page.getByText('只读：区域查看员不能登记或停用收银台').waitFor()
    expect(await page.locator('[data-testid^="make-code-"]').count()).toBe(0)
    expect(await page.locator('[data-testid^="revoke-"]').count()).toBe(0)
    await readable(page, 'zh-CN', 'viewer tills')
    await screenshot(page, 'hq/viewer-tills-zh-CN-1366')
    await context.close()
  })
})
