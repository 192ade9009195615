/** HID and serial scanners: what is plugged in, how it is configured, what it just read. */
import { z } from 'zod'
import type { DEVICE_CHANNELS, DEVICE_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { DeviceListing, DeviceScanNotice, DevicesConfig, DeviceStatus } from '../../devices'

/** Shape only here; main validates every entry with the HID and serial schemas (src/main/devices). */
export const DevicesConfigRequest = z
  .object({
    hid: z.array(z.record(z.string(), z.unknown())).max(8),
    serial: z.array(z.record(z.string(), z.unknown())).max(8)
  })
  .strict()

export const devicesContract = {
  'devices.list': { request: noArgs, response: shape<DeviceListing>(), access: 'manager' },
  'devices.config.get': { request: noArgs, response: shape<DevicesConfig>(), access: 'staff' },
  'devices.config.set': {
    request: DevicesConfigRequest,
    response: shape<DevicesConfig>(),
    access: 'manager'
  },
  'devices.status': { request: noArgs, response: shape<DeviceStatus[]>(), access: 'staff' }
} as const satisfies Record<(typeof DEVICE_CHANNELS)[number], ChannelSpec>

export const deviceEvents = {
  'device.scan': shape<DeviceScanNotice>(),
  'device.status': shape<DeviceStatus>()
} as const satisfies Record<(typeof DEVICE_EVENTS)[number], unknown>
