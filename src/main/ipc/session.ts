/**
 * One Session per connected renderer (an Electron webContents, a host WebSocket).
 * It remembers who is signed in on that screen and whether the screen is locked, so role
 * and lock checks never trust the renderer. Inactivity locks the session in main too:
 * a renderer that forgot to lock still cannot act after the timeout.
 */
import { randomUUID } from 'node:crypto'

export type Role = 'cashier' | 'manager'

export interface SignedInStaff {
  staffId: string
  name: string
  role: Role
}

export const DEFAULT_LOCK_AFTER_MS = 5 * 60_000

export class Session {
  readonly id = randomUUID()
  staff: SignedInStaff | null = null
  locked = false
  lastActivityAt = 0

  constructor(
    readonly origin: string,
    readonly now: () => number = Date.now,
    public lockAfterMs: number = DEFAULT_LOCK_AFTER_MS
  ) {}

  signIn(staff: SignedInStaff): void {
    this.staff = staff
    this.locked = false
    this.lastActivityAt = this.now()
  }

  signOut(): void {
    this.staff = null
    this.locked = false
  }

  /** Locks the session if it has been idle past the limit; returns whether it is locked. */
  checkLock(): boolean {
    if (this.staff && !this.locked && this.now() - this.lastActivityAt > this.lockAfterMs) this.locked = true
    return this.locked
  }

  touch(): void {
    this.lastActivityAt = this.now()
  }
}
