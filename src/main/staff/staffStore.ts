/**
 * Staff accounts and sign-in. Wrong PINs are counted per person; after MAX_FAILURES in a
 * row the account waits LOCKOUT_MS before the next try (a till is in a public place).
 */
import { v7 as uuidv7 } from 'uuid'
import { AppFailure } from '../../shared/result'
import { bookkeepingWrite } from '../db/integrity'
import type { Db } from '../db/open'
import type { Role, SignedInStaff } from '../ipc/session'
import { appendAudit } from './audit'
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

export class StaffStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now
  ) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM staff WHERE active = 1').get() as { n: number }).n
  }

  list(): StaffSummary[] {
    const rows = this.db
      .prepare(`SELECT id, name, role FROM staff WHERE active = 1 ORDER BY role DESC, name`)
      .all() as StaffRow[]
    return rows.map((r) => ({ staffId: r.id, name: r.name, role: r.role }))
  }

  async create(
    input: { name: string; role: Role; pin: string },
    by: SignedInStaff | null
  ): Promise<StaffSummary> {
    if (!PIN_PATTERN.test(input.pin)) throw new AppFailure('BAD_PIN', 'A PIN is 4 to 8 digits.')
    const name = input.name.trim()
    const exists = this.db.prepare('SELECT 1 FROM staff WHERE name = ? AND active = 1').get(name)
    if (exists) throw new AppFailure('STAFF_EXISTS', `There is already someone called ${name}.`)
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
  async authenticate(staffId: string, pin: string): Promise<SignedInStaff> {
    const row = this.db.prepare('SELECT * FROM staff WHERE id = ? AND active = 1').get(staffId) as
      StaffRow | undefined
    if (!row) throw new AppFailure('UNKNOWN_STAFF', 'No such staff member.')
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
}
