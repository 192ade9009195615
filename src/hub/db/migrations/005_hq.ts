import type { HubMigration } from '../migrate'

/**
 * HQ sign-in lock-out (docs/hq.md § Sign-in): wrong passwords are counted per user; past the limit the account is
 * locked until locked_until (epoch ms), whatever password is tried meanwhile. A right password resets the count.
 * Sessions remember when they were last used, so an idle session ends before its hard expiry.
 */
export const m005: HubMigration = {
  version: 5,
  name: 'hq_lockout',
  sql: `
ALTER TABLE hq_users ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE hq_users ADD COLUMN locked_until bigint;
ALTER TABLE hq_sessions ADD COLUMN last_used_at bigint;
CREATE INDEX hq_sessions_user ON hq_sessions (user_id);
`
}
