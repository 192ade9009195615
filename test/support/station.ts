/** A real training station on a temporary data directory, with a signed-in session. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Session } from '../../src/main/ipc/session'
import type { Actor } from '../../src/main/audit/actor'
import { ReportService } from '../../src/main/reports/service'
import { openStation, type Station, type StationOptions } from '../../src/main/station/station'

export interface TestStation {
  station: Station
  manager: Actor
  cashier: Actor
  session: Session
}

export async function trainingStation(options: Partial<StationOptions> = {}): Promise<TestStation> {
  const station = openStation({
    dataDir: mkdtempSync(join(tmpdir(), 'hexiao-station-')),
    runtime: 'node-host',
    mode: 'training',
    ...options
  })
  const manager = await station.services.staff.create({ name: '王店长', role: 'manager', pin: '2468' }, null)
  const cashier = await station.services.staff.create({ name: '李娜', role: 'cashier', pin: '1357' }, manager)
  const session = new Session('test')
  session.signIn(cashier)
  return { station, manager, cashier, session }
}

/** The station's report service on a clock of the test's own (the rest of the station keeps the real one). */
export function reportsAt(station: Station, now: () => number): ReportService {
  const { settings, sync, backups } = station.services
  return new ReportService({
    db: station.db,
    dataDir: station.dataDir,
    mode: station.mode,
    settings,
    upstream: station.upstream,
    sync,
    backups,
    now
  })
}
