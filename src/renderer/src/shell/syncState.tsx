/**
 * The last 'sync.state' main sent, shared by the header and the counter. null = nothing heard yet, which
 * the header shows as "unknown" rather than guessing online.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { SyncState } from '../../../shared/sync'
import { station } from '../api'

const SyncStateContext = createContext<SyncState | null>(null)

export function SyncStateProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SyncState | null>(null)
  useEffect(() => {
    let heard = false
    const unsubscribe = station.subscribe['sync.state']((next) => {
      heard = true
      setState(next)
    })
    // A screen that just opened has heard no event yet: ask once, unless an event beat the answer.
    void station.invoke['sync.current'](undefined).then((result) => {
      if (result.ok && !heard) setState(result.value)
    })
    return unsubscribe
  }, [])
  return <SyncStateContext value={state}>{children}</SyncStateContext>
}

export const useSyncState = (): SyncState | null => useContext(SyncStateContext)

/** A clock that ticks every `everyMs`, for labels like "waiting 3 min" that age between events. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
