// Frozen copy of src/renderer/src/camera/stripes.ts at 2733a47 (see README.md): the "before" in bench/decode.
/**
 * Finds bar-code-like regions and their angle without decoding anything: a 1-D code or PDF417 is a patch
 * where almost every gradient points the same way (across the bars) and is strong. Per cell we sum the
 * structure tensor of the luma gradient; coherent, strong cells with similar angles are joined into
 * regions. Costs a few milliseconds on a 1280×720 frame, so it can run whenever the plain decode
 * found nothing.
 */
import type { ImageLike, Point } from '../../../src/renderer/src/camera/frame'

export interface StripedRegion {
  center: Point
  /** Direction across the bars (the reading direction), radians in (-π/2, π/2]. */
  angle: number
  /** Extent along the reading direction and along the bars, frame pixels. */
  length: number
  thickness: number
  /** How consistently the gradients agree, 0…1 (bars ≈ 0.9, text ≈ 0.4). */
  coherence: number
  cells: number
}

export interface StripeOptions {
  /** Cell side in gradient samples (one every second pixel, so 8 → 16 frame pixels). */
  cell?: number
  minCoherence?: number
  /** Minimum mean squared gradient per sample (grey levels² per 2 pixels). */
  minEnergy?: number
  minCells?: number
  /** Neighbouring cells join when their angles differ by less than this (radians). */
  maxAngleStep?: number
  maxRegions?: number
  /** Cells whose gradients add up to more than this fraction of their magnitudes are edges, not bars. */
  maxEdgeness?: number
}

const DEFAULTS: Required<StripeOptions> = {
  cell: 8,
  minCoherence: 0.45,
  minEnergy: 300,
  minCells: 4,
  maxAngleStep: (15 * Math.PI) / 180,
  maxRegions: 2,
  maxEdgeness: 0.75
}

/** Reading-direction extent over bar-direction extent below which a region is not a code. */
const MIN_ASPECT = 0.6
/** Pieces whose angles differ by less than this (radians) may belong to one code. */
const MERGE_ANGLE = (6 * Math.PI) / 180

interface CellGrid {
  cols: number
  rows: number
  jxx: Float64Array
  jyy: Float64Array
  jxy: Float64Array
  /**
   * Sum of gradient vectors and of gradient magnitudes: bars alternate rising and falling edges, so their
   * gradients cancel out; a single edge (a phone's bezel, a table edge) does not.
   */
  sx: Float64Array
  sy: Float64Array
  mag: Float64Array
}

/**
 * Structure tensor per cell, from gradients sampled at every second pixel of the full-resolution frame.
 * Downscaling first would alias the thinnest bars into moiré with a different angle; sampling the exact
 * local gradient sparsely keeps the angle right at a quarter of the cost.
 */
function tensorCells(frame: ImageLike, cell: number): CellGrid {
  const { data, width } = frame
  const cols = Math.floor((frame.width - 2) / (2 * cell))
  const rows = Math.floor((frame.height - 2) / (2 * cell))
  const grid: CellGrid = {
    cols,
    rows,
    jxx: new Float64Array(cols * rows),
    jyy: new Float64Array(cols * rows),
    jxy: new Float64Array(cols * rows),
    sx: new Float64Array(cols * rows),
    sy: new Float64Array(cols * rows),
    mag: new Float64Array(cols * rows)
  }
  // Green only (luma is mostly green, and this skips a pass over the whole frame); Scharr reads it at the
  // eight neighbours of every sample.
  const stride = width * 4
  for (let sy = 0; sy < rows * cell; sy++) {
    const y = 1 + 2 * sy
    const row = Math.floor(sy / cell) * cols
    for (let sx = 0; sx < cols * cell; sx++) {
      const i = (y * width + 1 + 2 * sx) * 4 + 1
      // Scharr: central differences alone report bars at 20° as 23° (their error grows with frequency).
      const a = data[i - stride - 4]!
      const b = data[i - stride]!
      const c = data[i - stride + 4]!
      const d = data[i - 4]!
      const e = data[i + 4]!
      const f = data[i + stride - 4]!
      const g = data[i + stride]!
      const h = data[i + stride + 4]!
      const gx = (3 * (c - a + h - f) + 10 * (e - d)) / 32
      const gy = (3 * (f - a + h - c) + 10 * (g - b)) / 32
      const cellIndex = row + Math.floor(sx / cell)
      grid.jxx[cellIndex]! += gx * gx
      grid.jyy[cellIndex]! += gy * gy
      grid.jxy[cellIndex]! += gx * gy
      grid.sx[cellIndex]! += gx
      grid.sy[cellIndex]! += gy
      grid.mag[cellIndex]! += Math.sqrt(gx * gx + gy * gy)
    }
  }
  return grid
}

/** Difference of two axial angles (period π), in [0, π/2]. */
function axialDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % Math.PI
  return Math.min(d, Math.PI - d)
}

