/** Access tokens over real HTTP: caching, refresh-once-and-retry-once, forced-refresh limits, the token service. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRAINING_APP_ID, TRAINING_APP_SECRET } from '../../src/main/upstream/sandbox'
import {
  FORCED_REFRESH_PER_DAY,
  REJECTED_TOKEN_HEADER,
  tokenFingerprint,
  WechatCardClient
} from '../../src/main/upstream/wechat'
import { startHarness, T0, type Harness } from '../sandbox/helpers'
import { clientFor, startScripted, upstreamErrorOf, type ScriptedServer } from './support'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.server.close())
beforeEach(() => h.reset())

const CODE = '001234500010'
const tokenCalls = (): number => h.sandbox.stats().byPath['/cgi-bin/stable_token'] ?? 0

describe('AppSecret mode (cgi-bin/stable_token)', () => {
  it('fetches one token and reuses it, also for concurrent first calls', async () => {
    const client = clientFor(h.url)
    await Promise.all(Array.from({ length: 10 }, () => client.getCodeStatus(CODE, undefined)))
    await client.getCodeStatus(CODE, undefined)
    expect(tokenCalls()).toBe(1)
    const body = h.sandbox.model.callLog().find((c) => c.path === '/cgi-bin/stable_token')
    expect(body?.errcode).toBe(0)
  })

  it('fetches a new token shortly before expires_in runs out', async () => {
    const clock = { now: T0 }
    const client = clientFor(h.url, { now: () => clock.now, tokenMarginMs: 60_000 })
    await client.getCodeStatus(CODE, undefined)
    clock.now += 7_200_000 - 120_000
    await client.getCodeStatus(CODE, undefined)
    expect(tokenCalls()).toBe(1)
    clock.now += 61_000
    await client.getCodeStatus(CODE, undefined)
    expect(tokenCalls()).toBe(2)
  })

  it.each([40001, 42001] as const)('on %i refreshes once and retries once', async (errcode) => {
    const client = clientFor(h.url)
    await client.getCodeStatus(CODE, undefined)
    h.sandbox.setFaults({
      rules: [{ kind: 'tokenInvalid', errcode, paths: ['/card/code/consume'], times: 1 }]
    })
    expect(await client.consume(CODE, undefined)).toMatchObject({ ok: true })
    expect(tokenCalls()).toBe(2)
    const consumes = h.sandbox.model.callLog().filter((c) => c.path === '/card/code/consume')
    expect(consumes.map((c) => c.errcode)).toEqual([errcode, 0])
    expect(h.sandbox.consumeCount(CODE)).toBe(1)
  })

  it('a token refused again after the refresh is an auth error, with no refresh loop', async () => {
    const client = clientFor(h.url)
    h.sandbox.setFaults({ rules: [{ kind: 'tokenInvalid', paths: ['/card/code/get'] }] })
    const error = await upstreamErrorOf(client.getCodeStatus(CODE, undefined))
    expect(error).toMatchObject({ kind: 'auth', errcode: 40001, retryable: false })
    expect(tokenCalls()).toBe(2)
    expect(h.sandbox.model.callLog().filter((c) => c.path === '/card/code/get')).toHaveLength(2)
  })

  it.each([
    ['a wrong secret', { appId: TRAINING_APP_ID, appSecret: 'wrong-secret' }, 40125],
    ['a wrong AppID', { appId: 'wxNOSUCHAPP00000', appSecret: TRAINING_APP_SECRET }, 40013]
  ])('%s is an auth error that names the errcode and never the secret', async (_name, creds, errcode) => {
    const client = new WechatCardClient({ credentials: { kind: 'appSecret', ...creds }, baseUrl: h.url })
    const error = await upstreamErrorOf(client.getCodeStatus(CODE, undefined))
    expect(error).toMatchObject({ kind: 'auth', errcode })
    expect(error.message).not.toContain(creds.appSecret)
  })
})

describe('IP whitelist', () => {
  let listed: Harness
  beforeAll(async () => {
    listed = await startHarness({ ipWhitelist: ['10.9.8.7'] })
  })
  afterAll(() => listed.server.close())

  it('40164 from the token endpoint is an auth error', async () => {
    const error = await upstreamErrorOf(clientFor(listed.url).getCodeStatus(CODE, undefined))
    expect(error).toMatchObject({ kind: 'auth', errcode: 40164 })
  })
})

describe('forced refresh (normal mode keeps handing back the rejected token)', () => {
  let server: ScriptedServer
  let current = 'TOKEN_0_abcdefghijklmnop'
  let issued = 0
  afterEach(() => server.close())

  const start = async (apiAccepts: (token: string) => boolean): Promise<void> => {
    current = 'TOKEN_0_abcdefghijklmnop'
    issued = 0
    server = await startScripted((req) => {
      if (req.path === '/cgi-bin/stable_token') {
        if ((JSON.parse(req.body) as { force_refresh?: boolean }).force_refresh === true) {
          current = `TOKEN_${++issued}_abcdefghijklmnop`
        }
        return { json: { access_token: current, expires_in: 7200 } }
      }
      return apiAccepts(req.query.access_token ?? '')
        ? {
            json: {
              errcode: 0,
              errmsg: 'ok',
              card: { card_id: 'pX' },
              user_card_status: 'NORMAL',
              can_consume: true
            }
          }
        : {
            json: {
              errcode: 40001,
              errmsg: 'invalid credential, access_token is invalid or not latest rid: 1'
            }
          }
    })
  }
  const forcedCalls = (): number =>
    server.requests.filter(
      (r) => r.path === '/cgi-bin/stable_token' && r.body.includes('"force_refresh":true')
    ).length

  it('forces once and succeeds with the new token', async () => {
    await start((token) => token !== 'TOKEN_0_abcdefghijklmnop')
    const client = clientFor(server.url)
    expect(await client.getCodeStatus(CODE, undefined)).toMatchObject({ userCardStatus: 'NORMAL' })
    expect(forcedCalls()).toBe(1)
  })

  it('never forces more than once per 30 s nor more than 20 times a day', async () => {
    await start(() => false)
    const clock = { now: T0 }
    const client = clientFor(server.url, { now: () => clock.now })
    expect((await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).kind).toBe('auth')
    expect((await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).message).toContain('30 s')
    expect(forcedCalls()).toBe(1)
    for (let i = 0; i < 30; i++) {
      clock.now += 31_000
      await upstreamErrorOf(client.getCodeStatus(CODE, undefined))
    }
    expect(forcedCalls()).toBe(FORCED_REFRESH_PER_DAY)
  })
})

describe('token service mode (the AppSecret stays off the till)', () => {
  let service: Server
  let serviceUrl: string
  let current: string | undefined
  let seen: Array<{ authorization: string | undefined; rejected: string | undefined }>
  let handBack: 'fresh' | 'same'

  beforeAll(async () => {
    service = createServer((req, res) => {
      const rejected = req.headers[REJECTED_TOKEN_HEADER] as string | undefined
      seen.push({ authorization: req.headers.authorization, rejected })
      if (req.headers.authorization !== 'Bearer station-7') {
        res.writeHead(401, { 'content-type': 'application/json' })
        return res.end('{"error":"unknown station"}')
      }
      const refresh =
        current === undefined || (handBack === 'fresh' && rejected === tokenFingerprint(current))
      const ready = refresh ? h.token() : Promise.resolve(current as string)
      void ready.then((token) => {
        current = token
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ access_token: token, expires_in: 7000 }))
      })
    })
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve))
    serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}/wechat/token`
  })
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        service.close(() => resolve())
        service.closeAllConnections()
      })
  )
  beforeEach(() => {
    current = undefined
    seen = []
    handBack = 'fresh'
  })

  const serviceClient = (stationKey = 'station-7'): WechatCardClient =>
    new WechatCardClient({
      credentials: { kind: 'tokenService', url: serviceUrl, stationKey },
      baseUrl: h.url
    })

  it('gets its token from the service and caches it', async () => {
    const client = serviceClient()
    await client.getCodeStatus(CODE, undefined)
    await client.consume(CODE, undefined)
    expect(seen).toEqual([{ authorization: 'Bearer station-7', rejected: undefined }])
  })

  it('tells the service which token WeChat rejected (by fingerprint) and retries with the new one', async () => {
    const client = serviceClient()
    await client.getCodeStatus(CODE, undefined)
    const first = current as string
    h.sandbox.setFaults({ rules: [{ kind: 'tokenInvalid', paths: ['/card/code/consume'], times: 1 }] })
    expect(await client.consume(CODE, undefined)).toMatchObject({ ok: true })
    expect(seen[1]).toEqual({ authorization: 'Bearer station-7', rejected: tokenFingerprint(first) })
    expect(current).not.toBe(first)
  })

  it('a service that hands back the rejected token is an auth error', async () => {
    const client = serviceClient()
    await client.getCodeStatus(CODE, undefined)
    handBack = 'same'
    h.sandbox.setFaults({ rules: [{ kind: 'tokenInvalid', paths: ['/card/code/get'], times: 1 }] })
    expect(await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).toMatchObject({ kind: 'auth' })
  })

  it('a station the service does not know gets an auth error', async () => {
    expect(await upstreamErrorOf(serviceClient('intruder').getCodeStatus(CODE, undefined))).toMatchObject({
      kind: 'auth'
    })
  })
})
