/**
 * Serial ports for the settings screen. The list is a convenience, not the truth: ptys, /dev/serial/by-id
 * links and udev symlinks are not listed, so the configured path stays free text.
 */
import { SerialPort } from 'serialport'
import type { DeviceListProblem } from '../../../shared/devices'

export type SerialPortKind = 'usb-cdc' | 'usb-serial' | 'onboard' | 'other'

export interface SerialPortListing {
  path: string
  kind: SerialPortKind
  manufacturer?: string
  serialNumber?: string
  vendorId?: string
  productId?: string
  /** Linux: the /dev/serial/by-id name, stable across replugs. */
  pnpId?: string
}

interface RawPortInfo {
  path: string
  manufacturer?: string | undefined
  serialNumber?: string | undefined
  vendorId?: string | undefined
  productId?: string | undefined
  pnpId?: string | undefined
}

function kindOf(port: RawPortInfo): SerialPortKind {
  if (/ttyACM/.test(port.path)) return 'usb-cdc'
  if (/ttyUSB|ttyWCH|ttyXRUSB/.test(port.path)) return 'usb-serial'
  if (/ttyS\d|ttyAMA|ttyO\d|ttyMFD/.test(port.path)) return 'onboard'
  return port.vendorId !== undefined ? 'usb-serial' : 'other'
}

const KIND_ORDER: Record<SerialPortKind, number> = { 'usb-cdc': 0, 'usb-serial': 1, other: 2, onboard: 3 }

/** USB scanners first: on-board UARTs (/dev/ttyS0) are almost never where a scanner is. */
export async function listSerialPorts(
  list: () => Promise<RawPortInfo[]> = () => SerialPort.list()
): Promise<SerialPortListing[]> {
  const ports = await list()
  return ports
    .map((p) => {
      const listing: SerialPortListing = { path: p.path, kind: kindOf(p) }
      if (p.manufacturer !== undefined) listing.manufacturer = p.manufacturer
      if (p.serialNumber !== undefined) listing.serialNumber = p.serialNumber
      if (p.vendorId !== undefined) listing.vendorId = p.vendorId
      if (p.productId !== undefined) listing.productId = p.productId
      if (p.pnpId !== undefined) listing.pnpId = p.pnpId
      return listing
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.path.localeCompare(b.path))
}

/**
 * The ports, or why they could not be listed. On Linux serialport runs `udevadm info -e`; a system without the
 * `udev` package has no udevadm and the spawn fails with ENOENT — said as `serialToolMissing`, not as the raw error.
 */
export async function listSerialPortsOrProblem(
  list?: () => Promise<RawPortInfo[]>
): Promise<{ ports: SerialPortListing[]; problem: DeviceListProblem | null }> {
  try {
    return { ports: await listSerialPorts(list), problem: null }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    const toolMissing = /udevadm/.test(detail) && /ENOENT|not found/i.test(detail)
    return { ports: [], problem: { code: toolMissing ? 'serialToolMissing' : 'serialListFailed', detail } }
  }
}
