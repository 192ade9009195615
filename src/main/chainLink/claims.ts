/**
 * Claims before committing at the chain hub (docs/chain.md § Claims before committing): when this till is enrolled
 * at HQ and its settings enable it, the counter claims a coupon chain-wide before it commits, so a coupon redeemed
 * in another store is refused as DUPLICATE naming that store and till, not found hours later in the lane.
 *
 * Shaped like the store hub's claim (src/main/storeLink, docs/hub.md § For the station side), for the same
 * counter: a deadline (400 ms by default), then degraded mode — the till decides alone and marks the redemption
 * "not checked with headquarters". Unlike the store hub nothing is queued here: the lane's `redeemed` event of the
 * redemption is the claim that reaches HQ later, where a duplicate is still found after the fact and sent back to
 * both stores. The one local row (`chain_claims`, migration 012) is written in the ledger's transaction.
 *
 * Not committed after a grant (the store hub said DUPLICATE, or the ledger write failed): the claim is released
 * at once, best effort; the hub lets an unconfirmed claim expire in any case (10 min by default).
 */
import { z } from 'zod'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import {
  CHAIN_PATHS,
  chainClaimResponseSchema,
  chainEnvelopeSchema,
  chainReleaseResponseSchema,
  type ChainClaimResponse,
  type ChainHolder
} from '../../shared/hub/chainProtocol'
import { HUB_STORE_HEADER } from '../../shared/hub/protocol'
import type { CouponClaim } from '../../shared/redeem'
import { ChainLane } from './lane'

export const CHAIN_CLAIM_SETTING = 'chainLink.claims'
export const DEFAULT_CHAIN_CLAIM_DEADLINE_MS = 400

/** The till's setting: off until a manager turns it on (an HQ round trip is added to every redemption). */
export const chainClaimSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** How long the cashier may wait for HQ before the till decides alone. */
    deadlineMs: z.number().int().min(50).max(3_000)
  })
  .strict()
export type ChainClaimSettings = z.infer<typeof chainClaimSettingsSchema>

export type ChainClaimOutcome =
  | { kind: 'granted' }
  | { kind: 'duplicate'; holder: ChainHolder }
  /** No answer within the deadline, or the hub refused this till: decided here, "not checked with HQ". */
  | { kind: 'unchecked'; reason: string }

/** What the counter claims (src/shared/redeem.ts); the hub keys a plain code without its card, as the lane's event. */
export type ChainClaimInput = CouponClaim

export interface ChainClaimerOptions {
  db: Db
  now: () => number
  /** The till's chain token (the set-up secret `chainHub.token`), as the lane's sender has it. */
  token: { get: () => string | null }
  fetch?: typeof fetch
  log?: (line: string) => void
}

type Call<T> =
  { kind: 'ok'; value: T } | { kind: 'refused'; code: string } | { kind: 'unreachable'; reason: string }

export class ChainClaimer {
  private readonly lane: ChainLane
  private readonly fetchImpl: typeof fetch
  /** Outcomes between the claim and the ledger's commit (committed() writes them in its transaction). */
  private readonly decided = new Map<string, ChainClaimOutcome>()

  constructor(private readonly o: ChainClaimerOptions) {
    this.lane = new ChainLane(o.db)
    this.fetchImpl = o.fetch ?? fetch
  }

  settings(): ChainClaimSettings {
    const parsed = chainClaimSettingsSchema.safeParse(readSetting(this.o.db, CHAIN_CLAIM_SETTING))
    return parsed.success ? parsed.data : { enabled: false, deadlineMs: DEFAULT_CHAIN_CLAIM_DEADLINE_MS }
  }

  /** A manager turns the pre-check on or off, or changes its deadline: written and audited together. */
  setSettings(next: ChainClaimSettings, by: Actor): ChainClaimSettings {
    const value = chainClaimSettingsSchema.parse(next)
    const before = this.settings()
    const at = this.o.now()
    this.o.db.transaction(() => {
      writeSetting(this.o.db, CHAIN_CLAIM_SETTING, value, at)
      appendAudit(this.o.db, {
        at,
        actorId: by.staffId,
        actorName: by.name,
        action: 'settings.changed',
        subject: CHAIN_CLAIM_SETTING,
        detail: { before, after: value }
      })
    })()
    return this.settings()
  }

