/**
 * The devices page's form values ↔ configuration entries: ids shown as hex, delimiters as a choice, empty
 * fields left out for main's schema to report, and settings the page does not show kept as stored.
 */
import { describe, expect, it } from 'vitest'
import {
  hexId,
  hidEntryOf,
  hidFormForFound,
  hidFormOf,
  serialEntryOf,
  serialFormOf
} from '../../src/renderer/src/devices/deviceForms'
import { hidScannerConfigSchema } from '../../src/shared/scannerConfig'
import { serialScannerConfigSchema } from '../../src/shared/scannerConfig'

describe('HID forms', () => {
  it('shows stored ids as hex and gives back entries main accepts with the same ids', () => {
    const stored = hidScannerConfigSchema.parse({
      vendorId: 0x0c2e,
      productId: 0x0b87,
      label: '柜台',
      usagePage: 0x8c
    })
    const form = hidFormOf(stored)
    expect(form).toMatchObject({ vendorId: '0x0C2E', productId: '0x0B87', label: '柜台', protocol: 'auto' })
    const back = hidScannerConfigSchema.parse(hidEntryOf(form))
    expect(back).toEqual(stored)
  })

  it('leaves empty fields out, so main says what is missing', () => {
    const entry = hidEntryOf({
      label: ' ',
      vendorId: '',
      productId: '',
      path: '',
      protocol: 'auto',
      rest: {}
    })
    expect(entry).toEqual({ protocol: 'auto' })
    expect(hidScannerConfigSchema.safeParse(entry).success).toBe(false)
  })

  it('makes an entry for a found device by ids, not by its path', () => {
    const form = hidFormForFound({ vendorId: 0x05e0, productId: 0x1200, product: 'Symbol Bar Code Scanner' })
    expect(hidEntryOf(form)).toEqual({
      protocol: 'auto',
      label: 'Symbol Bar Code Scanner',
      vendorId: '0x05E0',
      productId: '0x1200'
    })
    expect(hexId(7)).toBe('0x0007')
  })
})

describe('serial forms', () => {
  it('round-trips a stored entry, keeping what the page does not show', () => {
    const stored = serialScannerConfigSchema.parse({
      path: '/dev/serial/by-id/usb-Newland',
      baudRate: 115200,
      parity: 'even',
      stopBits: 2,
      delimiter: 'CRLF',
      prefix: 'S',
      maxFrameBytes: 64,
      idleTimeoutMs: 300
    })
    const back = serialScannerConfigSchema.parse(serialEntryOf(serialFormOf(stored)))
    expect(back).toEqual(stored)
  })

  it('turns a custom end byte into { byte } and back', () => {
    const form = { ...serialFormOf({ path: 'COM3' }), delimiter: 'byte' as const, delimiterByte: 3 }
    const entry = serialEntryOf(form)
    expect(entry.delimiter).toEqual({ byte: 3 })
    expect(serialFormOf(serialScannerConfigSchema.parse(entry))).toMatchObject({
      delimiter: 'byte',
      delimiterByte: 3
    })
  })

  it('gives defaults that main accepts for a new port (9600 8N1, CR)', () => {
    const entry = serialEntryOf(serialFormOf({ path: '/dev/ttyACM0' }))
    expect(serialScannerConfigSchema.parse(entry)).toMatchObject({
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      delimiter: 'CR'
    })
  })
})
