/** app.info and db.ping: what the shell shows on every screen. */
import type { Station } from '../../station/station'
import { APP_VERSION } from '../../station/version'
import { readStoreProfile } from '../../station/storeProfile'
import type { AppInfo, DbPing } from '../../../shared/ipc/types'

export function appHandlers(station: Station) {
  return {
    'app.info': (): AppInfo => ({
      version: APP_VERSION,
      mode: station.mode,
      schemaVersion: station.schemaVersion,
      timeZone: readStoreProfile(station.db).timeZone,
      runtime: station.runtime
    }),
    'db.ping': (): DbPing => {
      const started = process.hrtime.bigint()
      station.db.prepare('SELECT 1').get()
      const roundTripMicros = Number((process.hrtime.bigint() - started) / 1000n)
      return {
        ok: true,
        roundTripMicros,
        journalMode: String(station.db.pragma('journal_mode', { simple: true })),
        schemaVersion: station.schemaVersion,
        integrity: station.services.integrity.current.state
      }
    }
  }
}
