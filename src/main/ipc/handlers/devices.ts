/** devices.*: list, configure and watch the station's HID and serial scanners. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { DeviceListing, DevicesConfig, DeviceStatus } from '../../../shared/devices'
import { createScanEvent, type ScanEvent } from '../../../shared/scan'
import { listHidScanners, listSerialPortsOrProblem, createNodeHidApi } from '../../devices'
import { normalizerFor } from '../../redeem/normalizerFor'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function devicesHandlers({
  devices,
  settings,
  now
}: Pick<HandlerServices, 'devices' | 'settings' | 'now'>) {
  return {
    'devices.list': async (): Promise<DeviceListing> => {
      const listing: DeviceListing = { hid: [], serial: [], problems: [] }
      try {
        const hid = await listHidScanners(createNodeHidApi())
        listing.hid = hid.map((d) => ({
          path: d.path,
          vendorId: d.vendorId,
          productId: d.productId,
          product: d.product ?? null,
          kind: d.kind
        }))
      } catch (err) {
        listing.problems.push({
          code: 'hidListFailed',
          detail: err instanceof Error ? err.message : String(err)
        })
      }
      const serial = await listSerialPortsOrProblem()
      listing.serial = serial.ports.map((p) => ({
        path: p.path,
        kind: p.kind,
        manufacturer: p.manufacturer ?? null
      }))
      if (serial.problem) listing.problems.push(serial.problem)
      return listing
    },
    'devices.config.get': (): DevicesConfig => settings.devices(),
    // Validated once, by the contract's schema (src/shared/scannerConfig.ts); saved and audited, then applied.
    'devices.config.set': async (
      req: ParsedRequestOf<'devices.config.set'>,
      { actor }: ActingContext
    ): Promise<DevicesConfig> => {
      const saved = settings.changeDevices(req, actor)
      await devices.apply(saved)
      return saved
    },
    'devices.status': (): DeviceStatus[] => devices.statusList(),
    // The normalizer and configuration redeem.lookup uses for renderer sources, so the test scan shows
    // exactly what the counter would decide on.
    'devices.normalize': (req: ParsedRequestOf<'devices.normalize'>): ScanEvent =>
      createScanEvent(
        { source: req.source, device: req.device, at: now() },
        req.raw,
        normalizerFor(req.source, settings.forRedeem())
      )
  }
}
