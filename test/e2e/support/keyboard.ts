/**
 * Real key events for wedge tests: a "scanner" types through Playwright's keyboard (CDP key events,
 * handled by Chromium exactly like a USB keyboard's), with Shift pressed around upper-case letters as a
 * scanner's HID reports do.
 */
import type { Page } from 'playwright-core'

/** The little of the page's window these helpers touch (the test tsconfig has no DOM library). */
interface KeyWindow {
  __keyTimes: number[]
  addEventListener(
    type: 'keydown',
    listener: (e: { key: string; timeStamp: number }) => void,
    capture: boolean
  ): void
}

export interface TypeOptions {
  /** Pause between key down and key up; the gap between keys is this plus one CDP round trip. */
  delay: number
  suffix?: 'Enter' | 'Tab' | null
}

export async function typeLikeDevice(page: Page, text: string, { delay, suffix = 'Enter' }: TypeOptions) {
  for (const char of text) {
    if (/^[A-Z]$/.test(char)) {
      await page.keyboard.down('Shift')
      await page.keyboard.press(`Key${char}`, { delay })
      await page.keyboard.up('Shift')
    } else {
      await page.keyboard.press(char, { delay })
    }
  }
  if (suffix) await page.keyboard.press(suffix, { delay })
}

export interface KeySpeed {
  meanMs: number
  minMs: number
  maxMs: number
}

/** Records character keydown time stamps in the page, to report the speed Chromium actually saw. */
export async function recordKeyTimes(page: Page): Promise<() => Promise<KeySpeed>> {
  await page.evaluate(() => {
    const w = globalThis as unknown as KeyWindow
    w.__keyTimes = []
    w.addEventListener('keydown', (e) => void (e.key.length === 1 && w.__keyTimes.push(e.timeStamp)), true)
  })
  return () =>
    page.evaluate(() => {
      const t = (globalThis as unknown as KeyWindow).__keyTimes.splice(0)
      const gaps = t.slice(1).map((v, i) => v - t[i]!)
      return {
        meanMs: gaps.length ? (t.at(-1)! - t[0]!) / gaps.length : 0,
        minMs: gaps.length ? Math.min(...gaps) : 0,
        maxMs: gaps.length ? Math.max(...gaps) : 0
      }
    })
}

/** KeyboardEvent.code of a character on a US layout (letters, digits). */
export function codeOf(char: string): string {
  if (/^[a-z]$/i.test(char)) return `Key${char.toUpperCase()}`
  if (/^[0-9]$/.test(char)) return `Digit${char}`
  throw new Error(`no code for ${char}`)
}

/**
 * A scanner typing into a field while a Chinese input method is on, as Chromium sees it on Windows: each
 * keydown arrives as key 'Process' (the IME took it) and the IME's composition grows in the field; the
 * suffix Enter makes the IME commit the raw letters.
 */
export async function typeThroughIme(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  // Commands are sent back to back and awaited together: one session runs them in order, and the burst
  // reaches the page at scanner speed instead of at the speed of round trips.
  const sent: Promise<unknown>[] = []
  let composed = ''
  for (const char of text) {
    sent.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        key: 'Process',
        code: codeOf(char),
        windowsVirtualKeyCode: 229
      })
    )
    composed += char
    sent.push(
      cdp.send('Input.imeSetComposition', {
        text: composed,
        selectionStart: composed.length,
        selectionEnd: composed.length
      })
    )
  }
  sent.push(
    cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Process',
      code: 'Enter',
      windowsVirtualKeyCode: 229
    })
  )
  sent.push(cdp.send('Input.insertText', { text: composed }))
  await Promise.all(sent)
  await cdp.detach()
}
