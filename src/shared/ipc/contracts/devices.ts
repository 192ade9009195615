/** HID and serial scanners: what is plugged in, how it is configured, what it just read. */
import { z } from 'zod'
import type { DEVICE_CHANNELS, DEVICE_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { DeviceListing, DeviceScanNotice, DevicesConfig, DeviceStatus } from '../../devices'
import type { ScanEvent } from '../../scan'
import { DevicesConfigSchema } from '../../scannerConfig'

/** A scan the renderer read (wedge, camera, manual), to show what the station's normalizer makes of it. */
export const DevicesNormalizeRequest = z
  .object({
    source: z.enum(['wedge', 'camera', 'manual']),
    device: z.string().max(128),
    raw: z.string().max(4096)
  })
  .strict()

export const devicesContract = {
  'devices.list': { request: noArgs, response: shape<DeviceListing>(), access: 'manager' },
  'devices.config.get': { request: noArgs, response: shape<DevicesConfig>(), access: 'staff' },
  'devices.config.set': {
    // The one schema (src/shared/scannerConfig.ts): the dispatcher's check is the only one.
    request: DevicesConfigSchema,
    response: shape<DevicesConfig>(),
    access: 'manager'
  },
  'devices.status': { request: noArgs, response: shape<DeviceStatus[]>(), access: 'staff' },
  /** Writes nothing: the devices page's "scan a test code" shows raw and normalized side by side. */
  'devices.normalize': {
    request: DevicesNormalizeRequest,
    response: shape<ScanEvent>(),
    access: 'manager'
  }
} as const satisfies Record<(typeof DEVICE_CHANNELS)[number], ChannelSpec>

export const deviceEvents = {
  'device.scan': shape<DeviceScanNotice>(),
  'device.status': shape<DeviceStatus>()
} as const satisfies Record<(typeof DEVICE_EVENTS)[number], unknown>
