/** The HTTP control API under /__sandbox/, and the server's own guarantees. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandboxServer } from '../../src/main/upstream/sandbox'
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
const consume = () => h.post('/card/code/consume', { code: CODE }, token)
const json = async (res: Response): Promise<Record<string, unknown>> =>
  (await res.json()) as Record<string, unknown>

describe('admin API', () => {
  it('refuses calls without the X-Sandbox-Admin header (403)', async () => {
    const res = await fetch(`${h.url}/__sandbox/reset`, { method: 'POST' })
    expect(res.status).toBe(403)
    const wrong = await fetch(`${h.url}/__sandbox/stats`, { headers: { 'x-sandbox-admin': 'yes' } })
    expect(wrong.status).toBe(403)
  })

  it('sets and clears faults, validating the config (400 on a bad one)', async () => {
    const set = await h.admin('POST', 'faults', {
      rules: [{ kind: 'systemBusy', paths: ['/card/code/consume'] }]
    })
    expect(set.status).toBe(200)
    expect((await consume()).errcode).toBe(-1)
    expect((await h.admin('DELETE', 'faults')).status).toBe(200)
    expect((await consume()).errcode).toBe(0)
    const bad = await h.admin('POST', 'faults', { rules: [{ kind: 'explode' }] })
    expect(bad.status).toBe(400)
    expect(String((await json(bad)).error)).toMatch(/kind/)
    expect((await h.admin('POST', 'faults', { rules: [{ kind: 'latency', ms: -5 }] })).status).toBe(400)
    const notJson = await fetch(`${h.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'x-sandbox-admin': '1' },
      body: '{'
    })
    expect(notJson.status).toBe(400)
  })

  it('partitions and heals while admin calls keep working', async () => {
    expect((await h.admin('POST', 'partition', { mode: 'refuse' })).status).toBe(200)
    await expect(consume()).rejects.toThrow('fetch failed')
    expect((await json(await h.admin('GET', 'stats'))).partitioned).toBe(true)
    expect((await h.admin('POST', 'heal')).status).toBe(200)
    expect((await consume()).errcode).toBe(0)
  })

  it('invalidates tokens', async () => {
    expect(await json(await h.admin('POST', 'tokens/invalidate', { how: 'expired' }))).toEqual({
      invalidated: 1
    })
    expect((await consume()).errcode).toBe(42001)
  })

  it('reports a code state with its consume count, and stats', async () => {
    await consume()
    await consume()
    const state = await json(await h.admin('GET', `codes/${CODE}`))
    expect(state).toMatchObject({ code: CODE, status: 'CONSUMED', consumeCount: 1 })
    expect((await h.admin('GET', 'codes/000')).status).toBe(404)
    const stats = await json(await h.admin('GET', 'stats'))
    expect(stats).toMatchObject({
      consumes: 2,
      byPath: { '/card/code/consume': 2, '/cgi-bin/stable_token': 1 }
    })
  })

  it('resets to the seeded state', async () => {
    await consume()
    expect((await h.admin('POST', 'reset')).status).toBe(200)
    expect(h.sandbox.consumeCount(CODE)).toBe(0)
    // Tokens are forgotten too.
    expect((await consume()).errcode).toBe(40001)
  })

  it('answers 404 for an unknown admin call, and never routes /__sandbox/ to WeChat handlers', async () => {
    expect((await h.admin('GET', 'card/code/get')).status).toBe(404)
    // The prefix only counts at the start of the path; anywhere else it is just an unknown WeChat path.
    const res = await fetch(`${h.url}/card/code/get/__sandbox/stats`, { method: 'POST', body: '{}' })
    expect(((await res.json()) as WxJson).errcode).toBe(40066)
  })
})

describe('server', () => {
  it('listens on 127.0.0.1 only, on the requested port', async () => {
    const probe = await startSandboxServer()
    const port = probe.port
    await probe.close()
    const server = await startSandboxServer({ port })
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`)
      const reply = (await (
        await fetch(`${server.url}/card/get`, { method: 'POST', body: '{}' })
      ).json()) as WxJson
      expect(reply.errcode).toBe(41001)
    } finally {
      await server.close()
    }
  })

  it('answers 413 for an oversized body', async () => {
    const res = await fetch(`${h.url}/card/get?access_token=${token}`, {
      method: 'POST',
      body: 'x'.repeat(1_100_000)
    })
    expect(res.status).toBe(413)
  })
})
