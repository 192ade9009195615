/**
 * Tokens from the merchant's central token service, so the AppSecret never reaches the till (protocol in
 * ../README.md): GET the URL, optionally with the till's key, and say which token WeChat rejected by its SHA-256.
 */
import { createHash } from 'node:crypto'
import { UpstreamError } from '../types'
import { CachedTokens, tokenError, type Cached, type TokenDeps } from './tokens'
import { deadlineSignal, errcodeOf, exchange } from './transport'

export interface TokenServiceConfig {
  /** Full URL of the merchant's token service, e.g. 'https://tokens.example.com/wechat/access-token'. */
  url: string
  /** Sent as `Authorization: Bearer …` so the service knows which till asks. Optional. */
  stationKey?: string
}

/** Header telling the token service which token WeChat rejected (its SHA-256, never the token itself). */
export const REJECTED_TOKEN_HEADER = 'x-hexiao-rejected-token-sha256'

export const tokenFingerprint = (token: string): string => createHash('sha256').update(token).digest('hex')

export class TokenServiceTokens extends CachedTokens {
  constructor(
    private readonly config: TokenServiceConfig,
    deps: TokenDeps
  ) {
    super(deps)
  }

  protected async obtain(rejected: string | undefined): Promise<Cached> {
    const label = 'token service'
    const headers: Record<string, string> = {}
    if (this.config.stationKey) headers.authorization = `Bearer ${this.config.stationKey}`
    if (rejected !== undefined) headers[REJECTED_TOKEN_HEADER] = tokenFingerprint(rejected)
    const { signal, deadline } = deadlineSignal(this.deps.deadlineMs)
    const json = await exchange(
      this.deps.fetch,
      { method: 'GET', url: this.config.url, label, headers },
      { signal, deadline, nonIdempotent: false }
    )
    const errcode = errcodeOf(json)
    if (errcode !== undefined && errcode !== 0) throw tokenError(json, label)
    const grant = this.grantFrom(json, label)
    if (rejected !== undefined && grant.token === rejected) {
      throw new UpstreamError('auth', `${label}: handed back the token WeChat rejects`)
    }
    return grant
  }
}
