/**
 * A browser on the built host with a sandbox server beside it (a WeChat connection to test in set-up), the first
 * manager already created: the start most set-up and counter-state tests share.
 */
import type { Browser, Page } from 'playwright-core'
import { startSandboxServer, type SandboxServer } from '../../../src/main/upstream/sandbox'
import { launchBrowser } from './browser'
import { firstRun } from './counterDriver'
import { startHostProcess, type HostProcess } from './host'

export interface SandboxedStation {
  sandbox: SandboxServer
  host: HostProcess
  browser: Browser
  page: Page
  close(): Promise<void>
}

export async function openSandboxedStation(viewport: {
  width: number
  height: number
}): Promise<SandboxedStation> {
  const sandbox = await startSandboxServer()
  const host = await startHostProcess()
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport })
  page.setDefaultTimeout(10_000)
  await page.goto(host.url)
  await firstRun(page, '王店长', '2468')
  return {
    sandbox,
    host,
    browser,
    page,
    close: async () => {
      await browser.close()
      await host.stop()
      await sandbox.close()
    }
  }
}
