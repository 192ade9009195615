export { DEFAULT_NORMALIZER_CONFIG, normalizerConfigSchema } from './config'
export type { NormalizerConfig, NormalizerConfigInput } from './config'
export { rejectScan, scanRejectText } from './messages'
export { normalizeScan } from './normalize'
export { createScanEvent, scanEventOf } from './scanEvent'
export type { ScanOrigin } from './scanEvent'
export { escapeForDisplay } from './text'
export { isRejectedScan } from './types'
export type {
  RejectParams,
  NormalizedScan,
  RejectedScan,
  ScanEvent,
  ScanRejectReason,
  ScanResult,
  ScanSource
} from './types'
