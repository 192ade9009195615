/** Access-token endpoints and the token checks every other call makes, over real HTTP (docs/wechat-api.md §1). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_APP_ID, TRAINING_APP_SECRET, TRAINING_CARD_IDS } from '../../src/main/upstream/sandbox'
import { DAY_MS, startHarness, type Harness, type WxJson } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.server.close())
beforeEach(() => h.reset())

const classic = async (query: string): Promise<WxJson> =>
  (await (await fetch(`${h.url}/cgi-bin/token?${query}`)).json()) as WxJson
const classicToken = async (): Promise<string> => {
  const reply = await classic(
    `grant_type=client_credential&appid=${TRAINING_APP_ID}&secret=${TRAINING_APP_SECRET}`
  )
  return reply.access_token ?? ''
}
const stable = (extra: object = {}): Promise<WxJson> =>
  h.post('/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: TRAINING_APP_ID,
    secret: TRAINING_APP_SECRET,
    ...extra
  })
/** Any authenticated call: its errcode tells whether the token is accepted. */
const use = async (token: string): Promise<number | undefined> =>
  (await h.post('/card/get', { card_id: TRAINING_CARD_IDS.cash10 }, token)).errcode

describe('GET /cgi-bin/token', () => {
  it('issues a token with expires_in 7200', async () => {
    const reply = await classic(
      `grant_type=client_credential&appid=${TRAINING_APP_ID}&secret=${TRAINING_APP_SECRET}`
    )
    expect(reply.expires_in).toBe(7200)
    expect(reply.access_token?.length).toBeGreaterThan(100)
    expect(reply.errcode).toBeUndefined()
    expect(await use(reply.access_token ?? '')).toBe(0)
  })

  it('answers 40013 for an unknown appid and 40125 for a wrong secret', async () => {
    expect(
      (await classic(`grant_type=client_credential&appid=wxNOPE&secret=${TRAINING_APP_SECRET}`)).errcode
    ).toBe(40013)
    expect(
      (await classic(`grant_type=client_credential&appid=${TRAINING_APP_ID}&secret=wrong`)).errcode
    ).toBe(40125)
    expect((await classic(`grant_type=password&appid=${TRAINING_APP_ID}&secret=x`)).errcode).toBe(40002)
    expect((await classic(`grant_type=client_credential&secret=x`)).errcode).toBe(41002)
  })

  it('invalidates the previous token after a 5-minute grace', async () => {
    const first = await classicToken()
    const second = await classicToken()
    expect(second).not.toBe(first)
    h.clock.now += 299_000
    expect(await use(first)).toBe(0)
    h.clock.now += 2_000
    expect(await use(first)).toBe(40001)
    expect(await use(second)).toBe(0)
  })

  it('expires after expires_in seconds with 42001', async () => {
    const token = await classicToken()
    h.clock.now += 7_200_000
    expect(await use(token)).toBe(42001)
  })

  it('requires GET', async () => {
    const reply = await h.post('/cgi-bin/token', {})
    expect(reply.errcode).toBe(43001)
  })
})

