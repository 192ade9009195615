/**
 * A serial scanner configured on a real training station, fed over a real pseudo-terminal pair:
 * the bytes reach the counter as a 'device.scan' notice, and looking that scan up by its id decides
 * the coupon — the same path a USB-CDC scanner takes at a till.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeviceScanNotice } from '../../src/shared/devices'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { trainingStation, type TestStation } from '../support/station'
import { pollUntil, startSocatPair, type SocatPair } from './support/socatPair'

let t: TestStation
let pair: SocatPair
const notices: DeviceScanNotice[] = []

beforeAll(async () => {
  t = await trainingStation({ background: false })
  pair = await startSocatPair(mkdtempSync(join(tmpdir(), 'hexiao-pty-')))
  t.station.events.onAny((event, payload) => {
    if (event === 'device.scan') notices.push(payload as DeviceScanNotice)
  })
})
afterAll(async () => {
  await t.station.close()
  await pair.stop()
})

describe('a serial scanner on the station', () => {
  it('is configured over the contract by a manager only, and validated', async () => {
    const dispatch = createDispatcher(t.station.handlers)
    const cashier = new Session('t')
    cashier.signIn(t.cashier)
    const config = { hid: [], serial: [{ path: pair.hostSide, baudRate: 9600, delimiter: 'CR' }] }
    expect(await dispatch('devices.config.set', config, cashier)).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })
    const manager = new Session('t')
    manager.signIn(t.manager)
    const bad = await dispatch(
      'devices.config.set',
      { hid: [], serial: [{ path: '', baudRate: -5 }] },
      manager
    )
    // One schema, checked once by the dispatcher: the issue names the field.
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(JSON.stringify(bad)).toContain('serial.0.path')
    const ok = await dispatch('devices.config.set', config, manager)
    expect(ok.ok).toBe(true)
    await pollUntil('the scanner to connect', () =>
      t.station.services.devices.statusList().some((s) => s.status === 'connected')
    )
  })

  it('turns bytes on the wire into a decided coupon', async () => {
    const code = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'CASH_NO_THRESHOLD')!.code
    writeFileSync(pair.scannerSide, `${code}\r`)
    await pollUntil('the device.scan notice', () => notices.length > 0)
    const notice = notices[0]!
    expect(notice).toMatchObject({ source: 'serial', rejected: null })
    const dispatch = createDispatcher(t.station.handlers)
    const view = await dispatch(
      'redeem.lookup',
      { source: notice.source, device: notice.device, scanId: notice.scanId },
      t.session
    )
    expect(view).toMatchObject({ ok: true, value: { code, decision: { outcome: 'OK' } } })
    // A scan id is handed over once.
    const again = await dispatch(
      'redeem.lookup',
      { source: notice.source, device: notice.device, scanId: notice.scanId },
      t.session
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'SCAN_EXPIRED' } })
  })

  it('reports garbage from the scanner as a refused scan, not a crash', async () => {
    notices.length = 0
    writeFileSync(pair.scannerSide, Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x0d]))
    await pollUntil('the garbage notice', () => notices.length > 0)
    expect(notices[0]!.rejected).not.toBeNull()
  })
})
