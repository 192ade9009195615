/**
 * In-page instrumentation for the latency bench: the time stamp of the last key (the scanner's Enter) and,
 * for every 'hexiao:decision' mark the counter makes when a decision is in the DOM, the time from that key
 * to the mark and to the next animation frame (the decision painted). Runs inside the page.
 */
import type { Page } from 'playwright-core'

export interface Sample {
  /** Last key → decision committed to the DOM (the counter's performance mark). */
  toDom: number
  /** Last key → the next animation frame after it. */
  toFrame: number
  offline: boolean
}

interface ProbeWindow {
  __lastKey: number
  __samples: Sample[]
  addEventListener(
    type: 'keydown',
    listener: (e: { key: string; timeStamp: number }) => void,
    capture: boolean
  ): void
  requestAnimationFrame(callback: () => void): void
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null }
  PerformanceObserver: new (
    callback: (list: { getEntries(): { name: string; startTime: number }[] }) => void
  ) => {
    observe(options: { type: string }): void
  }
}

export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as ProbeWindow
    w.__lastKey = 0
    w.__samples = []
    w.addEventListener('keydown', (e) => void (e.key === 'Enter' && (w.__lastKey = e.timeStamp)), true)
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== 'hexiao:decision') continue
        const key = w.__lastKey
        const offline =
          w.document.querySelector('[data-testid="decision"]')?.getAttribute('data-offline') === 'true'
        w.requestAnimationFrame(() =>
          w.__samples.push({ toDom: entry.startTime - key, toFrame: performance.now() - key, offline })
        )
      }
    }).observe({ type: 'mark' })
  })
}

export const sampleCount = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ProbeWindow).__samples.length)

export const takeSamples = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ProbeWindow).__samples.splice(0))
