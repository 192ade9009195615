/**
 * Every fault mode of the sandbox over real HTTP, as the client reports it: the UpstreamError kind, and for
 * consume whether the request may have been processed although no answer arrived.
 */
import { createServer } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { FaultConfig } from '../../src/main/upstream/sandbox'
import type { WechatCardClient } from '../../src/main/upstream/wechat'
import { startHarness, type Harness } from '../sandbox/helpers'
import { clientFor, upstreamErrorOf } from './support'

let h: Harness
let client: WechatCardClient
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.server.close())
beforeEach(async () => {
  h.reset()
  client = clientFor(h.url)
  // Fetch the token first, so faults aimed at every path hit the call under test.
  await client.getCodeStatus(CODE, undefined)
})

const CODE = '001234500010'
const CONSUME = ['/card/code/consume']
const GET = ['/card/code/get']
const faults = (config: FaultConfig): void => h.sandbox.setFaults(config)

describe('errcode -1 (system busy)', () => {
  it('is transient; after a consume it may have been applied (§10), after a get it does not matter', async () => {
    faults({ rules: [{ kind: 'systemBusy', paths: [...CONSUME, ...GET] }] })
    expect(await upstreamErrorOf(client.consume(CODE, undefined))).toMatchObject({
      kind: 'transient',
      errcode: -1,
      mayHaveReachedServer: true,
      retryable: true
    })
    expect(await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).toMatchObject({
      kind: 'transient',
      mayHaveReachedServer: false
    })
  })
})

describe('one hiccup on the look-up question (code/get)', () => {
  const calls = (): number => h.sandbox.model.callLog().filter((c) => c.path === '/card/code/get').length

  it('a single -1 is asked once more within the same deadline, and answers', async () => {
    const before = calls()
    faults({ rules: [{ kind: 'systemBusy', paths: GET, times: 1 }] })
    expect(await client.getCodeStatus(CODE, undefined, { deadlineMs: 1_500 })).toMatchObject({
      kind: 'code',
      userCardStatus: 'NORMAL'
    })
    expect(calls() - before).toBe(2)
  })

  it('a single truncated reply is asked once more too', async () => {
    faults({ rules: [{ kind: 'malformed', form: 'truncated', paths: GET, times: 1 }] })
    expect(await client.getCodeStatus(CODE, undefined, { deadlineMs: 1_500 })).toMatchObject({
      kind: 'code'
    })
  })

  it('only once: a second -1 is reported', async () => {
    const before = calls()
    faults({ rules: [{ kind: 'systemBusy', paths: GET, times: 3 }] })
    expect(await upstreamErrorOf(client.getCodeStatus(CODE, undefined, { deadlineMs: 1_000 }))).toMatchObject(
      {
        kind: 'transient',
        errcode: -1
      }
    )
    expect(calls() - before).toBe(2)
  })
})

describe('HTTP 5xx gateway page', () => {
  it('is transient; a consume behind a gateway error is ambiguous', async () => {
    faults({ rules: [{ kind: 'http5xx', status: 503, paths: CONSUME }] })
    expect(await upstreamErrorOf(client.consume(CODE, undefined))).toMatchObject({
      kind: 'transient',
      errcode: null,
      mayHaveReachedServer: true
    })
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })
})

describe('connection reset', () => {
  it('is a network error; the client cannot know the consume was not applied', async () => {
    faults({ rules: [{ kind: 'reset', paths: CONSUME }] })
    expect(await upstreamErrorOf(client.consume(CODE, undefined))).toMatchObject({
      kind: 'network',
      mayHaveReachedServer: true
    })
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })

  it('on a read is a network error with nothing ambiguous', async () => {
    faults({ rules: [{ kind: 'reset', paths: GET }] })
    expect(await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).toMatchObject({
      kind: 'network',
      mayHaveReachedServer: false
    })
  })
})