export function findStripedRegions(frame: ImageLike, options: StripeOptions = {}): StripedRegion[] {
  const o = { ...DEFAULTS, ...options }
  const grid = tensorCells(frame, o.cell)
  const n = grid.cols * grid.rows
  const pixels = o.cell * o.cell
  const angle = new Float64Array(n)
  const candidate = new Uint8Array(n)
  for (let c = 0; c < n; c++) {
    const e = grid.jxx[c]! + grid.jyy[c]!
    if (e / pixels < o.minEnergy) continue
    const dx = grid.jxx[c]! - grid.jyy[c]!
    const coherence = Math.hypot(dx, 2 * grid.jxy[c]!) / e
    if (coherence < o.minCoherence) continue
    if (Math.hypot(grid.sx[c]!, grid.sy[c]!) > o.maxEdgeness * grid.mag[c]!) continue
    candidate[c] = 1
    angle[c] = 0.5 * Math.atan2(2 * grid.jxy[c]!, dx)
  }

  const groups = mergeCollinear(components(grid, candidate, angle, o.maxAngleStep), grid, o.cell)
  const regions: StripedRegion[] = []
  for (const members of groups) {
    if (members.length < o.minCells) continue
    const region = describe(members, grid, o.cell)
    // Bars stretch along the reading direction; a strip much longer across it is an edge (a bezel, a
    // shelf), whatever its cells look like.
    if (region.length >= MIN_ASPECT * region.thickness && region.length >= 3 * 2 * o.cell)
      regions.push(region)
  }
  return regions.sort((a, b) => b.cells - a.cells).slice(0, o.maxRegions)
}

/** Connected candidate cells (8-neighbourhood) whose angles change smoothly. */
function components(grid: CellGrid, candidate: Uint8Array, angle: Float64Array, maxStep: number): number[][] {
  const label = new Uint8Array(candidate.length)
  const groups: number[][] = []
  const stack: number[] = []
  for (let seed = 0; seed < candidate.length; seed++) {
    if (!candidate[seed] || label[seed]) continue
    const members: number[] = []
    label[seed] = 1
    stack.push(seed)
    while (stack.length) {
      const c = stack.pop()!
      members.push(c)
      const cx = c % grid.cols
      const cy = (c - cx) / grid.cols
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const x = cx + dx
          const y = cy + dy
          if (x < 0 || y < 0 || x >= grid.cols || y >= grid.rows) continue
          const m = y * grid.cols + x
          if (!candidate[m] || label[m] || axialDistance(angle[m]!, angle[c]!) > maxStep) continue
          label[m] = 1
          stack.push(m)
        }
    }
    groups.push(members)
  }
  return groups
}

/**
 * Joins pieces of one code that a weak column split apart (a PDF417's start pattern and its data, a
 * Code 128's wide spaces): same angle, on the same line, end to end with a small gap.
 */
function mergeCollinear(groups: number[][], grid: CellGrid, cell: number): number[][] {
  const maxGap = 3 * 2 * cell
  let merged = true
  while (merged) {
    merged = false
    const regions = groups.map((g) => describe(g, grid, cell))
    outer: for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        const a = regions[i]!
        const b = regions[j]!
        if (axialDistance(a.angle, b.angle) > MERGE_ANGLE) continue
        const dx = b.center.x - a.center.x
        const dy = b.center.y - a.center.y
        const u = Math.abs(dx * Math.cos(a.angle) + dy * Math.sin(a.angle))
        const v = Math.abs(-dx * Math.sin(a.angle) + dy * Math.cos(a.angle))
        if (v > Math.max(a.thickness, b.thickness) / 2) continue
        if (u - (a.length + b.length) / 2 > maxGap) continue
        groups[i] = groups[i]!.concat(groups[j]!)
        groups.splice(j, 1)
        merged = true
        break outer
      }
  }
  return groups
}

/** Angle from the summed tensor, extents from the cells projected on the region's own axes. */
function describe(members: number[], grid: CellGrid, cell: number): StripedRegion {
  let sxx = 0
  let syy = 0
  let sxy = 0
  let mx = 0
  let my = 0
  for (const c of members) {
    sxx += grid.jxx[c]!
    syy += grid.jyy[c]!
    sxy += grid.jxy[c]!
    mx += (c % grid.cols) + 0.5
    my += Math.floor(c / grid.cols) + 0.5
  }
  mx /= members.length
  my /= members.length
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy)
  const ax = Math.cos(angle)
  const ay = Math.sin(angle)
  let umin = Infinity
  let umax = -Infinity
  let vmin = Infinity
  let vmax = -Infinity
  for (const c of members) {
    const x = (c % grid.cols) + 0.5 - mx
    const y = Math.floor(c / grid.cols) + 0.5 - my
    const u = x * ax + y * ay
    const v = -x * ay + y * ax
    umin = Math.min(umin, u)
    umax = Math.max(umax, u)
    vmin = Math.min(vmin, v)
    vmax = Math.max(vmax, v)
  }
  // Cell units → frame pixels (a cell spans 2·cell pixels, offset by the 1-pixel border).
  const scale = cell * 2
  const uc = (umin + umax) / 2
  const vc = (vmin + vmax) / 2
  return {
    center: { x: (mx + uc * ax - vc * ay) * scale + 2, y: (my + uc * ay + vc * ax) * scale + 2 },
    angle,
    length: (umax - umin + 1) * scale,
    thickness: (vmax - vmin + 1) * scale,
    coherence: Math.hypot(sxx - syy, 2 * sxy) / (sxx + syy),
    cells: members.length
  }
}
