/**
 * Issue 17's acceptance in Chromium with REAL stations instead of the projection fixture (docs/hq.md § Tests): a
 * real chain hub (embedded PostgreSQL) and three real training stations (SQLite files, their own sandboxes) enrolled
 * by a manager through the chainLink.enrol channel with enrolment codes, each redeeming real coupons of its sandbox
 * and sending its lane (docs/chain.md). The same plain code is redeemed at a till of store A and a till of store B
 * (both training, both accept): a planted cross-store duplicate. A third store's till sends, then goes quiet (it is
 * closed). The HQ admin then reads the page, in zh-CN and English at 1366×768 (and one 1024×768 shot): the store's
 * day equals the tills' ledgers (count and amount), the duplicate with both stories, the silent store marked quiet
 * (the hub runs with a quiet threshold of 6 s, `--quiet-after-minutes 0.1`; the two others keep polling).
 * Screenshots in test-artifacts/hq-stations/. Run `npx electron-vite build` first (the hub serves the built page).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startHub, type RunningHub } from '../../src/hub/hub'
import type { Actor } from '../../src/main/audit/actor'
import { readIdentity, writeIdentity } from '../../src/main/config/identity'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { formatFen } from '../../src/shared/money'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { trainingStation, type TestStation } from '../support/station'
import { ARTIFACTS_DIR, launchBrowser, screenshot } from './support/browser'
import { firstRun, openPage } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const ADMIN = { login: 'zongbu', password: 'admin-pass-2026!' }
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const LATIN_OK = new Set(['CSV', 'Excel', 'English'])
/** The hub's "gone quiet" threshold here (`--quiet-after-minutes 0.1`): short enough to see a real silence. */
const QUIET_AFTER_MS = 6_000

let hub: RunningHub
let browser: Browser
let sh: TestStation
let hz: TestStation
let cd: TestStation
/** The business date of the tills (training stations keep Beijing time). */
let day: string
/** Chengdu's ledger, read before its till was closed. */
let cdTally: { count: number; amountFen: number }

async function openTill(name: string, cashierName: string): Promise<TestStation> {
  const t = await trainingStation({
    background: false,
    chainLink: { pollMs: 50, idlePollMs: 200, backoffBaseMs: 50, backoffMaxMs: 200 }
  })
  writeIdentity(t.station.db, { ...readIdentity(t.station.db, 'training'), stationName: name })
  // Each till its own cashier, so the duplicate's two stories name two people.
  const cashier = await t.station.services.staff.create(
    { name: cashierName, role: 'cashier', pin: '8642' },
    t.manager
  )
  const session = new Session('test')
  session.signIn(cashier)
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
  return { ...t, cashier, session }
}

async function redeem(t: TestStation, key: string): Promise<void> {
  const looked = await t.station.services.redemptions.lookup(
    { source: 'manual', device: 'k', raw: code(key) },
    t.cashier as Actor,
    t.session.id
  )
  expect(looked.decision?.outcome, key).toBe('OK')
  await t.station.services.redemptions.commit(
    { lookupId: looked.lookupId, otherDiscount: false, confirmWarnings: true },
    t.cashier,
    t.session.id
  )
}

