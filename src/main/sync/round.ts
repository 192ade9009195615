/**
 * One round of work on one outbox item: what to ask WeChat, in which order, and what the answers mean
 * (docs/product-rules.md §6, docs/wechat-api.md §10). Writes only the one record that must be durable before a consume is
 * sent (beginConsume); everything else it learns is returned, and the worker commits it with the item's new
 * state in one transaction.
 *
 * - Before any consume, the code's own validity window must hold the redemption: begin_time/end_time (from this
 *   round's code/get, else from the look-up's) against the time the cashier redeemed it and the station clock,
 *   and can_consume where code/get gives it. Otherwise the item is rejected with its reason and nothing is
 *   consumed — WeChat is not documented to refuse an early consume, so this gate is the station's own.
 * - An item with in_flight = 1 (an earlier consume may have reached WeChat: timeout, reset, dropped reply, or the
 *   station died) is first resolved with code/get, never by consuming blindly: CONSUMED ⇒ see below;
 *   NORMAL ⇒ consume again; any other state ⇒ rejected with that state.
 * - Every other consume is preceded by code/get in the same round, except an online item's first while the
 *   cashier's look-up is fresh (it has just asked): "used elsewhere first" and "the cashier picked the wrong
 *   card" are known before anything irreversible happens.
 * - CONSUMED (or 40099) after a consume of ours that may have landed is ours only when that consume was sent
 *   right after code/get answered NORMAL (within OURS_GAP_MS; the worker's own check or the cashier's look-up):
 *   nothing else can have changed the code in between. Otherwise it cannot be told whose consume it was:
 *   conflict 'consumed_unverified', a manager decides.
 *   Without any consume of ours that may have landed it was used elsewhere first (conflict).
 */
import type { CodeGetError, CodeStatus } from '../../shared/coupon'
import { codeKeyOf } from '../db/codeKey'
import type { SyncReason } from '../../shared/sync'
import { UpstreamError, type CallOptions, type Upstream } from '../upstream/types'
import type { AttemptFinish, AttemptRecord, OutboxItem, OutboxStore } from './outboxStore'

export interface RoundDeps {
  upstream: Upstream
  store: OutboxStore
  now: () => number
  /** Waits for a rate-limit token; rejects when the worker stops. */
  gate: () => Promise<void>
  call: CallOptions
  /** Every upstream result, for the connectivity monitor. */
  report: (ok: boolean, error?: unknown) => void
  /** Ask code/get before every consume but an online item's first on a fresh look-up. */
  precheckOffline: boolean
}

export type RoundOutcome =
  | { kind: 'synced'; cardId: string | null; openid: string | null }
  | {
      kind: 'conflict'
      reason: ConflictReason
      upstreamCardId: string | null
      /** 'unknown': a consume of ours may have done it, or someone else's (consumed_unverified). */
      consumedByUs: boolean | 'unknown'
    }
  | {
      kind: 'rejected'
      reason: SyncReason
      errcode: number | null
      /** The code's validity window (epoch ms) when that is the reason. */
      window?: { begin: number | null; end: number | null }
    }
  /** Not settled; inFlight says whether an unresolved consume may have reached WeChat. */
  | { kind: 'retry'; error: UpstreamError; inFlight: boolean }
  /** The item is no longer queued (voided or settled meanwhile). */
  | { kind: 'gone' }

export interface Round {
  outcome: RoundOutcome
  checks: AttemptRecord[]
  consume: AttemptFinish | undefined
}

type ConflictReason = Extract<
  SyncReason,
  'used_elsewhere' | 'card_mismatch' | 'card_mismatch_consumed' | 'consumed_unverified'
>

/**
 * How long after a NORMAL answer a consume of ours may be sent and still count as the only thing that can have
 * changed the code: the round's own gap (rate-limit token, one commit), not a cashier's pause.
 */
export const OURS_GAP_MS = 5_000

export async function runRound(item: OutboxItem, deps: RoundDeps): Promise<Round> {
  const round = new ItemRound(item, deps)
  let outcome: RoundOutcome
  try {
    outcome = await round.run()
  } catch (error) {
    outcome = { kind: 'retry', error: asUpstreamError(error), inFlight: round.inFlight }
  }
  return { outcome, checks: round.checks, consume: round.consume }
}

const asUpstreamError = (error: unknown): UpstreamError =>
  error instanceof UpstreamError
    ? error
    : new UpstreamError('transient', `sync: ${error instanceof Error ? error.message : String(error)}`)

type Precheck = { outcome: RoundOutcome } | { cardId: string | undefined }

class ItemRound {
  readonly checks: AttemptRecord[] = []
  consume: AttemptFinish | undefined
  inFlight: boolean

  constructor(
    private readonly item: OutboxItem,
    private readonly deps: RoundDeps
  ) {
    this.inFlight = item.inFlight
  }

  /** Which coupon the item is: the code, or (card, code) for a custom code (src/main/db/codeKey.ts). */
  private get codeKey(): string {
    const card = this.item.cardId ?? this.item.pickedCardId
    return codeKeyOf(this.item.code, this.item.customCode ? card : null)
  }

