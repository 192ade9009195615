/** datacube/getcardbizuininfo over real HTTP (docs/wechat-api.md §6.1): verify_cnt per Beijing day. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startHarness, DAY_MS, type Harness } from './helpers'

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

// T0 is 2026-11-22 14:00 Beijing; the seed's ALREADY_CONSUMED code was consumed a day earlier.
const bizuin = (body: object) => h.post('/datacube/getcardbizuininfo', { cond_source: 0, ...body }, token)

describe('POST /datacube/getcardbizuininfo', () => {
  it('counts redemptions per day from the consume log, one row per day', async () => {
    await h.post('/card/code/consume', { code: '001234500010' }, token)
    await h.post('/card/code/consume', { code: '320000000202' }, token)
    h.clock.now += DAY_MS
    token = await h.token()
    const reply = await bizuin({ begin_date: '2026-11-20', end_date: '2026-11-22' })
    expect(reply.errcode ?? 0).toBe(0)
    expect(reply.list?.map((d) => [d.ref_date, d.verify_cnt, d.verify_user])).toEqual([
      ['2026-11-20', 0, 0],
      ['2026-11-21', 1, 1],
      ['2026-11-22', 2, 2]
    ])
    expect(reply.list?.[0]).toMatchObject({ view_cnt: 0, receive_cnt: 0, given_cnt: 0, expire_cnt: 0 })
  })

  it('refuses today (61501), ranges over 62 days (61501) and end before begin (61501)', async () => {
    expect((await bizuin({ begin_date: '2026-11-22', end_date: '2026-11-22' })).errcode).toBe(61501)
    expect((await bizuin({ begin_date: '2026-09-20', end_date: '2026-11-21' })).errcode).toBe(61501)
    expect((await bizuin({ begin_date: '2026-11-21', end_date: '2026-11-20' })).errcode).toBe(61501)
    const longest = await bizuin({ begin_date: '2026-09-21', end_date: '2026-11-21' })
    expect(longest.list).toHaveLength(62)
  })

  it('accepts only strict YYYY-MM-DD calendar dates (61500)', async () => {
    for (const [begin, end] of [
      ['2026-11-1', '2026-11-20'],
      ['2026/11/01', '2026-11-20'],
      ['2026-02-30', '2026-03-01'],
      ['2026-11-01T00:00:00', '2026-11-20']
    ]) {
      expect((await bizuin({ begin_date: begin, end_date: end })).errcode).toBe(61500)
    }
    expect((await bizuin({ end_date: '2026-11-20' })).errcode).toBe(61500)
  })

  it('requires cond_source 0 or 1', async () => {
    const body = { begin_date: '2026-11-20', end_date: '2026-11-21' }
    expect((await h.post('/datacube/getcardbizuininfo', body, token)).errcode).toBe(40097)
    expect((await bizuin({ ...body, cond_source: 1 })).list).toHaveLength(2)
  })
})
