/** app.info and db.ping: what the shell shows on every screen. */
import type { AppInfo, DbPing } from '../../../shared/ipc/types'
import { APP_VERSION } from '../../config/version'
import type { HandlerServices } from './services'

type Uses = Pick<HandlerServices, 'mode' | 'runtime' | 'schemaVersion' | 'db' | 'settings' | 'integrity'>

export function appHandlers({ mode, runtime, schemaVersion, db, settings, integrity }: Uses) {
  return {
    'app.info': (): AppInfo => ({
      version: APP_VERSION,
      mode,
      schemaVersion,
      timeZone: settings.store().timeZone,
      runtime
    }),
    'db.ping': (): DbPing => {
      const started = process.hrtime.bigint()
      db.prepare('SELECT 1').get()
      const roundTripMicros = Number((process.hrtime.bigint() - started) / 1000n)
      return {
        ok: true,
        roundTripMicros,
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        schemaVersion,
        integrity: integrity.current.state
      }
    }
  }
}
