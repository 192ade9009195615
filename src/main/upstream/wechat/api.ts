/**
 * One WeChat API call under one deadline: the token, the request, and on a token errcode one refresh and one
 * retry (docs/wechat-api.md §10.1); -1, 45011, 45009 and account errcodes become UpstreamErrors. Every other
 * errcode is left to the caller, who knows whether it is a verdict on the code or a reason to throw.
 */
import { createTranslator } from '../../../shared/i18n'
import { describeErrcode } from '../../../shared/sync'

// UpstreamError messages are for logs and support, in English; what a user reads is the errcode, in their words.
const LOG_WORDS = createTranslator('en')
import { UpstreamError, type CallOptions } from '../types'
import { classifyErrcode } from './errcodes'
import type { TokenSource } from './tokens'
import { deadlineSignal, errcodeOf, exchange, type FetchLike, type JsonObject } from './transport'

export interface ApiCall {
  path: string
  body: JsonObject
  /** consume: whether a lost answer makes the outcome ambiguous. */
  nonIdempotent?: boolean
}

export class WechatApi {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchFn: FetchLike,
    private readonly tokens: TokenSource,
    private readonly defaultDeadlineMs: number
  ) {}

  /**
   * Returns the JSON for errcode 0 and for errcodes the method decides about; throws for the rest.
   */
  async call(call: ApiCall, options: CallOptions | undefined): Promise<JsonObject> {
    const { signal, deadline } = deadlineSignal(
      options?.deadlineMs ?? this.defaultDeadlineMs,
      options?.signal
    )
    const send = async (token: string): Promise<JsonObject> =>
      exchange(
        this.fetchFn,
        {
          method: 'POST',
          url: `${this.baseUrl}${call.path}?access_token=${encodeURIComponent(token)}`,
          label: call.path,
          body: JSON.stringify(call.body)
        },
        { signal, deadline, nonIdempotent: call.nonIdempotent === true }
      )
    const token = await this.tokens.get(signal)
    let json = await send(token)
    if (classifyErrcode(errcodeOf(json)) === 'token') {
      const fresh = await this.tokens.refresh(token, signal)
      json = await send(fresh)
      // Another call may have replaced the token meanwhile (ours was then cut off with it): use that one,
      // without asking for yet another token.
      const newer = this.tokens.current()
      if (classifyErrcode(errcodeOf(json)) === 'token' && newer !== undefined && newer !== fresh) {
        json = await send(newer)
      }
      if (classifyErrcode(errcodeOf(json)) === 'token') {
        throw new UpstreamError(
          'auth',
          `${call.path}: access token refused again after a refresh (${errcodeOf(json)})`,
          errcodeOf(json) ?? null
        )
      }
    }
    const errcode = errcodeOf(json)
    switch (classifyErrcode(errcode)) {
      case 'busy':
        // §10: after -1 a consume may or may not have happened; ask code/get before trying again.
        throw new UpstreamError(
          'transient',
          `${call.path}: ${describeErrcode(LOG_WORDS, -1)}`,
          -1,
          call.nonIdempotent === true
        )
      case 'rate_limited':
        throw new UpstreamError('rate_limited', `${call.path}: ${describeErrcode(LOG_WORDS, 45011)}`, 45011)
      case 'quota':
        throw new UpstreamError(
          'quota_exhausted',
          `${call.path}: ${describeErrcode(LOG_WORDS, 45009)}`,
          45009
        )
      case 'account':
        throw new UpstreamError(
          'auth',
          `${call.path}: ${describeErrcode(LOG_WORDS, errcode ?? 0)} (${errcode})`,
          errcode ?? null
        )
      default:
        return json
    }
  }
}

/** An errcode that is no verdict on the code: a clear reason, thrown. */
export const rejected = (path: string, json: JsonObject): UpstreamError => {
  const errcode = errcodeOf(json) ?? null
  return new UpstreamError(
    'rejected',
    `${path}: ${describeErrcode(LOG_WORDS, errcode ?? 0)} (${errcode})`,
    errcode
  )
}
