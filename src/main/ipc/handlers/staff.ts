/** Sign-in, lock/unlock, staff accounts and manager approvals. The staff store audits every change. */
import { AppFailure } from '../../../shared/result'
import type {
  ApprovalGrant,
  SessionInfo,
  StaffMember,
  StaffSummary
} from '../../../shared/ipc/contracts/staff'
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import { APPROVAL_TTL_MS } from '../../staff/approvals'
import type { ActingContext, PublicContext } from '../context'
import type { HandlerServices } from './services'

export function staffHandlers({
  staff,
  approvals,
  now
}: Pick<HandlerServices, 'staff' | 'approvals' | 'now'>) {
  return {
    'session.current': (_req: undefined, { session }: PublicContext): SessionInfo => {
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
      { session }: PublicContext
    ): Promise<StaffSummary> => {
      const created = await staff.createFirstManager(req.name, req.pin)
      session.signIn(created)
      staff.recordSession('staff.sign_in', created, now())
      return created
    },
    'staff.signIn': async (req: ParsedRequestOf<'staff.signIn'>, { session }: PublicContext) => {
      const who = await staff.authenticate(req.staffId, req.pin)
      session.signIn(who)
      staff.recordSession('staff.sign_in', who, now())
      return who
    },
    'staff.signOut': (_req: undefined, { session, actor }: PublicContext): null => {
      if (actor) staff.recordSession('staff.sign_out', actor, now())
      session.signOut()
      return null
    },
    'staff.lock': (_req: undefined, { session }: PublicContext): null => {
      session.locked = true
      return null
    },
    'staff.unlock': async (req: ParsedRequestOf<'staff.unlock'>, { session, actor }: PublicContext) => {
      if (!actor) throw new AppFailure('NOT_SIGNED_IN', 'Nobody is signed in on this screen.')
      const who = await staff.authenticate(actor.staffId, req.pin)
      session.signIn(who)
      return who
    },
    'staff.create': (req: ParsedRequestOf<'staff.create'>, { actor }: ActingContext) =>
      staff.create(req, actor),
    'staff.listAll': (): StaffMember[] => staff.listAll(),
    'staff.changePin': (req: ParsedRequestOf<'staff.changePin'>) =>
      staff.changeOwnPin(req.staffId, req.oldPin, req.newPin),
    'staff.resetPin': (req: ParsedRequestOf<'staff.resetPin'>, { actor }: ActingContext) =>
      staff.resetPin(req.staffId, req.newPin, actor),
    'staff.setActive': (req: ParsedRequestOf<'staff.setActive'>, { actor }: ActingContext) =>
      staff.setActive(req.staffId, req.active, actor),
    'staff.setRole': (req: ParsedRequestOf<'staff.setRole'>, { actor }: ActingContext) =>
      staff.setRole(req.staffId, req.role, actor),
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
