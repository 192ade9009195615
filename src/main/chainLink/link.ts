/**
 * The till's link to the chain hub at headquarters (docs/chain.md § The till's lane): enrolment with a code HQ made,
 * and the sender of the chain lane. It runs on its own timer, apart from the WeChat outbox (src/main/sync): neither
 * lane waits for the other, and a chain hub that is down or slow never delays a redemption (the events are already
 * in SQLite, written by triggers in the transaction of each change).
 *
 * Sending: the oldest ≤ 500 events in seq order, gzip, the till's own token (a set-up secret, never in a renderer).
 * The hub answers the highest contiguous seq it holds (`ackSeq`); rows up to there are deleted. Errors back off
 * with full jitter (a random wait in [0, min(cap, base·2^n)]), so 3,000 tills coming back at once spread out; a 429
 * is never retried before its Retry-After, and then within one more Retry-After at random.
 */
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import {
  CHAIN_BATCH_MAX,
  CHAIN_PATHS,
  chainEnvelopeSchema,
  enrolResponseSchema,
  eventsResponseSchema,
  type ChainErrorCode,
  type EventsResponse
} from '../../shared/hub/chainProtocol'
import { HUB_STORE_HEADER } from '../../shared/hub/protocol'
import type { ChainLinkOverview } from '../../shared/ipc/contracts/chainLink'
import { AppFailure } from '../../shared/result'
import { ChainClaimer } from './claims'
import { ChainLane, type ChainConflictRow } from './lane'

const gzipAsync = promisify(gzip)

export interface ChainLinkOptions {
  db: Db
  now: () => number
  /** The till's chain token: the set-up secret `chainHub.token` (built in src/main/station/compose.ts). */
  token: { get: () => string | null; set: (token: string) => void }
  identity: () => { tillId: string; tillName: string }
  /** How often the lane is looked at while nothing is known to wait (ms). Default 2 s. */
  pollMs?: number
  /** How often an empty lane still asks the hub (for duplicates found later). Default 60 s. */
  idlePollMs?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  batchMax?: number
  deadlineMs?: number
  random?: () => number
  fetch?: typeof fetch
  onState?: () => void
  log?: (line: string) => void
}

type SendOutcome =
  | { kind: 'sent'; value: EventsResponse; events: number }
  | { kind: 'busy'; retryAfterMs: number }
  | { kind: 'refused'; code: ChainErrorCode; message: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'not_enrolled' }

export class ChainLink {
  /** Claims before committing at HQ, for the counter (src/main/redeem's ChainClaims): ./claims.ts. */
  readonly claims: ChainClaimer
  private readonly lane: ChainLane
  private readonly pollMs: number
  private readonly idlePollMs: number
  private readonly backoffBaseMs: number
  private readonly backoffMaxMs: number
  private readonly batchMax: number
  private readonly deadlineMs: number
  private readonly random: () => number
  private readonly fetchImpl: typeof fetch
  private timer: NodeJS.Timeout | null = null
  private stopped = true
  private failures = 0
  private lastOkAt: number | null = null
  private lastAskedAt = 0
  private lastError: string | null = null
  private refused = false
  private inFlight: Promise<SendOutcome> | null = null

  constructor(private readonly o: ChainLinkOptions) {
    this.lane = new ChainLane(o.db)
    this.pollMs = o.pollMs ?? 2_000
    this.idlePollMs = o.idlePollMs ?? 60_000
    this.backoffBaseMs = o.backoffBaseMs ?? 1_000
    this.backoffMaxMs = o.backoffMaxMs ?? 5 * 60_000
    this.batchMax = Math.min(o.batchMax ?? CHAIN_BATCH_MAX, CHAIN_BATCH_MAX)
    this.deadlineMs = o.deadlineMs ?? 30_000
    this.random = o.random ?? Math.random
    this.fetchImpl = o.fetch ?? fetch
    this.claims = new ChainClaimer({
      db: o.db,
      now: o.now,
      token: o.token,
      fetch: this.fetchImpl,
      ...(o.log ? { log: o.log } : {})
    })
  }

