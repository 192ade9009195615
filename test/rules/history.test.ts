import { describe, it, expect } from 'vitest'
import { decide } from '../../src/shared/rules/decide'
import type { CodeGetError, UserCardStatus } from '../../src/shared/coupon/types'
import { at, card, code, codes, ctx } from './builders'

describe('rule 1: already redeemed locally', () => {
  it('is DUPLICATE with when, where and who from the ledger', () => {
    const original = {
      at: at('2026-06-03T11:58'),
      station: 'T2',
      cashier: '王芳',
      synced: true,
      source: 'ledger' as const
    }
    const d = decide(card(), code(), ctx({ local: { originalRedemption: original } }))
    expect(d.outcome).toBe('DUPLICATE')
    expect(d.reasons[0]).toMatchObject({
      code: 'ALREADY_REDEEMED_LOCAL',
      severity: 'duplicate',
      params: { time: '2026-06-03 11:58', station: 'T2', cashier: '王芳' }
    })
    if (d.outcome === 'DUPLICATE') expect(d.original).toEqual(original)
  })

  it.each([
    ['outbox', false],
    ['ledger', false]
  ] as const)('a %s row not yet synced is QUEUED_IN_OUTBOX', (source, synced) => {
    const original = { at: at('2026-06-03T11:00'), station: 'T1', cashier: '李雷', synced, source }
    expect(
      codes(decide(card(), null, ctx({ connectivity: 'offline', local: { originalRedemption: original } })))
    ).toContain('QUEUED_IN_OUTBOX')
  })

  it('beats every other verdict: an expired, wrong-store duplicate is still DUPLICATE', () => {
    const original = {
      at: at('2026-06-01T10:00'),
      station: 'T1',
      cashier: 'A',
      synced: true,
      source: 'ledger' as const
    }
    const d = decide(
      card({ useAllLocations: false, locationIdList: [1] }),
      code({ userCardStatus: 'EXPIRE' }),
      ctx({ local: { originalRedemption: original } })
    )
    expect(d.outcome).toBe('DUPLICATE')
    expect(codes(d)).toEqual(expect.arrayContaining(['ALREADY_REDEEMED_LOCAL', 'EXPIRED', 'WRONG_STORE']))
  })
})

describe('rule 2: upstream user_card_status', () => {
  it.each([
    ['NORMAL', 'OK', []],
    ['CONSUMED', 'DUPLICATE', ['UPSTREAM_CONSUMED']],
    ['EXPIRE', 'DENY', ['EXPIRED']],
    ['GIFTING', 'DENY', ['GIFTING']],
    ['GIFT_TIMEOUT', 'DENY', ['GIFT_TIMEOUT']],
    ['DELETE', 'DENY', ['DELETED_BY_USER']],
    ['UNAVAILABLE', 'DENY', ['UNAVAILABLE']],
    ['UNKNOWN', 'DENY', ['UNKNOWN_USER_CARD_STATUS']]
  ] as [UserCardStatus, string, string[]][])('%s → %s', (status, outcome, reasonCodes) => {
    const d = decide(card(), code({ userCardStatus: status, rawUserCardStatus: status }), ctx())
    expect(d.outcome).toBe(outcome)
    expect(codes(d)).toEqual(reasonCodes)
  })

  it('keeps the expiry time from the code on an EXPIRE status', () => {
    const d = decide(card(), code({ userCardStatus: 'EXPIRE', endTime: at('2026-05-31T23:59:59') }), ctx())
    expect(d.reasons[0]).toMatchObject({ code: 'EXPIRED', params: { until: '2026-05-31 23:59' } })
    expect(d.reasons).toHaveLength(1)
  })

  it('refuses NORMAL with can_consume false, tolerates can_consume missing', () => {
    expect(codes(decide(card(), code({ canConsume: false }), ctx()))).toEqual(['CANNOT_CONSUME'])
    expect(decide(card(), code({ canConsume: null }), ctx()).outcome).toBe('OK')
  })

  it.each([
    ['unknownCode', 40056, 'DENY', 'UNKNOWN_CODE'],
    ['consumed', 40099, 'DUPLICATE', 'UPSTREAM_CONSUMED'],
    ['invalidUserCardStatus', 40127, 'DENY', 'INVALID_USER_CARD_STATE'],
    ['memberCard', 40071, 'DENY', 'MEMBER_CARD_NOT_REDEEMABLE'],
    ['upstreamError', -1, 'DENY', 'UPSTREAM_ERROR'],
    ['malformed', null, 'DENY', 'UPSTREAM_ERROR']
  ] as [CodeGetError['problem'], number | null, string, string][])(
    'code/get error %s (%s) → %s %s',
    (problem, errcode, outcome, reasonCode) => {
      const d = decide(card(), { kind: 'error', problem, errcode, errmsg: '' }, ctx())
      expect(d.outcome).toBe(outcome)
      expect(d.reasons[0]?.code).toBe(reasonCode)
    }
  )

  it('refuses online when the status was never checked', () => {
    expect(codes(decide(card(), null, ctx()))).toEqual(['STATUS_NOT_CHECKED'])
  })

  it('refuses a code that belongs to another card', () => {
    expect(codes(decide(card(), code({ cardId: 'pOTHER' }), ctx()))).toEqual(['CARD_MISMATCH'])
  })
})
