/**
 * The station's pages: which exist, who sees them, their F-key. A page is a plain state switch (no router:
 * the till has no address bar and no deep links). Other modules replace a placeholder by pointing its
 * entry in pageComponents.tsx at their component.
 */
import type { Role } from '../../../shared/ipc/contracts/staff'
import type { StationMode } from '../../../shared/ipc/types'

export type PageKey = 'counter' | 'training' | 'day' | 'conflicts' | 'settings' | 'devices' | 'staff'

export interface PageDef {
  key: PageKey
  /** Function key that opens the page (wedge scanners never send F-keys). */
  shortcut?: 'F1' | 'F2' | 'F3' | 'F4'
  managerOnly: boolean
  trainingOnly: boolean
}

export const PAGES: readonly PageDef[] = [
  { key: 'counter', shortcut: 'F1', managerOnly: false, trainingOnly: false },
  { key: 'training', shortcut: 'F2', managerOnly: false, trainingOnly: true },
  { key: 'day', shortcut: 'F3', managerOnly: true, trainingOnly: false },
  { key: 'conflicts', shortcut: 'F4', managerOnly: true, trainingOnly: false },
  { key: 'settings', managerOnly: true, trainingOnly: false },
  { key: 'devices', managerOnly: true, trainingOnly: false },
  { key: 'staff', managerOnly: true, trainingOnly: false }
]

export function visiblePages(role: Role, mode: StationMode): PageDef[] {
  return PAGES.filter(
    (p) => (!p.managerOnly || role === 'manager') && (!p.trainingOnly || mode === 'training')
  )
}

/** Lock and mute have keys too; listed here so the help text and the handler agree. */
export const LOCK_KEY = 'F8'
export const MUTE_KEY = 'F9'
