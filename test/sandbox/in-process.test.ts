/** The in-process side: Sandbox.handle, the dispatch core, transport faults as errors, the fetch adapter. */
import { beforeEach, describe, expect, it } from 'vitest'
import {
  createSandboxFetch,
  createTrainingSandbox,
  dispatch,
  SandboxNetworkError,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  type FaultConfig,
  type Sandbox,
  type SandboxResponse
} from '../../src/main/upstream/sandbox'
import { eventually, T0, type WxJson } from './helpers'

const CODE = '001234500010'
const clock = { now: T0 }
let sandbox: Sandbox
let token: string

const bodyOf = (reply: SandboxResponse): WxJson => {
  if (!('body' in reply)) throw new Error(`not JSON: ${reply.raw}`)
  return reply.body as WxJson
}
const call = (path: string, body: object, signal?: AbortSignal): Promise<SandboxResponse> =>
  sandbox.handle({
    method: 'POST',
    path,
    query: { access_token: token },
    body,
    ...(signal ? { signal } : {})
  })
const consume = (signal?: AbortSignal) => call('/card/code/consume', { code: CODE }, signal)
const networkCode = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work
  } catch (error) {
    if (error instanceof SandboxNetworkError) return error.code
    throw error
  }
  throw new Error('expected a network error')
}

beforeEach(async () => {
  clock.now = T0
  sandbox = createTrainingSandbox({ now: () => clock.now })
  const reply = await sandbox.handle({
    method: 'POST',
    path: '/cgi-bin/stable_token',
    body: { grant_type: 'client_credential', appid: TRAINING_APP_ID, secret: TRAINING_APP_SECRET }
  })
  token = String(bodyOf(reply).access_token)
})

describe('Sandbox.handle', () => {
  it('takes an object body in-process and a JSON string alike', async () => {
    expect(bodyOf(await consume()).errcode).toBe(0)
    const again = await sandbox.handle({
      method: 'POST',
      path: '/card/code/consume',
      query: { access_token: token },
      body: JSON.stringify({ code: CODE })
    })
    expect(bodyOf(again).errcode).toBe(40099)
    expect(sandbox.consumeCount(CODE)).toBe(1)
  })

  it('shares the synchronous dispatch core', () => {
    const reply = dispatch(sandbox.model, {
      method: 'POST',
      path: '/card/code/get',
      query: { access_token: token },
      body: { code: CODE, check_consume: false }
    })
    expect(reply.status).toBe(200)
    expect(bodyOf(reply).user_card_status).toBe('NORMAL')
  })

  it('logs every call with its errcode and fault', async () => {
    sandbox.setFaults({ rules: [{ kind: 'systemBusy', times: 1 }] })
    await consume()
    await consume()
    const log = sandbox.model.callLog().slice(-2)
    expect(log.map((c) => [c.path, c.errcode, c.fault])).toEqual([
      ['/card/code/consume', -1, 'systemBusy'],
      ['/card/code/consume', 0, undefined]
    ])
    expect(sandbox.stats().faults).toEqual({ systemBusy: 1 })
  })

  it('reset() restores codes and forgets tokens', async () => {
    await consume()
    sandbox.reset()
    expect(sandbox.consumeCount(CODE)).toBe(0)
    expect(bodyOf(await consume()).errcode).toBe(40001)
  })

  it('rejects an invalid fault config', () => {
    expect(() => sandbox.setFaults({ rules: [{ kind: 'latency', ms: -1 }] } as FaultConfig)).toThrow()
  })
})

