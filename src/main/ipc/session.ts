/**
 * One Session per connected renderer (an Electron webContents, a host WebSocket).
 * It remembers who is signed in on that screen, so role checks never trust the renderer.
 */
import { randomUUID } from 'node:crypto'

export type Role = 'cashier' | 'manager'

export interface SignedInStaff {
  staffId: string
  name: string
  role: Role
}

export class Session {
  readonly id = randomUUID()
  staff: SignedInStaff | null = null
  constructor(readonly origin: string) {}
}