  /**
   * Claims the coupon at the chain hub before the local commit. null: not enrolled, or the setting is off (the
   * till does not ask HQ). The cashier waits at most the deadline.
   */
  async claim(input: ChainClaimInput): Promise<ChainClaimOutcome | null> {
    const { enabled, deadlineMs } = this.settings()
    if (!enabled) return null
    const config = this.lane.config()
    const token = this.o.token.get()
    if (!config || !token) return null
    const answer = await this.post(
      config.hubUrl,
      CHAIN_PATHS.claims,
      config.storeId,
      token,
      {
        tillId: config.tillId,
        redemptionId: input.redemptionId,
        cardId: input.cardId,
        customCode: !input.plainCode,
        code: input.code,
        cashier: input.cashier,
        amountFen: input.amountFen,
        at: input.at
      },
      chainClaimResponseSchema,
      deadlineMs
    )
    const outcome: ChainClaimOutcome =
      answer.kind === 'ok'
        ? answerOf(answer.value)
        : { kind: 'unchecked', reason: answer.kind === 'refused' ? answer.code : 'UNREACHABLE' }
    if (outcome.kind === 'unchecked')
      this.o.log?.(`[chainLink] claim ${input.redemptionId} not checked with HQ: ${outcome.reason}`)
    if (outcome.kind !== 'duplicate') this.decided.set(input.redemptionId, outcome)
    return outcome
  }

  /** Inside the ledger's transaction (WriteHooks.alsoWrite): the claim's outcome commits with the redemption. */
  committed(redemptionId: string): void {
    const outcome = this.decided.get(redemptionId)
    this.decided.delete(redemptionId)
    if (!outcome || outcome.kind === 'duplicate') return
    this.o.db
      .prepare(
        `INSERT INTO chain_claims (redemption_id, checked, reason, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (redemption_id) DO NOTHING`
      )
      .run(
        redemptionId,
        outcome.kind === 'granted' ? 1 : 0,
        outcome.kind === 'unchecked' ? outcome.reason : null,
        this.o.now()
      )
  }

  /** Not committed after the claim: free the code at HQ now (best effort; the hub's expiry is the backstop). */
  abandoned(redemptionId: string): void {
    const outcome = this.decided.get(redemptionId)
    this.decided.delete(redemptionId)
    if (outcome?.kind !== 'granted') return
    const config = this.lane.config()
    const token = this.o.token.get()
    if (!config || !token) return
    void this.post(
      config.hubUrl,
      CHAIN_PATHS.claimRelease,
      config.storeId,
      token,
      { tillId: config.tillId, redemptionId },
      chainReleaseResponseSchema,
      5_000
    ).then((r) => {
      if (r.kind !== 'ok')
        this.o.log?.(`[chainLink] release of ${redemptionId} not delivered (${r.kind}); it expires at HQ`)
    })
  }

  /** Decided while HQ did not answer: "not checked with headquarters". */
  unchecked(redemptionId: string): boolean {
    const row = this.o.db
      .prepare('SELECT checked FROM chain_claims WHERE redemption_id = ?')
      .get(redemptionId) as { checked: number } | undefined
    return row?.checked === 0
  }

  private async post<S extends z.ZodType>(
    hubUrl: string,
    path: string,
    storeId: string,
    token: string,
    body: unknown,
    schema: S,
    deadlineMs: number
  ): Promise<Call<z.infer<S>>> {
    let res: Response
    let json: unknown
    try {
      res = await this.fetchImpl(new URL(path, hubUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          [HUB_STORE_HEADER]: storeId
        },
        body: JSON.stringify(body),
        // The body is read under the same deadline (the signal covers it).
        signal: AbortSignal.timeout(deadlineMs)
      })
      json = await res.json()
    } catch (err) {
      return { kind: 'unreachable', reason: err instanceof Error ? err.message : String(err) }
    }
    const envelope = chainEnvelopeSchema.safeParse(json)
    if (!envelope.success)
      return { kind: 'unreachable', reason: `not a chain hub answer (HTTP ${res.status})` }
    if (!envelope.data.ok) return { kind: 'refused', code: envelope.data.error.code }
    const value = schema.safeParse(envelope.data.value)
    if (!value.success) return { kind: 'unreachable', reason: `unexpected answer to ${path}` }
    return { kind: 'ok', value: value.data as z.infer<S> }
  }
}

function answerOf(value: ChainClaimResponse): ChainClaimOutcome {
  return value.outcome === 'granted' ? { kind: 'granted' } : { kind: 'duplicate', holder: value.holder }
}
