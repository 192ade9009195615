/**
 * The devices page edits HID and serial entries as plain form values (ids as hex text, the delimiter as a
 * choice plus a byte) and turns them back into configuration entries for main, which validates them with
 * its schemas. Fields the page does not show (reopen back-off, normalizer limits, usage page…) are kept
 * from the stored entry, so saving the page never resets what merchant IT set by hand.
 */

export type HidProtocol = 'auto' | 'hid-pos' | 'keyboard'

export interface HidForm {
  label: string
  /** Hex as typed ('0C2E', '0x0c2e') or empty. */
  vendorId: string
  productId: string
  path: string
  protocol: HidProtocol
  rest: Record<string, unknown>
}

export type DelimiterChoice = 'CR' | 'LF' | 'CRLF' | 'byte'
export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space'

export interface SerialForm {
  label: string
  path: string
  baudRate: number
  dataBits: 5 | 6 | 7 | 8
  parity: Parity
  stopBits: 1 | 1.5 | 2
  delimiter: DelimiterChoice
  /** Used when delimiter is 'byte' (0–255). */
  delimiterByte: number
  prefix: string
  suffix: string
  rest: Record<string, unknown>
}

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const

const HID_FIELDS = ['label', 'vendorId', 'productId', 'path', 'protocol'] as const
const SERIAL_FIELDS = [
  'label',
  'path',
  'baudRate',
  'dataBits',
  'parity',
  'stopBits',
  'delimiter',
  'prefix',
  'suffix'
] as const

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

function without(entry: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !fields.includes(k)))
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** 3118 → '0x0C2E'; text is kept as typed. */
export function hexId(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value))
    return `0x${value.toString(16).toUpperCase().padStart(4, '0')}`
  return text(value)
}

export function hidFormOf(entry: unknown): HidForm {
  const e = record(entry)
  const protocol = e.protocol === 'hid-pos' || e.protocol === 'keyboard' ? e.protocol : 'auto'
  return {
    label: text(e.label),
    vendorId: hexId(e.vendorId),
    productId: hexId(e.productId),
    path: text(e.path),
    protocol,
    rest: without(e, HID_FIELDS)
  }
}

/** Empty fields are left out, so main's schema reports what is missing instead of an empty string. */
export function hidEntryOf(form: HidForm): Record<string, unknown> {
  const entry: Record<string, unknown> = { ...form.rest, protocol: form.protocol }
  if (form.label.trim()) entry.label = form.label.trim()
  if (form.vendorId.trim()) entry.vendorId = form.vendorId.trim()
  if (form.productId.trim()) entry.productId = form.productId.trim()
  if (form.path.trim()) entry.path = form.path.trim()
  return entry
}

export function serialFormOf(entry: unknown): SerialForm {
  const e = record(entry)
  const delimiter = e.delimiter
  const byte = record(delimiter).byte
  return {
    label: text(e.label),
    path: text(e.path),
    baudRate: typeof e.baudRate === 'number' ? e.baudRate : 9600,
    dataBits: e.dataBits === 5 || e.dataBits === 6 || e.dataBits === 7 ? e.dataBits : 8,
    parity: (['even', 'odd', 'mark', 'space'] as const).find((p) => p === e.parity) ?? 'none',
    stopBits: e.stopBits === 1.5 || e.stopBits === 2 ? e.stopBits : 1,
    delimiter:
      delimiter === 'LF' || delimiter === 'CRLF' ? delimiter : typeof byte === 'number' ? 'byte' : 'CR',
    delimiterByte: typeof byte === 'number' ? byte : 3,
    prefix: text(e.prefix),
    suffix: text(e.suffix),
    rest: without(e, SERIAL_FIELDS)
  }
}

export function serialEntryOf(form: SerialForm): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    ...form.rest,
    path: form.path.trim(),
    baudRate: form.baudRate,
    dataBits: form.dataBits,
    parity: form.parity,
    stopBits: form.stopBits,
    delimiter: form.delimiter === 'byte' ? { byte: form.delimiterByte } : form.delimiter,
    prefix: form.prefix,
    suffix: form.suffix
  }
  if (form.label.trim()) entry.label = form.label.trim()
  return entry
}

/** A new HID entry for a device the station found (matched by ids: paths change with the USB port). */
export function hidFormForFound(found: {
  vendorId: number
  productId: number
  product: string | null
}): HidForm {
  return {
    label: found.product ?? '',
    vendorId: hexId(found.vendorId),
    productId: hexId(found.productId),
    path: '',
    protocol: 'auto',
    rest: {}
  }
}

export function serialFormForPath(path: string, label = ''): SerialForm {
  return { ...serialFormOf({}), path, label }
}
