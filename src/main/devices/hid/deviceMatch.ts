/**
 * Picks the HID collection to open. A Honeywell scanner in HID POS mode shows two collections with the
 * same VID/PID (0x8C data and 0xFF8C management); the first match by VID/PID can be the wrong one.
 */
import {
  USAGE_KEYBOARD,
  USAGE_PAGE_GENERIC_DESKTOP,
  USAGE_PAGE_POS,
  USAGE_POS_BARCODE_SCANNER,
  type HidApi,
  type HidDeviceInfo
} from './hidApi'

export interface HidDeviceMatch {
  vendorId?: number
  productId?: number
  usagePage?: number
  path?: string
}

export type HidScannerKind = 'hid-pos' | 'keyboard' | 'other'

export function hidScannerKind(info: HidDeviceInfo): HidScannerKind {
  if (info.usagePage === USAGE_PAGE_POS) return 'hid-pos'
  if (info.usagePage === USAGE_PAGE_GENERIC_DESKTOP && info.usage === USAGE_KEYBOARD) return 'keyboard'
  return 'other'
}

/** Higher is better; vendor-defined pages (0xFF00+) never carry scan data. */
function preference(info: HidDeviceInfo): number {
  if (info.usagePage === USAGE_PAGE_POS) return info.usage === USAGE_POS_BARCODE_SCANNER ? 4 : 3
  if (hidScannerKind(info) === 'keyboard') return 2
  if (info.usagePage === undefined) return 1
  return info.usagePage >= 0xff00 ? -1 : 0
}

export function selectHidDevice(
  devices: readonly HidDeviceInfo[],
  match: HidDeviceMatch
): HidDeviceInfo | undefined {
  const candidates = devices.filter(
    (d) =>
      (match.path === undefined || d.path === match.path) &&
      (match.vendorId === undefined || d.vendorId === match.vendorId) &&
      (match.productId === undefined || d.productId === match.productId) &&
      (match.usagePage === undefined || d.usagePage === match.usagePage)
  )
  if (match.path !== undefined || match.usagePage !== undefined) return candidates[0]
  return candidates
    .filter((d) => preference(d) >= 0)
    .reduce<HidDeviceInfo | undefined>(
      (best, d) => (best === undefined || preference(d) > preference(best) ? d : best),
      undefined
    )
}

export interface HidScannerCandidate extends HidDeviceInfo {
  kind: HidScannerKind
}

/** Devices worth offering in settings: HID POS first, then keyboards (which only work on Linux with udev). */
export async function listHidScanners(api: HidApi): Promise<HidScannerCandidate[]> {
  const devices = await api.devicesAsync()
  const rank = { 'hid-pos': 0, keyboard: 1, other: 2 } as const
  return devices
    .map((d) => ({ ...d, kind: hidScannerKind(d) }))
    .filter((d) => d.kind !== 'other')
    .sort((a, b) => rank[a.kind] - rank[b.kind])
}
