/**
 * The enrolment codes' brute-force lock-out (docs/chain.md § Enrolment lock-out) over real HTTP on loopback: a real
 * chain hub (embedded PostgreSQL) and a real store hub forwarding to it. Sources are real local addresses
 * (127.0.0.x: Linux answers the whole 127/8 on loopback). Limits shortened: 3 wrong codes per source, 5 per store.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { HUB_STORE_HEADER } from '../../src/shared/hub/protocol'
import { hubDataDir, removeHubDataDirs } from './support'
import { addStore, chainSnapshot } from './chainSupport'

const LIMITS = { perSource: 3, perStore: 5, windowMs: 10 * 60_000 }
let hub: RunningHub
let storeHub: RunningHub

interface Answer {
  status: number
  retryAfter: string | undefined
  body: {
    ok: boolean
    value?: { storeId: string; token: string }
    error?: { code: string; details?: unknown }
  }
}

/** POST /v1/enrol from a chosen local address (the source the hub sees). */
function enrol(
  url: string,
  from: string,
  body: { enrolmentCode: string; tillId: string },
  store?: string
): Promise<Answer> {
  const data = JSON.stringify({ ...body, tillName: `${body.tillId} 号机` })
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/enrol`,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(store ? { [HUB_STORE_HEADER]: store } : {})
        }
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: JSON.parse(text) as Answer['body']
          })
        )
      }
    )
    req.on('error', reject)
    req.end(data)
  })
}

const attempts = async () =>
  (
    await hub.store.pool.query<{ source: string; store_id: string | null; till_id: string; outcome: string }>(
      'SELECT source, store_id, till_id, outcome FROM chain_enrolment_attempts ORDER BY id'
    )
  ).rows

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => undefined, enrolmentLockout: LIMITS })
  storeHub = await startHub({
    dataDir: hubDataDir(),
    storeId: 'lock-c',
    chainUrl: hub.url,
    log: () => undefined
  })
  for (const s of ['lock-a', 'lock-b', 'lock-c']) await addStore(hub, s)
}, 120_000)

afterAll(async () => {
  await storeHub?.stop()
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

describe('enrolment codes: brute force is locked out', () => {
  it('per source: after 3 wrong codes that address is refused ENROLMENT_LOCKED, even with the right code; others are not', async () => {
    const { code } = await hub.chain.newEnrolmentCode('lock-a')
    for (let i = 0; i < LIMITS.perSource; i++) {
      const wrong = await enrol(hub.url, '127.0.0.11', {
        enrolmentCode: `WRNG-00${i}X`,
        tillId: `guess-${i}`
      })
      expect(wrong.status).toBe(403)
      expect(wrong.body.error?.code).toBe('ENROLMENT_CODE_INVALID')
    }
    const before = await chainSnapshot(hub.store.pool)
    const locked = await enrol(hub.url, '127.0.0.11', { enrolmentCode: code, tillId: 'till-a1' })
    expect(locked.status).toBe(429)
    expect(locked.body.error).toMatchObject({ code: 'ENROLMENT_LOCKED', details: { scope: 'source' } })
    const retry = Number(locked.retryAfter)
    expect(retry).toBeGreaterThan(500) // about the 10-minute window
    expect(retry).toBeLessThanOrEqual(600)
    // Nothing changed: the code is still unused, no till, no token.
    expect(await chainSnapshot(hub.store.pool)).toBe(before)
    // Another address is not locked: the same right code enrols from there.
    const other = await enrol(hub.url, '127.0.0.12', { enrolmentCode: code, tillId: 'till-a1' })
    expect(other.status).toBe(200)
    expect(other.body.value?.storeId).toBe('lock-a')
    // Audited: every attempt with its source and outcome.
    expect((await attempts()).map((a) => [a.source, a.till_id, a.outcome])).toEqual([
      ['127.0.0.11', 'guess-0', 'refused'],
      ['127.0.0.11', 'guess-1', 'refused'],
      ['127.0.0.11', 'guess-2', 'refused'],
      ['127.0.0.11', 'till-a1', 'locked'],
      ['127.0.0.12', 'till-a1', 'enrolled']
    ])
  })

  it('the lock ends when the wrong codes leave the window', async () => {
    const { code } = await hub.chain.newEnrolmentCode('lock-a')
    expect((await enrol(hub.url, '127.0.0.11', { enrolmentCode: code, tillId: 'till-a2' })).status).toBe(429)
    // The window brought forward in the database (the test does not wait 10 minutes).
    await hub.store.pool.query('UPDATE chain_enrolment_attempts SET at = at - $1', [LIMITS.windowMs])
    const after = await enrol(hub.url, '127.0.0.11', { enrolmentCode: code, tillId: 'till-a2' })
    expect(after.status).toBe(200)
  })

  it('per store: 5 wrong codes for one store from 5 addresses lock that store, from any address; other stores go on', async () => {
    const { code } = await hub.chain.newEnrolmentCode('lock-b')
    for (let i = 0; i < LIMITS.perStore; i++) {
      const wrong = await enrol(
        hub.url,
        `127.0.1.${i + 1}`,
        { enrolmentCode: `BAD${i}-CODE`, tillId: `b-guess-${i}` },
        'lock-b'
      )
      expect(wrong.body.error?.code).toBe('ENROLMENT_CODE_INVALID')
    }
    const locked = await enrol(hub.url, '127.0.1.99', { enrolmentCode: code, tillId: 'till-b1' }, 'lock-b')
    expect(locked.status).toBe(429)
    expect(locked.body.error).toMatchObject({ code: 'ENROLMENT_LOCKED', details: { scope: 'store' } })
    // Another store from the same fresh address: not locked.
    const { code: codeA } = await hub.chain.newEnrolmentCode('lock-a')
    const fine = await enrol(hub.url, '127.0.1.99', { enrolmentCode: codeA, tillId: 'till-a3' }, 'lock-a')
    expect(fine.status).toBe(200)
  })

  it('through a store hub: the store hub is the source and names its store; its tills share its limit', async () => {
    const { code } = await hub.chain.newEnrolmentCode('lock-c')
    for (let i = 0; i < LIMITS.perSource; i++) {
      const wrong = await enrol(storeHub.url, `127.0.2.${i + 1}`, {
        enrolmentCode: `NOPE-${i}XYZ`,
        tillId: `c-guess-${i}`
      })
      expect(wrong.body.error?.code).toBe('ENROLMENT_CODE_INVALID')
    }
    const rows = (await attempts()).filter((a) => a.till_id.startsWith('c-guess-'))
    expect(rows.map((r) => [r.source, r.store_id])).toEqual(
      Array(LIMITS.perSource).fill([new URL(storeHub.url).hostname, 'lock-c'])
    )
    const locked = await enrol(storeHub.url, '127.0.2.50', { enrolmentCode: code, tillId: 'till-c1' })
    expect(locked.status).toBe(429) // relayed as it came, Retry-After included
    expect(Number(locked.retryAfter)).toBeGreaterThan(0)
    expect(locked.body.error).toMatchObject({ code: 'ENROLMENT_LOCKED', details: { scope: 'source' } })
  })
})
