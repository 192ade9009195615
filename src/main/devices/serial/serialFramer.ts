/**
 * Cuts a serial byte stream into scans. Bytes arrive in arbitrary chunks: half a frame, several frames,
 * or a frame that never ends because the scanner's suffix is set differently from ours.
 */
import type { SerialDelimiter } from '../../../shared/scannerConfig'

export type SerialFrame =
  /** A complete frame, CR/LF removed from both ends. */
  | { kind: 'frame'; bytes: Uint8Array }
  /** maxFrameBytes passed without a delimiter: the bytes so far, reported but never used as a code. */
  | { kind: 'overflow'; bytes: Uint8Array }

const CR = 0x0d
const LF = 0x0a

export function delimiterByte(delimiter: SerialDelimiter): number {
  if (typeof delimiter === 'object') return delimiter.byte
  return delimiter === 'CR' ? CR : LF
}

/** CR LF sent to a CR-delimited reader leaves an LF at the start of the next frame; drop such leftovers. */
function trimLineEnds(bytes: Uint8Array): Uint8Array {
  let start = 0
  let end = bytes.length
  while (start < end && (bytes[start] === CR || bytes[start] === LF)) start++
  while (end > start && (bytes[end - 1] === CR || bytes[end - 1] === LF)) end--
  return bytes.slice(start, end)
}

export class SerialFramer {
  private readonly delimiter: number
  private readonly buffer: Uint8Array
  private length = 0
  /** Inside a frame that already overflowed: its remaining bytes are dropped up to the next delimiter. */
  private discarding = false

  constructor(options: { delimiter: SerialDelimiter; maxFrameBytes: number }) {
    this.delimiter = delimiterByte(options.delimiter)
    this.buffer = new Uint8Array(options.maxFrameBytes)
  }

  push(chunk: Uint8Array): SerialFrame[] {
    const frames: SerialFrame[] = []
    for (const byte of chunk) {
      if (byte === this.delimiter) {
        this.endFrame(frames)
        continue
      }
      if (this.length === this.buffer.length) {
        frames.push({ kind: 'overflow', bytes: this.buffer.slice() })
        this.length = 0
        this.discarding = true
      }
      this.buffer[this.length++] = byte
    }
    return frames
  }

  /** Ends the pending frame without a delimiter (idle timeout). */
  flush(): SerialFrame[] {
    const frames: SerialFrame[] = []
    this.endFrame(frames)
    return frames
  }

  get pendingBytes(): number {
    return this.length
  }

  reset(): void {
    this.length = 0
    this.discarding = false
  }

  private endFrame(frames: SerialFrame[]): void {
    const bytes = trimLineEnds(this.buffer.subarray(0, this.length))
    const wasDiscarding = this.discarding
    this.reset()
    if (!wasDiscarding && bytes.length > 0) frames.push({ kind: 'frame', bytes })
  }
}
