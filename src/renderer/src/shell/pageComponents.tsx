/**
 * Which component renders each page: replace the entry here (and nothing else) to plug a page in.
 */
import type { ReactNode } from 'react'
import { CounterPage } from '../counter/CounterPage'
import { DevicesPage } from '../devices/DevicesPage'
import { ConflictsPage } from '../pages/manager/ConflictsPage'
import { ManagerHub } from '../pages/manager/ManagerHub'
import { StaffPage } from '../pages/StaffPage'
import { SetupPage } from '../setup/SetupPage'
import { StoreHubSection } from '../setup/StoreHubSection'
import { ChainLinkSection } from '../setup/ChainLinkSection'
import { TrainingSheet } from '../training/TrainingSheet'
import type { PageKey } from './pages'

export const PAGE_COMPONENTS: Readonly<Record<PageKey, () => ReactNode>> = {
  counter: () => <CounterPage />,
  training: () => <TrainingSheet />,
  day: () => <ManagerHub />,
  conflicts: () => <ConflictsPage />,
  settings: () => (
    <>
      <SetupPage />
      <StoreHubSection />
      <ChainLinkSection />
    </>
  ),
  devices: () => <DevicesPage />,
  staff: () => <StaffPage />
}
