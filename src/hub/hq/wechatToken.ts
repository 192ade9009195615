/**
 * The chain's WeChat access token (docs/hq.md § Central WeChat token). The hub holds the AppSecret in
 * <data dir>/wechat.json (0600; never sent to a till or to the HQ page) and hands the access token to enrolled
 * tills over the token-service protocol the station's client speaks (GET, bearer = the till's token, optional
 * X-Hexiao-Rejected-Token-Sha256).
 *
 * Refresh is SINGLE-FLIGHT across the chain, because every cgi-bin/token call invalidates the previous token
 * (after a 5-minute overlap): inside one process a mutex lets one refresh run at a time, and across hub
 * processes on one database a PostgreSQL transaction-level advisory lock does; whoever gets the lock reads the
 * row again and calls WeChat only if the token is still missing, expiring or the one a till reported rejected.
 * The AppSecret file is read at each refresh, so rotating it needs no restart.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'
import type { TokenGrant } from '../../shared/hub/hqProtocol'

export const WECHAT_CONFIG_FILE = 'wechat.json'
/** The token is renewed this long before WeChat's expiry, so a till never gets one about to die. */
export const RENEW_MARGIN_MS = 5 * 60_000
/** A till reporting the token we just fetched as rejected does not make us call WeChat again before this. */
export const REJECTED_REFRESH_MIN_MS = 30_000
const TOKEN_LOCK_NAMESPACE = 0x68787774 // 'hxwt'

export interface WechatConfig {
  appId: string
  appSecret: string
  /** https://api.weixin.qq.com unless set (a proxy, or the sandbox in tests). */
  apiBase: string
}

export type TokenAnswer =
  | { kind: 'grant'; grant: TokenGrant }
  | { kind: 'wechat_error'; body: { errcode: number; errmsg: string } }
  | { kind: 'unavailable'; reason: string; retryAfterS?: number }
  | { kind: 'not_configured'; reason: string }

export const fingerprint = (token: string): string => createHash('sha256').update(token).digest('hex')

export function readWechatConfig(dataDir: string): WechatConfig | { problem: string } {
  const file = join(dataDir, WECHAT_CONFIG_FILE)
  if (!existsSync(file)) return { problem: `no ${WECHAT_CONFIG_FILE} in the data directory` }
  if ((statSync(file).mode & 0o077) !== 0)
    return { problem: `${WECHAT_CONFIG_FILE} is readable by other accounts; chmod 600 it` }
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<WechatConfig>
    if (
      typeof json.appId !== 'string' ||
      typeof json.appSecret !== 'string' ||
      !json.appId ||
      !json.appSecret
    )
      return { problem: `${WECHAT_CONFIG_FILE} needs appId and appSecret` }
    return {
      appId: json.appId,
      appSecret: json.appSecret,
      apiBase: (typeof json.apiBase === 'string' && json.apiBase) || 'https://api.weixin.qq.com'
    }
  } catch {
    return { problem: `${WECHAT_CONFIG_FILE} is not valid JSON` }
  }
}

/** A failed refresh is the answer for this long: requests queued behind it do not each call WeChat again. */
const FAILURE_MEMORY_MS = 5_000

export class ChainTokens {
  private queue: Promise<unknown> = Promise.resolve()
  private lastFailure: { at: number; answer: TokenAnswer } | undefined

  constructor(
    private readonly pool: pg.Pool,
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = () => {}
  ) {}

