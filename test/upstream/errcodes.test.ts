/**
 * Errcodes and reply shapes the sandbox never produces, from a scripted loopback server: how each is
 * classified, always by errcode (never errmsg), and the words the UI shows for them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTranslator } from '../../src/shared/i18n'
import { describeErrcode, describeSyncReason, KNOWN_ERRCODES } from '../../src/shared/sync'
import { ACCOUNT_ERRCODES, CODE_ERRCODES, TOKEN_ERRCODES } from '../../src/main/upstream/wechat'
import {
  clientFor,
  startScripted,
  tokenThen,
  upstreamErrorOf,
  type ScriptedReply,
  type ScriptedServer
} from './support'

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const withApi = async (api: () => ScriptedReply) => {
  server = await startScripted(tokenThen(api))
  return clientFor(server.url)
}
const errcode =
  (code: number | string, suffix = ' rid: 6543-aaaa') =>
  () => ({
    json: { errcode: code, errmsg: `whatever the server says${suffix}` }
  })

describe('errcodes on consume', () => {
  it('45009 daily quota: quota_exhausted, certainly not applied', async () => {
    const client = await withApi(errcode(45009))
    expect(await upstreamErrorOf(client.consume('123456789012', undefined))).toMatchObject({
      kind: 'quota_exhausted',
      errcode: 45009,
      mayHaveReachedServer: false,
      retryable: false
    })
  })

  it.each([48001, 40164, 50002, 89503])('%i (account set-up) is auth', async (code) => {
    const client = await withApi(errcode(code))
    expect(await upstreamErrorOf(client.consume('123456789012', undefined))).toMatchObject({
      kind: 'auth',
      errcode: code
    })
  })

  it.each([40056, 40071, 40079, 40099, 40127])('%i is a value about the code', async (code) => {
    const client = await withApi(errcode(code))
    expect(await client.consume('123456789012', undefined)).toEqual({
      ok: false,
      errcode: code,
      errmsg: expect.stringContaining('whatever')
    })
  })

  it('an errcode sent as a string is still matched by number', async () => {
    const client = await withApi(errcode('40099'))
    expect(await client.consume('123456789012', undefined)).toMatchObject({ ok: false, errcode: 40099 })
  })

  it('any other errcode is thrown as rejected with a clear reason, not taken as a verdict on the code', async () => {
    const client = await withApi(errcode(40066))
    const error = await upstreamErrorOf(client.consume('123456789012', undefined))
    expect(error).toMatchObject({ kind: 'rejected', errcode: 40066 })
    expect(error.message).toContain('Wrong API address')
  })

  it('a success without a card is accepted; a reply with neither errcode nor card is ambiguous', async () => {
    expect(
      await (await withApi(() => ({ json: { errcode: 0, errmsg: 'ok' } }))).consume('1', undefined)
    ).toEqual({
      ok: true,
      cardId: null,
      openid: null
    })
    await server?.close()
    const odd = await withApi(() => ({ json: { hello: 'world' } }))
    expect(await upstreamErrorOf(odd.consume('1', undefined))).toMatchObject({
      kind: 'malformed',
      mayHaveReachedServer: true
    })
  })
})

describe('errcodes and shapes on reads', () => {
  it('code/get: an unexpected errcode is thrown as rejected; a shapeless reply is malformed', async () => {
    const client = await withApi(errcode(40066))
    expect(await upstreamErrorOf(client.getCodeStatus('1', undefined))).toMatchObject({ kind: 'rejected' })
    await server?.close()
    const empty = await withApi(() => ({ json: { errmsg: 'ok' } }))
    expect(await upstreamErrorOf(empty.getCodeStatus('1', undefined))).toMatchObject({ kind: 'malformed' })
  })

  it('batchget without card_id_list is malformed; decrypt with a numeric code is refused', async () => {
    const client = await withApi(() => ({ json: { errcode: 0, errmsg: 'ok', total_num: 3 } }))
    expect(await upstreamErrorOf(client.listCardIds())).toMatchObject({ kind: 'malformed' })
    await server?.close()
    const numeric = await withApi(() => ({ json: { errcode: 0, errmsg: 'ok', code: 12345 } }))
    expect(await upstreamErrorOf(numeric.decrypt('x'))).toMatchObject({ kind: 'malformed' })
  })
})

describe('HTTP statuses', () => {
  it.each([
    [429, 'rate_limited'],
    [403, 'auth'],
    [404, 'malformed'],
    [502, 'transient']
  ] as const)('HTTP %i is %s', async (status, kind) => {
    const client = await withApi(() => ({ raw: '<html>nope</html>', status }))
    expect(await upstreamErrorOf(client.getCodeStatus('1', undefined))).toMatchObject({ kind })
  })
})

describe('token endpoint answers', () => {
  it.each([
    [-1, 'transient'],
    [45009, 'quota_exhausted'],
    [40243, 'auth']
  ] as const)('errcode %i is %s', async (code, kind) => {
    server = await startScripted(() => ({ json: { errcode: code, errmsg: 'no' } }))
    expect(await upstreamErrorOf(clientFor(server.url).getCodeStatus('1', undefined))).toMatchObject({
      kind,
      errcode: code
    })
  })

  it('a token reply without access_token is malformed', async () => {
    server = await startScripted(() => ({ json: { expires_in: 7200 } }))
    expect(await upstreamErrorOf(clientFor(server.url).getCodeStatus('1', undefined))).toMatchObject({
      kind: 'malformed'
    })
  })

  it('the secret travels only in the token request body, never in a URL', async () => {
    const client = await withApi(errcode(0))
    await client.getCodeStatus('1', undefined).catch(() => undefined)
    const requests = server?.requests ?? []
    expect(requests.some((r) => r.body.includes('hexiaotrainingsecret'))).toBe(true)
    for (const r of requests) {
      expect(JSON.stringify(r.query)).not.toContain('hexiaotrainingsecret')
      if (r.path !== '/cgi-bin/stable_token') expect(r.body).not.toContain('hexiaotrainingsecret')
    }
  })
})

describe('the errcode words for the UI', () => {
  const zh = createTranslator('zh-CN')
  const en = createTranslator('en')
  it('has zh-CN and en words for every errcode the client classifies', () => {
    for (const code of [-1, 45009, 45011, ...TOKEN_ERRCODES, ...ACCOUNT_ERRCODES, ...CODE_ERRCODES]) {
      expect(KNOWN_ERRCODES, `errcode ${code}`).toContain(code)
      expect(describeErrcode(zh, code)).toMatch(/\p{Script=Han}/u)
      expect(describeErrcode(en, code)).toMatch(/[a-z]/)
    }
  })

  it('keeps the number of an unknown errcode and describes the sync reasons', () => {
    expect(describeErrcode(en, 77777)).toContain('77777')
    expect(describeSyncReason(zh, 'wechat:40099')).toBe('此券已被核销（40099）')
    expect(describeSyncReason(en, 'status:GIFTING')).toBe('Coupon is being gifted to a friend')
    expect(describeSyncReason(en, 'used_elsewhere')).toContain('elsewhere')
    expect(describeSyncReason(en, 'status:NEW_THING')).toBe('Coupon status: NEW_THING')
  })
})