async function enrolByChannel(t: TestStation, storeId: string): Promise<void> {
  const manager = new Session('manager')
  manager.signIn(t.manager)
  const { code: enrolmentCode } = await hub.chain.newEnrolmentCode(storeId)
  const answer = await createDispatcher(t.station.handlers)(
    'chainLink.enrol',
    { hubUrl: hub.url, enrolmentCode },
    manager
  )
  expect(answer).toMatchObject({ ok: true, value: { storeId } })
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const drained = (t: TestStation) => {
  const m = t.station.db.prepare('SELECT last_seq AS l, acked_seq AS a FROM chain_lane_meta').get() as {
    l: number
    a: number
  }
  return m.l === m.a
}

/** What the till's own ledger says its day is: redemptions that count (not voided, not refused) and their sum. */
const ledgerTally = (t: TestStation) =>
  t.station.db
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(discount_fen), 0) AS amountFen FROM redemptions
        WHERE status NOT IN ('voided', 'rejected')`
    )
    .get() as { count: number; amountFen: number }

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), quietAfterMs: QUIET_AFTER_MS, log: () => undefined })
  // As the CLI and HQ's page do: the hub's own functions.
  await hub.chain.upsertStore({ storeId: 'sh-01', name: '上海南京路店', region: '华东' })
  await hub.chain.upsertStore({ storeId: 'hz-01', name: '杭州西湖店', region: '华东' })
  await hub.chain.upsertStore({ storeId: 'cd-01', name: '成都春熙路店', region: '西南' })
  await hub.hq.auth.addUser({ ...ADMIN, role: 'hq_admin', name: '陈总' })
  ;[sh, hz, cd] = await Promise.all([
    openTill('上海1号机', '王芳'),
    openTill('杭州1号机', '李强'),
    openTill('成都1号机', '赵敏')
  ])
  for (const [t, store] of [
    [sh, 'sh-01'],
    [hz, 'hz-01'],
    [cd, 'cd-01']
  ] as const)
    await enrolByChannel(t, store)

  await redeem(sh, 'CASH_NO_THRESHOLD')
  await redeem(sh, 'GIFT')
  await redeem(sh, 'GROUPON')
  // The same plain code at a till of the other store: the planted cross-store duplicate.
  await redeem(hz, 'CASH_NO_THRESHOLD')
  await redeem(hz, 'GENERAL_COUPON')
  // Chengdu redeems a coupon nobody else did (the training sandboxes share their codes).
  await redeem(cd, 'NO_STACKING')
  const first = sh.station.db
    .prepare('SELECT business_day AS d FROM chain_lane ORDER BY seq LIMIT 1')
    .get() as {
    d: string
  }
  day = first.d
  for (const t of [sh, hz, cd]) t.station.services.chainLink.start()
  await until(() => drained(sh) && drained(hz) && drained(cd), 'all three lanes drained')
  // Chengdu's till goes quiet: closed, it neither sends nor polls again.
  cdTally = ledgerTally(cd)
  await cd.station.close()
  await until(
    () =>
      sh.station.services.chainLink.conflicts(10).length === 1 &&
      hz.station.services.chainLink.conflicts(10).length === 1,
    'the duplicate back at both tills'
  )
  browser = await launchBrowser()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await sh?.station.close()
  await hz?.station.close()
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

async function readable(page: Page, lang: 'zh-CN' | 'en', where: string): Promise<void> {
  const text = await page.locator('body').innerText()
  expect(text, `${where}: a UUID`).not.toMatch(UUID)
  expect(text, `${where}: an IANA zone id`).not.toMatch(/Asia\/|Etc\/|UTC[+-]/)
  expect(text, `${where}: JSON`).not.toMatch(/[{[]"|":/)
  expect(text, `${where}: a code of the API`).not.toMatch(/\b[A-Z]{3,}_[A-Z_]+\b|hq\.\w+\./)
  // A plain code is shown with its middle hidden, never whole.
  expect(text, `${where}: a raw coupon code`).not.toContain(code('CASH_NO_THRESHOLD'))
  if (lang === 'zh-CN') {
    const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w: string) => !LATIN_OK.has(w))
    expect(latin, `${where}: English in zh-CN`).toEqual([])
  }
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
  describe(`HQ reads the real tills, ${lang} at 1366×768`, () => {
    let page: Page
    const shot = (name: string) => screenshot(page, `hq-stations/${name}-${lang}-1366`)

    beforeAll(async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang })
      await context.addInitScript((l) => localStorage.setItem('hexiao.language', l), lang)
      page = await context.newPage()
    })

    it("the store's day is exactly its till's redemptions", async () => {
      await page.goto(`${hub.url}/hq?date=${day}&store=sh-01`)
      await page.getByTestId('signin-login').fill(ADMIN.login)
      await page.getByTestId('signin-password').fill(ADMIN.password)
      await page.getByTestId('signin-submit').click()
      await page.getByTestId('hq-day').waitFor()
      await page.getByTestId('hq-hour-chart').locator('svg').first().waitFor()
      const want = ledgerTally(sh)
      expect(want.count).toBe(3)
      expect(await page.getByTestId('total-count').innerText()).toContain(String(want.count))
      expect(await page.getByTestId('total-amount').innerText()).toContain(formatFen(want.amountFen))
      expect(await page.getByTestId('by-store').innerText()).toContain('上海南京路店')
      await readable(page, lang, 'day')
      await shot('day')
    })

    it('the whole chain is the three tills together', async () => {
      await page.goto(`${hub.url}/hq?date=${day}`)
      await page.getByTestId('by-store').waitFor()
      const all = [ledgerTally(sh), ledgerTally(hz), cdTally]
      const count = all.reduce((n, t) => n + t.count, 0)
      const amount = all.reduce((n, t) => n + t.amountFen, 0)
      expect(await page.getByTestId('total-count').innerText()).toContain(String(count))
      expect(await page.getByTestId('total-amount').innerText()).toContain(formatFen(amount))
      const stores = await page.getByTestId('by-store').innerText()
      for (const name of ['上海南京路店', '杭州西湖店', '成都春熙路店']) expect(stores).toContain(name)
      await readable(page, lang, 'chain day')
      await shot('chain-day')
    })

    it('the duplicate with both stories: both stores, tills and cashiers', async () => {
      await page
        .getByRole('tab', { name: lang === 'zh-CN' ? '跨店重复核销' : 'Cross-store duplicates' })
        .click()
      await page.getByTestId('duplicate').waitFor()
      expect(await page.getByTestId('duplicate').count()).toBe(1)
      const stories = [
        await page.getByTestId('story-first').innerText(),
        await page.getByTestId('story-second').innerText()
      ].join('\n')
      for (const part of ['上海南京路店', '上海1号机', '王芳', '杭州西湖店', '杭州1号机', '李强'])
        expect(stories).toContain(part)
      const raw = code('CASH_NO_THRESHOLD')
      expect(await page.getByTestId('duplicate').innerText()).toContain(
        `${raw.slice(0, 4)}****${raw.slice(-4)}`
      )
      await readable(page, lang, 'duplicates')
      await shot('duplicates')
    })

    it('the silent store is marked quiet, the two that keep polling are not', async () => {
      // Chengdu's till has been closed for longer than the hub's threshold (its last contact, as the hub saw it).
      const heard = await hub.store.pool.query<{ at: number }>(
        `SELECT max(greatest(last_event_at, last_seen_at)) AS at FROM chain_tills WHERE store_id = 'cd-01'`
      )
      const silentSince = heard.rows[0]!.at
      while (Date.now() - silentSince <= QUIET_AFTER_MS + 500)
        await new Promise((resolve) => setTimeout(resolve, 100))
      await page.getByRole('tab', { name: lang === 'zh-CN' ? '失联门店' : 'Stores gone quiet' }).click()
      await page.getByTestId('quiet-cd-01').waitFor()
      await page.getByTestId('hq-quiet').locator('tbody tr').first().waitFor()
      const table = await page.getByTestId('hq-quiet').innerText()
      for (const name of ['上海南京路店', '杭州西湖店', '成都春熙路店']) expect(table).toContain(name)
      // The longest silent first: Chengdu's till was closed while the other two kept polling.
      const firstRow = await page.getByTestId('hq-quiet').locator('tbody tr').first().innerText()
      expect(firstRow).toContain('成都春熙路店')
      expect(await page.getByTestId('quiet-cd-01').innerText()).toContain(lang === 'zh-CN' ? '失联' : 'QUIET')
      // Silent for some seconds, in words (not "0 min", which would read as not silent at all).
      expect(firstRow).toMatch(lang === 'zh-CN' ? /已 \d+ 秒无消息/ : /Silent for \d+ s\b/)
      // Only Chengdu: Shanghai and Hangzhou poll every 200 ms.
      expect(await page.locator('.hq-state.quiet').count()).toBe(1)
      expect(await page.getByTestId('quiet-sh-01').count()).toBe(0)
      expect(await page.getByTestId('quiet-hz-01').count()).toBe(0)
      // The threshold in use is the hub's own setting, named as such.
      expect(await page.getByTestId('quiet-threshold').innerText()).toContain(
        lang === 'zh-CN' ? '6 秒（服务器设置）' : '6 seconds (server setting)'
      )
      await readable(page, lang, 'quiet')
      await shot('quiet')
      await page.context().close()
    })
  })

describe('HQ at 1024×768 (zh-CN)', () => {
  it('the duplicate still fits', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${hub.url}/hq?date=${day}`)
    await page.getByTestId('signin-login').fill(ADMIN.login)
    await page.getByTestId('signin-password').fill(ADMIN.password)
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('by-store').waitFor()
    await readable(page, 'zh-CN', 'day 1024')
    await page.getByRole('tab', { name: '跨店重复核销' }).click()
    await page.getByTestId('duplicate').waitFor()
    await readable(page, 'zh-CN', 'duplicates 1024')
    await screenshot(page, 'hq-stations/duplicates-zh-CN-1024')
    await context.close()
  })
})