  /** The card WeChat should report: the cashier's offline pick, else the card the station recorded. */
  private get expectedCardId(): string | null {
    return this.item.pickedCardId ?? this.item.cardId
  }

  async run(): Promise<RoundOutcome> {
    const { item, deps } = this
    let cardId = item.cardId ?? item.pickedCardId ?? undefined
    if (item.inFlight) {
      await deps.store.markInterrupted(item.seq, deps.now())
      const status = await this.check(cardId)
      if (status.kind === 'error') return this.refusedCheck(status)
      if (status.userCardStatus === 'CONSUMED') return this.consumedUpstream(status.cardId, status.openid, -1)
      if (status.userCardStatus !== 'NORMAL') return rejectedByStatus(status)
      // NORMAL: the earlier attempt did not take effect (yet); consuming again is safe (see 40099 below).
      const outside = this.outsideValidity(status)
      if (outside) return outside
    } else if (this.deps.precheckOffline && (!item.online || this.lookupIsStale())) {
      const pre = await this.precheck()
      if ('outcome' in pre) return pre.outcome
      cardId = pre.cardId
    } else {
      // An online item's first consume on a fresh look-up: its code/get decided it moments ago; the
      // remembered window still guards against a clock or a record that says otherwise.
      const outside = this.outsideValidity(null)
      if (outside) return outside
    }
    return this.consumeOnce(cardId)
  }

  /**
   * An online item's consume may rely on the cashier's look-up only while that look-up is fresh (within
   * OURS_GAP_MS): then a lost answer can still be told ours. Later (the bill took a while, a retry, a queue
   * after an outage) the code is asked again first, which also finds a use elsewhere in between before
   * anything is consumed. Without a look-up on record (none kept) the consume goes as before, and a lost
   * answer is then settled as consumed_unverified.
   */
  private lookupIsStale(): boolean {
    const { item, deps } = this
    if (deps.store.hasConsumeAttempt(item.seq)) return true
    const seenAt = deps.store.lookupSeenAt(this.codeKey)
    return seenAt !== undefined && deps.now() - seenAt > OURS_GAP_MS
  }

  /**
   * The redemption must lie inside the code's own validity window, and WeChat must not say it cannot be consumed.
   * The window comes from this round's code/get, else from the look-up's (remembered per code); the redemption's
   * time and the station clock now are both held against it (an early code stays early however late it syncs;
   * a code redeemed in time but synced after its end is WeChat's to refuse).
   */
  private outsideValidity(status: CodeStatus | null): RoundOutcome | null {
    const { item, deps } = this
    if (status?.canConsume === false) return { kind: 'rejected', reason: 'cannot_consume', errcode: null }
    const remembered = status ? undefined : deps.store.rememberedWindow(this.codeKey)
    const begin = status ? status.beginTime : (remembered?.begin ?? undefined)
    const end = status ? status.endTime : (remembered?.end ?? undefined)
    const now = deps.now()
    if (begin !== undefined && (item.redeemedAt < begin || now < begin)) {
      return { kind: 'rejected', reason: 'not_yet_valid', errcode: null, window: { begin, end: end ?? null } }
    }
    // End times are whole seconds (23:59:59): the whole end second is still valid, as in decide().
    if (end !== undefined && item.redeemedAt >= end + 1000) {
      return {
        kind: 'rejected',
        reason: 'expired_when_redeemed',
        errcode: null,
        window: { begin: begin ?? null, end }
      }
    }
    return null
  }

  /**
   * Before any consume the cashier's fresh look-up does not vouch for: which card owns the code (asked without
   * card_id first, as a plain WeChat code; then with the recorded/picked card, as a custom code), is it still
   * NORMAL, and does its validity window hold the redemption? A custom-code item is asked with its card first:
   * its string may also be another coupon's (a plain code, or another card's custom code), and only (card, code)
   * names ours; without card_id afterwards, so a wrong pick is still told apart.
   */
  private async precheck(): Promise<Precheck> {
    const cards = [...new Set([this.item.cardId, this.item.pickedCardId].filter((c) => c !== null))]
    const candidates: Array<string | undefined> = this.item.customCode
      ? [...cards, undefined]
      : [undefined, ...cards]
    for (let i = 0; i < candidates.length; i++) {
      const asked = candidates[i] ?? undefined
      const status = await this.check(asked)
      if (status.kind === 'error') {
        if (status.errcode === 40056 && i < candidates.length - 1) continue
        return { outcome: this.refusedCheck(status) }
      }
      if (status.userCardStatus === 'CONSUMED') {
        // A retry: an earlier consume of ours may have landed late.
        return { outcome: this.consumedUpstream(status.cardId, status.openid, -1) }
      }
      if (status.userCardStatus !== 'NORMAL') return { outcome: rejectedByStatus(status) }
      if (this.mismatch(status.cardId)) return { outcome: conflict('card_mismatch', status.cardId, false) }
      const outside = this.outsideValidity(status)
      if (outside) return { outcome: outside }
      return { cardId: asked ?? this.item.cardId ?? undefined }
    }
    return { cardId: this.item.cardId ?? undefined }
  }

