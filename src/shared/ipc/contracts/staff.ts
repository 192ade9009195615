/** Sign-in, lock, staff accounts and manager approvals. */
import { z } from 'zod'
import type { STAFF_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'

export type Role = 'cashier' | 'manager'

export interface StaffSummary {
  staffId: string
  name: string
  role: Role
}

/** A row of the manager's staff page: deactivated people stay listed so they can be brought back. */
export interface StaffMember extends StaffSummary {
  active: boolean
}

export interface SessionInfo {
  staff: StaffSummary | null
  /** Main signed this screen's person out by itself (a manager deactivated them); said once. */
  endedBecause: 'deactivated' | null
  locked: boolean
  /** No staff exists yet: the first run must create the first manager. */
  needsFirstRun: boolean
  lockAfterMs: number
}

export interface ApprovalGrant {
  token: string
  managerName: string
  expiresInMs: number
}

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')
const name = z.string().trim().min(1, 'a name is needed').max(40)
const staffId = z.string().min(1).max(64)
const role = z.enum(['cashier', 'manager'])

export const ApprovalPurposeSchema = z.enum(['redeem', 'void', 'offline_override'])

export const staffContract = {
  'session.current': { request: noArgs, response: shape<SessionInfo>(), access: 'public' },
  'staff.list': { request: noArgs, response: shape<StaffSummary[]>(), access: 'public' },
  'staff.firstManager': {
    request: z.object({ name, pin }).strict(),
    response: shape<StaffSummary>(),
    access: 'public'
  },
  'staff.signIn': {
    request: z.object({ staffId, pin: z.string().max(8) }).strict(),
    response: shape<StaffSummary>(),
    access: 'public'
  },
  'staff.signOut': { request: noArgs, response: shape<null>(), access: 'public' },
  'staff.lock': { request: noArgs, response: shape<null>(), access: 'staff' },
  'staff.unlock': {
    request: z.object({ pin: z.string().max(8) }).strict(),
    response: shape<StaffSummary>(),
    access: 'public'
  },
  'staff.create': {
    request: z.object({ name, role, pin }).strict(),
    response: shape<StaffSummary>(),
    access: 'manager'
  },
  'staff.approve': {
    request: z
      .object({
        staffId,
        pin: z.string().max(8),
        purpose: ApprovalPurposeSchema,
        subject: z.string().min(1).max(64)
      })
      .strict(),
    response: shape<ApprovalGrant>(),
    access: 'staff'
  },
  'staff.listAll': { request: noArgs, response: shape<StaffMember[]>(), access: 'manager' },
  /** Public: the old PIN is the proof (wrong ones count towards the lockout), so it works from sign-in. */
  'staff.changePin': {
    request: z.object({ staffId, oldPin: z.string().max(8), newPin: pin }).strict(),
    response: shape<StaffSummary>(),
    access: 'public'
  },
  'staff.resetPin': {
    request: z.object({ staffId, newPin: pin }).strict(),
    response: shape<StaffSummary>(),
    access: 'manager'
  },
  'staff.setActive': {
    request: z.object({ staffId, active: z.boolean() }).strict(),
    response: shape<StaffMember>(),
    access: 'manager'
  },
  'staff.setRole': {
    request: z.object({ staffId, role }).strict(),
    response: shape<StaffMember>(),
    access: 'manager'
  }
} as const satisfies Record<(typeof STAFF_CHANNELS)[number], ChannelSpec>