describe('dropped reply (applied, answer lost)', () => {
  it('reports a network error that may have reached the server, and the code IS consumed', async () => {
    faults({ rules: [{ kind: 'dropReply', paths: CONSUME, times: 1 }] })
    expect(await upstreamErrorOf(client.consume(CODE, undefined))).toMatchObject({
      kind: 'network',
      mayHaveReachedServer: true
    })
    expect(h.sandbox.consumeCount(CODE)).toBe(1)
    expect(await client.getCodeStatus(CODE, undefined)).toMatchObject({ userCardStatus: 'CONSUMED' })
  })
})

describe('deadline', () => {
  it('a consume slower than its deadline is a timeout that may have reached the server', async () => {
    faults({ rules: [{ kind: 'latency', ms: 400, paths: CONSUME, times: 1 }] })
    const error = await upstreamErrorOf(client.consume(CODE, undefined, { deadlineMs: 100 }))
    expect(error).toMatchObject({ kind: 'timeout', mayHaveReachedServer: true })
    expect(error.message).toContain('deadline')
    // The sandbox applies a delayed request even though the client gave up (as a real server would).
    await expect.poll(() => h.sandbox.consumeCount(CODE), { timeout: 3_000 }).toBe(1)
  })

  it('a caller abort is reported as cancelled, not as a deadline', async () => {
    faults({ rules: [{ kind: 'latency', ms: 300, paths: GET, times: 1 }] })
    const controller = new AbortController()
    const pending = client.getCodeStatus(CODE, undefined, { signal: controller.signal })
    controller.abort()
    const error = await upstreamErrorOf(pending)
    expect(error).toMatchObject({ kind: 'timeout', mayHaveReachedServer: false })
    expect(error.message).toContain('cancelled')
  })
})

describe('errcode 45011 (minute quota)', () => {
  it('is rate_limited and never applied', async () => {
    faults({ rules: [{ kind: 'minuteQuota', paths: CONSUME }] })
    expect(await upstreamErrorOf(client.consume(CODE, undefined))).toMatchObject({
      kind: 'rate_limited',
      errcode: 45011,
      mayHaveReachedServer: false
    })
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })
})

describe('malformed replies', () => {
  it('HTML with HTTP 200 is malformed', async () => {
    faults({ rules: [{ kind: 'malformed', form: 'nonjson', paths: GET }] })
    expect(await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).toMatchObject({
      kind: 'malformed',
      mayHaveReachedServer: false
    })
  })

  it('truncated JSON after a consume is malformed AND ambiguous (it was applied)', async () => {
    faults({ rules: [{ kind: 'malformed', form: 'truncated', paths: CONSUME }] })
    expect(await upstreamErrorOf(client.consume(CODE, undefined))).toMatchObject({
      kind: 'malformed',
      mayHaveReachedServer: true
    })
    expect(h.sandbox.consumeCount(CODE)).toBe(1)
  })
})

describe('partitions', () => {
  it("'refuse' over HTTP looks like a broken connection", async () => {
    h.sandbox.startPartition('refuse')
    expect(await upstreamErrorOf(client.getCodeStatus(CODE, undefined))).toMatchObject({ kind: 'network' })
    h.sandbox.heal()
    expect(await client.getCodeStatus(CODE, undefined)).toMatchObject({ userCardStatus: 'NORMAL' })
  })

  it("'hang' ends at the deadline as a timeout, and nothing is applied", async () => {
    h.sandbox.startPartition('hang')
    expect(await upstreamErrorOf(client.consume(CODE, undefined, { deadlineMs: 150 }))).toMatchObject({
      kind: 'timeout',
      mayHaveReachedServer: true
    })
    h.sandbox.heal()
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
  })
})

describe('nobody listening', () => {
  it('a refused connection is a network error that certainly did not reach the server, even for consume', async () => {
    const closed = await freePort()
    const offline = clientFor(`http://127.0.0.1:${closed}`)
    expect(await upstreamErrorOf(offline.consume(CODE, undefined))).toMatchObject({
      kind: 'network',
      mayHaveReachedServer: false
    })
  })
})

/** A port nothing listens on (bound, read, released). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
