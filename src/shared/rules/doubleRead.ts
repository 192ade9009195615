/**
 * Rule 10: a scanner that reads the same code twice within a short window (2 s in docs/product-rules.md §3) on the same
 * device produced one scan, not two. The redeem service drops the second read before calling decide.
 */
import type { EpochMs } from '../time'

export interface ScanEvent {
  code: string
  deviceId: string
  at: EpochMs
}

export const DOUBLE_READ_WINDOW_MS = 2000

/** true when `scan` repeats `prevScan` (same code, same device) less than windowMs later. */
export function isDoubleRead(
  prevScan: ScanEvent | null | undefined,
  scan: ScanEvent,
  windowMs: number = DOUBLE_READ_WINDOW_MS
): boolean {
  if (!prevScan) return false
  const gap = scan.at - prevScan.at
  // A negative gap (events out of order) is not treated as a repeat: decide() still catches a real duplicate.
  return prevScan.code === scan.code && prevScan.deviceId === scan.deviceId && gap >= 0 && gap < windowMs
}
