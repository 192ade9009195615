import { describe, expect, it } from 'vitest'
import { FakeScanner } from '../../src/main/devices/fakeScanner'
import type { Scanner } from '../../src/main/devices/scanner'
import { record } from './support/events'

describe('FakeScanner', () => {
  it('behaves like a Scanner: status on start/stop, normalized scans only while running', async () => {
    const fake = new FakeScanner('counter fake', 'serial', undefined, () => 42)
    const scanner: Scanner = fake
    const events = record(scanner)
    fake.scan('110201201245')
    await scanner.start()
    fake.scan('０００１２３４５６７８９\r')
    await scanner.stop()
    expect(events.statuses.map((s) => [s.status, s.message])).toEqual([
      ['connected', undefined],
      ['disconnected', 'stopped']
    ])
    expect(events.scans).toEqual([
      {
        source: 'serial',
        device: 'counter fake',
        raw: '０００１２３４５６７８９\\r',
        normalized: { kind: 'code', code: '000123456789' },
        at: 42
      }
    ])
  })
})
