import { EventEmitter } from 'node:events'
import type { HidApi, HidDeviceInfo, HidHandle } from '../../../src/main/devices/hid/hidApi'

/** Stands in for an open node-hid device: the test emits recorded reports as 'data'. */
export class FakeHidDevice extends EventEmitter implements HidHandle {
  closed = false

  constructor(readonly path: string) {
    super()
  }

  report(bytes: Uint8Array | number[]): void {
    this.emit('data', Buffer.from(bytes))
  }

  async close(): Promise<void> {
    this.closed = true
  }
}

/** A HidApi over a device list the test controls: plug, unplug, and failures on open. */
export class FakeHidApi implements HidApi {
  private devices: HidDeviceInfo[] = []
  readonly opened: FakeHidDevice[] = []
  listCalls = 0
  openError: Error | undefined
  /** When set, open() waits for this promise first (to test stop() during an open). */
  openGate: Promise<void> | undefined

  constructor(devices: HidDeviceInfo[] = []) {
    this.devices = [...devices]
  }

  plug(info: HidDeviceInfo): void {
    this.devices.push(info)
  }

  /** Removes the device from the list and fails its open handle the way node-hid does on unplug. */
  unplug(path: string): void {
    this.devices = this.devices.filter((d) => d.path !== path)
    for (const device of this.opened) {
      if (device.path === path && !device.closed)
        device.emit('error', new Error('could not read from HID device'))
    }
  }

  async devicesAsync(): Promise<HidDeviceInfo[]> {
    this.listCalls += 1
    return this.devices.map((d) => ({ ...d }))
  }

  async open(path: string): Promise<HidHandle> {
    if (this.openGate !== undefined) await this.openGate
    if (this.openError !== undefined) throw this.openError
    if (!this.devices.some((d) => d.path === path))
      throw new Error(`Cannot open HID device ${path}: not found`)
    const device = new FakeHidDevice(path)
    this.opened.push(device)
    return device
  }

  get current(): FakeHidDevice {
    const device = this.opened.at(-1)
    if (device === undefined) throw new Error('no device was opened')
    return device
  }
}