/** What a manager reads in the Headquarters section: no codes of the machine, JSON or ids; in zh-CN no English. */
async function plainSetupWords(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  const text = await page.getByTestId('chain-link').innerText()
  expect(text).not.toMatch(
    /CHAIN_|ENROLMENT_|UNREACHABLE|chainLinkSetup\.|[{}"]|[0-9a-f]{8}-[0-9a-f]{4}-|undefined|null/
  )
  if (lang === 'zh-CN') {
    // The address (and its example) is Latin by nature; everything else must be Chinese.
    const words = text
      .replace(/hq\.example\.com:\d+/g, '')
      .replace(/\b\d+\.\d+\.\d+\.\d+(:\d+)?\b/g, '')
      .match(/[A-Za-z]{3,}/g)
    expect(words).toBeNull()
  }
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true)
}

describe("set-up's Headquarters section: a manager enrols a built station by its form", () => {
  let host: HostProcess
  let page: Page
  const shot = async (name: string) => {
    mkdirSync(join(ARTIFACTS_DIR, 'hq-stations'), { recursive: true })
    await page.getByTestId('chain-link').scrollIntoViewIfNeeded()
    await page
      .getByTestId('chain-link')
      .screenshot({ path: join(ARTIFACTS_DIR, 'hq-stations', `setup-${name}-1024.png`) })
  }

  beforeAll(async () => {
    await hub.chain.upsertStore({ storeId: 'nj-01', name: '南京新街口店', region: '华东' })
    host = await startHostProcess()
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    await page.goto(host.url)
    await firstRun(page, '孙店长', '2468')
  }, 60_000)
  afterAll(async () => {
    await page?.close()
    await host?.stop()
  }, 60_000)

  it('not enrolled; a wrong code is refused in words; the right one enrols the till (keyboard only)', async () => {
    await openPage(page, 'settings')
    const state = page.getByTestId('chain-link-state')
    await state.waitFor()
    expect(await state.getAttribute('data-state')).toBe('not_enrolled')
    expect(await state.innerText()).toContain('尚未登记到总部')
    await plainSetupWords(page, 'zh-CN')
    await shot('not-enrolled-zh-CN')

    const address = hub.url.replace(/^http:\/\//, '')
    await page.getByTestId('chain-link-address').fill(address)
    await page.getByTestId('chain-link-code').fill('WRNG-CODE')
    await page.getByTestId('chain-link-code').press('Enter')
    const refused = page.getByTestId('chain-link-error')
    await refused.waitFor()
    expect(await refused.innerText()).toBe('登记码不正确、已使用或已过期：请向总部索取新的登记码')
    await plainSetupWords(page, 'zh-CN')
    await shot('refused-zh-CN')

    const { code: enrolmentCode } = await hub.chain.newEnrolmentCode('nj-01')
    await page.getByTestId('chain-link-code').fill(enrolmentCode)
    await page.getByTestId('chain-link-code').press('Enter')
    // The till's lane really talks to the hub: its first (empty) batch is taken.
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('connected')
    expect(await state.innerText()).toContain('已连接总部')
    expect(await state.innerText()).toContain('总部登记的门店：南京新街口店')
    await refused.waitFor({ state: 'detached' })
    const tills = await hub.store.pool.query<{ store_id: string }>(
      `SELECT store_id FROM chain_tills WHERE store_id = 'nj-01'`
    )
    expect(tills.rows).toHaveLength(1)
    await plainSetupWords(page, 'zh-CN')
    await shot('enrolled-zh-CN')
  })

  it('the same section in English', async () => {
    await page.getByTestId('language-switch').getByText('English').click()
    await page.getByText('Headquarters', { exact: true }).first().waitFor()
    expect(await page.getByTestId('chain-link-state').innerText()).toContain(
      'Store at headquarters: 南京新街口店'
    )
    await plainSetupWords(page, 'en')
    await shot('enrolled-en')
  })
})
