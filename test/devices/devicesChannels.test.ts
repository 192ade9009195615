/**
 * The devices page's channels on a real training station: the wedge and camera settings are validated
 * and stored with the scanners (defaults when left out, audited), and a test scan is normalised exactly as
 * a look-up would be without writing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { trainingStation, type TestStation } from '../support/station'

let t: TestStation
let manager: Session
let dispatch: ReturnType<typeof createDispatcher>

beforeAll(async () => {
  t = await trainingStation({ background: false })
  dispatch = createDispatcher(t.station.handlers)
  manager = new Session('m')
  manager.signIn(t.manager)
})
afterAll(() => t.station.close())

const count = (table: string) =>
  (t.station.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('devices channels', () => {
  it('gives the defaults for wedge and camera when nothing is stored', async () => {
    const got = await dispatch('devices.config.get', undefined, t.session)
    expect(got).toMatchObject({
      ok: true,
      value: {
        hid: [],
        serial: [],
        wedge: { avgMsPerChar: 35, maxGapMs: 100, minLength: 6, requireSuffix: true, prefix: '' },
        camera: { formats: ['QRCode', 'Code128', 'PDF417', 'EAN13'] }
      }
    })
  })

  it('stores calibrated wedge timing and a chosen camera, audited', async () => {
    const audits = count('audit_log')
    const set = await dispatch(
      'devices.config.set',
      {
        hid: [],
        serial: [],
        wedge: {
          avgMsPerChar: 93,
          maxGapMs: 142,
          minLength: 6,
          suffixKeys: ['Enter'],
          requireSuffix: true,
          prefix: ''
        },
        camera: { deviceId: 'cam-1', label: 'USB Camera', formats: ['QRCode'] }
      },
      manager
    )
    expect(set.ok).toBe(true)
    const got = await dispatch('devices.config.get', undefined, t.session)
    expect(got).toMatchObject({
      value: {
        wedge: { avgMsPerChar: 93, suffixKeys: ['Enter'] },
        camera: { deviceId: 'cam-1', formats: ['QRCode'] }
      }
    })
    expect(count('audit_log')).toBe(audits + 1)
  })

  it('refuses wedge and camera settings that cannot work, and keeps the stored ones', async () => {
    for (const bad of [
      { wedge: { avgMsPerChar: 0 } },
      { wedge: { suffixKeys: ['Escape'] } },
      { camera: { formats: [] } },
      { camera: { formats: ['Bogus'] } }
    ]) {
      const r = await dispatch('devices.config.set', { hid: [], serial: [], ...bad }, manager)
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    }
    const got = await dispatch('devices.config.get', undefined, t.session)
    expect(got).toMatchObject({ value: { wedge: { avgMsPerChar: 93 }, camera: { formats: ['QRCode'] } } })
  })

  it('normalises a test scan like a look-up would, writes nothing, and is for managers only', async () => {
    const scans = count('scan_events')
    const ok = await dispatch(
      'devices.normalize',
      { source: 'wedge', device: 'keyboard', raw: '０１２３４５６７８９０１\r' },
      manager
    )
    expect(ok).toMatchObject({
      ok: true,
      value: {
        source: 'wedge',
        raw: '０１２３４５６７８９０１\\r',
        normalized: { kind: 'code', code: '012345678901' }
      }
    })
    const garbage = await dispatch(
      'devices.normalize',
      { source: 'camera', device: 'cam', raw: '\u0000\u0007' },
      manager
    )
    expect(garbage).toMatchObject({ ok: true, value: { normalized: { rejected: true } } })
    expect(count('scan_events')).toBe(scans)
    const cashier = await dispatch('devices.normalize', { source: 'wedge', device: 'k', raw: '1' }, t.session)
    expect(cashier).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('takes the wedge prefix off wedge scans only, in the test scan and in a real look-up', async () => {
    const set = await dispatch('devices.config.set', { hid: [], serial: [], wedge: { prefix: 'S' } }, manager)
    expect(set.ok).toBe(true)
    const wedge = await dispatch(
      'devices.normalize',
      { source: 'wedge', device: 'keyboard', raw: 'S012345678901\r' },
      manager
    )
    expect(wedge).toMatchObject({ value: { normalized: { kind: 'code', code: '012345678901' } } })
    const camera = await dispatch(
      'devices.normalize',
      { source: 'camera', device: 'cam', raw: 'S012345678901' },
      manager
    )
    expect(camera).toMatchObject({ value: { normalized: { kind: 'code', code: 'S012345678901' } } })

    const code = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'CASH_NO_THRESHOLD')!.code
    const view = await dispatch(
      'redeem.lookup',
      { source: 'wedge', device: 'keyboard', raw: `S${code}\r` },
      t.session
    )
    expect(view).toMatchObject({ ok: true, value: { code, decision: { outcome: 'OK' } } })
  })
})
