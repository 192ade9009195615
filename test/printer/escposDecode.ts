/**
 * Reads an ESC/POS byte stream back into text lines and commands, the way a printer would: the tests assert
 * on what the printer received, not on what the builder meant to send. Text is GB18030 while Chinese mode
 * (FS &) is on. A command this decoder does not know fails the decode, so a stray byte cannot pass unseen.
 */
import iconv from 'iconv-lite'

export type Align = 'left' | 'center' | 'right'

export interface PrintedLine {
  text: string
  align: Align
  bold: boolean
  /** GS ! multipliers. */
  width: number
  height: number
}

export type Command =
  | { op: 'init' }
  | { op: 'codePage'; n: number }
  | { op: 'chineseMode'; on: boolean }
  | { op: 'align'; align: Align }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'feed'; lines: number }
  | { op: 'cut'; mode: number; feed: number }
  | { op: 'status'; n: number }
  | { op: 'qr'; data: string; model: number; moduleSize: number; correction: string }

export interface Decoded {
  lines: PrintedLine[]
  commands: Command[]
  /** Every QR code printed (GS ( k fn 81 after its data was stored). */
  qr: string[]
  statusQueries: number[]
  /** Lines as plain text, trailing spaces removed. */
  text: string[]
  /** Lines, QR codes and cuts in paper order (for a picture of the paper). */
  blocks: Block[]
}

export type Block =
  | { kind: 'line'; line: PrintedLine }
  | { kind: 'qr'; data: string; align: Align; moduleSize: number }
  | { kind: 'cut' }

export function decodeEscPos(bytes: Uint8Array): Decoded {
  const b = Buffer.from(bytes)
  const lines: PrintedLine[] = []
  const commands: Command[] = []
  const qr: string[] = []
  const statusQueries: number[] = []
  const blocks: Block[] = []
  let chinese = false
  let align: Align = 'left'
  let bold = false
  let width = 1
  let height = 1
  let pending: number[] = []
  const qrState = { model: 0, moduleSize: 0, correction: '', data: null as string | null }
  // Style of a line is the style in force when its first character arrived (how a receipt reads).
  let lineStyle: Omit<PrintedLine, 'text'> | null = null

  const flush = () => {
    const text = chinese
      ? iconv.decode(Buffer.from(pending), 'gb18030')
      : Buffer.from(pending).toString('latin1')
    const line = { text, ...(lineStyle ?? { align, bold, width, height }) }
    lines.push(line)
    blocks.push({ kind: 'line', line })
    pending = []
    lineStyle = null
  }
  const need = (i: number, n: number) => {
    if (i + n > b.length) throw new Error(`truncated command at byte ${i}`)
  }
  const reset = () => {
    align = 'left'
    bold = false
    width = 1
    height = 1
    chinese = false
  }

  let i = 0
  while (i < b.length) {
    const c = b[i]!
    if (c === 0x0a) {
      flush()
      i += 1
    } else if (c === 0x1b) {
      need(i, 2)
      const op = b[i + 1]!
      if (op === 0x40) {
        reset()
        commands.push({ op: 'init' })
        i += 2
      } else if (op === 0x74) {
        need(i, 3)
        commands.push({ op: 'codePage', n: b[i + 2]! })
        i += 3
      } else if (op === 0x61) {
        need(i, 3)
        const n = b[i + 2]! % 48
        align = n === 1 ? 'center' : n === 2 ? 'right' : 'left'
        commands.push({ op: 'align', align })
        i += 3
      } else if (op === 0x45) {
        need(i, 3)
        bold = (b[i + 2]! & 1) === 1
        commands.push({ op: 'bold', on: bold })
        i += 3
      } else if (op === 0x64) {
        need(i, 3)
        commands.push({ op: 'feed', lines: b[i + 2]! })
        i += 3
      } else throw new Error(`unknown ESC command 0x${op.toString(16)} at byte ${i}`)
    } else if (c === 0x1c) {
      need(i, 2)
      const op = b[i + 1]!
      if (op === 0x26 || op === 0x2e) {
        chinese = op === 0x26
        commands.push({ op: 'chineseMode', on: chinese })
        i += 2
      } else throw new Error(`unknown FS command 0x${op.toString(16)} at byte ${i}`)
    } else if (c === 0x1d) {
      need(i, 2)
      const op = b[i + 1]!
      if (op === 0x21) {
        need(i, 3)
        const n = b[i + 2]!
        width = (n >> 4) + 1
        height = (n & 0x0f) + 1
        commands.push({ op: 'size', width, height })
        i += 3
      } else if (op === 0x56) {
        need(i, 4)
        commands.push({ op: 'cut', mode: b[i + 2]!, feed: b[i + 3]! })
        blocks.push({ kind: 'cut' })
        i += 4
      } else if (op === 0x28 && b[i + 2] === 0x6b) {
        need(i, 8)
        const len = b[i + 3]! + b[i + 4]! * 256
        need(i, 5 + len)
        const cn = b[i + 5]!
        const fn = b[i + 6]!
        const params = b.subarray(i + 7, i + 5 + len)
        if (cn !== 0x31) throw new Error(`GS ( k for symbol ${cn} is not a QR command`)
        if (fn === 0x41) qrState.model = params[0]! - 0x30
        else if (fn === 0x43) qrState.moduleSize = params[0]!
        else if (fn === 0x45) qrState.correction = 'LMQH'[params[0]! - 0x30] ?? '?'
        else if (fn === 0x50) qrState.data = params.subarray(1).toString('utf8')
        else if (fn === 0x51) {
          if (qrState.data === null) throw new Error('QR print without stored data')
          qr.push(qrState.data)
          blocks.push({ kind: 'qr', data: qrState.data, align, moduleSize: qrState.moduleSize })
          commands.push({
            op: 'qr',
            data: qrState.data,
            model: qrState.model,
            moduleSize: qrState.moduleSize,
            correction: qrState.correction
          })
        } else throw new Error(`unknown QR function ${fn}`)
        i += 5 + len
      } else throw new Error(`unknown GS command 0x${op.toString(16)} at byte ${i}`)
    } else if (c === 0x10) {
      need(i, 3)
      if (b[i + 1] !== 0x04) throw new Error(`unknown DLE command at byte ${i}`)
      statusQueries.push(b[i + 2]!)
      commands.push({ op: 'status', n: b[i + 2]! })
      i += 3
    } else if (c < 0x20) {
      throw new Error(`stray control byte 0x${c.toString(16)} at byte ${i}`)
    } else {
      if (pending.length === 0) lineStyle = { align, bold, width, height }
      pending.push(c)
      i += 1
    }
  }
  if (pending.length > 0) flush()
  return { lines, commands, qr, statusQueries, blocks, text: lines.map((l) => l.text.trimEnd()) }
}
