/** HID and serial scanners: what is plugged in, how it is configured, what it just read. */
import { z } from 'zod'
import type { DEVICE_CHANNELS, DEVICE_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { DeviceListing, DeviceScanNotice, DevicesConfig, DeviceStatus } from '../../devices'
import type { ScanEvent } from '../../scan'

/**
 * Shape only here; main validates every entry with the HID, serial, wedge and camera schemas. The whole
 * configuration is sent each time (a missing wedge or camera section means their defaults).
 */
export const DevicesConfigRequest = z
  .object({
    hid: z.array(z.record(z.string(), z.unknown())).max(8),
    serial: z.array(z.record(z.string(), z.unknown())).max(8),
    wedge: z.record(z.string(), z.unknown()).optional(),
    camera: z.record(z.string(), z.unknown()).optional()
  })
  .strict()

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
    request: DevicesConfigRequest,
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
