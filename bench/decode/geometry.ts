/** Small projective-geometry helpers for drawing a phone screen into a camera frame. */

export type Point = readonly [number, number]
/** Row-major 3×3 homography; h[8] is kept at 1. */
export type Homography = Float64Array

/** Solves A·x = b (n×n, in place) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    ;[b[col], b[pivot]] = [b[pivot]!, b[col]!]
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / a[col]![col]!
      for (let c = col; c < n; c++) a[r]![c]! -= f * a[col]![c]!
      b[r]! -= f * b[col]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!
    x[r] = s / a[r]![r]!
  }
  return x
}

/** The homography that maps the four src points onto the four dst points. */
export function homography(src: readonly Point[], dst: readonly Point[]): Homography {
  const a: number[][] = []
  const b: number[] = []
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!
    const [u, v] = dst[i]!
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y])
    b.push(u)
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y])
    b.push(v)
  }
  return Float64Array.from([...solve(a, b), 1])
}

export function apply(h: Homography, x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w]
}

/** Corners of a w×h rectangle centred on (cx, cy), rotated by deg, top edge shortened by keystone. */
export function placedQuad(
  cx: number,
  cy: number,
  w: number,
  h: number,
  deg: number,
  keystone: number
): Point[] {
  const t = (deg * Math.PI) / 180
  const cos = Math.cos(t)
  const sin = Math.sin(t)
  const top = (w / 2) * (1 - keystone)
  const local: Point[] = [
    [-top, -h / 2],
    [top, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2]
  ]
  return local.map(([x, y]) => [cx + x * cos - y * sin, cy + x * sin + y * cos] as const)
}
