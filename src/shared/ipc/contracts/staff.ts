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

export interface SessionInfo {
  staff: StaffSummary | null
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
    request: z.object({ name, role: z.enum(['cashier', 'manager']), pin }).strict(),
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
  }
} as const satisfies Record<(typeof STAFF_CHANNELS)[number], ChannelSpec>
