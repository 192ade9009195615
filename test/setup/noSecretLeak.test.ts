/**
 * The configured AppSecret must never come back from any channel: configure a recognisable one, then call
 * every channel of the contract as a manager (with no argument, an empty object and dummy ids) and search
 * each JSON response — values and errors alike — for it.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../src/shared/ipc/names'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { secretsFile } from '../../src/main/setup/secrets'
import { startSandboxServer, TRAINING_APP_ID, type SandboxServer } from '../../src/main/upstream/sandbox'
import { trainingStation, type TestStation } from '../support/station'
import { SECRET, validInput } from './support'

let server: SandboxServer
let t: TestStation

beforeAll(async () => {
  server = await startSandboxServer()
  t = await trainingStation({ background: false })
})
afterAll(async () => {
  await t.station.close()
  await server.close()
})

const DUMMY = {
  id: 'dummy',
  redemptionId: 'dummy',
  code: '123456789012',
  cardId: 'pDummy',
  day: '2026-01-01',
  limit: 10,
  reason: 'dummy',
  staffId: 'dummy',
  pin: '0000'
}

describe('no channel returns the configured secret', () => {
  it('searches every response of every channel', async () => {
    const dispatch = createDispatcher(t.station.handlers)
    const managerSession = (): Session => {
      const s = new Session('test')
      s.signIn(t.manager)
      return s
    }
    const saved = await dispatch(
      'setup.save',
      validInput({ kind: 'wechat', baseUrl: server.url, appId: TRAINING_APP_ID, appSecret: SECRET }),
      managerSession()
    )
    expect(saved.ok).toBe(true)
    // The secret really is configured (so the search below can find it if a channel leaks it).
    expect(readFileSync(secretsFile(t.station.dataDir), 'utf8')).toContain(SECRET)

    const requests: unknown[] = [undefined, {}, DUMMY]
    let calls = 0
    let answered = 0
    for (const channel of CHANNEL_NAMES) {
      for (const request of requests) {
        const result = await dispatch(channel, request, managerSession())
        calls++
        if (result.ok) answered++
        expect(JSON.stringify(result), `${channel} ${JSON.stringify(request)}`).not.toContain(SECRET)
      }
    }
    // The connection test with the stored secret (none sent) talks to WeChat with it — and still returns none.
    const tested = await dispatch(
      'setup.testConnection',
      { upstream: { kind: 'wechat', baseUrl: server.url, appId: TRAINING_APP_ID } },
      managerSession()
    )
    expect(tested).toMatchObject({ ok: true, value: { ok: false, errcode: 40125 } })
    expect(JSON.stringify(tested)).not.toContain(SECRET)
    expect(calls).toBe(CHANNEL_NAMES.length * requests.length)
    // Most channels really answered (a test that only collected refusals would prove little).
    expect(answered).toBeGreaterThanOrEqual(20)
    const view = await dispatch('setup.get', undefined, managerSession())
    expect(view).toMatchObject({
      ok: true,
      value: { upstream: { kind: 'wechat', appSecret: { set: true } } }
    })
  })
})
