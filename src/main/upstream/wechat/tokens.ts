/**
 * Where the access_token comes from. Two sources, one behaviour: cached until shortly before it expires,
 * one fetch at a time (concurrent callers share it), and a passive refresh when WeChat rejects the token.
 *
 * - AppSecretTokens: POST /cgi-bin/stable_token in normal mode (docs/wechat-api.md §1.2). force_refresh is used
 *   only when normal mode hands back the very token WeChat just rejected, at most once per 30 s and 20 times
 *   per (Beijing) day — WeChat's own limits; past them the call would fail with 45009 anyway.
 * - TokenServiceTokens: GET from the merchant's central token service, so the AppSecret never reaches the till
 *   (protocol in ../README.md).
 */
import { raceAbort } from '../raceAbort'
import { UpstreamError } from '../types'
import { classifyErrcode } from './errcodes'
import { deadlineSignal, errcodeOf, errmsgOf, exchange, type FetchLike, type JsonObject } from './transport'

export interface TokenSource {
  /** A token believed to be valid. */
  get(signal?: AbortSignal): Promise<string>
  /** WeChat rejected `rejected` (40001/40014/42001): a different token, or UpstreamError('auth'). */
  refresh(rejected: string, signal?: AbortSignal): Promise<string>
  /** The cached token, if it is still believed valid; never fetches. */
  current(): string | undefined
}

export interface TokenDeps {
  fetch: FetchLike
  now: () => number
  /** Deadline of one token request. */
  deadlineMs: number
  /** Refresh this long before expires_in runs out. */
  marginMs: number
}

export interface Cached {
  token: string
  expiresAt: number
}

export const FORCED_REFRESH_SPACING_MS = 30_000
export const FORCED_REFRESH_PER_DAY = 20
const BEIJING_OFFSET_MS = 8 * 3_600_000

export abstract class CachedTokens implements TokenSource {
  private cached: Cached | undefined
  private pending: Promise<string> | undefined

  constructor(protected readonly deps: TokenDeps) {}

  current(): string | undefined {
    const c = this.cached
    return c && this.deps.now() < c.expiresAt - this.deps.marginMs ? c.token : undefined
  }

  get(signal?: AbortSignal): Promise<string> {
    const c = this.cached
    if (c && this.deps.now() < c.expiresAt - this.deps.marginMs) return Promise.resolve(c.token)
    return this.shared(undefined, signal)
  }

  refresh(rejected: string, signal?: AbortSignal): Promise<string> {
    const c = this.cached
    // Another caller already replaced the rejected token.
    if (c && c.token !== rejected && this.deps.now() < c.expiresAt - this.deps.marginMs)
      return Promise.resolve(c.token)
    if (c?.token === rejected) this.cached = undefined
    return this.shared(rejected, signal)
  }

  /** One token request at a time; each caller still gives up at its own deadline. */
  private async shared(rejected: string | undefined, signal?: AbortSignal): Promise<string> {
    const wait = (p: Promise<string>): Promise<string> => (signal ? raceSignal(p, signal) : p)
    const token = await wait(this.pending ?? this.start(rejected))
    // A fetch that began before the rejection may bring back the very token WeChat refused.
    if (rejected !== undefined && token === rejected) return wait(this.pending ?? this.start(rejected))
    return token
  }

  private start(rejected: string | undefined): Promise<string> {
    const pending = this.obtainRetrying(rejected)
      .then((grant) => {
        this.cached = grant
        return grant.token
      })
      .finally(() => {
        if (this.pending === pending) this.pending = undefined
      })
    this.pending = pending
    return pending
  }

  /**
   * A token request is idempotent: one quick second try hides a single dropped or garbled reply, which
   * would otherwise fail every call waiting for this token at once.
   */
  private async obtainRetrying(rejected: string | undefined): Promise<Cached> {
    try {
      return await this.obtain(rejected)
    } catch (error) {
      const again =
        error instanceof UpstreamError && ['transient', 'network', 'malformed'].includes(error.kind)
      if (!again) throw error
      return this.obtain(rejected)
    }
  }

