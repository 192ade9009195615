/** Every fault mode over real HTTP: what the client sees, and whether the request was applied. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { FaultConfig } from '../../src/main/upstream/sandbox'
import { startHarness, type Harness, type WxJson } from './helpers'

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

const CODE = '001234500010'
const consumeUrl = (): string => `${h.url}/card/code/consume?access_token=${token}`
const consumeRequest = (signal?: AbortSignal): Promise<Response> =>
  fetch(consumeUrl(), { method: 'POST', body: JSON.stringify({ code: CODE }), ...(signal ? { signal } : {}) })
const status = async (): Promise<string | undefined> =>
  (await h.post('/card/code/get', { code: CODE, check_consume: false }, token)).user_card_status
const faults = (config: FaultConfig): void => h.sandbox.setFaults(config)

describe('latency', () => {
  it('delays the reply by a fixed time, and still answers', async () => {
    faults({ rules: [{ kind: 'latency', ms: 150, paths: ['/card/code/get'] }] })
    const started = performance.now()
    expect(await status()).toBe('NORMAL')
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
  })

  it('delays by a range', async () => {
    faults({ seed: 7, rules: [{ kind: 'latency', ms: { min: 60, max: 90 } }] })
    const started = performance.now()
    await status()
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })
})

describe('replies that are not applied', () => {
  it('system busy: errcode -1', async () => {
    faults({ rules: [{ kind: 'systemBusy', paths: ['/card/code/consume'] }] })
    expect(((await (await consumeRequest()).json()) as WxJson).errcode).toBe(-1)
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
    expect(await status()).toBe('NORMAL')
  })

  it('minute quota: errcode 45011', async () => {
    faults({ rules: [{ kind: 'minuteQuota' }] })
    expect(((await (await consumeRequest()).json()) as WxJson).errcode).toBe(45011)
    h.sandbox.clearFaults()
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })

  it('HTTP 5xx with an HTML page', async () => {
    faults({ rules: [{ kind: 'http5xx', status: 503, paths: ['/card/code/*'] }] })
    const res = await consumeRequest()
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('text/html')
    await expect(res.json()).rejects.toThrow()
    h.sandbox.clearFaults()
    expect(await status()).toBe('NORMAL')
  })

  it('connection reset: fetch rejects and nothing is applied', async () => {
    faults({ rules: [{ kind: 'reset', paths: ['/card/code/consume'], times: 1 }] })
    await expect(consumeRequest()).rejects.toThrow('fetch failed')
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
    expect(await status()).toBe('NORMAL')
    expect(((await (await consumeRequest()).json()) as WxJson).errcode).toBe(0)
  })

  it('malformed non-JSON reply (HTML with 200)', async () => {
    faults({ rules: [{ kind: 'malformed', form: 'nonjson', paths: ['/card/code/consume'] }] })
    const res = await consumeRequest()
    expect(res.status).toBe(200)
    await expect(res.json()).rejects.toThrow()
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })
})

describe('replies lost after the request was applied', () => {
  it('drop-reply: fetch rejects, yet the consume happened exactly once and code/get shows CONSUMED', async () => {
    faults({ rules: [{ kind: 'dropReply', paths: ['/card/code/consume'], times: 1 }] })
    await expect(consumeRequest()).rejects.toThrow('fetch failed')
    expect(h.sandbox.consumeCount(CODE)).toBe(1)
    expect(await status()).toBe('CONSUMED')
    expect(((await (await consumeRequest()).json()) as WxJson).errcode).toBe(40099)
    expect(h.sandbox.consumeCount(CODE)).toBe(1)
  })

  it('truncated JSON: unparsable, but applied', async () => {
    faults({ rules: [{ kind: 'malformed', form: 'truncated', paths: ['/card/code/consume'] }] })
    const res = await consumeRequest()
    const text = await res.text()
    expect(text.startsWith('{"errcode":0')).toBe(true)
    expect(() => JSON.parse(text) as unknown).toThrow()
    expect(h.sandbox.consumeCount(CODE)).toBe(1)
  })
})

describe('token invalidation', () => {
  it.each([40001, 42001] as const)('%i for the current token until the client refreshes', async (errcode) => {
    faults({ rules: [{ kind: 'tokenInvalid', errcode, times: 1 }] })
    expect((await h.post('/card/code/get', { code: CODE }, token)).errcode).toBe(errcode)
    expect((await h.post('/card/code/get', { code: CODE }, token)).errcode).toBe(errcode)
    const fresh = await h.token()
    expect(fresh).not.toBe(token)
    expect((await h.post('/card/code/get', { code: CODE }, fresh)).errcode).toBe(0)
  })
})

describe('partition', () => {
  it('hang: requests time out and are not applied; after heal they flow again', async () => {
    h.sandbox.startPartition('hang')
    await expect(consumeRequest(AbortSignal.timeout(200))).rejects.toMatchObject({ name: 'TimeoutError' })
    h.sandbox.heal()
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
    expect(await status()).toBe('NORMAL')
  })

  it('refuse: requests fail at once; the partition ends by itself after its period', async () => {
    h.sandbox.startPartition('refuse', 60_000)
    await expect(consumeRequest()).rejects.toThrow('fetch failed')
    await expect(status()).rejects.toThrow()
    h.clock.now += 60_000
    expect(await status()).toBe('NORMAL')
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })

  it('a server close releases requests still hanging', async () => {
    const other = await startHarness()
    other.sandbox.startPartition('hang')
    const hanging = fetch(`${other.url}/cgi-bin/token?grant_type=client_credential`)
    await other.server.close()
    await expect(hanging).rejects.toThrow()
  })
})

describe('targeting and determinism', () => {
  it('targets faults by path and limits them by times', async () => {
    faults({ rules: [{ kind: 'systemBusy', paths: ['/card/code/consume'], times: 2 }] })
    expect(await status()).toBe('NORMAL')
    const errcodes: Array<number | undefined> = []
    for (let i = 0; i < 3; i++) errcodes.push(((await (await consumeRequest()).json()) as WxJson).errcode)
    expect(errcodes).toEqual([-1, -1, 0])
  })

  it('the same seed gives the same fault sequence; another seed a different one', async () => {
    const run = async (seed: number): Promise<Array<number | undefined>> => {
      h.reset()
      token = await h.token()
      faults({ seed, rules: [{ kind: 'systemBusy', probability: 0.5, paths: ['/card/code/get'] }] })
      const seen: Array<number | undefined> = []
      for (let i = 0; i < 32; i++) {
        seen.push((await h.post('/card/code/get', { code: CODE, check_consume: false }, token)).errcode)
      }
      return seen
    }
    const first = await run(42)
    expect(first).toContain(-1)
    expect(first).toContain(0)
    expect(await run(42)).toEqual(first)
    expect(await run(43)).not.toEqual(first)
  })
})
