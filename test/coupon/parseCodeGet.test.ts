import { describe, it, expect } from 'vitest'
import { parseCodeGet } from '../../src/shared/coupon/parseCodeGet'
import { CODE_NORMAL, CODE_WECOM } from './payloads'

describe('parseCodeGet', () => {
  it('reads the documented normal reply, with the asked code and times in ms', () => {
    expect(parseCodeGet(CODE_NORMAL, '110201201245')).toEqual({
      kind: 'code',
      cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc',
      code: '110201201245',
      openid: 'obLatjm43RA5C6QfMO5szKYnT3dM',
      userCardStatus: 'NORMAL',
      rawUserCardStatus: 'NORMAL',
      canConsume: true,
      beginTime: 1457452800000,
      endTime: 1463155199000,
      outerStr: '12b'
    })
  })

  it('reads the WeCom variant with status and can_consume ("false") inside card', () => {
    expect(parseCodeGet(CODE_WECOM)).toMatchObject({
      kind: 'code',
      userCardStatus: 'CONSUMED',
      canConsume: false,
      beginTime: 1457452800000,
      endTime: 1463155199000,
      code: null
    })
  })

  it.each(['NORMAL', 'CONSUMED', 'EXPIRE', 'GIFTING', 'GIFT_TIMEOUT', 'DELETE', 'UNAVAILABLE'] as const)(
    'maps user_card_status %s',
    (status) => {
      expect(parseCodeGet({ errcode: 0, user_card_status: status, card: {} })).toMatchObject({
        userCardStatus: status
      })
    }
  )

  it('maps an unrecognised status (e.g. the member-card GIFT_SUCC) to UNKNOWN and keeps it raw', () => {
    expect(parseCodeGet({ errcode: 0, user_card_status: 'GIFT_SUCC' })).toMatchObject({
      userCardStatus: 'UNKNOWN',
      rawUserCardStatus: 'GIFT_SUCC'
    })
  })

  it('leaves can_consume null when absent and ignores zero times', () => {
    const r = parseCodeGet({ errcode: 0, user_card_status: 'NORMAL', card: { begin_time: 0, end_time: 0 } })
    expect(r).toMatchObject({ canConsume: null })
    expect(r).not.toHaveProperty('beginTime')
    expect(r).not.toHaveProperty('endTime')
  })

  it.each([
    [40056, 'unknownCode'],
    [40099, 'consumed'],
    [40127, 'invalidUserCardStatus'],
    [40071, 'memberCard'],
    [-1, 'upstreamError'],
    [45009, 'upstreamError']
  ] as const)('errcode %s → %s, number kept', (errcode, problem) => {
    expect(parseCodeGet({ errcode, errmsg: 'invalid serial code rid: 1-2-3' })).toEqual({
      kind: 'error',
      problem,
      errcode,
      errmsg: 'invalid serial code rid: 1-2-3'
    })
  })

  it('reads an errcode sent as a string', () => {
    expect(parseCodeGet({ errcode: '40056', errmsg: 'x' })).toMatchObject({
      problem: 'unknownCode',
      errcode: 40056
    })
  })

  it.each([['text'], [null], [[]], [{}], [{ hello: 'world' }]])('calls %j malformed', (json) => {
    expect(parseCodeGet(json)).toMatchObject({ kind: 'error', problem: 'malformed', errcode: null })
  })
})
