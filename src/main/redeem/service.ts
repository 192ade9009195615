/**
 * The redemption service: scan → look-up → decision → durable redeem. It owns the order
 * of things the cashier relies on: the ledger row, its outbox item and the audit entry are
 * committed together BEFORE the answer says "redeemed"; only then is the consume tried
 * online (with a short deadline); a look-up that cannot reach WeChat falls back to the
 * cached card and the offline policy.
 */
import { v7 as uuidv7 } from 'uuid'
import { canRedeem, decide } from '../../shared/rules'
import { createScanEvent, isRejectedScan } from '../../shared/scan'
import type { CardDefinition, UnreadableCard } from '../../shared/coupon'
import {
  maskOpenid,
  type CouponClaim,
  type LookupView,
  type RedeemResult,
  type RedemptionView
} from '../../shared/redeem'
import { formatFen } from '../../shared/money'
import { AppFailure } from '../../shared/result'
import { businessDayOf } from '../../shared/time'
import { formatLocalMinute } from '../../shared/rules/localTime'
import type { Actor } from '../audit/actor'
import type { Approvals } from '../staff/approvals'
import { decideContext } from './decideContext'
import { COUNTER_DEADLINE_MS, type RedemptionDeps } from './deps'
import { Lookups, type LookupRecord } from './lookups'
import { resolveLookup } from './resolveLookup'
import { redemptionRow } from './redemptionRow'
import { redemptionView, syncOutcomeOf } from './views'
import { normalizerFor } from './normalizerFor'

export interface LookupInput {
  source: LookupRecord['scan']['source']
  device: string
  /** What a renderer-side source (wedge, camera, manual) delivered. */
  raw?: string
  /** A HID/serial scan main already holds (announced as 'device.scan'). */
  scanId?: string
  cardId?: string
}

export interface EvaluateInput {
  lookupId: string
  billFen?: number
  otherDiscount: boolean
  pickedCardId?: string
  approvalToken?: string
}

export interface CommitInput extends EvaluateInput {
  confirmWarnings: boolean
}

export class RedemptionService {
  private readonly lookups: Lookups
  private readonly now: () => number

  constructor(
    private readonly deps: RedemptionDeps,
    private readonly approvals: Approvals
  ) {
    this.now = deps.now ?? Date.now
    this.lookups = new Lookups(this.now)
  }

  async lookup(input: LookupInput, staff: Actor, sessionId: string): Promise<LookupView> {
    const settings = this.deps.settings()
    const at = this.now()
    const event = input.scanId
      ? this.deps.deviceScans?.take(input.scanId)
      : createScanEvent(
          { source: input.source, device: input.device, at },
          input.raw ?? '',
          normalizerFor(input.source, settings)
        )
    if (!event) throw new AppFailure('SCAN_EXPIRED', 'That scan is no longer available; scan it again.')
    const normalizedCode = isRejectedScan(event.normalized)
      ? null
      : event.normalized.kind === 'code'
        ? event.normalized.code
        : null
    if (normalizedCode && input.cardId === undefined) {
      const first = this.lookups.recentDoubleRead(normalizedCode, event.device)
      if (first?.lastView) return { ...first.lastView, doubleRead: true }
    }
    this.logScan(event, at)
    const record = await resolveLookup(this.deps, settings, event, input.cardId ?? null, {
      lookupId: uuidv7(),
      redemptionId: uuidv7(),
      sessionId
    })
    this.lookups.put(record)
    return this.view(record, { otherDiscount: false }, staff, false)
  }

  evaluate(input: EvaluateInput, staff: Actor, sessionId: string): LookupView {
    const record = this.record(input.lookupId, sessionId)
    return this.view(record, input, staff, false)
  }

