import type { EpochMs } from '../time'
import { DEFAULT_NORMALIZER_CONFIG, type NormalizerConfig } from './config'
import { normalizeScan } from './normalize'
import { escapeForDisplay } from './text'
import type { ScanEvent, ScanResult, ScanSource } from './types'

export interface ScanOrigin {
  source: ScanSource
  device: string
  at: EpochMs
}

/** Normalizes a raw scan and wraps it with where and when it came from, ready to log and to route. */
export function createScanEvent(
  origin: ScanOrigin,
  raw: string,
  config: NormalizerConfig = DEFAULT_NORMALIZER_CONFIG
): ScanEvent {
  return scanEventOf(origin, raw, normalizeScan(raw, config))
}

/** For results decided before normalisation (e.g. a serial frame that never ended). */
export function scanEventOf(origin: ScanOrigin, raw: string, normalized: ScanResult): ScanEvent {
  return { ...origin, raw: escapeForDisplay(raw), normalized }
}
