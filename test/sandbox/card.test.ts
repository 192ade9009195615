/** card/get and card/batchget over real HTTP (docs/wechat-api.md §2). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_CARD_IDS, type WxCard } from '../../src/main/upstream/sandbox'
import { startHarness, type Harness } from './helpers'

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

const cardCount = Object.keys(TRAINING_CARD_IDS).length

describe('POST /card/get', () => {
  it('returns the upstream JSON shape, type section under the lowercase card_type, money in fen', async () => {
    const reply = await h.post('/card/get', { card_id: TRAINING_CARD_IDS.cashMin100 }, token)
    expect(reply.errcode).toBe(0)
    expect(reply.errmsg).toBe('ok')
    const card = reply.card as unknown as WxCard & {
      cash: { base_info: Record<string, unknown>; advanced_info: Record<string, unknown>; least_cost: number }
    }
    expect(card.card_type).toBe('CASH')
    expect(card.cash.least_cost).toBe(10000)
    expect(card.cash).toMatchObject({ reduce_cost: 1000 })
    expect(card.cash.base_info).toMatchObject({
      id: TRAINING_CARD_IDS.cashMin100,
      status: 'CARD_STATUS_VERIFY_OK',
      use_custom_code: false,
      date_info: { type: 'DATE_TYPE_FIX_TIME_RANGE' }
    })
    expect(card.cash.advanced_info).toHaveProperty('use_condition')
  })

  it('returns DISCOUNT, GIFT, GROUPON, GENERAL_COUPON and MEMBER_CARD sections', async () => {
    const expected: Array<[string, string, string]> = [
      [TRAINING_CARD_IDS.discount70, 'DISCOUNT', 'discount'],
      [TRAINING_CARD_IDS.gift, 'GIFT', 'gift'],
      [TRAINING_CARD_IDS.groupon, 'GROUPON', 'groupon'],
      [TRAINING_CARD_IDS.general, 'GENERAL_COUPON', 'general_coupon'],
      [TRAINING_CARD_IDS.member, 'MEMBER_CARD', 'member_card']
    ]
    for (const [id, type, section] of expected) {
      const card = (await h.post('/card/get', { card_id: id }, token)).card
      expect(card?.card_type).toBe(type)
      expect(card?.[section]).toHaveProperty('base_info')
    }
  })

  it('answers 40073 for an unknown card_id and 41012 without one', async () => {
    expect((await h.post('/card/get', { card_id: 'pNOPE' }, token)).errcode).toBe(40073)
    expect((await h.post('/card/get', {}, token)).errcode).toBe(41012)
  })
})

describe('POST /card/batchget', () => {
  it('pages card ids with offset/count and reports total_num', async () => {
    const all = await h.post('/card/batchget', { offset: 0, count: 50 }, token)
    expect(all.errcode).toBe(0)
    expect(all.total_num).toBe(cardCount)
    expect(all.card_id_list).toHaveLength(cardCount)
    const page = await h.post('/card/batchget', { offset: 10, count: 3 }, token)
    expect(page.card_id_list).toEqual(all.card_id_list?.slice(10, 13))
    expect(page.total_num).toBe(cardCount)
  })

  it('rejects count above 50, count 0, a negative offset or missing fields', async () => {
    for (const body of [
      { offset: 0, count: 51 },
      { offset: 0, count: 0 },
      { offset: -1, count: 5 },
      { count: 5 }
    ]) {
      expect((await h.post('/card/batchget', body, token)).errcode).toBe(40097)
    }
  })

  it('filters by status_list', async () => {
    const deleted = structuredClone(
      (await h.post('/card/get', { card_id: TRAINING_CARD_IDS.cash10 }, token)).card
    ) as unknown as { card_type: string; cash: { base_info: { id: string; status: string } } }
    deleted.cash.base_info.id = 'pHXTRNDeletedCard00000000000'
    deleted.cash.base_info.status = 'CARD_STATUS_DELETE'
    h.sandbox.model.addCard(deleted)
    const onlyDeleted = await h.post(
      '/card/batchget',
      { offset: 0, count: 50, status_list: ['CARD_STATUS_DELETE'] },
      token
    )
    expect(onlyDeleted.card_id_list).toEqual(['pHXTRNDeletedCard00000000000'])
    expect(onlyDeleted.total_num).toBe(1)
    const ok = await h.post(
      '/card/batchget',
      { offset: 0, count: 50, status_list: ['CARD_STATUS_VERIFY_OK'] },
      token
    )
    expect(ok.total_num).toBe(cardCount)
    expect((await h.post('/card/batchget', { offset: 0, count: 5, status_list: 'x' }, token)).errcode).toBe(
      40097
    )
  })
})
