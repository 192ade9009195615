/**
 * The peer: @zxing/library, the pure-JavaScript port most web scanners use, on the same RGBA frames.
 * Grey conversion is part of its timing, as it is part of ours (zxing-wasm converts inside the wasm).
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource
} from '@zxing/library'
import type { Frame } from './scene'

export function createPeer(tryHarder = false): (frame: Frame) => string | null {
  const reader = new MultiFormatReader()
  const hints = new Map<DecodeHintType, unknown>([
    [
      DecodeHintType.POSSIBLE_FORMATS,
      [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128, BarcodeFormat.PDF_417, BarcodeFormat.EAN_13]
    ],
    [DecodeHintType.TRY_HARDER, tryHarder]
  ])
  reader.setHints(hints)
  return (frame) => {
    const { data, width, height } = frame
    const grey = new Uint8ClampedArray(width * height)
    // The same weights as @zxing/browser's canvas luminance source.
    for (let i = 0, p = 0; i < grey.length; i++, p += 4)
      grey[i] = (data[p]! * 306 + data[p + 1]! * 601 + data[p + 2]! * 117) >> 10
    try {
      return reader
        .decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height))))
        .getText()
    } catch {
      // NotFound, Checksum and Format exceptions all mean "nothing read".
      return null
    }
  }
}
