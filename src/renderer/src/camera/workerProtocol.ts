/**
 * Messages between the camera (main thread) and decoder.worker.ts. Frames travel as transferred
 * ArrayBuffers (no copy); the camera keeps at most one frame in the worker, so frames never queue up.
 */
import type { DecodedCode, PipelineOptions, SeenSymbol } from './decodePipeline'

export type ToDecoder =
  | { type: 'configure'; options: Partial<PipelineOptions> }
  | { type: 'frame'; id: number; width: number; height: number; buffer: ArrayBuffer }

export type FromDecoder =
  /** The wasm is compiled and the first frame can be decoded. */
  | { type: 'ready' }
  | { type: 'result'; id: number; codes: DecodedCode[]; seen: SeenSymbol | null; reads: number; ms: number }
  | { type: 'error'; id: number | null; message: string }
