import type { Quad } from './frame'

/**
 * zxing reports a 1-D code as the scan line it read (top and bottom edges almost on top of each other);
 * widen such a sliver into a band so the outline is visible.
 */
export function visibleQuad(quad: Quad): Quad {
  const [tl, tr, br, bl] = quad
  const width = Math.hypot(tr.x - tl.x, tr.y - tl.y)
  const height = Math.hypot(bl.x - tl.x, bl.y - tl.y)
  const min = width * 0.15
  if (width === 0 || height >= min) return quad
  // Unit normal to the top edge, pointing from top to bottom.
  let nx = -(tr.y - tl.y) / width
  let ny = (tr.x - tl.x) / width
  if (nx * (bl.x - tl.x) + ny * (bl.y - tl.y) < 0) [nx, ny] = [-nx, -ny]
  const grow = (min - height) / 2
  const move = (p: Quad[number], s: number) => ({ x: p.x + nx * grow * s, y: p.y + ny * grow * s })
  return [move(tl, -1), move(tr, -1), move(br, 1), move(bl, 1)]
}
