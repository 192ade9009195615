/**
 * One Session per connected renderer (an Electron webContents, a host WebSocket).
 * It remembers who is signed in on that screen and whether the screen is locked, so role
 * and lock checks never trust the renderer. Inactivity locks the session in main too:
 * a renderer that forgot to lock still cannot act after the timeout.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../audit/actor'

export const DEFAULT_LOCK_AFTER_MS = 5 * 60_000

/**
 * The handler map may carry this: who a signed-in person is NOW (null when deactivated or gone).
 * The dispatcher asks it on every request of a signed-in session, so a deactivated person's
 * session ends at their next request and a role change applies at once, on every screen.
 */
export const RECHECK_STAFF = Symbol('recheckStaff')
export type StaffRecheck = (staffId: string) => Actor | null

/** Why main ended this screen's session by itself (shown once on the sign-in screen). */
export type SessionEnd = 'deactivated'

export class Session {
  readonly id = randomUUID()
  staff: Actor | null = null
  locked = false
  lastActivityAt = 0
  /** Set when main signed the person out by itself; session.current reports it once. */
  endedBecause: SessionEnd | null = null

  constructor(
    readonly origin: string,
    readonly now: () => number = Date.now,
    public lockAfterMs: number = DEFAULT_LOCK_AFTER_MS
  ) {}

  signIn(staff: Actor): void {
    this.staff = staff
    this.endedBecause = null
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