  async commit(input: CommitInput, staff: Actor, sessionId: string): Promise<RedeemResult> {
    const record = this.record(input.lookupId, sessionId)
    const existing = this.deps.ledger.get(record.redemptionId)
    if (existing) {
      return {
        redemption: this.redemption(record.redemptionId),
        sync: syncOutcomeOf(existing),
        repeated: true
      }
    }
    const approver = input.approvalToken
      ? this.approvals.consume(input.approvalToken, 'redeem', record.lookupId)
      : null
    if (input.approvalToken && !approver) {
      throw new AppFailure(
        'APPROVAL_INVALID',
        'The manager approval has expired or was for another scan; ask again.'
      )
    }
    const view = this.view(record, input, staff, approver !== null)
    const decision = view.decision
    // Whatever a policy allows, nothing is redeemed without knowing which coupon it is (no value, no card).
    if (decision && canRedeem(decision) && view.card?.kind !== 'card') {
      throw new AppFailure('CARD_NOT_PICKED', 'Pick which coupon this is before redeeming it.')
    }
    if (!decision || !canRedeem(decision)) {
      if (decision?.outcome === 'WARN' && decision.managerPinRequired)
        throw new AppFailure(
          'MANAGER_PIN_REQUIRED',
          'A manager must enter their PIN to allow this redemption.'
        )
      throw new AppFailure(
        'NOT_REDEEMABLE',
        `This code may not be redeemed (${decision?.outcome ?? 'no decision'}).`
      )
    }
    if (decision.outcome === 'WARN' && !decision.managerPinRequired && !input.confirmWarnings) {
      throw new AppFailure('CONFIRM_WARNINGS', 'Confirm the warnings shown before redeeming.')
    }
    const settings = this.deps.settings()
    const at = this.now()
    const row = redemptionRow({
      record,
      view,
      decision,
      staff,
      approver,
      otherDiscount: input.otherDiscount,
      at,
      businessDay: businessDayOf(at, settings.store.timeZone, settings.store.cutoffMinutes),
      identity: settings.identity
    })
    // The sync worker reads the look-up's status record (code_statuses) to tell its own consume from someone
    // else's after a lost answer: make sure it is written (normally it already is: it follows the look-up's answer).
    this.deps.journal.flush()
    // The store hub: claim the coupon before committing (docs/hub.md § For the station side). A claim held by
    // another till is DUPLICATE naming it; no answer in time decides in degraded mode and queues the claim.
    // What both hubs are asked to claim, the same facts for each.
    const coupon: CouponClaim = {
      redemptionId: row.id,
      cardId: row.card_id ?? '',
      // Only a known card gets here (CARD_NOT_PICKED above): it says whether the code is a custom one.
      plainCode: view.card?.kind === 'card' ? !view.card.useCustomCode : false,
      code: row.code,
      cashier: { id: row.cashier_id, name: row.cashier_name },
      amountFen: row.discount_fen,
      at
    }
    const store = this.deps.storeClaims
    const claim = store ? await store.claim(coupon) : null
    if (claim?.kind === 'duplicate') {
      throw new AppFailure(
        'STORE_DUPLICATE',
        `Already redeemed at ${claim.holder.tillName} by ${claim.holder.cashierName}.`,
        {
          station: claim.holder.tillName,
          cashier: claim.holder.cashierName,
          time: formatLocalMinute(claim.holder.at, settings.store.timeZone)
        }
      )
    }
    if (claim?.kind === 'over_limit') {
      throw new AppFailure(
        'STORE_UNCHECKED_OVER_LIMIT',
        'The store hub does not answer and this coupon is above the store limit for unchecked redemptions.',
        { amount: formatFen(row.discount_fen), limit: formatFen(claim.limitFen) }
      )
    }
    // The chain hub at HQ, after the store (docs/chain.md § Claims before committing): a holder in another store
    // is DUPLICATE naming that store and till; no answer in time decides here, marked "not checked with HQ".
    const chain = this.deps.chainClaims
    const chainClaim = chain ? await chain.claim(coupon) : null
    if (chainClaim?.kind === 'duplicate') {
      if (claim) store?.abandoned(row.id)
      throw new AppFailure(
        'CHAIN_DUPLICATE',
        `Already redeemed at ${chainClaim.holder.storeName}, ${chainClaim.holder.tillName}, by ${chainClaim.holder.cashierName}.`,
        {
          store: chainClaim.holder.storeName,
          station: chainClaim.holder.tillName,
          cashier: chainClaim.holder.cashierName,
          time: formatLocalMinute(chainClaim.holder.at, settings.store.timeZone)
        }
      )
    }
    try {
      // The claims' states commit with the redemption: one durable write for all.
      this.deps.ledger.recordRedemption(
        row,
        claim || chainClaim
          ? {
              alsoWrite: () => {
                if (claim) store?.committed(row.id)
                if (chainClaim) chain?.committed(row.id)
              }
            }
          : undefined
      )
    } catch (err) {
      if (claim) store?.abandoned(row.id)
      if (chainClaim) chain?.abandoned(row.id)
      if (isUniqueViolation(err)) {
        throw new AppFailure(
          'DUPLICATE',
          'This code was redeemed a moment ago on this station; scan it again to see when.'
        )
      }
      throw err
    }
    let sync: RedeemResult['sync'] = 'queued'
    if (record.connectivity === 'online' && this.deps.sync) {
      sync = await this.deps.sync.sendNow(row.id, this.deps.confirmDeadlineMs ?? COUNTER_DEADLINE_MS)
    } else {
      this.deps.sync?.notify()
    }
    return { redemption: this.redemption(row.id), sync, repeated: false }
  }

