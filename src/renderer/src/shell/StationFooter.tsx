/** Version, schema, zone, runtime and database health: what support asks first, on the screens before sign-in. */
import { useTranslation } from 'react-i18next'
import { useStation } from './stationContext'
import { useChannel } from './useChannel'

export function StationFooter() {
  const { t } = useTranslation()
  const { info } = useStation()
  const ping = useChannel('db.ping')
  const pingState = ping.error ? 'error' : ping.value ? 'ok' : 'loading'
  return (
    <footer className="station-footer">
      <span data-testid="app-version" data-version={info.version}>
        {t('app.version', { version: info.version })}
      </span>
      <span>
        {t('shell.schemaVersion')} <span data-testid="app-schema">{info.schemaVersion}</span>
      </span>
      <span>
        {t('shell.timeZone')} <span data-testid="app-timezone">{info.timeZone}</span>
      </span>
      <span>{info.runtime === 'electron' ? t('shell.runtimeElectron') : t('shell.runtimeHost')}</span>
      <span data-testid="db-status" data-state={pingState}>
        {t('shell.database')}{' '}
        {ping.value &&
          !ping.error &&
          (ping.value.integrity === 'damaged'
            ? t('shell.databaseDamaged')
            : t('shell.databaseOk', { micros: ping.value.roundTripMicros }))}
        {ping.error && t('shell.databaseFailed', { message: ping.error.message })}
      </span>
    </footer>
  )
}
