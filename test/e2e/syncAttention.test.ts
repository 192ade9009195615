/**
 * What waits for a manager, in Chromium at 1024×768 against the built host (docs/ui.md "Sync attention"):
 * 1. Training host: a cashier redeems a code offline in the browser; "another store" redeems it first (the
 *    training drill), and when sync finds the conflict the counter's green 已核销 band turns into SYNC_CONFLICT
 *    (its own colour, icon, words and the duplicate alarm), the header counts one item needing a manager, and
 *    the sign-in screen says so until a manager resolves it.
 * 2. Live host against a sandbox server on loopback answering 45009 to every consume: the pause shows under the
 *    header (why, since, until), a cashier is told to call a manager, and a manager resumes it from the banner.
 * Screenshots land in test-artifacts/.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeMode } from '../../src/main/config/mode'
import { plainFileSecretStore } from '../../src/main/setup/secrets'
import { writeSetup } from '../../src/main/setup/store'
import {
  startSandboxServer,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  type SandboxServer
} from '../../src/main/upstream/sandbox'
import { DEFAULT_POLICY } from '../../src/shared/rules'
import type { SyncState } from '../../src/shared/sync'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract, type ContractClient } from './support/contractClient'
import { firstRun, manualScan, readDecision, signIn, waitForDisplay } from './support/counterDriver'
import { startHostProcess, type HostProcess } from './support/host'

const MANAGER = { name: '王店长', pin: '2468' }
const CASHIER = { name: '李收银', pin: '1357' }
const NETWORK_DOWN = '090000002020'
const CASH_10 = '001234500010'
const VIEWPORT = { width: 1024, height: 768 }

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** First run in the browser (the manager), a cashier made over the contract; both contract clients signed in. */
async function staffUp(host: HostProcess, page: Page) {
  await page.goto(host.url)
  await firstRun(page, MANAGER.name, MANAGER.pin)
  const manager = await connectContract(host)
  const staff = await manager.value<Array<{ staffId: string; name: string }>>('staff.list')
  await manager.value('staff.signIn', {
    staffId: staff.find((s) => s.name === MANAGER.name)?.staffId,
    pin: MANAGER.pin
  })
  const created = await manager.value<{ staffId: string }>('staff.create', {
    name: CASHIER.name,
    role: 'cashier',
    pin: CASHIER.pin
  })
  const cashier = await connectContract(host)
  await cashier.value('staff.signIn', { staffId: created.staffId, pin: CASHIER.pin })
  return { manager, cashier }
}

async function switchUser(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.getByTestId('sign-out').click()
  await signIn(page, who.name, who.pin)
}

/** The sound provider marks the last cue it played on <html data-last-cue>. */
const lastCue = async (page: Page): Promise<string> =>
  (await page.locator('html').getAttribute('data-last-cue')) ?? ''

describe('a sync conflict at the counter', () => {
  let host: HostProcess
  let page: Page
  let manager: ContractClient
  let cashier: ContractClient
  afterAll(async () => {
    cashier?.close()
    manager?.close()
    await page?.close()
    await host?.stop()
  })

  it('turns the green band into SYNC_CONFLICT with the alarm, and counts it in the header', async () => {
    host = await startHostProcess()
    page = await browser.newPage({ viewport: VIEWPORT })
    ;({ manager, cashier } = await staffUp(host, page))
    await switchUser(page, CASHIER)
    expect(await page.getByTestId('needs-manager').count()).toBe(0)

    // The drill code cuts the sandbox off: the look-up decides offline, the cashier redeems.
    let shown = await manualScan(page, NETWORK_DOWN)
    for (let i = 0; i < 3 && shown.display !== 'REDEEMED'; i++) {
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await readDecision(page)).display).not.toBe(shown.display)
      shown = await readDecision(page)
    }
    expect(shown.display).toBe('REDEEMED')
    expect(await lastCue(page)).toBe('redeemed')
    await screenshot(page, 'sync-conflict-0-redeemed-offline')

    // "Another store" redeems the same code first; sync finds it once the sandbox is back.
    await manager.value('reports.trainingUsedElsewhere', { code: NETWORK_DOWN })
    await expect
      .poll(async () => (await readDecision(page)).display, { timeout: 120_000, interval: 500 })
      .toBe('SYNC_CONFLICT')
    expect(await lastCue(page)).toBe('duplicate')
    const band = page.getByTestId('decision')
    expect(await band.locator('.state-title').textContent()).toBe('微信未确认：请叫店长')
    expect(await page.getByTestId('sync-outcome').getAttribute('data-sync')).toBe('conflict')
    await expect.poll(() => page.getByTestId('needs-manager').getAttribute('data-count')).toBe('1')
    expect(await page.getByTestId('needs-manager').textContent()).toContain('待店长处理 1')
    await screenshot(page, 'sync-conflict-1-counter')
    // The same in English.
    await page.getByTestId('language-switch').getByText('English').click()
    await expect
      .poll(() => band.locator('.state-title').textContent())
      .toBe('WeChat did not confirm: call the manager')
    expect(await page.getByTestId('needs-manager').textContent()).toContain('1 need a manager')
    await screenshot(page, 'sync-conflict-1-counter-en')
    await page.getByTestId('language-switch').getByText('中文').click()
    await expect.poll(() => band.locator('.state-title').textContent()).toBe('微信未确认：请叫店长')

    // It stays in the header after the cashier moves on…
    await page.keyboard.press('Escape')
    await waitForDisplay(page, 'READY')
    expect(await page.getByTestId('needs-manager').getAttribute('data-count')).toBe('1')
  }, 180_000)

  it('shows on the sign-in screen until a manager resolves it', async () => {
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in-attention').waitFor()
    expect(await page.getByTestId('sign-in-needs-manager').textContent()).toContain('1 项冲突')
    expect(await page.getByTestId('needs-manager').getAttribute('data-count')).toBe('1')
    await screenshot(page, 'sync-conflict-2-sign-in')

    const open = await manager.value<Array<{ redemption: { id: string } }>>('reports.conflicts', {
      state: 'open'
    })
    expect(open).toHaveLength(1)
    await manager.value('reports.resolve', {
      redemptionId: open[0]!.redemption.id,
      outcome: 'collected',
      note: '顾客已补付现金'
    })
    await expect.poll(() => page.getByTestId('needs-manager').count()).toBe(0)
    expect(await page.getByTestId('sign-in-attention').count()).toBe(0)
  })
})

