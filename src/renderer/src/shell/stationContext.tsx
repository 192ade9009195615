/** What every screen needs to know about this station: mode, store time zone, store and till names. */
import { createContext, useContext } from 'react'
import type { StationLabel } from '../../../shared/ipc/contracts/station'
import type { AppInfo } from '../../../shared/ipc/types'

export interface StationFacts {
  info: AppInfo
  /** null until station.identity answers (or when it cannot). */
  label: StationLabel | null
  /** Asks station.identity again (after set-up saved new store or till names). */
  refreshLabel: () => void
}

export const StationContext = createContext<StationFacts | null>(null)

export function useStation(): StationFacts {
  const facts = useContext(StationContext)
  if (!facts) throw new Error('useStation outside <StationContext>')
  return facts
}
