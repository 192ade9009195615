/**
 * DeviceManager with hand-driven scanners: status per configured slot (two scanners with one label stay
 * apart), a reconfiguration forgets the old scanners' states, scans are announced with what the normalizer
 * made of them and handed over once, and kept for a minute only.
 */
import { describe, expect, it } from 'vitest'
import { DeviceManager } from '../../src/main/devices/manager'
import { FakeScanner } from '../../src/main/devices/fakeScanner'
import type { DeviceScanNotice, DeviceStatus } from '../../src/shared/devices'

function harness() {
  let clock = 1_000
  const notices: DeviceScanNotice[] = []
  const statuses: DeviceStatus[] = []
  const made: FakeScanner[] = []
  const manager = new DeviceManager({
    hidApi: () => {
      throw new Error('no HID here')
    },
    createScanner: (kind, config) => {
      const label = (config as { label?: string }).label ?? kind
      const scanner = new FakeScanner(label, kind, undefined, () => clock)
      made.push(scanner)
      return scanner
    },
    onScan: (n) => notices.push(n),
    onStatus: (s) => statuses.push(s),
    now: () => clock
  })
  return { manager, notices, statuses, made, advance: (ms: number) => (clock += ms) }
}

const serial = (label: string) => ({ path: '/dev/ttyACM0', label })
const hid = (label: string) => ({ vendorId: '0x0C2E', label })

describe('DeviceManager', () => {
  it('keeps one status per configured scanner, even when two share a label', async () => {
    const h = harness()
    await h.manager.apply({ hid: [hid('扫码枪')], serial: [serial('扫码枪'), serial('盒子')] } as never)
    expect(h.manager.statusList().map((s) => [s.kind, s.index, s.device, s.status])).toEqual([
      ['hid', 0, '扫码枪', 'connected'],
      ['serial', 0, '扫码枪', 'connected'],
      ['serial', 1, '盒子', 'connected']
    ])
    h.made[2]!.setStatus('reopening', 'not connected')
    const box = h.manager.statusList().find((s) => s.kind === 'serial' && s.index === 1)
    expect(box).toMatchObject({ status: 'reopening', message: 'not connected' })
    expect(h.statuses.at(-1)).toMatchObject({ kind: 'serial', index: 1, status: 'reopening' })
  })

  it('forgets the old scanners on reconfiguration, including their stop reports', async () => {
    const h = harness()
    await h.manager.apply({ hid: [], serial: [serial('A'), serial('B')] } as never)
    const reported = h.statuses.length
    await h.manager.apply({ hid: [], serial: [serial('C')] } as never)
    expect(h.made.slice(0, 2).every((s) => !s.running)).toBe(true)
    expect(h.manager.statusList().map((s) => s.device)).toEqual(['C'])
    // A and B stopping is not announced as news about slots 0 and 1 of the new configuration.
    expect(h.statuses.slice(reported).map((s) => s.device)).toEqual(['C'])
    await h.manager.apply({ hid: [], serial: [] } as never)
    expect(h.manager.statusList()).toEqual([])
  })

  it('announces scans with their normalized form and hands each over once, for a minute', async () => {
    const h = harness()
    await h.manager.apply({ hid: [], serial: [serial('盒子')] } as never)
    h.made[0]!.scan('０００１２３４５６７８９\r')
    h.made[0]!.scan('\u0000\u0001')
    const [good, garbage] = h.notices
    expect(good).toMatchObject({
      source: 'serial',
      device: '盒子',
      normalized: { kind: 'code', code: '000123456789' },
      rejected: null
    })
    expect(garbage!.normalized).toMatchObject({ rejected: true })
    expect(garbage!.rejected).not.toBeNull()
    expect(h.manager.take(good!.scanId)?.normalized).toEqual({ kind: 'code', code: '000123456789' })
    expect(h.manager.take(good!.scanId)).toBeNull()
    h.advance(60_001)
    expect(h.manager.take(garbage!.scanId)).toBeNull()
  })

  it('rejects a configuration main cannot run, and keeps running the previous one', async () => {
    const h = harness()
    await h.manager.apply({ hid: [], serial: [serial('A')] } as never)
    await expect(h.manager.apply({ hid: [], serial: [{ path: '' }] } as never)).rejects.toThrow()
    expect(h.made).toHaveLength(1)
    expect(h.made[0]!.running).toBe(true)
    expect(h.manager.statusList()).toMatchObject([{ device: 'A', status: 'connected' }])
  })
})
