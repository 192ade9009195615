/**
 * The camera end to end: Chromium's fake camera plays a y4m file (made here, from a QR code or a Code 128
 * bar code on white), the real UI starts the camera, the worker decodes with the bundled wasm, and the
 * scan test panel shows the code. Also the messages when there is no camera or no permission.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { makeSymbol, renderFlat, type SymbolFormat } from '../../bench/decode/symbols'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { launchBrowser, screenshot } from './support/browser'
import { readDecision, waitForDisplay } from './support/counterDriver'
import { openDevicesPage } from './support/devicesPage'
import { startHostProcess, type HostProcess } from './support/host'
import { writeY4m } from './support/y4m'

let host: HostProcess
const dir = mkdtempSync(join(tmpdir(), 'hexiao-camera-'))
const FAKE_UI = '--use-fake-ui-for-media-stream'
const FAKE_DEVICE = '--use-fake-device-for-media-stream'

beforeAll(async () => {
  host = await startHostProcess()
})

afterAll(async () => {
  await host?.stop()
})

function fakeVideo(format: SymbolFormat, text: string, scale: number): string {
  const path = join(dir, `${format}.y4m`)
  writeY4m(path, renderFlat(makeSymbol(format, text), scale, { width: 1280, height: 720 }))
  return path
}

async function openPanel(browser: Browser): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await openDevicesPage(page, host.url)
  await page.getByTestId('camera-toggle').click()
  return { page, requests }
}

describe('camera in Chromium with a fake camera', () => {
  it.each<[SymbolFormat, string, number]>([
    ['QRCode', '012345678905', 10],
    ['Code128', '987654321098', 4]
  ])('scans a %s shown to the camera', async (format, text, scale) => {
    const browser = await launchBrowser([
      FAKE_UI,
      FAKE_DEVICE,
      `--use-file-for-fake-video-capture=${fakeVideo(format, text, scale)}`
    ])
    try {
      const { page, requests } = await openPanel(browser)
      await expect.poll(() => page.getByTestId('camera-status').getAttribute('data-state')).toBe('running')
      await expect.poll(() => page.getByTestId('last-scan-raw').textContent(), { timeout: 15_000 }).toBe(text)
      expect(await page.getByTestId('last-scan-source').getAttribute('data-source')).toBe('camera')
      expect(await page.getByTestId('scan-count').textContent()).toBe('1')
      await expect.poll(() => page.getByTestId('camera-outline').count()).toBeGreaterThan(0)
      await screenshot(page, `camera-${format}`)
      // The wasm came from the app itself, and nothing was fetched from anywhere else.
      expect(requests.some((u) => u.startsWith(host.origin) && u.endsWith('.wasm'))).toBe(true)
      expect(requests.filter((u) => !u.startsWith(host.origin) && !u.startsWith('data:'))).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('redeems at the counter from the camera (F6), and the phone still in view is not a second scan', async () => {
    const code = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'CASH_NO_THRESHOLD')!.code
    const browser = await launchBrowser([
      FAKE_UI,
      FAKE_DEVICE,
      `--use-file-for-fake-video-capture=${fakeVideo('QRCode', code, 10)}`
    ])
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
      await openDevicesPage(page, host.url)
      await page.keyboard.press('F1')
      await page.getByTestId('counter').waitFor()
      await page.keyboard.press('F6')
      await waitForDisplay(page, 'OK')
      await page.keyboard.press('Enter')
      await waitForDisplay(page, 'REDEEMED')
      // The same phone in the following frames is not read again (that would show DUPLICATE).
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await readDecision(page)).display).toBe('REDEEMED')
      await screenshot(page, 'camera-counter')
      await page.keyboard.press('F6')
      await expect.poll(() => page.getByTestId('camera-view').count()).toBe(0)
    } finally {
      await browser.close()
    }
  })

  it('says so when there is no camera', async () => {
    const browser = await launchBrowser([FAKE_UI])
    try {
      const { page } = await openPanel(browser)
      await expect.poll(() => page.getByTestId('camera-status').getAttribute('data-state')).toBe('noCamera')
      expect(await page.getByTestId('camera-status').textContent()).toBe('没有找到摄像头，请检查是否已连接。')
      await screenshot(page, 'camera-none')
    } finally {
      await browser.close()
    }
  })

  it('says so when camera permission is denied', async () => {
    const browser = await launchBrowser([FAKE_DEVICE, '--deny-permission-prompts'])
    try {
      const { page } = await openPanel(browser)
      await expect.poll(() => page.getByTestId('camera-status').getAttribute('data-state')).toBe('denied')
    } finally {
      await browser.close()
    }
  })
})
