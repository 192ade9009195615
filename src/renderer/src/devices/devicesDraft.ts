/** The devices page's draft: the stored configuration as editable forms, and back into a request. */
import type { CameraSettings, DevicesConfig, WedgeSettings } from '../../../shared/devices'
import type {
  DevicesConfigInput,
  HidScannerConfigInput,
  SerialScannerConfigInput
} from '../../../shared/scannerConfig'
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

/** The forms' entries are loose on purpose: main's one schema validates them and names any field in error. */
export function requestOf(draft: DevicesDraft): DevicesConfigInput {
  return {
    hid: draft.hid.map(hidEntryOf) as HidScannerConfigInput[],
    serial: draft.serial.map(serialEntryOf) as SerialScannerConfigInput[],
    wedge: draft.wedge,
    camera: draft.camera
  }
}