  overview(): ChainLinkOverview {
    const config = this.lane.config()
    const enrolled = config !== null && this.o.token.get() !== null
    const { ackedSeq } = this.lane.meta()
    return {
      status: !enrolled
        ? 'not_enrolled'
        : this.refused
          ? 'enrol_again'
          : this.failures === 0 && this.lastOkAt !== null
            ? 'connected'
            : 'degraded',
      waiting: this.lane.waiting(),
      ackedSeq,
      lastOkAt: this.lastOkAt,
      lastError: this.lastError,
      hubUrl: config?.hubUrl ?? null,
      storeId: config?.storeId ?? null,
      storeName: config?.storeName ?? null,
      claims: this.claims.settings()
    }
  }

  /** The cross-store duplicates the chain hub sent back, newest first (the manager's conflicts page). */
  conflicts(limit: number): ChainConflictRow[] {
    return this.lane.conflicts(limit)
  }

  /** A manager enrols this till with the chain hub (or its store hub, which forwards) and an enrolment code. */
  async enrol(hubUrl: string, enrolmentCode: string, by?: Actor): Promise<ChainLinkOverview> {
    const { tillId, tillName } = this.o.identity()
    let res: Response
    let json: unknown
    try {
      res = await this.fetchImpl(new URL(CHAIN_PATHS.enrol, hubUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ enrolmentCode: enrolmentCode.trim(), tillId, tillName }),
        signal: AbortSignal.timeout(this.deadlineMs)
      })
      json = await res.json()
    } catch (err) {
      throw new AppFailure(
        'CHAIN_HUB_UNREACHABLE',
        `The chain hub at ${hubUrl} did not answer: ${err instanceof Error ? err.message : String(err)}`
      )
    }
    const envelope = chainEnvelopeSchema.safeParse(json)
    if (!envelope.success)
      throw new AppFailure('CHAIN_HUB_UNREACHABLE', `${hubUrl} is not a chain hub (HTTP ${res.status}).`)
    if (!envelope.data.ok)
      throw new AppFailure('CHAIN_ENROLMENT_REFUSED', envelope.data.error.message, {
        hubCode: envelope.data.error.code
      })
    const value = enrolResponseSchema.parse(envelope.data.value)
    this.o.token.set(value.token)
    const at = this.o.now()
    this.lane.saveConfig({
      hubUrl,
      storeId: value.storeId,
      storeName: value.storeName,
      tillId: value.tillId,
      enrolledAt: at
    })
    if (by)
      appendAudit(this.o.db, {
        at,
        actorId: by.staffId,
        actorName: by.name,
        action: 'chainLink.enrolled',
        subject: value.tillId,
        detail: { hubUrl, storeId: value.storeId, hubAckSeq: value.ackSeq }
      })
    this.refused = false
    this.failures = 0
    this.lastError = null
    this.o.onState?.()
    this.schedule(0)
    return this.overview()
  }

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.inFlight?.catch(() => undefined)
  }

  /**
   * Sends batches until the lane is empty or the hub stops taking them (tests, and a manager's "send now"). Waits
   * for a batch already on the wire first, so two never overlap.
   */
  async drain(): Promise<ChainLinkOverview> {
    for (let i = 0; i < 10_000; i++) {
      const outcome = await this.sendOnce()
      if (outcome.kind !== 'sent' || this.lane.waiting() === 0) break
    }
    return this.overview()
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.tick(), ms)
    this.timer.unref?.()
  }

  private async tick(): Promise<void> {
    this.timer = null
    if (this.stopped) return
    const waiting = this.lane.waiting()
    const due = waiting > 0 || this.o.now() - this.lastAskedAt >= this.idlePollMs
    if (!due) return this.schedule(this.pollMs)
    let outcome: SendOutcome
    try {
      outcome = await this.sendOnce()
    } catch (err) {
      this.o.log?.(`[chainLink] send failed: ${err instanceof Error ? err.message : String(err)}`)
      outcome = { kind: 'unreachable', reason: 'internal' }
    }
    switch (outcome.kind) {
      case 'not_enrolled':
        return this.schedule(this.pollMs)
      case 'sent':
        return this.schedule(this.lane.waiting() > 0 ? 0 : this.pollMs)
      case 'busy':
        // Not before the hub's Retry-After; then spread over one more of it.
        return this.schedule(outcome.retryAfterMs + this.random() * outcome.retryAfterMs)
      default:
        return this.schedule(this.backoffMs())
    }
  }

  /** Full jitter: uniform in [0, min(cap, base · 2^failures)]. */
  backoffMs(): number {
    const ceiling = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.min(this.failures, 30))
    return Math.floor(this.random() * ceiling)
  }

  private sendOnce(): Promise<SendOutcome> {
    const run = async (): Promise<SendOutcome> => {
      await previous?.catch(() => undefined)
      return this.send()
    }
    const previous = this.inFlight
    const current = run()
    this.inFlight = current
    return current.finally(() => {
      if (this.inFlight === current) this.inFlight = null
    })
  }

  private async send(): Promise<SendOutcome> {
    const config = this.lane.config()
    const token = this.o.token.get()
    if (!config || !token) return { kind: 'not_enrolled' }
    const events = this.lane.pending(this.batchMax)
    const seen = this.lane.unreported(500)
    const body = {
      tillId: config.tillId,
      queueDepth: Math.max(0, this.lane.waiting() - events.length),
      events,
      seenDuplicates: seen
    }
    this.lastAskedAt = this.o.now()
    const outcome = await this.post(config.hubUrl, config.storeId, token, body)
    if (outcome.kind === 'sent') {
      this.lane.acknowledge(outcome.value.ackSeq, outcome.value.duplicates, seen, this.o.now())
      this.failures = 0
      this.lastOkAt = this.o.now()
      this.lastError = null
      this.refused = false
      if (outcome.value.gap)
        this.o.log?.(
          `[chainLink] the hub misses seq ${outcome.value.gap.from}–${outcome.value.gap.to}: sending from there`
        )
    } else if (outcome.kind === 'busy') {
      this.lastError = 'BUSY'
    } else if (outcome.kind === 'refused' && outcome.code === 'SEQ_CONFLICT') {
      // A lane numbered back in time (a restored station database): ask the hub where it stands and number on
      // from there (docs/chain.md § A restored till). The next send carries the renumbered events.
      this.failures++
      this.lastError = outcome.code
      const probe = await this.post(config.hubUrl, config.storeId, token, {
        tillId: config.tillId,
        queueDepth: this.lane.waiting(),
        events: [],
        seenDuplicates: []
      })
      if (probe.kind === 'sent') {
        const moved = this.lane.renumberAfter(probe.value.ackSeq)
        this.o.log?.(
          `[chainLink] the hub holds this till's events up to ${probe.value.ackSeq} (a restored lane): ${moved} waiting events numbered on from there`
        )
      }
    } else if (outcome.kind === 'refused') {
      this.failures++
      this.lastError = outcome.code
      this.refused = ['TOKEN_REVOKED', 'TOKEN_UNKNOWN', 'STORE_MISMATCH', 'TILL_MISMATCH'].includes(
        outcome.code
      )
      this.o.log?.(`[chainLink] the chain hub refused a batch [${outcome.code}]: ${outcome.message}`)
    } else if (outcome.kind === 'unreachable') {
      this.failures++
      this.lastError = 'UNREACHABLE'
    }
    this.o.onState?.()
    return outcome
  }

  private async post(hubUrl: string, storeId: string, token: string, body: object): Promise<SendOutcome> {
    let res: Response
    let json: unknown
    try {
      const data = await gzipAsync(JSON.stringify(body))
      res = await this.fetchImpl(new URL(CHAIN_PATHS.events, hubUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          authorization: `Bearer ${token}`,
          [HUB_STORE_HEADER]: storeId
        },
        body: new Uint8Array(data),
        signal: AbortSignal.timeout(this.deadlineMs)
      })
      json = await res.json()
    } catch (err) {
      return { kind: 'unreachable', reason: err instanceof Error ? err.message : String(err) }
    }
    const envelope = chainEnvelopeSchema.safeParse(json)
    if (!envelope.success)
      return { kind: 'unreachable', reason: `not a chain hub answer (HTTP ${res.status})` }
    if (!envelope.data.ok) {
      if (envelope.data.error.code === 'BUSY') {
        const seconds = Number(res.headers.get('retry-after'))
        return { kind: 'busy', retryAfterMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000 }
      }
      return { kind: 'refused', code: envelope.data.error.code, message: envelope.data.error.message }
    }
    const value = eventsResponseSchema.safeParse(envelope.data.value)
    if (!value.success) return { kind: 'unreachable', reason: 'unexpected answer to /v1/events' }
    return { kind: 'sent', value: value.data, events: (body as { events: unknown[] }).events.length }
  }
}
