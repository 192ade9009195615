/**
 * Staff accounts and sign-in. Wrong PINs are counted per person; after MAX_FAILURES in a
 * row the account waits LOCKOUT_MS before the next try (a till is in a public place).
 *
 * The lifecycle (change own PIN, manager reset, deactivate/reactivate, role change) lives here so
 * every rule is checked in main, in the same transaction as the change and its audit entry. The
 * one rule that spans people — the station always keeps at least one active manager — is checked
 * inside that transaction too, so two managers demoting each other at once cannot both succeed.
 */
import { v7 as uuidv7 } from 'uuid'
import { AppFailure } from '../../shared/result'
import { bookkeepingWrite } from '../db/integrity'
import type { Db } from '../db/open'
import type { Role, Actor } from '../audit/actor'
import { prepared } from '../db/statements'
import { appendAudit } from '../audit/audit'
import { hashPin, PIN_PATTERN, verifyPin } from './pin'

export const MAX_FAILURES = 5
export const LOCKOUT_MS = 60_000

interface StaffRow {
  id: string
  name: string
  role: Role
  pin_hash: string
  active: number
  failed_attempts: number
  locked_until: number | null
}

export interface StaffSummary {
  staffId: string
  name: string
  role: Role
}

export interface StaffMember extends StaffSummary {
  active: boolean
}

