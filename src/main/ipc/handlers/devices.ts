/** devices.*: list, configure and watch the station's HID and serial scanners. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { DeviceListing, DevicesConfig, DeviceStatus } from '../../../shared/devices'
import { AppFailure } from '../../../shared/result'
import { normalizerFor } from '../../redeem/normalizerFor'
import { createScanEvent, type ScanEvent } from '../../../shared/scan'
import { listHidScanners, listSerialPortsOrProblem, createNodeHidApi } from '../../devices'
import { DevicesConfigSchema } from '../../devices/manager'
import type { Station } from '../../station/station'
import { appendAudit } from '../../staff/audit'
import { readDevicesConfig, writeDevicesConfig } from '../../station/devicesConfig'
import type { HandlerContext } from './index'

export function devicesHandlers(station: Station) {
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
    'devices.config.get': (): DevicesConfig => readDevicesConfig(station.db),
    'devices.config.set': async (
      req: ParsedRequestOf<'devices.config.set'>,
      { session }: HandlerContext
    ): Promise<DevicesConfig> => {
      const parsed = DevicesConfigSchema.safeParse(req)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
        throw new AppFailure('BAD_DEVICE_CONFIG', `The scanner settings are not valid: ${issues.join('; ')}`)
      }
      const before = readDevicesConfig(station.db)
      station.db.transaction(() => {
        writeDevicesConfig(station.db, parsed.data)
        appendAudit(station.db, {
          at: Date.now(),
          actorId: session.staff?.staffId ?? null,
          actorName: session.staff?.name ?? null,
          action: 'settings.changed',
          subject: 'devices',
          detail: { before, after: parsed.data }
        })
      })()
      await station.services.devices.apply(parsed.data)
      return readDevicesConfig(station.db)
    },
    'devices.status': (): DeviceStatus[] => station.services.devices.statusList(),
    // The normalizer and configuration redeem.lookup uses for renderer sources, so the test scan shows
    // exactly what the counter would decide on.
    'devices.normalize': (req: ParsedRequestOf<'devices.normalize'>): ScanEvent =>
      createScanEvent(
        { source: req.source, device: req.device, at: Date.now() },
        req.raw,
        normalizerFor(req.source, station.services.settings.forRedeem())
      )
  }
}
