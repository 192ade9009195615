/**
 * The image shape the decode pipeline works on: ImageData's fields without the DOM class, so the same code
 * runs in the worker, in Node (bench, unit tests) and on regions the pipeline cuts out itself.
 */
export interface ImageLike {
  data: Uint8ClampedArray
  width: number
  height: number
}

export interface Point {
  x: number
  y: number
}

/** Corners in reading order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point]
