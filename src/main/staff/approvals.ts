/**
 * Manager approvals. When a decision needs a manager's PIN, the manager types it on the
 * cashier's screen; main checks it and hands back a one-time approval token that the
 * redeem (or void) request carries. Tokens live in memory only, expire quickly and are
 * bound to the action they were given for.
 */
import { randomBytes } from 'node:crypto'
import type { Actor } from '../audit/actor'

export const APPROVAL_TTL_MS = 120_000

export type ApprovalPurpose = 'redeem' | 'void' | 'offline_override'

interface Approval {
  manager: Actor
  purpose: ApprovalPurpose
  subject: string
  expiresAt: number
}

export class Approvals {
  private readonly tokens = new Map<string, Approval>()

  constructor(private readonly now: () => number = Date.now) {}

  grant(manager: Actor, purpose: ApprovalPurpose, subject: string): string {
    this.sweep()
    const token = randomBytes(18).toString('base64url')
    this.tokens.set(token, { manager, purpose, subject, expiresAt: this.now() + APPROVAL_TTL_MS })
    return token
  }

  /** Uses up a token; returns the approving manager, or null when it is unknown, expired or for something else. */
  consume(token: string | undefined, purpose: ApprovalPurpose, subject: string): Actor | null {
    if (!token) return null
    const approval = this.tokens.get(token)
    this.tokens.delete(token)
    if (!approval || approval.expiresAt < this.now()) return null
    if (approval.purpose !== purpose || approval.subject !== subject) return null
    return approval.manager
  }

  private sweep(): void {
    const now = this.now()
    for (const [token, approval] of this.tokens) if (approval.expiresAt < now) this.tokens.delete(token)
  }
}
