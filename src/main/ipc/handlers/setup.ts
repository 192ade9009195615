/** setup.*: the set-up wizard and Settings page (see src/main/setup/README.md). */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import { AppFailure } from '../../../shared/result'
import type { SignedInStaff } from '../session'
import { SetupService } from '../../setup/service'
import type { Station } from '../../station/station'
import type { HandlerContext } from './index'

const manager = ({ session }: HandlerContext): SignedInStaff => {
  if (!session.staff) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
  if (session.checkLock()) throw new AppFailure('LOCKED', 'The station is locked: enter your PIN to unlock.')
  if (session.staff.role !== 'manager') throw new AppFailure('FORBIDDEN', 'Only a manager may do this.')
  return session.staff
}

export function setupHandlers(station: Station) {
  const service = new SetupService(station)
  return {
    'setup.get': (_req: undefined, ctx: HandlerContext) => {
      // Public only during the very first run, before any staff account exists.
      if (station.services.staff.count() > 0) manager(ctx)
      return service.view()
    },
    'setup.save': (req: ParsedRequestOf<'setup.save'>, ctx: HandlerContext) =>
      service.save(req, manager(ctx)),
    'setup.testConnection': (req: ParsedRequestOf<'setup.testConnection'>) =>
      service.testConnection(req.upstream),
    'setup.goLive': (_req: undefined, ctx: HandlerContext) => service.goLive(manager(ctx))
  }
}
