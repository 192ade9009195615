/**
 * Emits sync.state: at most once per `throttleMs`, at once for what the manager must see now (a pause), and
 * only when something besides the clock moved (the renderer ages "oldest pending" by itself).
 */
import type { SyncPause, SyncProblem, SyncState } from '../../shared/sync'
import type { Clock } from '../clock/clock'
import type { MonitorSnapshot } from './monitor'
import type { QueueStats } from './outboxStore'

/** The worker's side of the state: requests on the wire and worker-wide holds. */
export interface WorkerSide {
  talking: number
  paused: SyncPause | null
  slowedUntil: number
}

export function composeState(
  now: number,
  stats: QueueStats,
  m: MonitorSnapshot,
  internalProblem: SyncProblem | null,
  worker: WorkerSide
): SyncState {
  // The most recent problem, whether the upstream's or our own (e.g. the disk).
  const problem =
    internalProblem && (!m.lastProblem || internalProblem.at > m.lastProblem.at)
      ? internalProblem
      : m.lastProblem
  return {
    connectivity: m.connectivity,
    queueDepth: stats.queueDepth,
    oldestPendingAt: stats.oldestPendingAt,
    oldestPendingAgeMs: stats.oldestPendingAt === null ? null : Math.max(0, now - stats.oldestPendingAt),
    staleCount: stats.staleCount,
    needsManager: stats.needsManager,
    inFlight: worker.talking,
    lastSuccessAt: m.lastSuccessAt,
    lastProblem: problem,
    paused: worker.paused,
    slowedUntil: worker.slowedUntil > now ? worker.slowedUntil : null,
    at: now
  }
}

export class StatePublisher {
  private timer: unknown
  private last = ''

  constructor(
    private readonly clock: Clock,
    private readonly throttleMs: number,
    private readonly snapshot: () => SyncState,
    private readonly emit: (state: SyncState) => void
  ) {}

  soon(): void {
    if (this.timer !== undefined) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined
      this.now()
    }, this.throttleMs)
  }

  now(): void {
    const state = this.snapshot()
    const key = JSON.stringify({ ...state, at: 0, oldestPendingAgeMs: 0 })
    if (key === this.last) return
    this.last = key
    this.emit(state)
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
  }
}