describe('transport faults in-process', () => {
  it('reset throws ECONNRESET and applies nothing', async () => {
    sandbox.setFaults({ rules: [{ kind: 'reset' }] })
    expect(await networkCode(consume())).toBe('ECONNRESET')
    expect(sandbox.consumeCount(CODE)).toBe(0)
  })

  it('dropReply throws ETIMEDOUT after applying the consume', async () => {
    sandbox.setFaults({ rules: [{ kind: 'dropReply', paths: ['/card/code/consume'] }] })
    expect(await networkCode(consume())).toBe('ETIMEDOUT')
    expect(sandbox.consumeCount(CODE)).toBe(1)
  })

  it('a refusing partition throws ECONNREFUSED', async () => {
    sandbox.startPartition('refuse')
    expect(await networkCode(consume())).toBe('ECONNREFUSED')
    expect(sandbox.isPartitioned()).toBe(true)
  })

  it('a hanging partition holds the call until heal, then ETIMEDOUT, never applied', async () => {
    sandbox.startPartition('hang')
    let settled = false
    const pending = networkCode(consume()).finally(() => (settled = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(settled).toBe(false)
    sandbox.heal()
    expect(await pending).toBe('ETIMEDOUT')
    expect(sandbox.consumeCount(CODE)).toBe(0)
  })

  it('a hanging call is released by the caller abort, or when the period ends', async () => {
    sandbox.startPartition('hang')
    const controller = new AbortController()
    const pending = networkCode(consume(controller.signal))
    controller.abort()
    expect(await pending).toBe('ETIMEDOUT')
    sandbox.startPartition('hang', 30)
    expect(await networkCode(consume())).toBe('ETIMEDOUT')
  })
})

describe('createSandboxFetch', () => {
  const url = (path: string): string => `http://sandbox.invalid${path}?access_token=${token}`

  it('answers like fetch over HTTP', async () => {
    const sandboxFetch = createSandboxFetch(sandbox)
    const res = await sandboxFetch(url('/card/code/get'), {
      method: 'POST',
      body: JSON.stringify({ code: CODE, check_consume: false })
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(((await res.json()) as WxJson).user_card_status).toBe('NORMAL')
  })

  it('rejects transport faults as TypeError("fetch failed") with the network error as cause', async () => {
    sandbox.setFaults({ rules: [{ kind: 'reset' }] })
    const failure = createSandboxFetch(sandbox)(url('/card/code/consume'), { method: 'POST', body: '{}' })
    await expect(failure).rejects.toThrow(TypeError)
    await expect(failure).rejects.toMatchObject({ cause: { code: 'ECONNRESET' } })
  })

  it('an aborted call rejects at once while a slow consume still lands upstream', async () => {
    sandbox.setFaults({ rules: [{ kind: 'latency', ms: 100 }] })
    const slow = createSandboxFetch(sandbox)(url('/card/code/consume'), {
      method: 'POST',
      body: JSON.stringify({ code: CODE }),
      signal: AbortSignal.timeout(10)
    })
    await expect(slow).rejects.toMatchObject({ name: 'TimeoutError' })
    await eventually(() => expect(sandbox.consumeCount(CODE)).toBe(1))
  })

  it('passes non-JSON replies through as text', async () => {
    sandbox.setFaults({ rules: [{ kind: 'http5xx' }] })
    const res = await createSandboxFetch(sandbox)(url('/card/get'), { method: 'POST', body: '{}' })
    expect(res.status).toBe(502)
    expect(await res.text()).toContain('502 Bad Gateway')
  })
})

describe('determinism', () => {
  const config: FaultConfig = {
    seed: 2024,
    rules: [
      { kind: 'latency', ms: { min: 0, max: 1 }, probability: 0.5 },
      { kind: 'systemBusy', probability: 0.3 },
      { kind: 'reset', probability: 0.2 },
      { kind: 'minuteQuota', probability: 0.1 },
      { kind: 'malformed', probability: 0.1 }
    ]
  }
  const runFaults = async (seed: number): Promise<Array<string | undefined>> => {
    const box = createTrainingSandbox({ now: () => T0, faults: { ...config, seed } })
    for (let i = 0; i < 60; i++) {
      await box
        .handle({ method: 'POST', path: '/card/code/get', query: { access_token: 'x'.repeat(20) }, body: {} })
        .catch(() => undefined)
    }
    return box.model.callLog().map((c) => c.fault)
  }

  it('the same seed replays the same fault sequence', async () => {
    const first = await runFaults(2024)
    expect(new Set(first)).toEqual(
      new Set(['latency', 'systemBusy', 'reset', 'minuteQuota', 'malformed', undefined])
    )
    expect(await runFaults(2024)).toEqual(first)
    expect(await runFaults(2025)).not.toEqual(first)
  })

  it('the same seed issues the same tokens', async () => {
    const other = createTrainingSandbox({ now: () => T0 })
    const reply = await other.handle({
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: { grant_type: 'client_credential', appid: TRAINING_APP_ID, secret: TRAINING_APP_SECRET }
    })
    expect(bodyOf(reply).access_token).toBe(token)
  })
})
