/** The outbox worker and the connectivity monitor (see README.md). */
export { SyncWorker } from './worker'
export type { SendNowResult, SyncEmit, SyncEvents, SyncWorkerOptions } from './types'
export { ConnectivityMonitor, type MonitorOptions, type MonitorSnapshot } from './monitor'
export {
  DEFAULT_SCHEDULE,
  fastScheduleSpanMs,
  nominalDelay,
  retryDelay,
  isStale,
  type RetrySchedule
} from './schedule'
export { DEFAULT_HOLD_POLICY, nextBeijingMidnight, nextMinute, type HoldPolicy } from './holds'
export { systemClock, type Random, type Clock } from '../clock/clock'
export type { AttemptOutcome, AttemptKind } from './outboxStore'
