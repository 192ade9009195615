/** The app shell in a real Chromium against the real host: values arrive over the contract. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { WebSocket } from 'ws'
import pkg from '../../package.json'
import { launchBrowser, screenshot } from './support/browser'
import { startHostProcess, type HostProcess } from './support/host'

let host: HostProcess
let browser: Browser

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('app shell in Chromium', () => {
  it('shows the mode, version and schema it received over the contract', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const consoleErrors: string[] = []
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
    await page.goto(host.url)
    const mode = page.getByTestId('app-mode')
    await expect.poll(() => mode.getAttribute('data-mode')).toBe('training')
    expect(await page.getByTestId('app-version').getAttribute('data-version')).toBe(pkg.version)
    expect(Number(await page.getByTestId('app-schema').textContent())).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId('app-timezone').textContent()).toBe('Asia/Shanghai')
    await expect.poll(() => page.getByTestId('db-status').getAttribute('data-state')).toBe('ok')
    await expect.poll(() => page.getByTestId('training-banner').isVisible()).toBe(true)
    // The token must not stay in the address bar (screenshots, shoulder surfing).
    expect(page.url()).not.toContain('token=')
    await screenshot(page, 'shell-zh-CN')
    expect(consoleErrors).toEqual([])
    await page.close()
  })

  it('is served with the strict content security policy', async () => {
    const response = await fetch(host.origin + '/')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/)
  })

  it('refuses a WebSocket with a wrong token, and accepts the right one', async () => {
    const attempt = (token: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${new URL(host.origin).port}/ipc?token=${token}`, {
          headers: { Origin: host.origin }
        })
        ws.on('open', () => {
          ws.close()
          resolve('open')
        })
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
        ws.on('error', (err) => resolve(`error: ${err.message}`))
      })
    expect(await attempt('wrong-token')).toBe('401')
    expect(await attempt('')).toBe('401')
    expect(await attempt(host.token)).toBe('open')
  })

  it('refuses a WebSocket from another origin even with the token', async () => {
    const status = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${new URL(host.origin).port}/ipc?token=${host.token}`, {
        headers: { Origin: 'http://evil.example' }
      })
      ws.on('open', () => resolve('open'))
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      ws.on('error', (err) => resolve(`error: ${err.message}`))
    })
    expect(status).toBe('403')
  })

  it('answers a bad argument over the wire with BAD_REQUEST', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${new URL(host.origin).port}/ipc?token=${host.token}`, {
      headers: { Origin: host.origin }
    })
    await new Promise((resolve) => ws.once('open', resolve))
    const reply = new Promise<{ result: { ok: boolean; error?: { code: string } } }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data))))
    )
    ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'app.info', request: { sneaky: true } }))
    const { result } = await reply
    ws.close()
    expect(result.ok).toBe(false)
    expect(result.error?.code).toBe('BAD_REQUEST')
  })
})
