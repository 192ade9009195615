/**
 * Barcode symbols as module bitmaps (1 cell per module, quiet zone included), so a scene can draw them at
 * any size, angle and perspective with exact edges instead of resampling a PNG.
 */
import bwipjs from 'bwip-js'
import QRCode from 'qrcode'

export type SymbolFormat = 'QRCode' | 'Code128' | 'PDF417' | 'EAN13'

export interface ModuleBitmap {
  format: SymbolFormat
  text: string
  /** Width and height in modules, quiet zone included. */
  width: number
  height: number
  /** 1 = dark module, row-major. */
  dark: Uint8Array
}

interface LinearRaw {
  sbs: number[]
}
interface MatrixRaw {
  pixs: number[]
  pixx: number
  pixy: number
}

function blank(format: SymbolFormat, text: string, width: number, height: number): ModuleBitmap {
  return { format, text, width, height, dark: new Uint8Array(width * height) }
}

export function qrSymbol(text: string, quiet = 4): ModuleBitmap {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const out = blank('QRCode', text, size + 2 * quiet, size + 2 * quiet)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) out.dark[(y + quiet) * out.width + x + quiet] = 1
  return out
}

/**
 * A 1-D symbol from bwip-js's space/bar widths. heightRatio is bar height / symbol width; coupons on a
 * phone screen show fairly flat barcodes (about 1/4), which is what makes tilt hard.
 */
export function linearSymbol(
  format: 'Code128' | 'EAN13',
  text: string,
  heightRatio = 0.25,
  quiet = 10
): ModuleBitmap {
  const raw = bwipjs.raw(format === 'Code128' ? 'code128' : 'ean13', text, {}) as unknown as LinearRaw[]
  const sbs = raw[0]?.sbs ?? []
  const modules = sbs.reduce((a, b) => a + b, 0)
  const width = modules + 2 * quiet
  const height = Math.max(8, Math.round(width * heightRatio))
  const out = blank(format, text, width, height)
  let x = quiet
  sbs.forEach((w, i) => {
    // bwip-js lists bar, space, bar, … widths starting with a bar.
    if (i % 2 === 0) for (let y = 0; y < height; y++) out.dark.fill(1, y * width + x, y * width + x + w)
    x += w
  })
  return out
}

export function pdf417Symbol(text: string, quiet = 2): ModuleBitmap {
  // Two data columns, rows 3 modules high: a flat strip of about 4:1, as a wallet app shows a short code.
  const raw = bwipjs.raw('pdf417', text, { columns: 2, rowheight: 3 } as never) as unknown as MatrixRaw[]
  const first = raw[0]
  if (!first) throw new Error('bwip-js returned no PDF417 symbol')
  // pixs holds one entry per module row; pixy is the height with every row repeated rowheight times.
  const rows = first.pixs.length / first.pixx
  const rowHeight = first.pixy / rows
  const out = blank('PDF417', text, first.pixx + 2 * quiet, first.pixy + 2 * quiet)
  for (let y = 0; y < first.pixy; y++)
    for (let x = 0; x < first.pixx; x++)
      if (first.pixs[Math.floor(y / rowHeight) * first.pixx + x])
        out.dark[(y + quiet) * out.width + x + quiet] = 1
  return out
}

export function makeSymbol(format: SymbolFormat, text: string): ModuleBitmap {
  switch (format) {
    case 'QRCode':
      return qrSymbol(text)
    case 'Code128':
    case 'EAN13':
      return linearSymbol(format, text)
    case 'PDF417':
      return pdf417Symbol(text)
  }
}

/** A phone screen with no code on it yet (frames that must decode to nothing). */
export function blankSymbol(width = 60, height = 60): ModuleBitmap {
  return blank('QRCode', '', width, height)
}

/** Renders a symbol flat and level on white, scale pixels per module, as RGBA (for fixtures). */
export function renderFlat(
  symbol: ModuleBitmap,
  scale: number,
  canvas: { width: number; height: number }
): { data: Uint8ClampedArray; width: number; height: number } {
  const { width, height } = canvas
  const data = new Uint8ClampedArray(width * height * 4).fill(255)
  const x0 = Math.floor((width - symbol.width * scale) / 2)
  const y0 = Math.floor((height - symbol.height * scale) / 2)
  for (let y = 0; y < symbol.height * scale; y++)
    for (let x = 0; x < symbol.width * scale; x++) {
      if (!symbol.dark[Math.floor(y / scale) * symbol.width + Math.floor(x / scale)]) continue
      const i = ((y0 + y) * width + x0 + x) * 4
      data[i] = data[i + 1] = data[i + 2] = 0
    }
  return { data, width, height }
}
