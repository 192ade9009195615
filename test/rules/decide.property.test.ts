import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { canRedeem, decide } from '../../src/shared/rules/decide'
import { parseCardGet } from '../../src/shared/coupon/parseCardGet'
import { parseCodeGet } from '../../src/shared/coupon/parseCodeGet'
import { SEVERITY_RANK } from '../../src/shared/rules/reasonCodes'
import { redemptionMoney } from '../../src/shared/rules/redemptionMoney'
import { CARD_PAYLOADS, CODE_NORMAL } from '../coupon/payloads'
import { mutated } from '../coupon/mutate'
import { anyCard, anyCodeStatus, cardDefinition, context } from './arbitraries'

const OUTCOME_RANK = { OK: 0, WARN: 1, NEEDS_AMOUNT: 2, DENY: 3, DUPLICATE: 4 } as const

describe('decide on random inputs', () => {
  it('never throws, never hits its own error path, and keeps the money invariants', () => {
    fc.assert(
      fc.property(anyCard, anyCodeStatus, context, (card, code, ctx) => {
        const d = decide(card, code, ctx)
        expect(d.reasons.map((r) => r.code)).not.toContain('RULES_ERROR')
        const m = d.money
        expect(Number.isSafeInteger(m.discount) && m.discount >= 0).toBe(true)
        if (m.billAmount !== null) {
          expect(m.discount).toBeLessThanOrEqual(m.billAmount)
          expect(m.payable).not.toBeNull()
          expect((m.payable ?? NaN) + m.discount).toBe(m.billAmount)
        } else {
          expect(m.payable).toBeNull()
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('the outcome is the heaviest reason, and reasons come heaviest first', () => {
    fc.assert(
      fc.property(anyCard, anyCodeStatus, context, (card, code, ctx) => {
        const d = decide(card, code, ctx)
        const ranks = d.reasons.map((r) => SEVERITY_RANK[r.severity])
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
        expect(OUTCOME_RANK[d.outcome]).toBe(ranks[0] ?? 0)
      }),
      { numRuns: 1000 }
    )
  })

  it('a local redemption is always DUPLICATE; nothing but OK or a satisfied WARN can be redeemed', () => {
    fc.assert(
      fc.property(anyCard, anyCodeStatus, context, (card, code, ctx) => {
        const d = decide(card, code, ctx)
        if (ctx.local.originalRedemption) expect(d.outcome).toBe('DUPLICATE')
        if (canRedeem(d)) expect(['OK', 'WARN']).toContain(d.outcome)
        if (d.outcome === 'WARN' && d.approved) expect(ctx.managerApproved).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })

  it('is pure: the same inputs give the same decision', () => {
    fc.assert(
      fc.property(anyCard, anyCodeStatus, context, (card, code, ctx) => {
        expect(decide(card, code, ctx)).toEqual(decide(card, code, ctx))
      }),
      { numRuns: 300 }
    )
  })

  it('redemptionMoney keeps 0 ≤ discount ≤ bill and payable + discount = bill for every card and bill', () => {
    fc.assert(
      fc.property(cardDefinition, fc.integer({ min: 0, max: 100_000_000_000 }), (card, bill) => {
        const m = redemptionMoney(card, bill)
        expect(m.discount >= 0 && m.discount <= bill && Number.isSafeInteger(m.discount)).toBe(true)
        expect(m.payable).toBe(bill - m.discount)
      }),
      { numRuns: 2000 }
    )
  })

  it('accepts whatever the parsers make of damaged upstream replies', () => {
    const payloads = fc.oneof(...Object.values(CARD_PAYLOADS).map((p) => mutated(p)))
    fc.assert(
      fc.property(payloads, mutated(CODE_NORMAL), context, (cardJson, codeJson, ctx) => {
        const d = decide(parseCardGet(cardJson), parseCodeGet(codeJson), ctx)
        expect(d.reasons.map((r) => r.code)).not.toContain('RULES_ERROR')
      }),
      { numRuns: 500 }
    )
  })
})
