/**
 * Parses one HID POS "Scanned Data Report" (usage page 0x8C, input report ID 0x02). Vendors lay the bytes
 * out differently (docs/scanner-facts.md §1.2):
 *   Honeywell / Access-IS: [0x02, len, ']', code, modifier, data… (≤56), …, byte 61 code id, byte 63 flags]
 *   Newland / ID TECH:     [0x02, len, data… (bytes 2–57), …, byte 62 vendor symbology id, byte 63 flags]
 *   some others insert one extra byte before the AIM id.
 * So we look for the AIM id's ']' next to the length byte instead of trusting one layout, and read the
 * "Decode Data Continued" flag from bit 0 of the report's last byte.
 */

export const SCANNED_DATA_REPORT_ID = 0x02
/** Decoded-data bytes one report can carry. */
export const MAX_CHUNK_BYTES = 56
/** A full report with its ID byte; hidapi returns 63 bytes for devices that do not number reports. */
const REPORT_BYTES_WITH_ID = 64
const REPORT_BYTES_WITHOUT_ID = 63
const AIM_FLAG = 0x5d // ']'

export type ReportIdMode = 'auto' | 'present' | 'absent'

export interface HidPosChunk {
  /** This report's share of the label, without AIM id and without zero padding. */
  data: Uint8Array
  /** e.g. ']Q1'; only reported when the scanner sends it. */
  aimId?: string
  /** More reports with the rest of this label follow. */
  continued: boolean
}

const isLetter = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))
const isAlnum = (b: number | undefined): boolean => isLetter(b) || (b !== undefined && b >= 0x30 && b <= 0x39)
const isAimAt = (r: Uint8Array, i: number): boolean =>
  r[i] === AIM_FLAG && isLetter(r[i + 1]) && isAlnum(r[i + 2])

/** Where the length byte sits: 1 when byte 0 is the report ID, 0 otherwise; undefined for other reports. */
function lengthOffset(report: Uint8Array, mode: ReportIdMode): 0 | 1 | undefined {
  if (mode === 'absent') return 0
  if (mode === 'present') return report[0] === SCANNED_DATA_REPORT_ID ? 1 : undefined
  if (report.length === REPORT_BYTES_WITHOUT_ID) return 0
  if (report.length >= REPORT_BYTES_WITH_ID) return report[0] === SCANNED_DATA_REPORT_ID ? 1 : undefined
  // A short read: an AIM id right after byte 0 means byte 0 is the length, not a report ID.
  if (isAimAt(report, 1)) return 0
  return report[0] === SCANNED_DATA_REPORT_ID ? 1 : 0
}

function withoutTrailingZeros(bytes: Uint8Array): Uint8Array {
  let end = bytes.length
  while (end > 0 && bytes[end - 1] === 0) end--
  return bytes.subarray(0, end)
}

export function parseHidPosReport(report: Uint8Array, mode: ReportIdMode = 'auto'): HidPosChunk | undefined {
  const offset = lengthOffset(report, mode)
  if (offset === undefined || report.length < offset + 2) return undefined
  const length = report[offset] ?? 0
  const aimAt = [offset + 1, offset + 2].find((i) => isAimAt(report, i))
  const start = aimAt === undefined ? offset + 1 : aimAt + 3
  const end = Math.min(start + Math.min(length, MAX_CHUNK_BYTES), report.length)
  // The flags byte is the last byte of a full report; a short read that ends in data has no flags.
  const continued = end < report.length && ((report[report.length - 1] ?? 0) & 0x01) === 1
  const chunk: HidPosChunk = { data: withoutTrailingZeros(report.slice(start, end)), continued }
  if (aimAt !== undefined) chunk.aimId = String.fromCharCode(...report.subarray(aimAt, aimAt + 3))
  return chunk
}
