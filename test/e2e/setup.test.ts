/**
 * Set-up in Chromium against the built host: a manager connects the station to a WeChat-compatible server
 * (the sandbox over real HTTP on loopback), the connection test lists its cards; a wrong AppSecret shows the
 * 40125 explanation. Screenshots land in test-artifacts/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  trainingSeed,
  type SandboxServer
} from '../../src/main/upstream/sandbox'
import { screenshot } from './support/browser'
import { openPage } from './support/counterDriver'
import { openSandboxedStation, type SandboxedStation } from './support/sandboxedStation'

let sandbox: SandboxServer
let page: Page

let station: SandboxedStation

beforeAll(async () => {
  station = await openSandboxedStation({ width: 1366, height: 900 })
  ;({ sandbox, page } = station)
}, 60_000)

afterAll(async () => {
  await station?.close()
})

async function connectionStep(secret: string): Promise<void> {
  await openPage(page, 'settings')
  await page.getByTestId('setup-page').waitFor()
  await page.getByTestId('setup-next').click()
  await page.getByTestId('setup-kind-wechat').click()
  await page.getByTestId('setup-app-id').fill(TRAINING_APP_ID)
  await page.getByTestId('setup-app-secret').fill(secret)
  await page.getByTestId('setup-base-url').fill(sandbox.url)
  await page.getByTestId('setup-test').click()
}

describe('set-up wizard', () => {
  it('a wrong AppSecret shows the 40125 explanation', async () => {
    await connectionStep('not-the-secret')
    const error = page.getByTestId('setup-test-error')
    await error.waitFor()
    expect(await error.innerText()).toContain('AppSecret 不正确（40125）')
    await screenshot(page, 'setup-wrong-secret')
  })

  it('the right connection finds the sandbox cards and lists their titles, then saves', async () => {
    await page.getByTestId('setup-app-secret').fill(TRAINING_APP_SECRET)
    await page.getByTestId('setup-test').click()
    const okAlert = page.getByTestId('setup-test-ok')
    await okAlert.waitFor()
    const cards = trainingSeed(Date.now()).cards
    expect(cards.length).toBeGreaterThan(0)
    expect(await okAlert.innerText()).toContain(`找到 ${cards.length} 张卡券`)
    const titles = await page.getByTestId('setup-card-title').allInnerTexts()
    expect(titles).toHaveLength(cards.length)
    const firstTitle = (JSON.stringify(cards[0]).match(/"title":"([^"]*)"/) ?? ['', ''])[1]!
    expect(titles).toContain(firstTitle)
    await screenshot(page, 'setup-connection-ok')

    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-next').click()
    await page.getByTestId('setup-save').click()
    await page.getByTestId('setup-saved').waitFor()
    await page.getByTestId('setup-go-live').waitFor()
    await screenshot(page, 'setup-saved')
  })
})
