/**
 * The frame around everything: station facts from app.info and station.identity, sync state, sound, the
 * DAMAGED and TRAINING banners on every screen, then the session gate and the signed-in layout.
 */
import { Alert, Spin } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StationLabel } from '../../../shared/ipc/contracts/station'
import { SoundProvider } from '../sound/SoundProvider'
import { SessionGate } from '../staff/SessionGate'
import { call } from './call'
import { DamageBanner } from './DamageBanner'
import { errorText } from './errorText'
import { MainLayout } from './MainLayout'
import { StationContext } from './stationContext'
import { SyncStateProvider } from './syncState'
import { TrainingBanner } from './TrainingBanner'
import { useChannel } from './useChannel'

export function AppShell() {
  const { t } = useTranslation()
  const info = useChannel('app.info')
  const [label, setLabel] = useState<StationLabel | null>(null)

  const refreshLabel = useCallback(() => {
    void call('station.identity', undefined).then((r) => r.ok && setLabel(r.value))
  }, [])
  useEffect(refreshLabel, [refreshLabel])

  if (info.error) return <Alert type="error" showIcon title={errorText(t, info.error)} />
  if (info.value === null) return <Spin fullscreen description={t('app.loading')} />

  return (
    <StationContext value={{ info: info.value, label, refreshLabel }}>
      <SyncStateProvider>
        <SoundProvider>
          <div className="app" data-mode={info.value.mode}>
            <DamageBanner />
            {info.value.mode === 'training' && <TrainingBanner />}
            <SessionGate>
              <MainLayout />
            </SessionGate>
          </div>
        </SoundProvider>
      </SyncStateProvider>
    </StationContext>
  )
}