describe('a 45009 pause on a live station', () => {
  let upstream: SandboxServer
  let host: HostProcess
  let page: Page
  let manager: ContractClient
  let cashier: ContractClient
  afterAll(async () => {
    cashier?.close()
    manager?.close()
    await page?.close()
    await host?.stop()
    await upstream?.close()
  })

  it('shows why, since and until, and a manager resumes it from the banner', async () => {
    upstream = await startSandboxServer()
    upstream.sandbox.setFaults({ rules: [{ kind: 'dailyQuota', paths: ['/card/code/consume'] }] })
    const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-e2e-live-'))
    writeSetup(dataDir, {
      revision: 1,
      store: {
        storeName: '静安店',
        storeLocationId: null,
        stationName: '收银台 2',
        timeZone: 'Asia/Shanghai',
        cutoffMinutes: 270
      },
      upstream: { kind: 'wechat', baseUrl: upstream.url, appId: TRAINING_APP_ID },
      policy: DEFAULT_POLICY
    })
    plainFileSecretStore(dataDir, () => undefined).set('wechat.appSecret', TRAINING_APP_SECRET)
    writeMode(dataDir, 'live')
    host = await startHostProcess({ dataDir })
    page = await browser.newPage({ viewport: VIEWPORT })
    ;({ manager, cashier } = await staffUp(host, page))

    // A cashier on another till redeems: WeChat answers 45009 to the consume.
    const lookup = await cashier.value<{ lookupId: string }>('redeem.lookup', {
      source: 'manual',
      device: 'e2e',
      raw: CASH_10
    })
    const done = await cashier.value<{ sync: string; redemption: { status: string } }>('redeem.commit', {
      lookupId: lookup.lookupId,
      confirmWarnings: true
    })
    expect(done.redemption.status).toBe('pending')

    await page.getByTestId('sync-pause').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('sync-pause').getAttribute('data-reason')).toBe('quota')
    const detail = (await page.getByTestId('sync-pause-detail').textContent()) ?? ''
    expect(detail).toContain('45009')
    expect(detail).toMatch(/\d\d-\d\d \d\d:\d\d 起暂停/)
    expect(detail).toMatch(/预计 \d\d-\d\d 00:00 自动恢复/)
    expect(await page.getByTestId('sync-paused-tag').count()).toBe(1)
    await screenshot(page, 'sync-pause-1-manager')

    // A cashier sees the same pause, and no button.
    const cashierPage = await browser.newPage({ viewport: VIEWPORT })
    await cashierPage.goto(host.url)
    await signIn(cashierPage, CASHIER.name, CASHIER.pin)
    await cashierPage.getByTestId('sync-pause').waitFor()
    expect(await cashierPage.getByTestId('sync-resume').count()).toBe(0)
    expect(await cashierPage.getByTestId('sync-pause').textContent()).toContain('请告知店长')
    await screenshot(cashierPage, 'sync-pause-2-cashier')
    await cashierPage.close()

    // The quota was cleared on the platform; the manager resumes, and the waiting redemption goes out.
    upstream.sandbox.clearFaults()
    await page.getByTestId('sync-resume').click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await page.getByTestId('sync-pause').waitFor({ state: 'detached', timeout: 15_000 })
    await expect
      .poll(async () => (await manager.value<SyncState>('sync.current')).queueDepth, { timeout: 15_000 })
      .toBe(0)
    // (The training seed's log already holds its "used elsewhere" codes.)
    expect(upstream.sandbox.model.consumeLog().filter((c) => c.code === CASH_10)).toHaveLength(1)
    const audit = await manager.value<{ entries: Array<{ action: string; actorName: string | null }> }>(
      'reports.audit',
      { action: 'sync.resumed', limit: 10 }
    )
    expect(audit.entries.map((e) => [e.action, e.actorName])).toEqual([['sync.resumed', MANAGER.name]])
    await screenshot(page, 'sync-pause-3-resumed')
  }, 120_000)
})
