import { describe, it, expect } from 'vitest'
import { decide } from '../../src/shared/rules/decide'
import { at, cashCard, card, codes, ctx, typedCard } from './builders'

const offline = ctx({ connectivity: 'offline' })

describe('rule 12: offline policy', () => {
  it('says OFFLINE on every offline decision and marks it pending', () => {
    const d = decide(card(), null, offline)
    expect(d).toMatchObject({ outcome: 'OK', offline: true })
    expect(codes(d)).toEqual(['OFFLINE'])
    expect(decide(card(), null, ctx({ connectivity: 'offline' })).reasons[0]?.severity).toBe('info')
  })

  it('still catches a duplicate on this station', () => {
    const original = {
      at: at('2026-06-03T11:00'),
      station: 'T1',
      cashier: 'A',
      synced: false,
      source: 'outbox' as const
    }
    expect(
      decide(card(), null, ctx({ connectivity: 'offline', local: { originalRedemption: original } })).outcome
    ).toBe('DUPLICATE')
  })

  describe('face value cap (default ¥50)', () => {
    it.each([
      [5000, 'OK', ['OFFLINE']],
      [5001, 'WARN', ['OFFLINE_FACE_VALUE_CAP', 'OFFLINE']]
    ])('a coupon worth %s fen → %s', (reduce, outcome, expected) => {
      const d = decide(cashCard(0, reduce), null, offline)
      expect(d.outcome).toBe(outcome)
      expect(codes(d)).toEqual(expected)
      if (d.outcome === 'WARN') expect(d.managerPinRequired).toBe(true)
    })

    it('is a DENY when managers may not override', () => {
      const d = decide(
        cashCard(0, 5001),
        null,
        ctx({ connectivity: 'offline', policy: { offline: { managerOverride: false } } })
      )
      expect(d.outcome).toBe('DENY')
      expect(d.reasons[0]).toMatchObject({
        code: 'OFFLINE_FACE_VALUE_CAP',
        params: { limitFen: 5000, faceValueFen: 5001 }
      })
    })

    it('weighs a DISCOUNT by its discount on the bill', () => {
      const half = typedCard('DISCOUNT', { kind: 'discount', percentOff: 50 })
      expect(decide(half, null, ctx({ connectivity: 'offline', billAmount: 10000 })).outcome).toBe('OK')
      expect(codes(decide(half, null, ctx({ connectivity: 'offline', billAmount: 10002 })))).toContain(
        'OFFLINE_FACE_VALUE_CAP'
      )
    })

    it('does not apply online', () => {
      expect(
        decide(
          cashCard(0, 9000),
          {
            kind: 'code',
            cardId: 'pCARD',
            code: 'c',
            openid: null,
            userCardStatus: 'NORMAL',
            rawUserCardStatus: 'NORMAL',
            canConsume: true,
            outerStr: null
          },
          ctx()
        ).outcome
      ).toBe('OK')
    })
  })

  describe('daily cap (default 200 per business day)', () => {
    it.each([
      [199, 'OK'],
      [200, 'WARN'],
      [250, 'WARN']
    ])('%s offline redemptions so far → %s', (count, outcome) => {
      expect(
        decide(card(), null, ctx({ connectivity: 'offline', local: { offlineRedemptionsToday: count } }))
          .outcome
      ).toBe(outcome)
    })

    it('is a DENY without manager override', () => {
      const d = decide(
        card(),
        null,
        ctx({
          connectivity: 'offline',
          local: { offlineRedemptionsToday: 3 },
          policy: { offline: { maxPerBusinessDay: 3, managerOverride: false } }
        })
      )
      expect(d.outcome).toBe('DENY')
      expect(codes(d)).toEqual(['OFFLINE_DAILY_CAP', 'OFFLINE'])
    })

    it.each([
      ['03:59 belongs to the previous business day', '2026-06-04T03:59', '2026-06-03'],
      ['04:00 starts the new business day', '2026-06-04T04:00', '2026-06-04'],
      ['23:59 is still today', '2026-06-03T23:59', '2026-06-03'],
      ['00:00 is still yesterday', '2026-06-04T00:00', '2026-06-03']
    ])('names the business day (cut-off 04:00, Asia/Shanghai): %s', (_, local, day) => {
      const d = decide(
        card(),
        null,
        ctx({ now: at(local), connectivity: 'offline', local: { offlineRedemptionsToday: 200 } })
      )
      expect(d.reasons.find((r) => r.code === 'OFFLINE_DAILY_CAP')?.params).toEqual({ max: 200, day })
    })

    it('a cut-off of 0 makes midnight the boundary', () => {
      const d = decide(
        card(),
        null,
        ctx({
          now: at('2026-06-04T00:00'),
          cutoffMinutes: 0,
          connectivity: 'offline',
          local: { offlineRedemptionsToday: 200 }
        })
      )
      expect(d.reasons.find((r) => r.code === 'OFFLINE_DAILY_CAP')?.params.day).toBe('2026-06-04')
    })
  })

  describe('unknown card offline', () => {
    it('is refused by default', () => {
      const d = decide(null, null, offline)
      expect(d.outcome).toBe('DENY')
      expect(codes(d)).toEqual(['OFFLINE_UNKNOWN_CARD', 'OFFLINE'])
    })

    const allow = { offline: { allowUnknownCards: true } }

    it('live, allowed by the policy, no card: never redeemable — the cashier must pick the coupon', () => {
      for (const stationMode of [undefined, 'live'] as const) {
        const d = decide(null, null, ctx({ connectivity: 'offline', policy: allow, stationMode }))
        expect(d.outcome).toBe('DENY')
        expect(codes(d)).toEqual(['OFFLINE_PICK_CARD', 'OFFLINE'])
        // A manager's PIN does not make a redemption without a coupon either.
        const approved = decide(
          null,
          null,
          ctx({ connectivity: 'offline', policy: allow, stationMode, managerApproved: true })
        )
        expect(approved.outcome).toBe('DENY')
      }
    })

    it('live, allowed, a picked card: a manager must approve, and the decision carries its value', () => {
      const picked = ctx({ connectivity: 'offline', policy: allow, stationMode: 'live', cardPicked: true })
      const d = decide(cashCard(0, 1000), null, picked)
      expect(d).toMatchObject({
        outcome: 'WARN',
        managerPinRequired: true,
        approved: false,
        couponValue: 1000
      })
      expect(codes(d)).toContain('OFFLINE_PICKED_CARD')
      const approved = decide(cashCard(0, 1000), null, { ...picked, managerApproved: true })
      expect(approved).toMatchObject({ outcome: 'WARN', approved: true })
    })

    it('refused by the policy: picking a card does not get round it, in either mode', () => {
      for (const stationMode of ['live', 'training'] as const) {
        const d = decide(
          cashCard(0, 1000),
          null,
          ctx({ connectivity: 'offline', stationMode, cardPicked: true, managerApproved: true })
        )
        expect(d.outcome).toBe('DENY')
        expect(codes(d)).toContain('OFFLINE_UNKNOWN_CARD')
      }
    })

    it('a card the station knew (from the cache) is not a pick: no extra PIN', () => {
      const d = decide(cashCard(0, 1000), null, ctx({ connectivity: 'offline', stationMode: 'live' }))
      expect(d.outcome).toBe('OK')
    })

    it('training keeps the cashier-confirmed drill: a warning without PIN, a picked card without one', () => {
      const training = ctx({ connectivity: 'offline', policy: allow, stationMode: 'training' })
      const d = decide(null, null, training)
      expect(d).toMatchObject({ outcome: 'WARN', managerPinRequired: false })
      expect(d.money).toEqual({ billAmount: null, discount: 0, payable: null, noChangeGiven: false })
      expect(decide(cashCard(0, 1000), null, { ...training, cardPicked: true }).outcome).toBe('OK')
    })

    it('still counts against the daily cap', () => {
      const d = decide(
        cashCard(0, 1000),
        null,
        ctx({
          connectivity: 'offline',
          cardPicked: true,
          local: { offlineRedemptionsToday: 200 },
          policy: allow
        })
      )
      expect(codes(d)).toContain('OFFLINE_DAILY_CAP')
      expect(d).toMatchObject({ outcome: 'WARN', managerPinRequired: true })
    })
  })

  describe("the code's own window, remembered from an earlier look-up", () => {
    const fixTerm = cashCard(0, 1000, { dateInfo: { kind: 'fixTerm', fixedTerm: 30, fixedBeginTerm: 1 } })

    it('offline, a code seen not yet valid is still not valid (the card alone cannot tell)', () => {
      expect(decide(fixTerm, null, offline).outcome).toBe('OK')
      const d = decide(
        fixTerm,
        null,
        ctx({ connectivity: 'offline', local: { codeWindow: { begin: at('2026-06-05T00:00') } } })
      )
      expect(d.outcome).toBe('DENY')
      expect(codes(d)).toContain('NOT_YET_VALID')
    })

    it('offline, a code seen with an end that has passed is expired', () => {
      const d = decide(
        fixTerm,
        null,
        ctx({ connectivity: 'offline', local: { codeWindow: { end: at('2026-06-01T23:59') } } })
      )
      expect(codes(d)).toContain('EXPIRED')
    })

    it("a fresh answer's own times win over the remembered ones", () => {
      const d = decide(
        fixTerm,
        {
          kind: 'code',
          cardId: 'pCARD',
          code: '1',
          openid: null,
          userCardStatus: 'NORMAL',
          rawUserCardStatus: 'NORMAL',
          canConsume: true,
          outerStr: null,
          beginTime: at('2026-06-01T00:00')
        },
        ctx({ local: { codeWindow: { begin: at('2026-06-05T00:00') } } })
      )
      expect(d.outcome).toBe('OK')
    })
  })

  it('several limits at once: one PIN approves them all', () => {
    const d = decide(
      cashCard(0, 30000),
      null,
      ctx({
        connectivity: 'offline',
        billAmount: 100000,
        managerApproved: true,
        local: { offlineRedemptionsToday: 200 }
      })
    )
    expect(codes(d)).toEqual(['HIGH_VALUE', 'OFFLINE_FACE_VALUE_CAP', 'OFFLINE_DAILY_CAP', 'OFFLINE'])
    expect(d).toMatchObject({ outcome: 'WARN', managerPinRequired: true, approved: true })
  })
})
