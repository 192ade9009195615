/**
 * Is the upstream usable right now? Derived only from real results — the worker's calls and the redeem
 * service's look-ups (recordUpstreamResult) — never from the OS's idea of "online" (docs/product-rules.md §5).
 *
 * - online: the latest result was an answer and none failed in the last `recentMs`;
 * - degraded: some calls fail (busy, rate-limited, slow, the odd reset) but answers still come;
 * - offline: `offlineAfter` failures in a row, or a credentials problem, or no answer yet since start.
 * An errcode about a code (40056 …) is an answer: the upstream works.
 */
import type { Connectivity, SyncProblem } from '../../shared/sync'
import { UpstreamError } from '../upstream/types'

export interface MonitorOptions {
  now?: () => number
  /** Consecutive failures that mean offline. Default 3. */
  offlineAfter?: number
  /** A failure this recent keeps the state at degraded at best. Default 30 s. */
  recentMs?: number
}

export interface MonitorSnapshot {
  connectivity: Connectivity
  lastSuccessAt: number | null
  lastProblem: SyncProblem | null
  consecutiveFailures: number
}

type Listener = (snapshot: MonitorSnapshot) => void

export class ConnectivityMonitor {
  private readonly now: () => number
  private readonly offlineAfter: number
  private readonly recentMs: number
  private lastSuccessAt: number | null = null
  private lastProblem: SyncProblem | null = null
  private consecutiveFailures = 0
  private authFailing = false
  private current: Connectivity = 'offline'
  private readonly listeners = new Set<Listener>()

  constructor(options: MonitorOptions = {}) {
    this.now = options.now ?? Date.now
    this.offlineAfter = options.offlineAfter ?? 3
    this.recentMs = options.recentMs ?? 30_000
  }

  /** Call after every upstream call: ok = an answer came (whatever it said about the code). */
  readonly recordUpstreamResult = (ok: boolean, error?: unknown): void => {
    const at = this.now()
    const answered = ok || (error instanceof UpstreamError && error.kind === 'rejected')
    const wasFailing = this.consecutiveFailures > 0
    if (answered) {
      this.lastSuccessAt = at
      this.consecutiveFailures = 0
      this.authFailing = false
    } else {
      this.consecutiveFailures++
      this.lastProblem = problemOf(error, at)
      this.authFailing = error instanceof UpstreamError && error.kind === 'auth'
    }
    const next = this.derive(at)
    // Listeners hear every change of state, and the first answer after failures (the worker ends its probing).
    if (next !== this.current || (answered && wasFailing)) {
      this.current = next
      const snapshot = this.snapshot()
      for (const listener of this.listeners) listener(snapshot)
    }
  }

  connectivity(): Connectivity {
    this.current = this.derive(this.now())
    return this.current
  }

  snapshot(): MonitorSnapshot {
    return {
      connectivity: this.connectivity(),
      lastSuccessAt: this.lastSuccessAt,
      lastProblem: this.lastProblem,
      consecutiveFailures: this.consecutiveFailures
    }
  }

  /** Returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private derive(at: number): Connectivity {
    if (this.lastSuccessAt === null) return 'offline'
    if (this.authFailing || this.consecutiveFailures >= this.offlineAfter) return 'offline'
    if (this.consecutiveFailures > 0) return 'degraded'
    if (this.lastProblem && at - this.lastProblem.at < this.recentMs) return 'degraded'
    return 'online'
  }
}

function problemOf(error: unknown, at: number): SyncProblem {
  if (error instanceof UpstreamError)
    return { kind: error.kind, errcode: error.errcode, message: error.message, at }
  return {
    kind: 'network',
    errcode: null,
    message: error instanceof Error ? error.message : String(error),
    at
  }
}