export class StaffStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Sign-in and sign-out are on record. They stay possible when writes are stopped (the manager must be able
   * to sign in to reach the restore), so this write is bookkeeping: refused quietly on a query-only database.
   */
  recordSession(action: 'staff.sign_in' | 'staff.sign_out', who: Actor, at: number): void {
    bookkeepingWrite(this.db, () =>
      appendAudit(this.db, {
        at,
        actorId: who.staffId,
        actorName: who.name,
        action,
        subject: who.staffId,
        detail: { role: who.role }
      })
    )
  }

  /** The very first account of a new station: a manager, allowed only while no account exists. */
  async createFirstManager(name: string, pin: string): Promise<Actor> {
    if (this.count() > 0)
      throw new AppFailure('ALREADY_SET_UP', 'The first manager already exists; sign in instead.')
    return this.create({ name, role: 'manager', pin }, null)
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM staff WHERE active = 1').get() as { n: number }).n
  }

  list(): StaffSummary[] {
    const rows = this.db
      .prepare(`SELECT id, name, role FROM staff WHERE active = 1 ORDER BY role DESC, name`)
      .all() as StaffRow[]
    return rows.map((r) => ({ staffId: r.id, name: r.name, role: r.role }))
  }

  async create(input: { name: string; role: Role; pin: string }, by: Actor | null): Promise<StaffSummary> {
    if (!PIN_PATTERN.test(input.pin)) throw new AppFailure('BAD_PIN', 'A PIN is 4 to 8 digits.')
    const name = input.name.trim()
    this.assertNameFree(name)
    const pinHash = await hashPin(input.pin)
    const id = uuidv7()
    const at = this.now()
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, name, input.role, pinHash, at)
      appendAudit(this.db, {
        at,
        actorId: by?.staffId ?? null,
        actorName: by?.name ?? null,
        action: 'staff.created',
        subject: id,
        detail: { name, role: input.role }
      })
    })()
    return { staffId: id, name, role: input.role }
  }

  /** Checks a PIN; on success returns who it is. Counts failures and enforces the lockout. */
  async authenticate(staffId: string, pin: string): Promise<Actor> {
    const row = this.row(staffId)
    if (!row) throw new AppFailure('UNKNOWN_STAFF', 'No such staff member.')
    if (!row.active)
      throw new AppFailure(
        'STAFF_INACTIVE',
        `${row.name} has been deactivated; a manager can reactivate them.`
      )
    const at = this.now()
    if (row.locked_until !== null && row.locked_until > at) {
      const seconds = Math.ceil((row.locked_until - at) / 1000)
      throw new AppFailure('PIN_LOCKED', `Too many wrong PINs. Try again in ${seconds} s.`, {
        retryInMs: row.locked_until - at
      })
    }
    const good = PIN_PATTERN.test(pin) && (await verifyPin(pin, row.pin_hash))
    if (!good) {
      const failures = row.failed_attempts + 1
      const lockedUntil = failures >= MAX_FAILURES ? at + LOCKOUT_MS : null
      bookkeepingWrite(this.db, () =>
        this.db.transaction(() => {
          this.db
            .prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?')
            .run(lockedUntil ? 0 : failures, lockedUntil, row.id)
          appendAudit(this.db, {
            at,
            actorId: row.id,
            actorName: row.name,
            action: 'staff.sign_in_failed',
            subject: row.id,
            detail: { failures }
          })
        })()
      )
      throw new AppFailure('WRONG_PIN', 'Wrong PIN.')
    }
    bookkeepingWrite(this.db, () =>
      this.db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id)
    )
    return { staffId: row.id, name: row.name, role: row.role }
  }

  /** Everyone, active or not, for the manager's staff page. */
  listAll(): StaffMember[] {
    const rows = this.db
      .prepare('SELECT id, name, role, active FROM staff ORDER BY active DESC, role DESC, name')
      .all() as StaffRow[]
    return rows.map((r) => ({ staffId: r.id, name: r.name, role: r.role, active: r.active === 1 }))
  }

  /**
   * Who this person is now, for a signed-in session to re-check on every request: null when
   * they are gone or deactivated (their session must end), else their current name and role.
   */
  current(staffId: string): Actor | null {
    const row = prepared(this.db, 'SELECT id, name, role, active FROM staff WHERE id = ?').get(staffId) as
      Pick<StaffRow, 'id' | 'name' | 'role' | 'active'> | undefined
    if (!row || row.active !== 1) return null
    return { staffId: row.id, name: row.name, role: row.role }
  }

  /**
   * The person changes their own PIN by proving the old one. A wrong old PIN counts towards the
   * lockout exactly like a wrong sign-in (it is a PIN guess all the same).
   */
  async changeOwnPin(staffId: string, oldPin: string, newPin: string): Promise<StaffSummary> {
    if (!PIN_PATTERN.test(newPin)) throw new AppFailure('BAD_PIN', 'A PIN is 4 to 8 digits.')
    const who = await this.authenticate(staffId, oldPin)
    if (oldPin === newPin) throw new AppFailure('PIN_UNCHANGED', 'The new PIN is the same as the old one.')
    const pinHash = await hashPin(newPin)
    this.db.transaction(() => {
      this.mustBeActive(staffId)
      this.db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(pinHash, staffId)
      this.audit(who, 'staff.pin_changed', staffId, { name: who.name })
    })()
    return who
  }

  /** A manager sets a new PIN for someone who forgot theirs; it also lifts a wrong-PIN lockout. */
  async resetPin(staffId: string, newPin: string, by: Actor): Promise<StaffSummary> {
    if (!PIN_PATTERN.test(newPin)) throw new AppFailure('BAD_PIN', 'A PIN is 4 to 8 digits.')
    if (staffId === by.staffId)
      throw new AppFailure('RESET_OWN_PIN', 'Change your own PIN with your old PIN instead.')
    this.mustBeActive(staffId)
    const pinHash = await hashPin(newPin)
    return this.db.transaction(() => {
      const row = this.mustBeActive(staffId)
      this.db
        .prepare('UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?')
        .run(pinHash, staffId)
      this.audit(by, 'staff.pin_reset', staffId, { name: row.name })
      return summary(row)
    })()
  }

  /** Deactivate someone who left (their sessions end on their next request) or bring them back. */
  setActive(staffId: string, active: boolean, by: Actor | null): StaffMember {
    return this.db.transaction(() => {
      const row = this.row(staffId)
      if (!row) throw new AppFailure('UNKNOWN_STAFF', 'No such staff member.')
      if ((row.active === 1) === active) return { ...summary(row), active }
      if (!active && row.role === 'manager') this.assertNotLastManager(row)
      if (active) this.assertNameFree(row.name)
      this.db
        .prepare('UPDATE staff SET active = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?')
        .run(active ? 1 : 0, staffId)
      this.audit(by, active ? 'staff.reactivated' : 'staff.deactivated', staffId, {
        name: row.name,
        role: row.role
      })
      return { ...summary(row), active }
    })()
  }

  setRole(staffId: string, role: Role, by: Actor | null): StaffMember {
    return this.db.transaction(() => {
      const row = this.mustBeActive(staffId)
      if (row.role === role) return { ...summary(row), active: true }
      if (row.role === 'manager') this.assertNotLastManager(row)
      this.db.prepare('UPDATE staff SET role = ? WHERE id = ?').run(role, staffId)
      this.audit(by, 'staff.role_changed', staffId, { name: row.name, from: row.role, to: role })
      return { staffId: row.id, name: row.name, role, active: true }
    })()
  }

  private row(staffId: string): StaffRow | undefined {
    return this.db.prepare('SELECT * FROM staff WHERE id = ?').get(staffId) as StaffRow | undefined
  }

  private mustBeActive(staffId: string): StaffRow {
    const row = this.row(staffId)
    if (!row) throw new AppFailure('UNKNOWN_STAFF', 'No such staff member.')
    if (!row.active)
      throw new AppFailure('STAFF_INACTIVE', `${row.name} has been deactivated; reactivate them first.`)
    return row
  }

  private assertNameFree(name: string): void {
    const exists = this.db.prepare('SELECT 1 FROM staff WHERE name = ? AND active = 1').get(name)
    if (exists) throw new AppFailure('STAFF_EXISTS', `There is already someone called ${name}.`)
  }

  /** Without an active manager nobody could add staff, change settings or close the day again. */
  private assertNotLastManager(row: StaffRow): void {
    const others = this.db
      .prepare("SELECT count(*) AS n FROM staff WHERE role = 'manager' AND active = 1 AND id != ?")
      .get(row.id) as { n: number }
    if (others.n === 0)
      throw new AppFailure(
        'LAST_MANAGER',
        `${row.name} is the only active manager; make someone else a manager first.`
      )
  }

  private audit(
    by: Actor | null,
    action:
      | 'staff.pin_changed'
      | 'staff.pin_reset'
      | 'staff.deactivated'
      | 'staff.reactivated'
      | 'staff.role_changed',
    subject: string,
    detail: Record<string, unknown>
  ): void {
    appendAudit(this.db, {
      at: this.now(),
      actorId: by?.staffId ?? null,
      actorName: by?.name ?? null,
      action,
      subject,
      detail
    })
  }
}

function summary(row: StaffRow): StaffSummary {
  return { staffId: row.id, name: row.name, role: row.role }
}
