/**
 * HQ users and sessions (docs/hq.md § Sign-in). Passwords: scrypt (passwords.ts). Sessions: 32 random bytes
 * given to the browser in an HttpOnly SameSite=Strict cookie; the database keeps only their SHA-256, so a copy
 * of the database signs nobody in. A session ends after 12 h, or after 2 h unused, or at sign-out.
 * Lock-out: 5 wrong passwords in a row lock the account for 15 minutes (counted in the database, so every hub
 * process behind a load balancer sees the same count); during the lock even the right password is refused.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { HqRole, HqUserView } from '../../shared/hub/hqProtocol'
import { HqFailure } from './failure'
import { hashPassword, newPassword, verifyPassword } from './passwords'

export const LOCKOUT = { attempts: 5, lockMs: 15 * 60_000 } as const
export const SESSION = { lifetimeMs: 12 * 3600_000, idleMs: 2 * 3600_000 } as const

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

export interface HqUser extends HqUserView {
  userId: string
}

export interface NewHqUser {
  login: string
  name?: string
  role: HqRole
  region?: string
  /** Omitted: a random one is made and returned (printed once by the CLI). */
  password?: string
}

/** A hash to compare against when the login is unknown, so both answers take as long. */
let decoy: Promise<string> | undefined

export class HqAuth {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number = Date.now
  ) {}

  async addUser(user: NewHqUser): Promise<{ login: string; password: string }> {
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(user.login))
      throw new HqFailure('BAD_REQUEST', 'A login is 1-64 letters, digits or . _ @ -')
    if (user.role === 'regional_viewer' && !user.region)
      throw new HqFailure('BAD_REQUEST', 'A regional viewer needs a region.')
    const password = user.password ?? newPassword()
    if (password.length < 10) throw new HqFailure('BAD_REQUEST', 'A password has at least 10 characters.')
    const result = await this.pool.query(
      `INSERT INTO hq_users (user_id, login, name, password_hash, role, region, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (login) DO NOTHING`,
      [
        randomUUID(),
        user.login,
        user.name ?? user.login,
        await hashPassword(password),
        user.role,
        user.region ?? '',
        this.now()
      ]
    )
    if (result.rowCount === 0) throw new HqFailure('BAD_REQUEST', `The login "${user.login}" already exists.`)
    return { login: user.login, password }
  }

  /** A new password for an existing user (and the lock lifted); every session of the user ends. */
  async resetPassword(login: string, password = newPassword()): Promise<{ login: string; password: string }> {
    const hash = await hashPassword(password)
    const { rows } = await this.pool.query<{ user_id: string }>(
      'UPDATE hq_users SET password_hash = $2, failed_attempts = 0, locked_until = NULL WHERE login = $1 RETURNING user_id',
      [login, hash]
    )
    if (!rows[0]) throw new HqFailure('NOT_FOUND', `No HQ user "${login}".`)
    await this.pool.query('DELETE FROM hq_sessions WHERE user_id = $1', [rows[0].user_id])
    return { login, password }
  }

  async signIn(login: string, password: string): Promise<{ token: string; user: HqUser; expiresAt: number }> {
    const now = this.now()
    const { rows } = await this.pool.query<{
      user_id: string
      login: string
      name: string
      password_hash: string
      role: HqRole
      region: string
      locked_until: number | null
      disabled_at: number | null
    }>('SELECT * FROM hq_users WHERE login = $1', [login])
    const row = rows[0]
    if (!row || row.disabled_at !== null) {
      await verifyPassword(password, await (decoy ??= hashPassword('decoy-password')))
      throw new HqFailure('SIGNIN_FAILED', 'Wrong login or password.')
    }
    if (row.locked_until !== null && row.locked_until > now)
      throw new HqFailure('LOCKED', 'Too many wrong passwords; this account is locked for a while.', {
        lockedUntil: row.locked_until
      })
    if (!(await verifyPassword(password, row.password_hash))) {
      // One statement: two hub processes counting wrong passwords at once both count.
      const { rows: after } = await this.pool.query<{ locked_until: number | null }>(
        `UPDATE hq_users SET
           failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::bigint ELSE locked_until END
         WHERE user_id = $1 RETURNING locked_until`,
        [row.user_id, LOCKOUT.attempts, now + LOCKOUT.lockMs]
      )
      const lockedUntil = after[0]?.locked_until ?? null
      if (lockedUntil !== null && lockedUntil > now)
        throw new HqFailure('LOCKED', 'Too many wrong passwords; this account is locked for a while.', {
          lockedUntil
        })
      throw new HqFailure('SIGNIN_FAILED', 'Wrong login or password.')
    }
    await this.pool.query('UPDATE hq_users SET failed_attempts = 0, locked_until = NULL WHERE user_id = $1', [
      row.user_id
    ])
    const token = randomBytes(32).toString('base64url')
    const expiresAt = now + SESSION.lifetimeMs
    await this.pool.query(
      'INSERT INTO hq_sessions (token_hash, user_id, created_at, expires_at, last_used_at) VALUES ($1, $2, $3, $4, $3)',
      [sha256(token), row.user_id, now, expiresAt]
    )
    // Old sessions are tidied here rather than by a timer.
    await this.pool.query('DELETE FROM hq_sessions WHERE expires_at < $1 OR last_used_at < $2', [
      now,
      now - SESSION.idleMs
    ])
    return {
      token,
      expiresAt,
      user: { userId: row.user_id, login: row.login, name: row.name, role: row.role, region: row.region }
    }
  }

  /** The user of a session token, or null when it is unknown, expired, idle too long or the user is disabled. */
  async userOf(token: string): Promise<HqUser | null> {
    const now = this.now()
    const { rows } = await this.pool.query<{
      user_id: string
      login: string
      name: string
      role: HqRole
      region: string
    }>(
      `UPDATE hq_sessions s SET last_used_at = $2
       FROM hq_users u
       WHERE s.token_hash = $1 AND u.user_id = s.user_id AND u.disabled_at IS NULL
         AND s.expires_at > $2 AND coalesce(s.last_used_at, s.created_at) > $3
       RETURNING u.user_id, u.login, u.name, u.role, u.region`,
      [sha256(token), now, now - SESSION.idleMs]
    )
    const row = rows[0]
    return row
      ? { userId: row.user_id, login: row.login, name: row.name, role: row.role, region: row.region }
      : null
  }

  async signOut(token: string): Promise<void> {
    await this.pool.query('DELETE FROM hq_sessions WHERE token_hash = $1', [sha256(token)])
  }
}