  protected abstract obtain(rejected: string | undefined): Promise<Cached>

  protected grantFrom(json: JsonObject, label: string): Cached {
    const token = json.access_token
    const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : Number(json.expires_in)
    if (typeof token !== 'string' || token === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new UpstreamError('malformed', `${label}: reply has no access_token/expires_in`)
    }
    return { token, expiresAt: this.deps.now() + expiresIn * 1000 }
  }
}

/** Errors of a token endpoint: only -1 and quota are worth waiting for; the rest need a person. */
export function tokenError(json: JsonObject, label: string): UpstreamError {
  const errcode = errcodeOf(json) ?? null
  const text = `${label}: errcode ${errcode} ${errmsgOf(json)}`.trim()
  const cls = classifyErrcode(errcode ?? undefined)
  if (cls === 'busy') return new UpstreamError('transient', text, errcode)
  if (cls === 'rate_limited') return new UpstreamError('rate_limited', text, errcode)
  if (cls === 'quota') return new UpstreamError('quota_exhausted', text, errcode)
  return new UpstreamError('auth', text, errcode)
}

export interface AppSecretCredentials {
  appId: string
  appSecret: string
}

export class AppSecretTokens extends CachedTokens {
  private lastForcedAt = Number.NEGATIVE_INFINITY
  private forced = { day: -1, count: 0 }

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: AppSecretCredentials,
    deps: TokenDeps
  ) {
    super(deps)
  }

  protected async obtain(rejected: string | undefined): Promise<{ token: string; expiresAt: number }> {
    const normal = await this.stableToken(false)
    if (rejected === undefined || normal.token !== rejected) return normal
    // Normal mode insists on the token WeChat just refused (e.g. it was force-refreshed elsewhere without the
    // grace): only a forced refresh helps, and WeChat allows few of them.
    if (!this.mayForce()) {
      throw new UpstreamError(
        'auth',
        'cgi-bin/stable_token: WeChat rejects the current access token and a forced refresh is not allowed yet (at most one per 30 s, 20 per day)'
      )
    }
    this.noteForced()
    return this.stableToken(true)
  }

  private mayForce(): boolean {
    const now = this.deps.now()
    const day = Math.floor((now + BEIJING_OFFSET_MS) / 86_400_000)
    const usedToday = this.forced.day === day ? this.forced.count : 0
    return now - this.lastForcedAt >= FORCED_REFRESH_SPACING_MS && usedToday < FORCED_REFRESH_PER_DAY
  }

  private noteForced(): void {
    const now = this.deps.now()
    const day = Math.floor((now + BEIJING_OFFSET_MS) / 86_400_000)
    this.forced = { day, count: (this.forced.day === day ? this.forced.count : 0) + 1 }
    this.lastForcedAt = now
  }

  private async stableToken(forceRefresh: boolean): Promise<Cached> {
    const label = 'cgi-bin/stable_token'
    const { signal, deadline } = deadlineSignal(this.deps.deadlineMs)
    const json = await exchange(
      this.deps.fetch,
      {
        method: 'POST',
        url: `${this.baseUrl}/cgi-bin/stable_token`,
        label,
        body: JSON.stringify({
          grant_type: 'client_credential',
          appid: this.credentials.appId,
          secret: this.credentials.appSecret,
          force_refresh: forceRefresh
        })
      },
      { signal, deadline, nonIdempotent: false }
    )
    const errcode = errcodeOf(json)
    if (errcode !== undefined && errcode !== 0) throw tokenError(json, label)
    return this.grantFrom(json, label)
  }
}

/** Resolves like `work`, or rejects with a timeout UpstreamError when `signal` aborts first. */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return raceAbort(
    work,
    signal,
    () => new UpstreamError('timeout', 'access token: no answer within the deadline')
  )
}