  /** Runs one at a time in this process (the advisory lock does it across processes). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private usable(row: { access_token: string; expires_at: number } | undefined, rejected?: string) {
    return (
      row !== undefined &&
      row.expires_at - RENEW_MARGIN_MS > this.now() &&
      (rejected === undefined || fingerprint(row.access_token) !== rejected)
    )
  }

  private grantOf(row: { access_token: string; expires_at: number }): TokenAnswer {
    return {
      kind: 'grant',
      grant: {
        access_token: row.access_token,
        expires_in: Math.max(1, Math.floor((row.expires_at - this.now()) / 1000))
      }
    }
  }

  async token(rejected?: string): Promise<TokenAnswer> {
    const config = readWechatConfig(this.dataDir)
    if ('problem' in config) return { kind: 'not_configured', reason: config.problem }
    const current = await this.read(this.pool, config.appId)
    if (this.usable(current, rejected) && current) return this.grantOf(current)
    return this.exclusive(() => this.refresh(config, rejected))
  }

  private async read(db: pg.Pool | pg.PoolClient, appId: string) {
    const { rows } = await db.query<{ access_token: string; expires_at: number; fetched_at: number }>(
      'SELECT access_token, expires_at, fetched_at FROM wechat_token WHERE app_id = $1',
      [appId]
    )
    return rows[0]
  }

  private async refresh(config: WechatConfig, rejected?: string): Promise<TokenAnswer> {
    if (this.lastFailure && this.now() - this.lastFailure.at < FAILURE_MEMORY_MS)
      return this.lastFailure.answer
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        TOKEN_LOCK_NAMESPACE,
        config.appId
      ])
      // Read again under the lock: another request or another hub process may have refreshed meanwhile.
      const row = await this.read(client, config.appId)
      if (row && this.usable(row, rejected)) {
        await client.query('COMMIT')
        return this.grantOf(row)
      }
      if (row && rejected !== undefined && this.now() - row.fetched_at < REJECTED_REFRESH_MIN_MS) {
        await client.query('COMMIT')
        return {
          kind: 'unavailable',
          reason: 'the token was renewed moments ago; ask again shortly',
          retryAfterS: Math.ceil((row.fetched_at + REJECTED_REFRESH_MIN_MS - this.now()) / 1000)
        }
      }
      const answer = await this.callWechat(config)
      if (answer.kind !== 'fetched') {
        await client.query('ROLLBACK')
        this.lastFailure = { at: this.now(), answer }
        return answer
      }
      this.lastFailure = undefined
      const now = this.now()
      const expiresAt = now + answer.expiresIn * 1000
      await client.query(
        `INSERT INTO wechat_token (app_id, access_token, expires_at, fetched_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (app_id) DO UPDATE SET access_token = $2, expires_at = $3, fetched_at = $4`,
        [config.appId, answer.token, expiresAt, now]
      )
      await client.query('COMMIT')
      this.log(`hub: WeChat access token renewed for ${config.appId} (valid ${answer.expiresIn} s)`)
      return this.grantOf({ access_token: answer.token, expires_at: expiresAt })
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  private async callWechat(
    config: WechatConfig
  ): Promise<
    { kind: 'fetched'; token: string; expiresIn: number } | Exclude<TokenAnswer, { kind: 'grant' }>
  > {
    const url = new URL('/cgi-bin/token', config.apiBase)
    url.searchParams.set('grant_type', 'client_credential')
    url.searchParams.set('appid', config.appId)
    url.searchParams.set('secret', config.appSecret)
    let json: { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      if (!res.ok) return { kind: 'unavailable', reason: `WeChat answered HTTP ${res.status}` }
      json = (await res.json()) as typeof json
    } catch (err) {
      // Never the URL: it carries the AppSecret.
      const name = err instanceof Error ? err.name : 'error'
      return { kind: 'unavailable', reason: `WeChat's token endpoint did not answer (${name})` }
    }
    if (typeof json.errcode === 'number' && json.errcode !== 0)
      return {
        kind: 'wechat_error',
        body: { errcode: json.errcode, errmsg: typeof json.errmsg === 'string' ? json.errmsg : '' }
      }
    if (typeof json.access_token !== 'string' || typeof json.expires_in !== 'number')
      return { kind: 'unavailable', reason: "WeChat's token answer has no access_token" }
    return { kind: 'fetched', token: json.access_token, expiresIn: json.expires_in }
  }
}
