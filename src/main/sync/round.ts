/**
 * One round of work on one outbox item: what to ask WeChat, in which order, and what the answers mean
 * (PRODUCT.md §6, wechat-card-api.md §10). Writes only the one record that must be durable before a consume is
 * sent (beginConsume); everything else it learns is returned, and the worker commits it with the item's new
 * state in one transaction.
 *
 * - An item with in_flight = 1 (an earlier consume may have reached WeChat: timeout, reset, dropped reply, or the
 *   station died) is first resolved with code/get, never by consuming blindly: CONSUMED ⇒ ours, synced;
 *   NORMAL ⇒ consume again; any other state ⇒ rejected with that state.
 * - An offline item is checked with code/get before its first consume, so "used elsewhere first" and "the cashier
 *   picked the wrong card" are known before anything irreversible happens, and a later lost reply cannot be
 *   confused with a use elsewhere.
 * - 40099 on a consume is ours (synced) when an earlier consume of ours may have gone through, otherwise the code
 *   was used elsewhere first (conflict).
 */
import type { CodeGetError, CodeStatus } from '../../shared/coupon'
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
  /** Check offline items with code/get before their first consume. */
  precheckOffline: boolean
}

export type RoundOutcome =
  | { kind: 'synced'; cardId: string | null; openid: string | null }
  | {
      kind: 'conflict'
      reason: Extract<SyncReason, 'used_elsewhere' | 'card_mismatch' | 'card_mismatch_consumed'>
      upstreamCardId: string | null
      consumedByUs: boolean
    }
  | { kind: 'rejected'; reason: SyncReason; errcode: number | null }
  /** Not settled; inFlight says whether an unresolved consume may have reached WeChat. */
  | { kind: 'retry'; error: UpstreamError; inFlight: boolean }
  /** The item is no longer queued (voided or settled meanwhile). */
  | { kind: 'gone' }

export interface Round {
  outcome: RoundOutcome
  checks: AttemptRecord[]
  consume: AttemptFinish | undefined
}

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
      if (status.kind === 'error') return this.refusedCheck(status, true)
      if (status.userCardStatus === 'CONSUMED') return this.consumedByUs(status.cardId, status.openid)
      if (status.userCardStatus !== 'NORMAL') return rejectedByStatus(status)
      // NORMAL: the earlier attempt did not take effect (yet); consuming again is safe (see 40099 below).
    } else if (!item.online && this.deps.precheckOffline && !deps.store.hasConsumeAttempt(item.seq)) {
      const pre = await this.precheck()
      if ('outcome' in pre) return pre.outcome
      cardId = pre.cardId
    }
    return this.consumeOnce(cardId)
  }

  /**
   * Offline item, never sent: which card owns the code (asked without card_id first, as a plain WeChat code;
   * then with the recorded/picked card, as a custom code), and is it still NORMAL? A custom-code item is asked
   * with its card first: its string may also be another coupon's (a plain code, or another card's custom code),
   * and only (card, code) names ours; without card_id afterwards, so a wrong pick is still told apart.
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
        return { outcome: this.refusedCheck(status, false) }
      }
      if (status.userCardStatus === 'CONSUMED') {
        return { outcome: conflict('used_elsewhere', status.cardId, false) }
      }
      if (status.userCardStatus !== 'NORMAL') return { outcome: rejectedByStatus(status) }
      if (this.mismatch(status.cardId)) return { outcome: conflict('card_mismatch', status.cardId, false) }
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
      // Ours if an earlier consume may have landed (even one a code/get saw as not yet applied: it can arrive late).
      return deps.store.hadOurConsume(item.seq, attemptId)
        ? this.consumedByUs(null, null)
        : conflict('used_elsewhere', null, false)
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
  private refusedCheck(status: CodeGetError, afterOurAttempt: boolean): RoundOutcome {
    if (status.errcode === 40099) {
      return afterOurAttempt ? this.consumedByUs(null, null) : conflict('used_elsewhere', null, false)
    }
    return { kind: 'rejected', reason: `wechat:${status.errcode ?? 0}`, errcode: status.errcode }
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
  reason: Extract<SyncReason, 'used_elsewhere' | 'card_mismatch' | 'card_mismatch_consumed'>,
  upstreamCardId: string | null,
  consumedByUs: boolean
): RoundOutcome => ({ kind: 'conflict', reason, upstreamCardId, consumedByUs })

const rejectedByStatus = (status: CodeStatus): RoundOutcome => ({
  kind: 'rejected',
  reason: `status:${status.rawUserCardStatus ?? status.userCardStatus}`,
  errcode: null
})
