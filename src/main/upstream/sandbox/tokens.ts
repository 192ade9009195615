/**
 * Access tokens as §1.1/§1.2 describe them. `cgi-bin/token` and `stable_token` keep separate chains that never
 * invalidate each other. A token is a 40001 once overwritten/revoked and a 42001 once past its own expiry.
 */
import type { EpochMs } from '../../../shared/time'
import { wechatDate } from './clock'
import { TOKEN_ALPHABET, type Prng } from './prng'

export const TOKEN_TTL_MS = 7_200_000
/** Overlap of old and new token (both chains), and how early stable_token renews in normal mode. */
export const TOKEN_GRACE_MS = 300_000
export const FORCED_REFRESH_PER_DAY = 20
export const FORCED_REFRESH_SPACING_MS = 30_000
export const CLASSIC_TOKENS_PER_DAY = 2000

const WELL_FORMED = /^[A-Za-z0-9_-]{16,512}$/

type TokenKind = 'classic' | 'stable'

interface TokenRecord {
  token: string
  kind: TokenKind
  appid: string
  expiresAt: EpochMs
  /** From this instant on the token answers 40001 ("not latest"): overwritten, force-refreshed or revoked. */
  invalidFrom?: EpochMs
}

export type TokenGrant = { ok: true; token: string; expiresIn: number } | { ok: false; errcode: 45009 }
export type TokenCheck = { ok: true; appid: string } | { ok: false; errcode: 41001 | 40014 | 40001 | 42001 }

export class TokenStore {
  private readonly byToken = new Map<string, TokenRecord>()
  private readonly latest = new Map<string, TokenRecord>()
  private readonly classicPerDay = new Map<string, number>()
  private readonly forcedAt = new Map<string, EpochMs[]>()

  constructor(private readonly prng: Prng) {}

  /** GET cgi-bin/token: always a new token; the previous one keeps working for the 5-minute grace. */
  issueClassic(appid: string, now: EpochMs): TokenGrant {
    const dayKey = `${appid}:${wechatDate(now)}`
    const used = this.classicPerDay.get(dayKey) ?? 0
    if (used >= CLASSIC_TOKENS_PER_DAY) return { ok: false, errcode: 45009 }
    this.classicPerDay.set(dayKey, used + 1)
    const previous = this.latest.get(`classic:${appid}`)
    if (previous) this.cutOff(previous, now + TOKEN_GRACE_MS)
    return this.grant(this.issue('classic', appid, now), now)
  }

  /** POST cgi-bin/stable_token. */
  stable(appid: string, forceRefresh: boolean, now: EpochMs): TokenGrant {
    const current = this.latest.get(`stable:${appid}`)
    if (!forceRefresh) {
      // Normal mode hands out the same token until 5 minutes before expiry; the renewal then overlaps
      // with the old token's last 5 minutes, so any token handed out lives at least 300 s.
      const usable = current && current.invalidFrom === undefined && now < current.expiresAt - TOKEN_GRACE_MS
      if (current && usable) return this.grant(current, now)
      return this.grant(this.issue('stable', appid, now), now)
    }
    const today = wechatDate(now)
    const forced = (this.forcedAt.get(appid) ?? []).filter((at) => wechatDate(at) === today)
    const last = forced[forced.length - 1]
    if (
      forced.length >= FORCED_REFRESH_PER_DAY ||
      (last !== undefined && now - last < FORCED_REFRESH_SPACING_MS)
    ) {
      return { ok: false, errcode: 45009 }
    }
    this.forcedAt.set(appid, [...forced, now])
    // (inf) forced mode kills the previous token at once, with no grace: the doc says it "invalidates" it.
    if (current) this.cutOff(current, now)
    return this.grant(this.issue('stable', appid, now), now)
  }

  check(token: string | undefined, now: EpochMs): TokenCheck {
    if (token === undefined || token === '') return { ok: false, errcode: 41001 }
    // (inf) a string that cannot be a token at all gets 40014; a plausible but unknown one gets 40001.
    if (!WELL_FORMED.test(token)) return { ok: false, errcode: 40014 }
    const record = this.byToken.get(token)
    if (!record) return { ok: false, errcode: 40001 }
    if (now >= record.expiresAt) return { ok: false, errcode: 42001 }
    if (record.invalidFrom !== undefined && now >= record.invalidFrom) return { ok: false, errcode: 40001 }
    return { ok: true, appid: record.appid }
  }

  /** Fault injection: make one token answer 40001 (revoked) or 42001 (expired) from now on. */
  invalidate(token: string, how: 'revoked' | 'expired', now: EpochMs): boolean {
    const record = this.byToken.get(token)
    if (!record) return false
    if (how === 'expired') record.expiresAt = Math.min(record.expiresAt, now)
    else this.cutOff(record, now)
    return true
  }

  invalidateAll(how: 'revoked' | 'expired', now: EpochMs): number {
    let n = 0
    for (const token of this.byToken.keys()) if (this.invalidate(token, how, now)) n++
    return n
  }

  private cutOff(record: TokenRecord, at: EpochMs): void {
    record.invalidFrom = Math.min(record.invalidFrom ?? Number.POSITIVE_INFINITY, at)
  }

  private issue(kind: TokenKind, appid: string, now: EpochMs): TokenRecord {
    // Real tokens are ~136 URL-safe characters with a numeric prefix; clients must store ≥512 (§1.1).
    const token = `99_${this.prng.chars(133, TOKEN_ALPHABET)}`
    const record: TokenRecord = { token, kind, appid, expiresAt: now + TOKEN_TTL_MS }
    this.byToken.set(token, record)
    this.latest.set(`${kind}:${appid}`, record)
    return record
  }

  private grant(record: TokenRecord, now: EpochMs): TokenGrant {
    return { ok: true, token: record.token, expiresIn: Math.floor((record.expiresAt - now) / 1000) }
  }
}
