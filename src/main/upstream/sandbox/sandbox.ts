/**
 * The sandbox as the station and the tests use it: the WeChat model plus fault injection, behind one
 * `handle()` that the HTTP server also calls. Transport faults surface in-process as SandboxNetworkError;
 * the HTTP server turns that same error into a destroyed socket.
 */
import type { EpochMs } from '../../../shared/time'
import { parseBody } from './body'
import { dispatch } from './dispatch'
import { FaultInjector, type FaultConfig, type FaultKind, type FaultOutcome } from './faults'
import { SandboxModel, type SandboxModelOptions } from './model'
import { SandboxNetworkError } from './net-error'
import { PartitionGate, type PartitionState } from './partition'
import { readCode } from './routes/context'
import type { PartitionMode, SandboxRequest, SandboxResponse } from './types'

export interface SandboxOptions extends SandboxModelOptions {
  faults?: FaultConfig
}

export interface SandboxStats {
  calls: number
  byPath: Record<string, number>
  faults: Partial<Record<FaultKind, number>>
  consumes: number
  partitioned: boolean
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out'
}

/** What a front proxy shows when the API behind it fails: HTML, not WeChat JSON. */
const gatewayPage = (status: number): string => {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Server Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class Sandbox {
  readonly model: SandboxModel
  private readonly faults = new FaultInjector()
  private readonly partition: PartitionGate
  private readonly tripwireQuietUntil = new Map<string, EpochMs>()

  constructor(options: SandboxOptions) {
    this.model = new SandboxModel(options)
    this.partition = new PartitionGate(options.now)
    if (options.faults) this.faults.configure(options.faults)
  }

  async handle(req: SandboxRequest): Promise<SandboxResponse> {
    const partition = this.partition.active() ?? this.springTripwire(req)
    if (partition) return this.lose(req, partition)

    const decision = this.faults.decide(req.path, Boolean(req.query?.access_token))
    if (decision.latencyMs > 0) await delay(decision.latencyMs)
    // Re-check: a partition that began while this request was delayed swallows it too.
    const late = this.partition.active()
    if (late) return this.lose(req, late)
    const outcome = decision.outcome
    if (!outcome) return dispatch(this.model, req, decision.latencyMs > 0 ? 'latency' : undefined)
    return this.misbehave(req, outcome)
  }

  private misbehave(req: SandboxRequest, outcome: FaultOutcome): SandboxResponse {
    const kind = outcome.kind
    switch (kind) {
      case 'reset':
        this.log(req, kind, undefined)
        throw new SandboxNetworkError('ECONNRESET', 'sandbox fault: connection reset')
      case 'systemBusy':
        return this.reply(req, kind, -1)
      case 'minuteQuota':
        return this.reply(req, kind, 45011)
      case 'dailyQuota':
        return this.reply(req, kind, 45009)
      case 'http5xx': {
        const status = outcome.status ?? 502
        this.log(req, kind, status)
        return { status, raw: gatewayPage(status), contentType: 'text/html' }
      }
      case 'tokenInvalid': {
        const token = req.query?.access_token
        if (token) {
          this.model.tokens.invalidate(
            token,
            outcome.errcode === 42001 ? 'expired' : 'revoked',
            this.model.now()
          )
        }
        return dispatch(this.model, req, kind)
      }
      case 'dropReply':
        dispatch(this.model, req, kind)
        throw new SandboxNetworkError('ETIMEDOUT', 'sandbox fault: request applied, reply lost')
      case 'malformed': {
        if (outcome.form === 'truncated') {
          const full = dispatch(this.model, req, kind)
          const text = 'body' in full ? JSON.stringify(full.body) : full.raw
          return {
            status: 200,
            raw: text.slice(0, Math.ceil(text.length / 2)),
            contentType: 'application/json'
          }
        }
        this.log(req, kind, 200)
        return {
          status: 200,
          raw: '<html><body>upstream busy, please retry</body></html>',
          contentType: 'text/html'
        }
      }
    }
  }

  private reply(req: SandboxRequest, kind: FaultKind, errcode: number): SandboxResponse {
    const body = this.model.error(errcode)
    this.model.recordCall({ method: req.method, path: req.path, status: 200, errcode, fault: kind })
    return { status: 200, body }
  }

  private log(req: SandboxRequest, fault: FaultKind, status: number | undefined): void {
    this.model.recordCall({ method: req.method, path: req.path, status, errcode: undefined, fault })
  }

  private async lose(req: SandboxRequest, partition: PartitionState): Promise<never> {
    this.log(req, 'partition', undefined)
    if (partition.mode === 'refuse') {
      throw new SandboxNetworkError('ECONNREFUSED', 'sandbox partition: upstream unreachable')
    }
    await this.partition.wait(req.signal)
    throw new SandboxNetworkError('ETIMEDOUT', 'sandbox partition: request lost')
  }

  /** The training "network down" code: its code/get starts a partition and is lost in it. */
  private springTripwire(req: SandboxRequest): PartitionState | undefined {
    if (req.path !== '/card/code/get' || this.model.tripwires.size === 0) return undefined
    const parsed = parseBody(req.body)
    const code = parsed.ok ? readCode(parsed.value.code) : undefined
    const wire = code === undefined ? undefined : this.model.tripwires.get(code)
    const entry = code === undefined ? undefined : this.model.findCode(code)
    if (!wire || !entry || this.model.effectiveStatus(entry) !== 'NORMAL') return undefined
    const now = this.model.now()
    if (now < (this.tripwireQuietUntil.get(wire.code) ?? 0)) return undefined
    this.tripwireQuietUntil.set(wire.code, now + wire.durationMs + wire.cooldownMs)
    return this.partition.start(wire.mode, wire.durationMs)
  }

  // ---- control API (in-process; the HTTP admin endpoints call these) ----

  setFaults(config: FaultConfig): void {
    this.faults.configure(config)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  /** Starts a partition; without durationMs it lasts until heal(). */
  startPartition(mode: PartitionMode = 'hang', durationMs?: number): void {
    this.partition.start(mode, durationMs)
  }

  heal(): void {
    this.partition.heal()
  }

  isPartitioned(): boolean {
    return this.partition.active() !== undefined
  }

  /** Kills every issued token: 'revoked' → 40001, 'expired' → 42001. Returns how many. */
  invalidateTokens(how: 'revoked' | 'expired' = 'revoked'): number {
    return this.model.tokens.invalidateAll(how, this.model.now())
  }

  /** Back to the seeded state, no faults, no partition. */
  reset(): void {
    this.heal()
    this.clearFaults()
    this.tripwireQuietUntil.clear()
    this.model.reset()
  }

  consumeCount(code: string, cardId?: string): number {
    return this.model.consumeCount(code, cardId)
  }

  stats(): SandboxStats {
    const byPath: Record<string, number> = {}
    const faults: Partial<Record<FaultKind, number>> = {}
    const calls = this.model.callLog()
    for (const call of calls) {
      byPath[call.path] = (byPath[call.path] ?? 0) + 1
      if (call.fault) faults[call.fault] = (faults[call.fault] ?? 0) + 1
    }
    const consumes = this.model.consumeLog().length
    return { calls: calls.length, byPath, faults, consumes, partitioned: this.isPartitioned() }
  }
}
