/** setup.*: the set-up wizard and Settings page (see src/main/setup/README.md). */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import { AppFailure } from '../../../shared/result'
import type { ActingContext, PublicContext } from '../context'
import type { HandlerServices } from './services'

export function setupHandlers({ setup, staff }: Pick<HandlerServices, 'setup' | 'staff'>) {
  return {
    'setup.get': (_req: undefined, { session, actor }: PublicContext) => {
      // Public only during the very first run, before any staff account exists; after that a manager's.
      if (staff.count() > 0) {
        if (!actor) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
        if (session.checkLock())
          throw new AppFailure('LOCKED', 'The station is locked: enter your PIN to unlock.')
        if (actor.role !== 'manager') throw new AppFailure('FORBIDDEN', 'Only a manager may do this.')
      }
      return setup.view()
    },
    'setup.save': (req: ParsedRequestOf<'setup.save'>, { actor }: ActingContext) => setup.save(req, actor),
    'setup.testConnection': (req: ParsedRequestOf<'setup.testConnection'>) =>
      setup.testConnection(req.upstream),
    'setup.goLive': (_req: undefined, { actor }: ActingContext) => setup.goLive(actor)
  }
}
