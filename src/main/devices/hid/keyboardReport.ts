/**
 * Turns boot-protocol keyboard reports (8 bytes: modifiers, reserved, 6 key slots; 9 with a report ID) into
 * scanned text. A report lists the keys that are down now, so a key counts once when it first appears and
 * not again while it stays listed; Enter, keypad Enter or Tab ends a scan.
 */
import { characterFor, KEY_ENTER, KEY_ERRORS, KEY_KEYPAD_ENTER, KEY_TAB } from './keyboardUsages'

const SHIFT = 0x22 // LShift | RShift
/** Ctrl, Alt, GUI: a key pressed with these is a command (or an Alt+Numpad code), not text. */
const COMMAND_MODIFIERS = 0xdd

export interface KeyboardDecoderOptions {
  /** Keep at most this many characters of one scan; more is dropped (the normalizer then says TOO_LONG). */
  maxScanChars?: number
}

export class KeyboardReportDecoder {
  private down = new Set<number>()
  private text = ''
  private readonly maxScanChars: number

  constructor(options: KeyboardDecoderOptions = {}) {
    this.maxScanChars = options.maxScanChars ?? 4096
  }

  /** Feeds one input report; returns the scans it completed (usually none or one). */
  push(report: Uint8Array): string[] {
    const offset = report.length === 9 ? 1 : report.length === 8 ? 0 : undefined
    if (offset === undefined) return []
    const modifiers = report[offset] ?? 0
    const keys = Array.from(report.subarray(offset + 2, offset + 8)).filter((usage) => usage !== 0)
    if (keys.some((usage) => KEY_ERRORS.has(usage))) return []
    const scans: string[] = []
    for (const usage of keys) {
      if (this.down.has(usage)) continue
      const scan = this.press(usage, modifiers)
      if (scan !== undefined) scans.push(scan)
    }
    this.down = new Set(keys)
    return scans
  }

  /** Ends a scan that had no terminator (used after an idle timeout); undefined when nothing is pending. */
  flush(): string | undefined {
    const text = this.text
    this.text = ''
    return text === '' ? undefined : text
  }

  get pendingChars(): number {
    return this.text.length
  }

  reset(): void {
    this.down = new Set()
    this.text = ''
  }

  private press(usage: number, modifiers: number): string | undefined {
    if (usage === KEY_ENTER || usage === KEY_KEYPAD_ENTER || usage === KEY_TAB) return this.flush()
    if ((modifiers & COMMAND_MODIFIERS) !== 0) return undefined
    const ch = characterFor(usage, (modifiers & SHIFT) !== 0)
    if (ch !== undefined && this.text.length <= this.maxScanChars) this.text += ch
    return undefined
  }
}
