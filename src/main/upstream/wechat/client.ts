/**
 * The WeChat Card API client: the Upstream interface over HTTP (docs/wechat-api.md §1–§4, §6, §10).
 * It runs over any fetch look-alike, so training mode drives this same code over createSandboxFetch and
 * production over undici's fetch to https://api.weixin.qq.com (or a configured proxy base URL).
 *
 * Replies about the code (40056, 40099, 40127 …) come back as values; everything that kept us from a clear
 * answer is thrown as UpstreamError. Nothing here logs: URLs carry the token and bodies may carry the secret.
 */
import {
  parseCardGet,
  parseCodeGet,
  type CardDefinition,
  type CodeGetError,
  type CodeStatus,
  type UnreadableCard
} from '../../../shared/coupon'
import {
  UpstreamError,
  type CallOptions,
  type ConsumeResult,
  type DailyVerifyCount,
  type Upstream
} from '../types'
import { rejected, WechatApi } from './api'
import { classifyErrcode } from './errcodes'
import { dailyRanges, readVerifyCounts } from './datacube'
import { TokenServiceTokens, type TokenServiceConfig } from './tokenService'
import { AppSecretTokens, type AppSecretCredentials, type TokenSource } from './tokens'
import { errcodeOf, errmsgOf, type FetchLike, type JsonObject } from './transport'

export const WECHAT_API_BASE_URL = 'https://api.weixin.qq.com'
/** card/batchget returns at most 50 ids per page (§2.5). */
export const BATCHGET_PAGE = 50

/** Less time than this left in the deadline is not worth a second code/get. */
const MIN_RETRY_MS = 50

/** A reply that was there but unusable: errcode -1 (system busy) or an unreadable/truncated body. */
const isHiccup = (error: unknown): boolean =>
  error instanceof UpstreamError &&
  ((error.kind === 'transient' && error.errcode === -1) || error.kind === 'malformed')

export type WechatCredentials =
  ({ kind: 'appSecret' } & AppSecretCredentials) | ({ kind: 'tokenService' } & TokenServiceConfig)

export interface WechatClientOptions {
  credentials: WechatCredentials
  /** Default https://api.weixin.qq.com; no trailing slash needed. */
  baseUrl?: string
  /** Default globalThis.fetch. Training passes createSandboxFetch(sandbox). */
  fetch?: FetchLike
  now?: () => number
  /** Deadline of a call when the caller gives none (token fetch and one retry included). Default 10 s. */
  defaultDeadlineMs?: number
  /** Deadline of one token request. Default 10 s. */
  tokenDeadlineMs?: number
  /** Refresh the cached token this long before it expires. Default 60 s. */
  tokenMarginMs?: number
  /**
   * datacube cond_source values to add up: 0 = cards created in the MP web UI, 1 = created via the API
   * (§6.1). Default [0, 1], i.e. every card of the account.
   */
  datacubeSources?: readonly number[]
  /** For logs and settings. Default 'wechat'. */
  name?: string
}

export class WechatCardClient implements Upstream {
  readonly name: string
  private readonly api: WechatApi
  private readonly datacubeSources: readonly number[]
  private readonly defaultDeadlineMs: number

  constructor(options: WechatClientOptions) {
    this.name = options.name ?? 'wechat'
    const baseUrl = (options.baseUrl ?? WECHAT_API_BASE_URL).replace(/\/+$/, '')
    const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.datacubeSources = options.datacubeSources ?? [0, 1]
    const deps = {
      fetch: fetchFn,
      now: options.now ?? Date.now,
      deadlineMs: options.tokenDeadlineMs ?? 10_000,
      marginMs: options.tokenMarginMs ?? 60_000
    }
    const c = options.credentials
    const tokens: TokenSource =
      c.kind === 'appSecret'
        ? new AppSecretTokens(baseUrl, { appId: c.appId, appSecret: c.appSecret }, deps)
        : new TokenServiceTokens({ url: c.url, ...(c.stationKey ? { stationKey: c.stationKey } : {}) }, deps)
    this.defaultDeadlineMs = options.defaultDeadlineMs ?? 10_000
    this.api = new WechatApi(baseUrl, fetchFn, tokens, this.defaultDeadlineMs)
  }

  /**
   * code/get is only a question, so a single -1 or unreadable (truncated) reply is asked once more within the
   * same deadline: one hiccup must not send the counter offline. Unreachable (network, timeout) is not retried:
   * that is what offline is for, and the deadline is spent anyway.
   */
  async getCodeStatus(
    code: string,
    cardId: string | undefined,
    options?: CallOptions
  ): Promise<CodeStatus | CodeGetError> {
    const deadlineMs = options?.deadlineMs ?? this.defaultDeadlineMs
    const started = Date.now()
    try {
      return await this.getCodeStatusOnce(code, cardId, { ...options, deadlineMs })
    } catch (error) {
      const left = deadlineMs - (Date.now() - started)
      if (!isHiccup(error) || left < MIN_RETRY_MS || options?.signal?.aborted) throw error
      return this.getCodeStatusOnce(code, cardId, { ...options, deadlineMs: left })
    }
  }