describe('POST /cgi-bin/stable_token', () => {
  it('returns the same token in normal mode while it is valid', async () => {
    const a = await stable()
    h.clock.now += 60_000
    const b = await stable({ force_refresh: false })
    expect(b.access_token).toBe(a.access_token)
    expect(a.expires_in).toBe(7200)
    expect(b.expires_in).toBe(7140)
  })

  it('renews 5 minutes early in normal mode, the old token overlapping until its expiry', async () => {
    const old = (await stable()).access_token ?? ''
    h.clock.now += 6_900_000 + 1_000
    const renewed = (await stable()).access_token ?? ''
    expect(renewed).not.toBe(old)
    expect(await use(old)).toBe(0)
    h.clock.now += 300_000
    expect(await use(old)).toBe(42001)
    expect(await use(renewed)).toBe(0)
  })

  it('force_refresh invalidates the previous token at once', async () => {
    const old = (await stable()).access_token ?? ''
    const fresh = await stable({ force_refresh: true })
    expect(fresh.access_token).not.toBe(old)
    expect(await use(old)).toBe(40001)
    expect(await use(fresh.access_token ?? '')).toBe(0)
  })

  it('limits force_refresh to one per 30 s and 20 per day (45009)', async () => {
    expect((await stable({ force_refresh: true })).access_token).toBeDefined()
    h.clock.now += 10_000
    expect((await stable({ force_refresh: true })).errcode).toBe(45009)
    for (let i = 1; i < 20; i++) {
      h.clock.now += 31_000
      expect((await stable({ force_refresh: true })).access_token).toBeDefined()
    }
    h.clock.now += 31_000
    expect((await stable({ force_refresh: true })).errcode).toBe(45009)
    expect((await stable()).access_token).toBeDefined()
    h.clock.now += DAY_MS
    expect((await stable({ force_refresh: true })).access_token).toBeDefined()
  })

  it('is isolated from cgi-bin/token: neither invalidates the other', async () => {
    const s = (await stable()).access_token ?? ''
    const c = await classicToken()
    await classicToken()
    h.clock.now += 301_000
    expect(await use(s)).toBe(0)
    expect(await use(c)).toBe(40001)
    await stable({ force_refresh: true })
    const c2 = await classicToken()
    expect(await use(c2)).toBe(0)
  })

  it('checks credentials like cgi-bin/token', async () => {
    expect(
      (
        await h.post('/cgi-bin/stable_token', {
          grant_type: 'client_credential',
          appid: 'wxNOPE',
          secret: 'x'
        })
      ).errcode
    ).toBe(40013)
    expect((await stable({ secret: 'wrong' })).errcode).toBe(40125)
  })

  it('requires POST with a JSON body', async () => {
    const res = await fetch(`${h.url}/cgi-bin/stable_token?grant_type=client_credential`)
    expect(((await res.json()) as WxJson).errcode).toBe(43002)
    expect((await h.postRaw('/cgi-bin/stable_token', 'grant_type=client_credential')).errcode).toBe(47001)
  })
})

describe('IP whitelist', () => {
  it('answers 40164 on both token endpoints when the caller is not whitelisted', async () => {
    const guarded = await startHarness({ ipWhitelist: ['10.0.0.1'] })
    try {
      const viaGet = (await (
        await fetch(
          `${guarded.url}/cgi-bin/token?grant_type=client_credential&appid=${TRAINING_APP_ID}&secret=${TRAINING_APP_SECRET}`
        )
      ).json()) as WxJson
      expect(viaGet.errcode).toBe(40164)
      expect(viaGet.errmsg).toContain('127.0.0.1')
      await expect(guarded.token()).rejects.toThrow(/40164/)
    } finally {
      await guarded.server.close()
    }
  })
})

describe('access_token on API calls', () => {
  it('41001 when missing, 40014 when malformed, 40001 when unknown', async () => {
    const body = { card_id: TRAINING_CARD_IDS.cash10 }
    expect((await h.post('/card/get', body)).errcode).toBe(41001)
    expect((await h.post('/card/get', body, '')).errcode).toBe(41001)
    expect((await h.post('/card/get', body, 'not a token!')).errcode).toBe(40014)
    expect((await h.post('/card/get', body, `99_${'A'.repeat(133)}`)).errcode).toBe(40001)
  })

  it('42001 once the token expired, and a new stable token then works', async () => {
    const token = await h.token()
    h.clock.now += 7_200_000
    expect(await use(token)).toBe(42001)
    expect(await use(await h.token())).toBe(0)
  })

  it('words errors like WeChat, sometimes with a rid suffix, so only errcode is stable', async () => {
    const replies: WxJson[] = []
    for (let i = 0; i < 3; i++) replies.push(await h.post('/card/get', {}))
    expect(replies.map((r) => r.errcode)).toEqual([41001, 41001, 41001])
    expect(replies.every((r) => r.errmsg?.startsWith('access_token missing'))).toBe(true)
    expect(replies.some((r) => r.errmsg?.includes(' rid: '))).toBe(true)
    expect(new Set(replies.map((r) => r.errmsg)).size).toBeGreaterThan(1)
  })
})

describe('request format', () => {
  it('47001 for a body that is not a JSON object, 44002 for an empty body, 40066 for an unknown path', async () => {
    const token = await h.token()
    expect((await h.postRaw('/card/get', '{"card_id":', token)).errcode).toBe(47001)
    expect((await h.postRaw('/card/get', '["x"]', token)).errcode).toBe(47001)
    expect((await h.postRaw('/card/get', '', token)).errcode).toBe(44002)
    expect((await h.post('/card/nope', {}, token)).errcode).toBe(40066)
    const res = await fetch(`${h.url}/card/get?access_token=${token}`)
    expect(((await res.json()) as WxJson).errcode).toBe(43002)
    expect(res.headers.get('content-type')).toContain('application/json')
  })
})