  private async consumeOnce(cardId: string | undefined): Promise<RoundOutcome> {
    const { item, deps } = this
    await deps.gate()
    const attemptId = await deps.store.beginConsume(item.seq, this.checks.splice(0), deps.now())
    if (attemptId === null) return { kind: 'gone' }
    this.inFlight = true
    const finish = (
      outcome: AttemptFinish['outcome'],
      errcode: number | null,
      detail: string | null
    ): void => {
      this.consume = { attemptId, finishedAt: deps.now(), outcome, errcode, detail }
    }
    let result
    try {
      result = await deps.upstream.consume(item.code, cardId, deps.call)
    } catch (error) {
      const e = asUpstreamError(error)
      deps.report(false, e)
      this.inFlight = e.mayHaveReachedServer
      finish(e.mayHaveReachedServer ? 'ambiguous' : 'not_applied', e.errcode, `${e.kind}: ${e.message}`)
      return { kind: 'retry', error: e, inFlight: this.inFlight }
    }
    deps.report(true)
    this.inFlight = false
    if (result.ok) {
      finish('consumed', 0, JSON.stringify({ cardId: result.cardId, openid: result.openid }))
      return this.consumedByUs(result.cardId, result.openid)
    }
    finish('refused', result.errcode, result.errmsg)
    if (result.errcode === 40099) {
      // Maybe ours if an earlier consume may have landed (even one a code/get saw as not yet applied: it can
      // arrive late); consumedUpstream decides whether that can be told.
      return this.consumedUpstream(null, null, attemptId)
    }
    return { kind: 'rejected', reason: `wechat:${result.errcode}`, errcode: result.errcode }
  }

  private async check(cardId: string | undefined): Promise<CodeStatus | CodeGetError> {
    const { deps } = this
    await deps.gate()
    const startedAt = deps.now()
    const record = (outcome: AttemptRecord['outcome'], errcode: number | null, detail: string): void => {
      this.checks.push({ kind: 'status_check', startedAt, finishedAt: deps.now(), outcome, errcode, detail })
    }
    let status
    try {
      status = await deps.upstream.getCodeStatus(this.item.code, cardId, deps.call)
    } catch (error) {
      const e = asUpstreamError(error)
      deps.report(false, e)
      record('failed', e.errcode, `${e.kind}: ${e.message}`)
      throw e
    }
    deps.report(true)
    if (status.kind === 'error') {
      record(
        'refused',
        status.errcode,
        JSON.stringify({ askedCardId: cardId ?? null, errmsg: status.errmsg })
      )
    } else {
      record(
        'status',
        0,
        JSON.stringify({
          askedCardId: cardId ?? null,
          status: status.rawUserCardStatus,
          cardId: status.cardId,
          canConsume: status.canConsume
        })
      )
    }
    return status
  }

  /** WeChat refused the status question itself (40056 unknown code …). */
  private refusedCheck(status: CodeGetError): RoundOutcome {
    if (status.errcode === 40099) return this.consumedUpstream(null, null, -1)
    return { kind: 'rejected', reason: `wechat:${status.errcode ?? 0}`, errcode: status.errcode }
  }

  /**
   * WeChat says the code is consumed. No consume of ours (other than `exceptAttemptId`, which was refused) can
   * have done it ⇒ used elsewhere first. One that may have landed was sent right after a NORMAL answer ⇒ ours.
   * Otherwise (e.g. an online item's consume lost its answer, and the only NORMAL answer was the cashier's look-up,
   * longer ago than that: the bill was typed, someone else had time to use the code) whose consume it was cannot
   * be told ⇒ a manager decides.
   */
  private consumedUpstream(
    upstreamCardId: string | null,
    openid: string | null,
    exceptAttemptId: number
  ): RoundOutcome {
    const { item, deps } = this
    if (!deps.store.hadOurConsume(item.seq, exceptAttemptId)) {
      return conflict('used_elsewhere', upstreamCardId, false)
    }
    if (deps.store.hadOurConsumeAfterNormal(item, exceptAttemptId, OURS_GAP_MS)) {
      return this.consumedByUs(upstreamCardId, openid)
    }
    return conflict('consumed_unverified', upstreamCardId, 'unknown')
  }

  private consumedByUs(upstreamCardId: string | null, openid: string | null): RoundOutcome {
    if (this.mismatch(upstreamCardId)) return conflict('card_mismatch_consumed', upstreamCardId, true)
    return { kind: 'synced', cardId: upstreamCardId, openid }
  }

  private mismatch(upstreamCardId: string | null): boolean {
    const expected = this.expectedCardId
    return expected !== null && upstreamCardId !== null && upstreamCardId !== expected
  }
}

const conflict = (
  reason: ConflictReason,
  upstreamCardId: string | null,
  consumedByUs: boolean | 'unknown'
): RoundOutcome => ({ kind: 'conflict', reason, upstreamCardId, consumedByUs })

const rejectedByStatus = (status: CodeStatus): RoundOutcome => ({
  kind: 'rejected',
  reason: `status:${status.rawUserCardStatus ?? status.userCardStatus}`,
  errcode: null
})
