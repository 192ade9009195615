/**
 * The Upstream interface: what the station needs from a coupon platform. decide(), the
 * ledger and the sync worker only know this interface, so another platform (WeChat Pay
 * 商家券, Alipay, a chain hub) can be added without touching them.
 *
 * Replies the platform gave (an errcode about the code) are returned as values;
 * problems of getting an answer at all (network, timeout, -1, 45011, 5xx, malformed
 * reply, token trouble) are thrown as UpstreamError, with `mayHaveReachedServer` telling
 * the sync worker whether a non-idempotent consume could have happened.
 */
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from '../../shared/coupon'

export type UpstreamErrorKind =
  /** -1 system busy, HTTP 5xx: try again later */
  | 'transient'
  /** 45011 minute quota: slow down until the next minute */
  | 'rate_limited'
  /** 45009 daily quota: stop sending, tell the manager */
  | 'quota_exhausted'
  /** no answer within the deadline */
  | 'timeout'
  /** connection refused/reset, DNS, unreachable */
  | 'network'
  /** not JSON, or JSON of the wrong shape */
  | 'malformed'
  /** token could not be obtained or refreshed (wrong secret, IP not whitelisted, token service down) */
  | 'auth'
  /** any other errcode: a clear, final reason */
  | 'rejected'

export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly errcode: number | null = null,
    /** true when the request may have been processed although no answer arrived */
    readonly mayHaveReachedServer = false
  ) {
    super(message)
    this.name = 'UpstreamError'
  }

  /** Whether retrying later can succeed without anyone changing anything. */
  get retryable(): boolean {
    return ['transient', 'rate_limited', 'timeout', 'network', 'malformed'].includes(this.kind)
  }
}

export interface CallOptions {
  /** Give up after this long (the online path uses short deadlines). */
  deadlineMs?: number
  signal?: AbortSignal
}

export type ConsumeResult =
  | { ok: true; cardId: string | null; openid: string | null }
  /** The platform refused this consume with an errcode (40099 already used, 40127, 40056 …). */
  | { ok: false; errcode: number; errmsg: string }

export interface DailyVerifyCount {
  /** 'YYYY-MM-DD' */
  date: string
  verifyCount: number
}

export interface Upstream {
  /** For logs and the settings page, e.g. 'wechat' or 'sandbox'. */
  readonly name: string
  /** The code's status without consuming it (WeChat: card/code/get with check_consume:false). */
  getCodeStatus(
    code: string,
    cardId: string | undefined,
    options?: CallOptions
  ): Promise<CodeStatus | CodeGetError>
  /** Consumes (redeems) the code. NOT idempotent on WeChat. */
  consume(code: string, cardId: string | undefined, options?: CallOptions): Promise<ConsumeResult>
  getCard(cardId: string, options?: CallOptions): Promise<CardDefinition | UnreadableCard>
  /**
   * The card as the platform sent it (WeChat: card/get's `card` object), when it has such a thing. The card
   * cache stores it raw and re-parses it on read, so parser fixes reach cached cards too.
   */
  getCardJson?(cardId: string, options?: CallOptions): Promise<unknown>
  /** Every card id of the account (WeChat: card/batchget, paged). */
  listCardIds(options?: CallOptions): Promise<string[]>
  /** encrypt_code → plain code (WeChat: card/code/decrypt). */
  decrypt(encryptCode: string, options?: CallOptions): Promise<string>
  /** The platform's own per-day redemption counts, for reconciliation (past days only). */
  dailyVerifyCounts?(beginDate: string, endDate: string, options?: CallOptions): Promise<DailyVerifyCount[]>
}
