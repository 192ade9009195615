/** card/code/get, consume, decrypt and unavailable over real HTTP (docs/wechat-api.md §3). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_CARD_IDS } from '../../src/main/upstream/sandbox'
import { CUSTOM_B, customCardCopy } from '../support/customCards'
import { startHarness, T0, type Harness } from './helpers'

let h: Harness
let token: string
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.server.close())
beforeEach(async () => {
  h.reset()
  token = await h.token()
})

const VALID = '001234500010'
const CONSUMED = '000000000707'
const EXPIRED = '410000000808'
const NOT_YET = '420000000909'
const GIFTING = '460000001313'
const GIFT_TIMEOUT = '470000001414'
const DELETED = '480000001515'
const UNAVAILABLE = '490000001616'
const MEMBER = '520000001818'
const CUSTOM = '880000001919'

const getCode = (code: unknown, checkConsume: boolean, extra: object = {}) =>
  h.post('/card/code/get', { code, check_consume: checkConsume, ...extra }, token)
const consume = (code: unknown, extra: object = {}) => h.post('/card/code/consume', { code, ...extra }, token)

describe('POST /card/code/get', () => {
  it('reports a usable code the same way with either check_consume', async () => {
    for (const check of [true, false]) {
      const reply = await getCode(VALID, check)
      expect(reply).toMatchObject({
        errcode: 0,
        errmsg: 'ok',
        openid: expect.stringMatching(/^o/),
        can_consume: true,
        user_card_status: 'NORMAL',
        outer_str: 'training',
        card: { card_id: TRAINING_CARD_IDS.cash10 }
      })
      expect(reply.card?.begin_time).toBeLessThanOrEqual(T0 / 1000)
      expect(reply.card?.end_time).toBeGreaterThan(T0 / 1000)
    }
  })

  it('with check_consume true answers 40099 for CONSUMED and 40127 for the other abnormal states', async () => {
    expect((await getCode(CONSUMED, true)).errcode).toBe(40099)
    for (const code of [EXPIRED, GIFTING, GIFT_TIMEOUT, DELETED, UNAVAILABLE]) {
      expect((await getCode(code, true)).errcode).toBe(40127)
    }
  })

  it('with check_consume false answers errcode 0, the status and can_consume false', async () => {
    const states: Array<[string, string]> = [
      [CONSUMED, 'CONSUMED'],
      [EXPIRED, 'EXPIRE'],
      [GIFTING, 'GIFTING'],
      [GIFT_TIMEOUT, 'GIFT_TIMEOUT'],
      [DELETED, 'DELETE'],
      [UNAVAILABLE, 'UNAVAILABLE']
    ]
    for (const [code, status] of states) {
      expect(await getCode(code, false)).toMatchObject({
        errcode: 0,
        user_card_status: status,
        can_consume: false
      })
    }
  })

  it('treats a NORMAL code past its end_time as EXPIRE', async () => {
    const endTime = (await getCode(VALID, false)).card?.end_time ?? 0
    h.clock.now = endTime * 1000 + 1000
    token = await h.token()
    expect(await getCode(VALID, false)).toMatchObject({ user_card_status: 'EXPIRE', can_consume: false })
    expect((await getCode(VALID, true)).errcode).toBe(40127)
  })

  it('a not-yet-valid code is NORMAL and consumable as far as WeChat documents: only its begin_time tells', async () => {
    const reply = await getCode(NOT_YET, false)
    expect(reply).toMatchObject({ errcode: 0, user_card_status: 'NORMAL', can_consume: true })
    expect(reply.card?.begin_time).toBeGreaterThan(T0 / 1000)
    // No documented refusal: check_consume true answers the same state, not 40079.
    expect(await getCode(NOT_YET, true)).toMatchObject({ errcode: 0, user_card_status: 'NORMAL' })
  })

  it('answers 40056 for an unknown or never-claimed code, and keeps leading zeros significant', async () => {
    expect((await getCode('099999999999', false)).errcode).toBe(40056)
    h.sandbox.model.addCode({
      code: '123123123123',
      cardId: TRAINING_CARD_IDS.cash10,
      openid: 'oX',
      status: 'NORMAL',
      beginTime: 0,
      endTime: 4_000_000_000,
      claimed: false
    })
    expect((await getCode('123123123123', false)).errcode).toBe(40056)
    // A client that turned the code into a number lost its leading zeros: that is another code.
    expect((await getCode(Number(VALID), false)).errcode).toBe(40056)
    expect((await getCode('1234500010', false)).errcode).toBe(40056)
  })

  it('needs card_id for a custom code (40056 without it) and rejects a card_id that does not own the code', async () => {
    expect((await getCode(CUSTOM, false)).errcode).toBe(40056)
    expect((await getCode(CUSTOM, false, { card_id: TRAINING_CARD_IDS.custom })).errcode).toBe(0)
    expect((await getCode(CUSTOM, false, { card_id: TRAINING_CARD_IDS.cash10 })).errcode).toBe(40056)
    expect((await getCode(VALID, false, { card_id: TRAINING_CARD_IDS.gift })).errcode).toBe(40056)
    expect((await getCode(VALID, false, { card_id: TRAINING_CARD_IDS.cash10 })).errcode).toBe(0)
  })

  it('reports a member card code as consumable (as observed upstream)', async () => {
    expect(await getCode(MEMBER, true)).toMatchObject({ errcode: 0, can_consume: true })
  })

  it('answers 41011 without a code', async () => {
    expect((await h.post('/card/code/get', { check_consume: false }, token)).errcode).toBe(41011)
  })
})

describe('POST /card/code/consume', () => {
  it('consumes a NORMAL code once: card_id and openid back, then CONSUMED, then 40099', async () => {
    const openid = (await getCode(VALID, false)).openid
    const reply = await consume(VALID)
    expect(reply).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      card: { card_id: TRAINING_CARD_IDS.cash10 },
      openid
    })
    expect(await getCode(VALID, false)).toMatchObject({ user_card_status: 'CONSUMED', can_consume: false })
    expect((await consume(VALID)).errcode).toBe(40099)
    expect(h.sandbox.consumeCount(VALID)).toBe(1)
  })

  it('40099 for an already consumed code, 40127 for the other bad states, nothing applied', async () => {
    expect((await consume(CONSUMED)).errcode).toBe(40099)
    for (const code of [EXPIRED, GIFTING, GIFT_TIMEOUT, DELETED, UNAVAILABLE]) {
      expect((await consume(code)).errcode).toBe(40127)
      expect(h.sandbox.consumeCount(code)).toBe(0)
    }
  })

  it('an early consume succeeds (no refusal is documented); 40127 after end_time', async () => {
    expect((await consume(NOT_YET)).errcode).toBe(0)
    expect(h.sandbox.consumeCount(NOT_YET)).toBe(1)
    const endTime = (await getCode(VALID, false)).card?.end_time ?? 0
    h.clock.now = endTime * 1000 + 1
    token = await h.token()
    expect((await consume(VALID)).errcode).toBe(40127)
    expect(h.sandbox.consumeCount(VALID)).toBe(0)
  })

  it('40071 for a member card', async () => {
    expect((await consume(MEMBER)).errcode).toBe(40071)
  })

  it('custom codes need their card_id', async () => {
    expect((await consume(CUSTOM)).errcode).toBe(40056)
    expect((await consume(CUSTOM, { card_id: TRAINING_CARD_IDS.cash10 })).errcode).toBe(40056)
    expect((await consume(CUSTOM, { card_id: TRAINING_CARD_IDS.custom })).errcode).toBe(0)
  })

  it('40056 for an unknown code', async () => {
    expect((await consume('099999999999')).errcode).toBe(40056)
  })

  it('the same custom code under two cards is two coupons, each found and consumed only with its card_id', async () => {
    const model = h.sandbox.model
    const a = model.cards.get(TRAINING_CARD_IDS.custom)!
    model.addCard(customCardCopy(a, CUSTOM_B, '合作方20元券'))
    const first = model.findCode(CUSTOM, TRAINING_CARD_IDS.custom)!
    model.addCode({ ...first, cardId: CUSTOM_B, openid: 'oSECONDxxxxxxxxxxxxxxxxxxxxx' })
    expect((await getCode(CUSTOM, false)).errcode).toBe(40056)
    expect(await getCode(CUSTOM, false, { card_id: CUSTOM_B })).toMatchObject({
      errcode: 0,
      user_card_status: 'NORMAL',
      card: { card_id: CUSTOM_B },
      openid: 'oSECONDxxxxxxxxxxxxxxxxxxxxx'
    })
    expect(await consume(CUSTOM, { card_id: TRAINING_CARD_IDS.custom })).toMatchObject({
      errcode: 0,
      card: { card_id: TRAINING_CARD_IDS.custom }
    })
    // Consuming card A's coupon left card B's untouched.
    expect(await getCode(CUSTOM, false, { card_id: CUSTOM_B })).toMatchObject({ user_card_status: 'NORMAL' })
    expect((await consume(CUSTOM, { card_id: TRAINING_CARD_IDS.custom })).errcode).toBe(40099)
    expect((await consume(CUSTOM, { card_id: CUSTOM_B })).errcode).toBe(0)
    expect(h.sandbox.consumeCount(CUSTOM, TRAINING_CARD_IDS.custom)).toBe(1)
    expect(h.sandbox.consumeCount(CUSTOM, CUSTOM_B)).toBe(1)
    expect(h.sandbox.consumeCount(CUSTOM)).toBe(2)
  })
})

describe('POST /card/code/decrypt', () => {
  it('turns an encrypt_code into the code, 40075 for a bad one', async () => {
    const encrypted = h.sandbox.model.encryptCodeOf(VALID) ?? ''
    expect(encrypted).toHaveLength(64)
    expect(await h.post('/card/code/decrypt', { encrypt_code: encrypted }, token)).toMatchObject({
      errcode: 0,
      code: VALID
    })
    expect((await h.post('/card/code/decrypt', { encrypt_code: 'bogus' }, token)).errcode).toBe(40075)
    expect((await h.post('/card/code/decrypt', {}, token)).errcode).toBe(40075)
  })
})

describe('POST /card/code/unavailable', () => {
  it('sets a code UNAVAILABLE, after which consume answers 40127', async () => {
    expect((await h.post('/card/code/unavailable', { code: VALID, reason: 'refund' }, token)).errcode).toBe(0)
    expect(await getCode(VALID, false)).toMatchObject({ user_card_status: 'UNAVAILABLE', can_consume: false })
    expect((await consume(VALID)).errcode).toBe(40127)
    expect((await h.post('/card/code/unavailable', { code: CONSUMED }, token)).errcode).toBe(40099)
    expect((await h.post('/card/code/unavailable', { code: CUSTOM }, token)).errcode).toBe(40056)
    expect((await h.post('/card/code/unavailable', { code: '099999999999' }, token)).errcode).toBe(40056)
  })
})
