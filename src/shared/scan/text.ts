/**
 * Character-level clean-up shared by the normalizer and the display escaper. Works on UTF-16 code units
 * on purpose: a lone surrogate is exactly the kind of damage a bad byte decode leaves behind.
 */

/** Controls that scanners use as terminators or field separators (Tab, LF, CR, STX/ETX/EOT, FS/GS/RS/US). */
const FRAMING_CONTROLS = new Set([0x02, 0x03, 0x04, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f])

/** Zero-width characters that come along with pasted text but never belong to a code. */
const INVISIBLES = /[\u200B-\u200D\u2060\uFEFF]/g

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff

/** A code unit that only appears when bytes were misread: other controls, DEL, C1, U+FFFD, noncharacters. */
function isGarbageUnit(unit: number): boolean {
  if (unit < 0x20) return !FRAMING_CONTROLS.has(unit)
  return (unit >= 0x7f && unit <= 0x9f) || unit === 0xfffd || unit === 0xfffe || unit === 0xffff
}

/** True when the text holds bytes no scanner produces for a real label (see isGarbageUnit, lone surrogates). */
export function containsGarbage(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return true
      i++
      continue
    }
    if (isLowSurrogate(unit) || isGarbageUnit(unit)) return true
  }
  return false
}

/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, ＋, ／ …) to ASCII and the ideographic space to a space: a Chinese
 * input method in full-width mode turns a wedge scan or a typed code into these.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

export const removeInvisibles = (text: string): string => text.replace(INVISIBLES, '')

export function removeFramingControls(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) if (!FRAMING_CONTROLS.has(text.charCodeAt(i))) out += text[i]
  return out
}

const isEdgeJunk = (ch: string): boolean => /\s/.test(ch) || FRAMING_CONTROLS.has(ch.charCodeAt(0))

/** Trim whitespace (including U+3000 and NBSP) and framing controls from both ends. */
export function trimScan(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isEdgeJunk(text.charAt(start))) start++
  while (end > start && isEdgeJunk(text.charAt(end - 1))) end--
  return text.slice(start, end)
}

/** Han, kana, hangul, bopomofo, CJK punctuation and left-over full-width forms: the marks of an IME. */
export const containsCjk = (text: string): boolean =>
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/.test(
    text
  )

export const isPrintableAscii = (text: string): boolean => /^[\x20-\x7E]*$/.test(text)

const hex = (unit: number, width: number): string => unit.toString(16).toUpperCase().padStart(width, '0')

function escapeUnit(text: string, i: number): string {
  const unit = text.charCodeAt(i)
  if (unit === 0x5c) return '\\\\'
  if (unit === 0x0d) return '\\r'
  if (unit === 0x0a) return '\\n'
  if (unit === 0x09) return '\\t'
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return `\\x${hex(unit, 2)}`
  const pairedHigh = isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))
  const pairedLow = isLowSurrogate(unit) && isHighSurrogate(text.charCodeAt(i - 1))
  if ((isHighSurrogate(unit) && !pairedHigh) || (isLowSurrogate(unit) && !pairedLow))
    return `\\u${hex(unit, 4)}`
  if (
    unit === 0xfffd ||
    unit === 0xfeff ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    (unit >= 0x200b && unit <= 0x200d)
  )
    return `\\u${hex(unit, 4)}`
  return text.charAt(i)
}

/**
 * Makes a raw scan safe and unambiguous to show or log: control characters appear as \r, \n, \t or \x1D,
 * invisible and broken characters as \uXXXX, a backslash as \\. Long input is cut (the count is kept).
 */
export function escapeForDisplay(raw: string, maxUnits = 512): string {
  let end = Math.min(raw.length, maxUnits)
  // Do not split a surrogate pair at the cut: it would display as a broken character that was never there.
  if (end < raw.length && isHighSurrogate(raw.charCodeAt(end - 1))) end--
  let out = ''
  for (let i = 0; i < end; i++) out += escapeUnit(raw, i)
  return end < raw.length ? `${out}…(+${raw.length - end})` : out
}
