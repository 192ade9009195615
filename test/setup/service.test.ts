import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { readMode } from '../../src/main/config/mode'
import { openStation, type Station } from '../../src/main/station/station'
import { secretsFile } from '../../src/main/setup/secrets'
import {
  startSandboxServer,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  trainingSeed,
  type SandboxServer
} from '../../src/main/upstream/sandbox'
import { trainingStation, type TestStation } from '../support/station'
import { DEFAULT_POLICY, type RulesPolicy } from '../../src/shared/rules'
import { SECRET, validInput } from './support'

let server: SandboxServer
let t: TestStation
const open: Station[] = []

beforeAll(async () => {
  server = await startSandboxServer()
})
afterAll(async () => {
  await server.close()
})
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

async function managerStation(
  runtime: 'node-host' | 'electron' = 'node-host',
  restart?: () => void
): Promise<{
  dispatch: ReturnType<typeof createDispatcher>
  session: Session
}> {
  t = await trainingStation({ background: false, runtime, ...(restart ? { restart } : {}) })
  open.push(t.station)
  const session = new Session('test')
  session.signIn(t.manager)
  return { dispatch: createDispatcher(t.station.handlers), session }
}

const wechat = (appSecret?: string, appId = TRAINING_APP_ID) => ({
  kind: 'wechat' as const,
  baseUrl: server.url,
  appId,
  ...(appSecret !== undefined ? { appSecret } : {})
})

