/** The signed-in person and the session actions every page may need (lock, sign out, re-read). */
import { createContext, useContext } from 'react'
import type { SessionInfo, StaffSummary } from '../../../shared/ipc/contracts/staff'

export interface SessionControl {
  session: SessionInfo
  staff: StaffSummary
  lock: () => void
  signOut: () => void
  /** Re-reads session.current (after a change to the signed-in person: their role, their deactivation). */
  refresh: () => void
}

export const SessionContext = createContext<SessionControl | null>(null)

export function useSession(): SessionControl {
  const control = useContext(SessionContext)
  if (!control) throw new Error('useSession outside <SessionGate>')
  return control
}
