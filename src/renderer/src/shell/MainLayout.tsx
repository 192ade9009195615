/** The signed-in station: header, page list, the page. The counter keeps its state while other pages show. */
import { useState } from 'react'
import { CounterHubProvider } from '../counter/CounterHub'
import { useSound } from '../sound/SoundProvider'
import { useSession } from '../staff/session'
import { Header } from './Header'
import { NavMenu } from './NavMenu'
import { PAGE_COMPONENTS } from './pageComponents'
import { SetupReminder } from './SetupReminder'
import { SyncPauseBanner } from './SyncAttention'
import { visiblePages, type PageKey } from './pages'
import { useStation } from './stationContext'
import { useShellKeys } from './useShellKeys'

export function MainLayout() {
  const { info } = useStation()
  const { staff, lock } = useSession()
  const { muted, setMuted } = useSound()
  const pages = visiblePages(staff.role, info.mode)
  const [page, setPage] = useState<PageKey>('counter')
  const shown = pages.some((p) => p.key === page) ? page : 'counter'

  useShellKeys({ pages, open: setPage, lock, toggleMute: () => setMuted(!muted) })

  return (
    <CounterHubProvider listening={shown !== 'devices'} showCounter={() => setPage('counter')}>
      <div className="main-layout">
        <Header />
        <div className="main-body">
          <NavMenu pages={pages} current={shown} onSelect={setPage} />
          <main className="main-content" data-page={shown}>
            <SyncPauseBanner manager={staff.role === 'manager'} />
            {staff.role === 'manager' && shown !== 'settings' && (
              // Re-asked on each page change: leaving set-up after saving hides it.
              <SetupReminder
                onOpen={() => setPage('settings')}
                refreshKey={shown}
                compact={shown === 'counter'}
              />
            )}
            {PAGE_COMPONENTS[shown]()}
          </main>
        </div>
      </div>
    </CounterHubProvider>
  )
}
