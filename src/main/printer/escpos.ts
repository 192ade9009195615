/**
 * The ESC/POS bytes the station sends, built in one place. Text is GB18030 (iconv-lite), sent after
 * `FS &` (Chinese character mode) with single-byte code page 0 (`ESC t 0`): that is how the thermal
 * printers sold in China (Xprinter, GPrinter, Sunmi, Epson TM-T82 China) take Chinese; GB18030 is a
 * superset of GBK/GB2312, so every printer that reads GBK prints the same bytes for the common characters.
 * Why not a library's builder: docs/dependencies.md § Receipt printer.
 */
import iconv from 'iconv-lite'

const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c
const DLE = 0x10
const EOT = 0x04
const LF = 0x0a

export type Align = 'left' | 'center' | 'right'

/** Half-width columns of font A per paper width (the printable 48 mm / 72 mm at 12 dots a character). */
export const COLUMNS = { 58: 32, 80: 48 } as const

/** DLE EOT n: 1 printer status, 2 offline cause, 4 roll paper sensor (answered even when offline). */
export const realTimeStatus = (n: 1 | 2 | 4): Buffer => Buffer.from([DLE, EOT, n])

/**
 * Columns a character takes on a thermal printer: CJK ideographs, kana, Hangul and full-width forms two,
 * everything else one. Layout counts these, never string length (a UTF-16 unit is not a column).
 */
export function charColumns(char: string): 1 | 2 {
  const cp = char.codePointAt(0) ?? 0
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  )
    return 2
  return 1
}

export const textColumns = (text: string): number => [...text].reduce((sum, c) => sum + charColumns(c), 0)

/** Cuts text to at most `width` columns (never splitting a double-width character). */
export function fitColumns(text: string, width: number): string {
  let out = ''
  let used = 0
  for (const c of text) {
    const w = charColumns(c)
    if (used + w > width) break
    out += c
    used += w
  }
  return out
}

/** Breaks text into lines of at most `width` columns (hard wrap: receipts have no hyphenation). */
export function wrapColumns(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  let used = 0
  for (const c of text) {
    const w = charColumns(c)
    if (used + w > width) {
      lines.push(line)
      line = ''
      used = 0
    }
    line += c
    used += w
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}

/** Control characters a name or title could carry would be printer commands: they print as spaces. */
const printable = (text: string): string =>
  [...text].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c)).join('')

export class EscPos {
  private readonly parts: Buffer[] = []
  readonly columns: number

  constructor(paperWidth: 58 | 80) {
    this.columns = COLUMNS[paperWidth]
  }

  private raw(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes))
    return this
  }

  /** ESC @ resets the printer's modes; then code page 0 and Chinese mode for GB18030. */
  init(): this {
    return this.raw(ESC, 0x40).raw(ESC, 0x74, 0).raw(FS, 0x26)
  }

  align(align: Align): this {
    return this.raw(ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2)
  }

  bold(on: boolean): this {
    return this.raw(ESC, 0x45, on ? 1 : 0)
  }

  /** GS ! — character width and height multipliers (1–8 each). */
  size(width: number, height: number): this {
    return this.raw(GS, 0x21, ((width - 1) << 4) | (height - 1))
  }

  /** Text without a line end, GB18030. */
  text(text: string): this {
    this.parts.push(iconv.encode(printable(text), 'gb18030'))
    return this
  }

  line(text = ''): this {
    return this.text(text).raw(LF)
  }

  /** Left and right on one line (right wins when they do not fit). */
  pair(left: string, right: string, columns = this.columns): this {
    const r = fitColumns(right, columns)
    const room = columns - textColumns(r) - 1
    const l = room > 0 ? fitColumns(left, room) : ''
    return this.line(l + ' '.repeat(Math.max(1, columns - textColumns(l) - textColumns(r))) + r)
  }

  /** Long text wrapped at the paper's width. */
  wrapped(text: string, columns = this.columns): this {
    for (const l of wrapColumns(text, columns)) this.line(l)
    return this
  }

  rule(char = '-'): this {
    return this.line(char.repeat(this.columns))
  }

  feed(lines: number): this {
    return this.raw(ESC, 0x64, lines)
  }

  /**
   * A QR code with the printer's own generator, GS ( k (model 2, error correction M): the data travels as
   * bytes, so a scanner reads exactly what was sent. Length is the byte length, not the string length.
   */
  qr(data: string, moduleSize = 6): this {
    const bytes = Buffer.from(data, 'utf8')
    const len = bytes.length + 3
    this.raw(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0) // model 2
    this.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleSize) // module size in dots
    this.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31) // error correction M (15 %)
    this.raw(GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30)
    this.parts.push(bytes)
    return this.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30) // print it
  }

  /** GS V 66 n: feed n lines then a partial cut (printers without a cutter just feed). */
  cut(): this {
    return this.raw(GS, 0x56, 66, 3)
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts)
  }
}