  voidRedemption(redemptionId: string, reason: string, manager: Actor): RedemptionView {
    const outcome = this.deps.ledger.voidUnsynced(redemptionId, manager, reason, this.now())
    switch (outcome) {
      case 'voided':
        this.deps.storeClaims?.voided(redemptionId)
        return this.redemption(redemptionId)
      case 'not_found':
        throw new AppFailure('NOT_FOUND', 'There is no such redemption.')
      case 'already_voided':
        throw new AppFailure('ALREADY_VOIDED', 'This redemption was already voided.')
      case 'already_synced':
        throw new AppFailure(
          'VOID_SYNCED',
          'WeChat has already consumed this coupon; the API has no undo, so it cannot be voided here.'
        )
      case 'in_flight':
        throw new AppFailure(
          'VOID_IN_FLIGHT',
          'This redemption is being sent to WeChat right now and may already be consumed; try again once it has synced or failed.'
        )
    }
  }

  recent(limit: number, beforeAt?: number): RedemptionView[] {
    return this.deps.ledger
      .recent(limit, beforeAt)
      .map((row) => this.withStore(redemptionView(row, this.deps.ledger.outboxFor(row.id))))
  }

  private withStore(view: RedemptionView): RedemptionView {
    const out = this.deps.storeClaims?.unchecked(view.id) ? { ...view, storeUnchecked: true } : view
    return this.deps.chainClaims?.unchecked(view.id) ? { ...out, chainUnchecked: true } : out
  }

  private redemption(id: string): RedemptionView {
    const row = this.deps.ledger.get(id)
    if (!row) throw new AppFailure('NOT_FOUND', 'There is no such redemption.')
    return this.withStore(redemptionView(row, this.deps.ledger.outboxFor(id)))
  }

  private record(lookupId: string, sessionId: string): LookupRecord {
    const record = this.lookups.get(lookupId, sessionId)
    if (!record)
      throw new AppFailure('LOOKUP_EXPIRED', 'This scan is too old or from another screen; scan again.')
    return record
  }

  /** Decides the record under the given bill/discount/pick, and remembers the view for double reads. */
  private view(
    record: LookupRecord,
    input: { billFen?: number; otherDiscount: boolean; pickedCardId?: string },
    staff: Actor,
    managerApproved: boolean
  ): LookupView {
    const picked = this.pickedCard(record, input.pickedCardId)
    const card = picked ?? record.card
    const settings = this.deps.settings()
    const decision =
      record.rejected !== null
        ? null
        : (record.refusal ??
          decide(
            card,
            record.codeStatus,
            decideContext(
              {
                now: this.now(),
                code: record.code,
                customCardId: customCardOf(card, record.scannedCardId),
                codeStatus: record.codeStatus,
                connectivity: record.connectivity,
                ...(input.billFen !== undefined ? { billFen: input.billFen } : {}),
                otherDiscount: input.otherDiscount,
                role: staff.role,
                managerApproved,
                cardPicked: picked !== null,
                codeWindow: record.codeWindow
              },
              settings,
              this.deps.ledger,
              this.deps.storeClaims
            )
          ))
    const view: LookupView = {
      lookupId: record.lookupId,
      scan: record.scan,
      rejected: record.rejected,
      code: record.code,
      card,
      cardSource: picked ? 'picked' : record.cardSource,
      codeStatus: maskStatus(record.codeStatus),
      connectivity: record.connectivity,
      decision,
      doubleRead: false,
      choices: record.choices,
      pickedCardId: picked ? picked.cardId : null
    }
    record.lastView = view
    return view
  }

  /** A pick only counts where the card is unknown and the pick is one of the offered choices. */
  private pickedCard(record: LookupRecord, pickedCardId: string | undefined): CardDefinition | null {
    if (!pickedCardId || record.card?.kind === 'card') return null
    if (!record.choices.some((c) => c.cardId === pickedCardId)) return null
    const card: CardDefinition | UnreadableCard | null = this.deps.cards.cached(pickedCardId)
    return card?.kind === 'card' ? card : null
  }

  private logScan(event: ReturnType<typeof createScanEvent>, at: number): void {
    this.deps.journal.logScan({
      at,
      source: event.source,
      device: event.device,
      raw: event.raw,
      normalized: event.normalized,
      accepted: !isRejectedScan(event.normalized)
    })
  }
}

/**
 * The card under which a code is a custom code (its coupon is then (card, code)), for the duplicate look-up.
 * Without a readable definition (not cached, offline) the card a rule, the scan or a pick named may be a custom
 * one: look under it too — the plain code is always looked up as well, so this can only find more.
 */
function customCardOf(
  card: CardDefinition | UnreadableCard | null,
  scannedCardId: string | null
): string | null {
  if (card?.kind === 'card') return card.useCustomCode ? card.cardId : null
  return scannedCardId
}

function maskStatus(status: LookupRecord['codeStatus']): LookupRecord['codeStatus'] {
  if (status?.kind !== 'code' || !status.openid) return status
  return { ...status, openid: maskOpenid(status.openid) }
}

function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof Error && 'code' in err && (err as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  )
}
