// Frozen copy of src/renderer/src/camera/warp.ts at 2733a47 (see README.md): the "before" in bench/decode.
/**
 * Cuts a rotated rectangle out of a frame and turns it level (reading direction → +x), as a small grey
 * RGBA image a decoder can scan row by row. Bilinear sampling keeps thin bars intact.
 */
import type { ImageLike, Point } from '../../../src/renderer/src/camera/frame'

export interface LevelledCrop {
  image: ImageLike
  /** Maps a point of the crop back into frame coordinates. */
  toFrame: (p: Point) => Point
}

export interface CropSpec {
  center: Point
  /** Reading direction in the frame, radians. */
  angle: number
  width: number
  height: number
  /** Output pixels per frame pixel (> 1 enlarges small codes). */
  scale?: number
}

export function levelCrop(frame: ImageLike, spec: CropSpec): LevelledCrop {
  const scale = spec.scale ?? 1
  const outW = Math.max(8, Math.round(spec.width * scale))
  const outH = Math.max(8, Math.round(spec.height * scale))
  const ax = Math.cos(spec.angle) / scale
  const ay = Math.sin(spec.angle) / scale
  // Frame position of crop pixel (0, 0); x steps along (ax, ay), y steps along (-ay, ax).
  const ox = spec.center.x - (outW / 2) * ax + (outH / 2) * ay
  const oy = spec.center.y - (outW / 2) * ay - (outH / 2) * ax
  const src = frame.data
  const fw = frame.width
  const fh = frame.height
  const out = new Uint8ClampedArray(outW * outH * 4)
  // Green stands in for luma (as in stripes.ts): one read per neighbour instead of three.
  const green = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= fw || y >= fh ? 255 : src[(y * fw + x) * 4 + 1]! // outside: white quiet zone
  const row = fw * 4
  for (let y = 0; y < outH; y++) {
    let sx = ox - (y + 0.5) * ay + 0.5 * ax
    let sy = oy + (y + 0.5) * ax + 0.5 * ay
    for (let x = 0; x < outW; x++, sx += ax, sy += ay) {
      const fx = sx - 0.5
      const fy = sy - 0.5
      const x0 = Math.floor(fx)
      const y0 = Math.floor(fy)
      const tx = fx - x0
      const ty = fy - y0
      let v: number
      if (x0 >= 0 && y0 >= 0 && x0 < fw - 1 && y0 < fh - 1) {
        const i = (y0 * fw + x0) * 4 + 1
        v =
          (src[i]! * (1 - tx) + src[i + 4]! * tx) * (1 - ty) +
          (src[i + row]! * (1 - tx) + src[i + row + 4]! * tx) * ty
      } else {
        v =
          (green(x0, y0) * (1 - tx) + green(x0 + 1, y0) * tx) * (1 - ty) +
          (green(x0, y0 + 1) * (1 - tx) + green(x0 + 1, y0 + 1) * tx) * ty
      }
      const o = (y * outW + x) * 4
      out[o] = out[o + 1] = out[o + 2] = v
      out[o + 3] = 255
    }
  }
  return {
    image: { data: out, width: outW, height: outH },
    toFrame: (p) => ({ x: ox + p.x * ax - p.y * ay, y: oy + p.x * ay + p.y * ax })
  }
}
