/**
 * Claims before committing at the chain hub in Chromium (docs/chain.md § Claims before committing): a real chain
 * hub (its own embedded PostgreSQL) in the test process; store A's till is a protocol client that claimed a coupon;
 * the built host is a till of store B with no store hub at all, enrolled by a manager, with the check turned on in
 * set-up's Headquarters section. Redeeming the coupon there shows the big DUPLICATE band naming store A and its
 * till, and nothing is committed. With HQ silent, another coupon is redeemed "not checked with headquarters".
 * Screenshots in test-artifacts/.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import type { EnrolResponse } from '../../src/shared/hub/chainProtocol'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { addStore, post } from '../hub/chainSupport'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract, type ContractClient } from './support/contractClient'
import { firstRun, manualScan, openPage, waitForDisplay } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const MANAGER = { name: '王店长', pin: '2468' }
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

let hub: RunningHub
let host: HostProcess
let browser: Browser
let page: Page
let manager: ContractClient
let storeA: EnrolResponse
/** The till's way to HQ: relays every request to the chain hub, or (silent) takes it and never answers. */
let proxy: Server
let proxyUrl: string
let silent = false

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => undefined })
  await addStore(hub, 'sh-01', '上海一店')
  await addStore(hub, 'hz-01', '杭州一店')
  const { code: enrolment } = await hub.chain.newEnrolmentCode('sh-01')
  const enrolled = await post(hub.url, '/v1/enrol', {
    enrolmentCode: enrolment,
    tillId: 'sh-till-1',
    tillName: '1号机'
  })
  storeA = enrolled.body.value as EnrolResponse
  proxy = createServer((req, res) => {
    if (silent) return
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v
      void fetch(new URL(req.url ?? '/', hub.url), {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: new Uint8Array(Buffer.concat(chunks)) } : {})
      })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' })
          res.end(Buffer.from(await answer.arrayBuffer()))
        })
        .catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
  await page.goto(host.url)
  await firstRun(page, MANAGER.name, MANAGER.pin)
  manager = await connectContract(host)
  const staff = await manager.value<Array<{ staffId: string; name: string }>>('staff.list')
  await manager.value('staff.signIn', {
    staffId: staff.find((s) => s.name === MANAGER.name)?.staffId,
    pin: MANAGER.pin
  })
}, 120_000)

afterAll(async () => {
  manager?.close()
  await browser?.close()
  await host?.stop()
  proxy?.closeAllConnections()
  await new Promise((resolve) => proxy?.close(resolve))
  await hub?.stop()
  removeHubDataDirs()
})

describe('a till of store B, enrolled at HQ, without a store hub', () => {
  it('a manager turns the check on in set-up', async () => {
    const { code: enrolment } = await hub.chain.newEnrolmentCode('hz-01')
    await manager.value('chainLink.enrol', { hubUrl: proxyUrl, enrolmentCode: enrolment })
    await openPage(page, 'settings')
    const state = page.getByTestId('chain-claims-state')
    await state.waitFor({ timeout: 15_000 })
    expect(await state.getAttribute('data-enabled')).toBe('false')
    await page.getByTestId('chain-claims-enabled').click()
    await page.getByTestId('chain-claims-save').click()
    await expect.poll(() => state.getAttribute('data-enabled'), { timeout: 10_000 }).toBe('true')
    expect(await state.textContent()).toContain('核销前向总部核对')
    await page.getByTestId('chain-claims').scrollIntoViewIfNeeded()
    await screenshot(page, 'chainclaim-setup-on')
  })

  it('a coupon store A claimed shows DUPLICATE naming 上海一店 and 1号机; nothing is committed here', async () => {
    const claimed = await post(
      hub.url,
      '/v1/chain/claims',
      {
        tillId: 'sh-till-1',
        redemptionId: randomUUID(),
        cardId: 'any',
        customCode: false,
        code: code('CASH_NO_THRESHOLD'),
        cashier: { id: 'c1', name: '王芳' },
        amountFen: 1000,
        at: Date.now()
      },
      { token: storeA.token, store: 'sh-01' }
    )
    expect(claimed.body.value).toMatchObject({ outcome: 'granted' })
    await openPage(page, 'counter')
    const shown = await manualScan(page, code('CASH_NO_THRESHOLD'))
    expect(shown.display).toBe('OK')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'DUPLICATE')
    const error = page.getByTestId('commit-error')
    expect(await error.getAttribute('data-code')).toBe('CHAIN_DUPLICATE')
    const text = await error.textContent()
    expect(text).toContain('上海一店')
    expect(text).toContain('1号机')
    expect(text).toContain('王芳')
    // No redeem button: the cashier cannot press on.
    expect(await page.getByTestId('primary-action').count()).toBe(0)
    await screenshot(page, 'chainclaim-duplicate-other-store')
    const recent = await manager.value<Array<{ code: string }>>('redeem.recent', { limit: 10 })
    expect(recent.map((r) => r.code)).not.toContain(code('CASH_NO_THRESHOLD'))
    await page.keyboard.press('Escape')
    await waitForDisplay(page, 'READY')
  })

  it('with HQ silent a coupon is redeemed "not checked with headquarters"', async () => {
    await manager.value('chainLink.setClaims', { enabled: true, deadlineMs: 300 })
    silent = true
    const shown = await manualScan(page, code('GIFT'))
    expect(shown.display).toBe('OK')
    await page.keyboard.press('Enter')
    await waitForDisplay(page, 'REDEEMED')
    await page.getByTestId('chain-unchecked').waitFor()
    expect(await page.getByTestId('chain-unchecked').textContent()).toContain('未经总部核对')
    await screenshot(page, 'chainclaim-not-checked')
  })
})
