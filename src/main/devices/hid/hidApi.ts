/**
 * The narrow slice of node-hid the scanner logic needs. Everything above it takes a HidApi parameter, so
 * tests replay recorded reports through a fake (there is no virtual HID on CI machines).
 */

export interface HidDeviceInfo {
  vendorId: number
  productId: number
  path: string
  /** Linux reports these only with the hidraw backend (node-hid's default); they may be missing elsewhere. */
  usagePage?: number
  usage?: number
  product?: string
  manufacturer?: string
  serialNumber?: string
}

/** An open device: input reports arrive as 'data'; 'error' (and 'close', where supported) mean it is gone. */
export interface HidHandle {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'close', listener: () => void): unknown
  removeAllListeners(): unknown
  close(): Promise<void> | void
}

export interface HidApi {
  devicesAsync(): Promise<HidDeviceInfo[]>
  open(path: string): Promise<HidHandle>
}

/** HID usage pages and usages the scanner code matches on. */
export const USAGE_PAGE_POS = 0x8c
export const USAGE_POS_BARCODE_SCANNER = 0x02
export const USAGE_PAGE_GENERIC_DESKTOP = 0x01
export const USAGE_KEYBOARD = 0x06
