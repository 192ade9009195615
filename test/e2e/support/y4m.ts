/**
 * A fake camera for Chromium (--use-file-for-fake-video-capture): a YUV4MPEG2 file written from an RGBA
 * image. y4m is a header line, then per frame 'FRAME\n' and the Y, U and V planes (4:2:0, BT.601 studio
 * range). Chromium loops the file, so two identical frames are enough.
 */
import { writeFileSync } from 'node:fs'

export interface Rgba {
  data: Uint8ClampedArray
  width: number
  height: number
}

export function toI420({ data, width, height }: Rgba): Buffer {
  const y = Buffer.alloc(width * height)
  const cw = width >> 1
  const ch = height >> 1
  const u = Buffer.alloc(cw * ch)
  const v = Buffer.alloc(cw * ch)
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!]
    y[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255)
  }
  for (let j = 0; j < ch; j++)
    for (let i = 0; i < cw; i++) {
      // Average the 2×2 block for the chroma sample.
      let r = 0
      let g = 0
      let b = 0
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1]
      ] as const) {
        const p = ((2 * j + dy) * width + 2 * i + dx) * 4
        r += data[p]! / 4
        g += data[p + 1]! / 4
        b += data[p + 2]! / 4
      }
      u[j * cw + i] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255)
      v[j * cw + i] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255)
    }
  return Buffer.concat([y, u, v])
}

export function writeY4m(path: string, image: Rgba, frames = 2): void {
  const header = Buffer.from(`YUV4MPEG2 W${image.width} H${image.height} F5:1 Ip A1:1 C420jpeg\n`)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), toI420(image)])
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
}
