/** The WeChat client against the sandbox over real HTTP: every endpoint, answers about codes as values. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_CARD_IDS, createSandboxFetch } from '../../src/main/upstream/sandbox'
import { WechatCardClient } from '../../src/main/upstream/wechat'
import { DAY_MS, startHarness, type Harness } from '../sandbox/helpers'
import { clientFor, upstreamErrorOf } from './support'
import { TRAINING_APP_ID, TRAINING_APP_SECRET } from '../../src/main/upstream/sandbox'

let h: Harness
let client: WechatCardClient
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.server.close())
beforeEach(() => {
  h.reset()
  client = clientFor(h.url)
})

const VALID = '001234500010'
const CONSUMED = '000000000707'
const MEMBER = '520000001818'
const CUSTOM = '880000001919'
const GIFTING = '460000001313'

describe('card/code/get (check_consume:false)', () => {
  it('reports a NORMAL code with its card and window', async () => {
    const status = await client.getCodeStatus(VALID, undefined)
    expect(status).toMatchObject({
      kind: 'code',
      cardId: TRAINING_CARD_IDS.cash10,
      code: VALID,
      userCardStatus: 'NORMAL',
      canConsume: true
    })
  })

  it('reports a consumed code as a state, not as 40099', async () => {
    expect(await client.getCodeStatus(CONSUMED, undefined)).toMatchObject({
      kind: 'code',
      userCardStatus: 'CONSUMED',
      canConsume: false
    })
    expect(await client.getCodeStatus(GIFTING, undefined)).toMatchObject({ userCardStatus: 'GIFTING' })
  })

  it('returns 40056 as a value for an unknown code and for a custom code without its card', async () => {
    expect(await client.getCodeStatus('099999999999', undefined)).toMatchObject({
      kind: 'error',
      problem: 'unknownCode',
      errcode: 40056
    })
    expect(await client.getCodeStatus(CUSTOM, undefined)).toMatchObject({ kind: 'error', errcode: 40056 })
    expect(await client.getCodeStatus(CUSTOM, TRAINING_CARD_IDS.custom)).toMatchObject({
      kind: 'code',
      userCardStatus: 'NORMAL'
    })
  })
})

describe('card/code/consume', () => {
  it('consumes once; the second consume is 40099 as a value', async () => {
    expect(await client.consume(VALID, undefined)).toEqual({
      ok: true,
      cardId: TRAINING_CARD_IDS.cash10,
      openid: expect.any(String)
    })
    expect(h.sandbox.consumeCount(VALID)).toBe(1)
    expect(await client.consume(VALID, undefined)).toMatchObject({ ok: false, errcode: 40099 })
    expect(h.sandbox.consumeCount(VALID)).toBe(1)
  })

  it('returns member card (40071), bad state (40127) and unknown code (40056) as values', async () => {
    expect(await client.consume(MEMBER, undefined)).toMatchObject({ ok: false, errcode: 40071 })
    expect(await client.consume(GIFTING, undefined)).toMatchObject({ ok: false, errcode: 40127 })
    expect(await client.consume('099999999999', undefined)).toMatchObject({ ok: false, errcode: 40056 })
  })

  it('sends card_id for a custom code', async () => {
    expect(await client.consume(CUSTOM, TRAINING_CARD_IDS.custom)).toMatchObject({ ok: true })
  })
})

describe('card/get and card/batchget', () => {
  it('parses a card and keeps its raw JSON', async () => {
    const card = await client.getCard(TRAINING_CARD_IDS.cashMin100)
    expect(card).toMatchObject({ kind: 'card', cardType: 'CASH', cardId: TRAINING_CARD_IDS.cashMin100 })
    const raw = (await client.getCardJson(TRAINING_CARD_IDS.cashMin100)) as { card_type: string }
    expect(raw.card_type).toBe('CASH')
  })

  it('throws a rejected error with the errcode for an unknown card', async () => {
    const error = await upstreamErrorOf(client.getCard('pNOSUCHCARD000000000000000000'))
    expect(error).toMatchObject({ kind: 'rejected', errcode: 40073 })
    expect(error.message).toContain('40073')
  })

  it('pages through more than 50 cards, never asking for more than 50 at once', async () => {
    const template = structuredClone(h.sandbox.model.cards.get(TRAINING_CARD_IDS.cash10)) as {
      cash: { base_info: { id: string } }
      card_type: string
    }
    const before = h.sandbox.model.cards.size
    for (let i = 0; i < 60; i++) {
      const card = structuredClone(template)
      card.cash.base_info.id = `pHXEXTRA${String(i).padStart(3, '0')}`.padEnd(28, '0')
      h.sandbox.model.addCard(card)
    }
    const ids = await client.listCardIds()
    expect(ids).toHaveLength(before + 60)
    expect(new Set(ids).size).toBe(ids.length)
    const batchCalls = h.sandbox.model.callLog().filter((c) => c.path === '/card/batchget')
    expect(batchCalls.length).toBe(Math.ceil((before + 60) / 50))
    expect(batchCalls.every((c) => c.errcode === 0)).toBe(true)
  })
})

describe('card/code/decrypt', () => {
  it('turns an encrypt_code into the plain code, leading zeros kept', async () => {
    const encrypted = h.sandbox.model.encryptCodeOf(CONSUMED) ?? ''
    expect(await client.decrypt(encrypted)).toBe(CONSUMED)
  })

  it('throws 40075 for a bad encrypt_code', async () => {
    expect(await upstreamErrorOf(client.decrypt('bm90IGEgY29kZQ=='))).toMatchObject({
      kind: 'rejected',
      errcode: 40075
    })
  })
})

describe('datacube/getcardbizuininfo', () => {
  it('returns per-day redemption counts for past days', async () => {
    await client.consume(VALID, undefined)
    await client.consume('320000000202', undefined)
    h.clock.now += DAY_MS
    // The sandbox does not split by cond_source (inf), so ask one source to get exact counts.
    const oneSource = clientFor(h.url, { datacubeSources: [0] })
    expect(await oneSource.dailyVerifyCounts('2026-11-20', '2026-11-22')).toEqual([
      { date: '2026-11-20', verifyCount: 0 },
      { date: '2026-11-21', verifyCount: 1 },
      { date: '2026-11-22', verifyCount: 2 }
    ])
  })

  it('adds up both cond_sources by default and splits ranges over 62 days', async () => {
    h.clock.now += DAY_MS
    const counts = await client.dailyVerifyCounts('2026-08-01', '2026-11-21')
    expect(counts).toHaveLength(113)
    // ALREADY_CONSUMED was consumed on 2026-11-21 in the seed; each source reports it once in the sandbox.
    expect(counts.find((c) => c.date === '2026-11-21')?.verifyCount).toBe(2)
    const calls = h.sandbox.model.callLog().filter((c) => c.path === '/datacube/getcardbizuininfo')
    expect(calls).toHaveLength(2 * 2)
    expect(calls.every((c) => c.errcode === 0)).toBe(true)
  })

  it('refuses dates that are not calendar dates before asking', async () => {
    await expect(client.dailyVerifyCounts('2026-02-30', '2026-03-01')).rejects.toThrow(RangeError)
  })
})

describe('training mode: the same client over the in-process sandbox', () => {
  it('redeems through createSandboxFetch without HTTP', async () => {
    const inProcess = new WechatCardClient({
      credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET },
      baseUrl: 'https://api.weixin.qq.com',
      fetch: createSandboxFetch(h.sandbox)
    })
    expect(await inProcess.getCodeStatus(VALID, undefined)).toMatchObject({ userCardStatus: 'NORMAL' })
    expect(await inProcess.consume(VALID, undefined)).toMatchObject({ ok: true })
    expect(h.sandbox.consumeCount(VALID)).toBe(1)
  })

  it('marks a consume whose reply was dropped in-process as possibly applied', async () => {
    h.sandbox.setFaults({ rules: [{ kind: 'dropReply', paths: ['/card/code/consume'], times: 1 }] })
    const inProcess = new WechatCardClient({
      credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET },
      fetch: createSandboxFetch(h.sandbox)
    })
    const error = await upstreamErrorOf(inProcess.consume(VALID, undefined))
    expect(error).toMatchObject({ kind: 'network', mayHaveReachedServer: true })
    expect(h.sandbox.consumeCount(VALID)).toBe(1)
  })
})
