/** The devices page's draft: the stored configuration as editable forms, and back into a request. */
import type { CameraSettings, DevicesConfig, WedgeSettings } from '../../../shared/devices'
import {
  hidEntryOf,
  hidFormOf,
  serialEntryOf,
  serialFormOf,
  type HidForm,
  type SerialForm
} from './deviceForms'

export interface DevicesDraft {
  hid: HidForm[]
  serial: SerialForm[]
  wedge: WedgeSettings
  camera: CameraSettings
}

export function draftOf(config: DevicesConfig): DevicesDraft {
  return {
    hid: config.hid.map(hidFormOf),
    serial: config.serial.map(serialFormOf),
    wedge: config.wedge,
    camera: config.camera
  }
}

export function requestOf(draft: DevicesDraft): DevicesConfig & {
  hid: Record<string, unknown>[]
  serial: Record<string, unknown>[]
} {
  return {
    hid: draft.hid.map(hidEntryOf),
    serial: draft.serial.map(serialEntryOf),
    wedge: draft.wedge,
    camera: draft.camera
  }
}
