/** Sign-in, lock/unlock, staff accounts and manager approvals. */
import { bookkeepingWrite } from '../../db/integrity'
import { AppFailure } from '../../../shared/result'
import type {
  ApprovalGrant,
  SessionInfo,
  StaffMember,
  StaffSummary
} from '../../../shared/ipc/contracts/staff'
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { Station } from '../../station/station'
import { appendAudit } from '../../staff/audit'
import { APPROVAL_TTL_MS } from '../../staff/approvals'
import type { HandlerContext } from './index'

export function staffHandlers(station: Station) {
  const { staff, approvals } = station.services
  // Signing in and out stays possible when writes are stopped (the manager must reach the restore).
  const audit = (action: 'staff.sign_in' | 'staff.sign_out', who: StaffSummary) =>
    bookkeepingWrite(station.db, () =>
      appendAudit(station.db, {
        at: Date.now(),
        actorId: who.staffId,
        actorName: who.name,
        action,
        subject: who.staffId,
        detail: { role: who.role }
      })
    )

  return {
    'session.current': (_req: undefined, { session }: HandlerContext): SessionInfo => {
      const endedBecause = session.endedBecause
      session.endedBecause = null
      return {
        staff: session.staff,
        endedBecause,
        locked: session.checkLock(),
        needsFirstRun: staff.count() === 0,
        lockAfterMs: session.lockAfterMs
      }
    },
    'staff.list': (): StaffSummary[] => staff.list(),
    'staff.firstManager': async (
      req: ParsedRequestOf<'staff.firstManager'>,
      { session }: HandlerContext
    ): Promise<StaffSummary> => {
      if (staff.count() > 0)
        throw new AppFailure('ALREADY_SET_UP', 'The first manager already exists; sign in instead.')
      const created = await staff.create({ name: req.name, role: 'manager', pin: req.pin }, null)
      session.signIn(created)
      audit('staff.sign_in', created)
      return created
    },
    'staff.signIn': async (req: ParsedRequestOf<'staff.signIn'>, { session }: HandlerContext) => {
      const who = await staff.authenticate(req.staffId, req.pin)
      session.signIn(who)
      audit('staff.sign_in', who)
      return who
    },
    'staff.signOut': (_req: undefined, { session }: HandlerContext): null => {
      if (session.staff) audit('staff.sign_out', session.staff)
      session.signOut()
      return null
    },
    'staff.lock': (_req: undefined, { session }: HandlerContext): null => {
      session.locked = true
      return null
    },
    'staff.unlock': async (req: ParsedRequestOf<'staff.unlock'>, { session }: HandlerContext) => {
      if (!session.staff) throw new AppFailure('NOT_SIGNED_IN', 'Nobody is signed in on this screen.')
      const who = await staff.authenticate(session.staff.staffId, req.pin)
      session.signIn(who)
      return who
    },
    'staff.create': (req: ParsedRequestOf<'staff.create'>, { session }: HandlerContext) =>
      staff.create(req, session.staff),
    'staff.listAll': (): StaffMember[] => staff.listAll(),
    'staff.changePin': (req: ParsedRequestOf<'staff.changePin'>) =>
      staff.changeOwnPin(req.staffId, req.oldPin, req.newPin),
    'staff.resetPin': (req: ParsedRequestOf<'staff.resetPin'>, { session }: HandlerContext) =>
      staff.resetPin(req.staffId, req.newPin, signedIn(session)),
    'staff.setActive': (req: ParsedRequestOf<'staff.setActive'>, { session }: HandlerContext) =>
      staff.setActive(req.staffId, req.active, signedIn(session)),
    'staff.setRole': (req: ParsedRequestOf<'staff.setRole'>, { session }: HandlerContext) =>
      staff.setRole(req.staffId, req.role, signedIn(session)),
    'staff.approve': async (req: ParsedRequestOf<'staff.approve'>): Promise<ApprovalGrant> => {
      const manager = await staff.authenticate(req.staffId, req.pin)
      if (manager.role !== 'manager')
        throw new AppFailure('NOT_A_MANAGER', 'Only a manager can approve this.')
      return {
        token: approvals.grant(manager, req.purpose, req.subject),
        managerName: manager.name,
        expiresInMs: APPROVAL_TTL_MS
      }
    }
  }
}

/** Manager channels only run with someone signed in (the dispatcher checked); this narrows the type. */
function signedIn(session: HandlerContext['session']) {
  if (!session.staff) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
  return session.staff
}