  private async getCodeStatusOnce(
    code: string,
    cardId: string | undefined,
    options: CallOptions
  ): Promise<CodeStatus | CodeGetError> {
    const body: JsonObject = { code, check_consume: false }
    if (cardId) body.card_id = cardId
    const json = await this.api.call({ path: '/card/code/get', body }, options)
    const errcode = errcodeOf(json)
    if (errcode !== undefined && errcode !== 0 && classifyErrcode(errcode) !== 'code')
      throw rejected('/card/code/get', json)
    const parsed = parseCodeGet(json, code)
    if (parsed.kind === 'error' && parsed.problem === 'malformed') {
      throw new UpstreamError('malformed', `/card/code/get: ${parsed.errmsg}`)
    }
    return parsed
  }

  async consume(code: string, cardId: string | undefined, options?: CallOptions): Promise<ConsumeResult> {
    const body: JsonObject = { code }
    if (cardId) body.card_id = cardId
    const json = await this.api.call({ path: '/card/code/consume', body, nonIdempotent: true }, options)
    const errcode = errcodeOf(json)
    if (errcode !== undefined && errcode !== 0) {
      if (classifyErrcode(errcode) === 'code') return { ok: false, errcode, errmsg: errmsgOf(json) }
      throw rejected('/card/code/consume', json)
    }
    if (errcode === undefined && json.card === undefined && json.openid === undefined) {
      // Neither an error nor the documented success shape: we cannot tell whether the code was consumed.
      throw new UpstreamError(
        'malformed',
        '/card/code/consume: reply has neither errcode nor card',
        null,
        true
      )
    }
    const card = json.card as { card_id?: unknown } | undefined
    return {
      ok: true,
      cardId: typeof card?.card_id === 'string' ? card.card_id : null,
      openid: typeof json.openid === 'string' ? json.openid : null
    }
  }

  async getCard(cardId: string, options?: CallOptions): Promise<CardDefinition | UnreadableCard> {
    return parseCardGet({ card: await this.getCardJson(cardId, options) }, cardId)
  }

  /** card/get's `card` object exactly as received (the card cache stores it and re-parses it on read). */
  async getCardJson(cardId: string, options?: CallOptions): Promise<unknown> {
    const json = await this.api.call({ path: '/card/get', body: { card_id: cardId } }, options)
    const errcode = errcodeOf(json)
    if (errcode !== undefined && errcode !== 0) throw rejected('/card/get', json)
    if (typeof json.card !== 'object' || json.card === null) {
      throw new UpstreamError('malformed', '/card/get: reply has no card object')
    }
    return json.card
  }

  async listCardIds(options?: CallOptions): Promise<string[]> {
    const ids: string[] = []
    const seen = new Set<string>()
    let total = Number.POSITIVE_INFINITY
    // A server that keeps sending full pages must not keep us here forever.
    for (let offset = 0, pages = 0; offset < total && pages < 2_000; pages++) {
      const json = await this.api.call(
        { path: '/card/batchget', body: { offset, count: BATCHGET_PAGE } },
        options
      )
      const errcode = errcodeOf(json)
      if (errcode !== undefined && errcode !== 0) throw rejected('/card/batchget', json)
      const list = json.card_id_list
      if (!Array.isArray(list))
        throw new UpstreamError('malformed', '/card/batchget: reply has no card_id_list')
      if (typeof json.total_num === 'number') total = json.total_num
      for (const id of list) {
        if (typeof id === 'string' && !seen.has(id)) {
          seen.add(id)
          ids.push(id)
        }
      }
      if (list.length === 0) break
      offset += list.length
    }
    return ids
  }

  async decrypt(encryptCode: string, options?: CallOptions): Promise<string> {
    const json = await this.api.call(
      { path: '/card/code/decrypt', body: { encrypt_code: encryptCode } },
      options
    )
    const errcode = errcodeOf(json)
    if (errcode !== undefined && errcode !== 0) throw rejected('/card/code/decrypt', json)
    const code = json.code
    if (typeof code === 'string' && code !== '') return code
    // A numeric code would already have lost its leading zeros: refuse it rather than guess.
    throw new UpstreamError('malformed', '/card/code/decrypt: reply has no code string')
  }

  /** Per-day verify_cnt from datacube/getcardbizuininfo, cond_sources added up; ranges > 62 days are split. */
  async dailyVerifyCounts(
    beginDate: string,
    endDate: string,
    options?: CallOptions
  ): Promise<DailyVerifyCount[]> {
    const totals = new Map<string, number>()
    for (const range of dailyRanges(beginDate, endDate)) {
      for (const source of this.datacubeSources) {
        const json = await this.api.call(
          {
            path: '/datacube/getcardbizuininfo',
            body: { begin_date: range.begin, end_date: range.end, cond_source: source }
          },
          options
        )
        const errcode = errcodeOf(json)
        if (errcode !== undefined && errcode !== 0) throw rejected('/datacube/getcardbizuininfo', json)
        for (const row of readVerifyCounts(json))
          totals.set(row.date, (totals.get(row.date) ?? 0) + row.verifyCount)
      }
    }
    return [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, verifyCount]) => ({ date, verifyCount }))
  }
}