const seedTitles = (): string[] =>
  trainingSeed(Date.now()).cards.map((c) => (JSON.stringify(c).match(/"title":"([^"]*)"/) ?? ['', ''])[1]!)

describe('setup.testConnection over real HTTP (sandbox server)', () => {
  it('finds the training cards and their titles', async () => {
    const { dispatch, session } = await managerStation()
    const result = await dispatch('setup.testConnection', { upstream: wechat(TRAINING_APP_SECRET) }, session)
    const expected = seedTitles()
    expect(expected.length).toBeGreaterThan(0)
    expect(result).toEqual({
      ok: true,
      value: { ok: true, cardCount: expected.length, titles: expect.arrayContaining(expected) as unknown }
    })
  })

  it('explains a wrong AppSecret (40125)', async () => {
    const { dispatch, session } = await managerStation()
    const result = await dispatch('setup.testConnection', { upstream: wechat('wrong-secret') }, session)
    // a code, not words: the renderer says connectionTest.BAD_APP_SECRET in the reader's language
    expect(result).toMatchObject({
      ok: true,
      value: { ok: false, outcome: 'BAD_APP_SECRET', errcode: 40125 }
    })
  })

  it('explains a wrong AppID (40013)', async () => {
    const { dispatch, session } = await managerStation()
    const result = await dispatch(
      'setup.testConnection',
      { upstream: wechat(TRAINING_APP_SECRET, 'wx0000000000000000') },
      session
    )
    expect(result).toMatchObject({ ok: true, value: { ok: false, outcome: 'BAD_APP_ID', errcode: 40013 } })
  })

  it('explains a server that cannot be reached', async () => {
    const { dispatch, session } = await managerStation()
    const closed = await startSandboxServer()
    await closed.close()
    const result = await dispatch(
      'setup.testConnection',
      { upstream: { ...wechat(TRAINING_APP_SECRET), baseUrl: closed.url } },
      session
    )
    expect(result).toMatchObject({
      ok: true,
      value: { ok: false, outcome: 'NETWORK', errcode: null, kind: 'network' }
    })
  })

  it('is for managers only', async () => {
    const { dispatch } = await managerStation()
    const cashier = new Session('test')
    cashier.signIn(t.cashier)
    const result = await dispatch('setup.testConnection', { upstream: { kind: 'training' } }, cashier)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('setup.save / setup.get', () => {
  it('stores the set-up, audits it without the secret, and shows the secret only as set', async () => {
    const { dispatch, session } = await managerStation()
    const before = await dispatch('setup.get', undefined, session)
    expect(before).toMatchObject({ ok: true, value: { firstRun: true, upstream: { kind: 'training' } } })
    const saved = await dispatch('setup.save', validInput(wechat(SECRET)), session)
    expect(saved).toMatchObject({
      ok: true,
      value: {
        firstRun: false,
        store: {
          storeName: '静安店',
          storeLocationId: 4_812_345,
          stationName: '收银台 2',
          cutoffMinutes: 270
        },
        upstream: { kind: 'wechat', appId: TRAINING_APP_ID, baseUrl: server.url, appSecret: { set: true } }
      }
    })
    const audit = t.station.db
      .prepare("SELECT detail_json FROM audit_log WHERE action = 'settings.changed' AND subject = 'setup'")
      .all() as { detail_json: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]!.detail_json).not.toContain(SECRET)
    expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({ secretsChanged: ['wechat.appSecret'] })
    // Applied to this station at once: the redemption settings see the new store.
    expect(t.station.services.settings.forRedeem().store).toEqual({
      timeZone: 'Asia/Shanghai',
      cutoffMinutes: 270
    })
    expect(t.station.services.settings.identity().storeLocationId).toBe(4_812_345)
  })

  it('keeps the stored secret when a save leaves it out, and refuses a first save without one', async () => {
    const { dispatch, session } = await managerStation()
    expect(await dispatch('setup.save', validInput(wechat()), session)).toMatchObject({
      ok: false,
      error: { code: 'SETUP_SECRET_MISSING' }
    })
    await dispatch('setup.save', validInput(wechat(TRAINING_APP_SECRET)), session)
    await dispatch('setup.save', validInput(wechat()), session)
    const tested = await dispatch('setup.testConnection', { upstream: wechat() }, session)
    expect(tested).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('rejects an invalid save with a clear message and changes nothing', async () => {
    const { dispatch, session } = await managerStation()
    const bad = { ...validInput(), store: { ...validInput().store, timeZone: 'Mars/Olympus' } }
    const result = await dispatch('setup.save', bad, session)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect((result as { error: { message: string } }).error.message).toContain(
      'store.timeZone: timeZone must be a known IANA time zone'
    )
    expect(existsSync(join(t.station.dataDir, 'setup.json'))).toBe(false)
  })

  it('is public during the first run only, and manager-only once staff exist', async () => {
    const dataDir = (await managerStation()) && t.station.dataDir
    const anonymous = new Session('test')
    expect(await createDispatcher(t.station.handlers)('setup.get', undefined, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' }
    })
    const fresh = openStation({
      dataDir: `${dataDir}-fresh`,
      runtime: 'node-host',
      mode: 'training',
      background: false
    })
    open.push(fresh)
    expect(await createDispatcher(fresh.handlers)('setup.get', undefined, anonymous)).toMatchObject({
      ok: true,
      value: { firstRun: true }
    })
  })

  it('going live restarts a runtime that can restart itself, and says so (Electron passes its relaunch)', async () => {
    let restarts = 0
    const { dispatch, session } = await managerStation('electron', () => restarts++)
    await dispatch('setup.save', validInput(wechat(TRAINING_APP_SECRET)), session)
    expect(restarts).toBe(0)
    const live = await dispatch('setup.goLive', undefined, session)
    expect(live).toMatchObject({
      ok: true,
      value: { restartsItself: true }
    })
    expect(restarts).toBe(1)
  })

  it('survives a restart, and going live opens a fresh live database that uses the saved connection', async () => {
    const { dispatch, session } = await managerStation()
    await dispatch('setup.save', validInput(wechat(TRAINING_APP_SECRET)), session)
    const dataDir = t.station.dataDir
    expect(existsSync(secretsFile(dataDir))).toBe(true)
    await t.station.close()
    open.splice(0)

    const again = openStation({ dataDir, runtime: 'node-host', mode: 'training', background: false })
    open.push(again)
    const s2 = new Session('test')
    s2.signIn(t.manager)
    const view = await createDispatcher(again.handlers)('setup.get', undefined, s2)
    expect(view).toMatchObject({
      ok: true,
      value: { firstRun: false, store: { storeName: '静安店' }, upstream: { appSecret: { set: true } } }
    })
    const live = await createDispatcher(again.handlers)('setup.goLive', undefined, s2)
    expect(live).toMatchObject({
      ok: true,
      value: { mode: 'live', restartRequired: true, restartsItself: false }
    })
    expect(readMode(dataDir)).toBe('live')
    await again.close()
    open.splice(0)

    const liveStation = openStation({ dataDir, runtime: 'node-host', background: false })
    open.push(liveStation)
    expect(liveStation.mode).toBe('live')
    expect(liveStation.services.staff.count()).toBe(0) // nothing from training is carried over
    expect(liveStation.services.settings.identity()).toMatchObject({
      storeName: '静安店',
      storeLocationId: 4_812_345
    })
    expect(liveStation.services.settings.store().cutoffMinutes).toBe(270)
    expect(await liveStation.upstream.listCardIds()).toHaveLength(seedTitles().length)
    expect(readFileSync(secretsFile(dataDir), 'utf8')).toContain(TRAINING_APP_SECRET)
  })

  it('the wizard shows and saves the LIVE policy: safe defaults, not training’s practice policy', async () => {
    const { dispatch, session } = await managerStation()
    // Training practises the pick-the-coupon drill: it takes unknown cards offline.
    expect(t.station.services.settings.policy().offline.allowUnknownCards).toBe(true)
    const first = (await dispatch('setup.get', undefined, session)) as {
      ok: true
      value: { policy: RulesPolicy }
    }
    expect(first.value.policy).toEqual(DEFAULT_POLICY)
    // The wizard saves what it shows, untouched.
    await dispatch(
      'setup.save',
      { ...validInput(wechat(TRAINING_APP_SECRET)), policy: first.value.policy },
      session
    )
    const dataDir = t.station.dataDir
    const saved = JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8')) as { policy: RulesPolicy }
    expect(saved.policy.offline.allowUnknownCards).toBe(false)
    // Training keeps its own practice policy.
    expect(t.station.services.settings.policy().offline.allowUnknownCards).toBe(true)
    await dispatch('setup.goLive', undefined, session)
    await t.station.close()
    open.splice(0)
    const live = openStation({ dataDir, runtime: 'node-host', background: false })
    open.push(live)
    expect(live.mode).toBe('live')
    expect(live.services.settings.policy()).toEqual(DEFAULT_POLICY)
  })

  it('moving a setting to live is an explicit choice that then carries over', async () => {
    const { dispatch, session } = await managerStation()
    const chosen: RulesPolicy = {
      ...DEFAULT_POLICY,
      offline: { ...DEFAULT_POLICY.offline, allowUnknownCards: true, maxFaceValueFen: 3_000 }
    }
    await dispatch('setup.save', { ...validInput(wechat(TRAINING_APP_SECRET)), policy: chosen }, session)
    const again = (await dispatch('setup.get', undefined, session)) as {
      ok: true
      value: { policy: RulesPolicy }
    }
    expect(again.value.policy).toEqual(chosen)
    await dispatch('setup.goLive', undefined, session)
    const dataDir = t.station.dataDir
    await t.station.close()
    open.splice(0)
    const live = openStation({ dataDir, runtime: 'node-host', background: false })
    open.push(live)
    expect(live.services.settings.policy()).toEqual(chosen)
  })

  it('refuses to go live without a WeChat connection', async () => {
    const { dispatch, session } = await managerStation()
    await dispatch('setup.save', validInput(), session)
    expect(await dispatch('setup.goLive', undefined, session)).toMatchObject({
      ok: false,
      error: { code: 'SETUP_NOT_LIVE_READY' }
    })
    expect(readMode(t.station.dataDir)).toBe('training')
  })
})
