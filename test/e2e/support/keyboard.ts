/**
 * Real key events for wedge tests: CDP key events, handled by Chromium exactly like a USB keyboard's, with
 * Shift pressed around upper-case letters as a scanner's HID reports do. A person types key by key through
 * Playwright's keyboard; a scanner's burst is queued in one go (typeLikeDevice).
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

/** Key pauses up to this are a scanner's: the burst is queued in one go (see typeLikeDevice). */
const SCANNER_MAX_DELAY_MS = 10

/**
 * Types like a device. A person (delay above SCANNER_MAX_DELAY_MS): one key per Playwright round trip,
 * held for `delay`. A scanner: every key event of the burst is queued back to back on one CDP session and
 * awaited together, so it reaches the page at scanner speed however loaded the machine that drives the
 * browser is — key by key, a busy test runner stretched the gaps past the listener's limit and the first
 * keys of a burst fell out of the scan (issue 13's wedge flake).
 */
export async function typeLikeDevice(page: Page, text: string, { delay, suffix = 'Enter' }: TypeOptions) {
  if (delay <= SCANNER_MAX_DELAY_MS) return scanBurst(page, text, suffix)
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

interface KeyDef {
  key: string
  code: string
  windowsVirtualKeyCode: number
  text?: string
  shift: boolean
}

const PUNCTUATION: Record<string, Omit<KeyDef, 'shift' | 'text'>> = {
  '-': { key: '-', code: 'Minus', windowsVirtualKeyCode: 189 },
  '.': { key: '.', code: 'Period', windowsVirtualKeyCode: 190 },
  '/': { key: '/', code: 'Slash', windowsVirtualKeyCode: 191 }
}

function keyDef(char: string): KeyDef {
  if (char === 'Enter')
    return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', shift: false }
  if (char === 'Tab') return { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, shift: false }
  const punctuation = PUNCTUATION[char]
  if (punctuation) return { ...punctuation, text: char, shift: false }
  const code = codeOf(char)
  return {
    key: char,
    code,
    windowsVirtualKeyCode: char.toUpperCase().charCodeAt(0),
    text: char,
    shift: /[A-Z]/.test(char)
  }
}

/** The fields of CDP's Input.dispatchKeyEvent these bursts use. */
interface KeyEventParams {
  type: 'keyDown' | 'keyUp' | 'rawKeyDown'
  modifiers: number
  key: string
  code: string
  windowsVirtualKeyCode: number
  text?: string
  unmodifiedText?: string
}

/** A scanner's HID reports as Chromium gets them: Shift around upper-case letters, then the suffix key. */
async function scanBurst(page: Page, text: string, suffix: TypeOptions['suffix']): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const SHIFT = 8
  const shiftKey = { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 }
  const sent: Promise<unknown>[] = []
  const send = (params: KeyEventParams) => sent.push(cdp.send('Input.dispatchKeyEvent', params))
  for (const name of [...text, ...(suffix ? [suffix] : [])]) {
    const { shift, ...def } = keyDef(name)
    const modifiers = shift ? SHIFT : 0
    if (shift) send({ type: 'rawKeyDown', modifiers: SHIFT, ...shiftKey })
    send({ type: def.text ? 'keyDown' : 'rawKeyDown', modifiers, ...def, unmodifiedText: def.text })
    send({
      type: 'keyUp',
      modifiers,
      key: def.key,
      code: def.code,
      windowsVirtualKeyCode: def.windowsVirtualKeyCode
    })
    if (shift) send({ type: 'keyUp', modifiers: 0, ...shiftKey })
  }
  await Promise.all(sent)
  await cdp.detach()
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
