/**
 * The real HidApi over node-hid's async API (HIDAsync reads on a worker thread, so a slow device never
 * blocks the main process). The native binding loads on first use, not on import.
 */
import { devicesAsync, getHidapiVersion, HIDAsync } from 'node-hid'
import type { HidApi, HidDeviceInfo, HidHandle } from './hidApi'

export interface NodeHidOptions {
  /** macOS: open shared instead of seized; needed when the OS refuses an exclusive open. */
  nonExclusive?: boolean
}

function openFailure(path: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error)
  const hint = /permission|not permitted|EACCES/i.test(reason)
    ? ' (Linux: install the udev rule from src/main/devices/README.md; macOS: grant Input Monitoring)'
    : ''
  return new Error(`Cannot open HID device ${path}: ${reason}${hint}`, { cause: error })
}

export function createNodeHidApi(options: NodeHidOptions = {}): HidApi {
  return {
    async devicesAsync(): Promise<HidDeviceInfo[]> {
      const devices = await devicesAsync()
      return devices.flatMap((d) =>
        d.path === undefined
          ? []
          : [
              {
                vendorId: d.vendorId,
                productId: d.productId,
                path: d.path,
                ...(d.usagePage === undefined ? {} : { usagePage: d.usagePage }),
                ...(d.usage === undefined ? {} : { usage: d.usage }),
                ...(d.product === undefined ? {} : { product: d.product }),
                ...(d.manufacturer === undefined ? {} : { manufacturer: d.manufacturer }),
                ...(d.serialNumber === undefined ? {} : { serialNumber: d.serialNumber })
              }
            ]
      )
    },
    async open(path: string): Promise<HidHandle> {
      try {
        const device: HidHandle = await HIDAsync.open(path, { nonExclusive: options.nonExclusive ?? false })
        return device
      } catch (error) {
        throw openFailure(path, error)
      }
    }
  }
}

/** The hidapi version inside the loaded binary; loading it proves the native module and libusb are present. */
export const hidapiVersion = (): string => getHidapiVersion()
