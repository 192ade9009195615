/**
 * decide(card, codeStatus, context) → Decision: the verdict for one scan. Pure: no I/O, no clock (context.now),
 * never throws. Every rule adds reasons; the outcome is the heaviest reason (see README.md for the order).
 */
import type { Fen } from '../money'
import { isValidTimeZone } from '../time'
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from '../coupon/types'
import { faceValue } from '../coupon/describeValue'
import { bill } from './checks/bill'
import { cardKind, cardPresence } from './checks/cardKind'
import { localDuplicate, upstreamStatus } from './checks/history'
import { offline } from './checks/offline'
import { highValue, shareOfBill, stacking, velocity } from './checks/risk'
import { store } from './checks/store'
import { timeLimit } from './checks/timeLimit'
import { validity } from './checks/validity'
import {
  reason,
  SEVERITY_RANK,
  type Reason,
  type ReasonCode,
  type ReasonParams,
  type Severity
} from './reasonCodes'
import { billOf, redemptionMoney } from './redemptionMoney'
import type { DecideContext, Decision, MoneyOutcome, Outcome } from './types'

const OUTCOME_BY_SEVERITY: Readonly<Record<Severity, Outcome>> = {
  info: 'OK',
  warn: 'WARN',
  needsAmount: 'NEEDS_AMOUNT',
  deny: 'DENY',
  duplicate: 'DUPLICATE'
}

/** The value the policy rules weigh: a CASH face value, or a DISCOUNT's computed discount once the bill is known. */
function couponValueOf(card: CardDefinition | null, money: MoneyOutcome): Fen | null {
  if (card?.value.kind === 'discount') return money.billAmount === null ? null : money.discount
  return card === null ? null : faceValue(card)
}

/** Heaviest first, stable; one reason per code (the heaviest wins, e.g. EXPIRED from status and from dates). */
function ordered(reasons: Reason[]): Reason[] {
  const byCode = new Map<string, Reason>()
  for (const r of reasons) {
    const seen = byCode.get(r.code)
    if (!seen || SEVERITY_RANK[r.severity] > SEVERITY_RANK[seen.severity]) byCode.set(r.code, r)
  }
  return [...byCode.values()].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])
}

function settingsProblem(ctx: DecideContext): string | null {
  if (!Number.isFinite(ctx.now)) return 'now'
  if (!isValidTimeZone(ctx.timeZone)) return `timeZone ${ctx.timeZone}`
  return null
}

function verdict(
  reasons: Reason[],
  money: MoneyOutcome,
  couponValue: Fen | null,
  ctx: DecideContext
): Decision {
  const sorted = ordered(reasons)
  const common = { reasons: sorted, money, couponValue, offline: ctx.connectivity === 'offline' }
  const outcome = OUTCOME_BY_SEVERITY[sorted[0]?.severity ?? 'info']
  switch (outcome) {
    case 'WARN': {
      const managerPinRequired = sorted.some((r) => r.severity === 'warn' && r.managerPinRequired)
      return {
        ...common,
        outcome,
        managerPinRequired,
        approved: managerPinRequired && ctx.managerApproved === true
      }
    }
    case 'DUPLICATE':
      return { ...common, outcome, original: ctx.local.originalRedemption ?? null }
    default:
      return { ...common, outcome }
  }
}

/** A refusal decided before the rules can run (e.g. an encrypted code that cannot be decoded offline). */
export function refusal(code: ReasonCode, offline: boolean, params: ReasonParams = {}): Decision {
  return {
    outcome: 'DENY',
    reasons: [reason(code, 'deny', params)],
    money: { billAmount: null, discount: 0, payable: null, noChangeGiven: false },
    couponValue: null,
    offline
  }
}

export function decide(
  card: CardDefinition | UnreadableCard | null,
  codeStatus: CodeStatus | CodeGetError | null,
  context: DecideContext
): Decision {
  try {
    return decideUnguarded(card, codeStatus, context)
  } catch {
    // A bug must not turn into a redemption: refuse, and let the cashier call the manager.
    const money = { billAmount: null, discount: 0, payable: null, noChangeGiven: false }
    return {
      outcome: 'DENY',
      reasons: [reason('RULES_ERROR', 'deny')],
      money,
      couponValue: null,
      offline: false
    }
  }
}

function decideUnguarded(
  card: CardDefinition | UnreadableCard | null,
  code: CodeStatus | CodeGetError | null,
  ctx: DecideContext
): Decision {
  const problem = settingsProblem(ctx)
  if (problem !== null) {
    const money = redemptionMoney(null, null)
    return verdict([reason('STATION_SETTINGS_INVALID', 'deny', { detail: problem })], money, null, ctx)
  }
  // WeChat refused the code itself (40056 …): that is the answer; "no card details" would only add noise.
  const refusedCode = card === null && code?.kind === 'error'
  const reasons: Reason[] = [
    ...localDuplicate(ctx),
    ...upstreamStatus(code, ctx),
    ...(refusedCode ? [] : cardPresence(card, ctx))
  ]

  const { bill: amount, invalid } = billOf(ctx.billAmount)
  if (invalid) reasons.push(reason('INVALID_BILL_AMOUNT', 'needsAmount'))

  const known = card?.kind === 'card' ? card : null
  const money = redemptionMoney(known, amount)
  const couponValue = couponValueOf(known, money)
  reasons.push(...validity(known, code, ctx))
  if (known) {
    reasons.push(...cardKind(known, code), ...timeLimit(known, ctx), ...store(known, ctx))
    // A member card is shown, never redeemed: asking for a bill or a PIN would only add noise.
    if (known.cardType !== 'MEMBER_CARD') {
      reasons.push(...bill(known, amount, money), ...stacking(known, ctx), ...shareOfBill(money, ctx))
    }
  }
  reasons.push(...highValue(couponValue, ctx), ...velocity(ctx), ...offline(couponValue, ctx))
  return verdict(reasons, money, couponValue, ctx)
}

/** Whether the station may go ahead (after the cashier confirms any warning): OK, or WARN with its PIN satisfied. */
export function canRedeem(decision: Decision): boolean {
  if (decision.outcome === 'OK') return true
  return decision.outcome === 'WARN' && (!decision.managerPinRequired || decision.approved)
}
