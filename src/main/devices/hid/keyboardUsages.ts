/**
 * HID keyboard page (0x07) usages → characters for a US layout (docs/scanner-facts.md §2.2). Reading raw reports
 * bypasses the host layout and IME, so the scanner's own (default US) layout is the one that applies.
 */

export const KEY_ENTER = 0x28
export const KEY_TAB = 0x2b
export const KEY_KEYPAD_ENTER = 0x58
/** ErrorRollOver, POSTFail, ErrorUndefined: the report carries no key state (Linux drops these too). */
export const KEY_ERRORS: ReadonlySet<number> = new Set([0x01, 0x02, 0x03])

/** Usage → [unshifted, shifted]. */
const KEYS = new Map<number, readonly [string, string]>()

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
for (let i = 0; i < LETTERS.length; i++)
  KEYS.set(0x04 + i, [LETTERS.charAt(i), LETTERS.charAt(i).toUpperCase()])

const DIGITS = '1234567890'
const DIGITS_SHIFTED = '!@#$%^&*()'
for (let i = 0; i < DIGITS.length; i++) KEYS.set(0x1e + i, [DIGITS.charAt(i), DIGITS_SHIFTED.charAt(i)])

const PUNCTUATION: Array<[number, string, string]> = [
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x32, '#', '~'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  [0x64, '\\', '|']
]
for (const [usage, plain, shifted] of PUNCTUATION) KEYS.set(usage, [plain, shifted])

// Keypad: scanners that type digits on the keypad assume NumLock on; the keypad ignores Shift for these.
const KEYPAD: Array<[number, string]> = [
  [0x54, '/'],
  [0x55, '*'],
  [0x56, '-'],
  [0x57, '+'],
  [0x59, '1'],
  [0x5a, '2'],
  [0x5b, '3'],
  [0x5c, '4'],
  [0x5d, '5'],
  [0x5e, '6'],
  [0x5f, '7'],
  [0x60, '8'],
  [0x61, '9'],
  [0x62, '0'],
  [0x63, '.']
]
for (const [usage, ch] of KEYPAD) KEYS.set(usage, [ch, ch])

export function characterFor(usage: number, shift: boolean): string | undefined {
  const pair = KEYS.get(usage)
  return pair === undefined ? undefined : pair[shift ? 1 : 0]
}
