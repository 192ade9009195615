/**
 * storeLink.*: the till's link to the store hub — its state, pairing by a manager, the store's policy, cross-till
 * conflicts and their resolution, the store's day (read by the reports service from the mirror).
 */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { StoreLinkOverview } from '../../../shared/ipc/contracts/storeLink'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function storeLinkHandlers({ storeLink, reports }: Pick<HandlerServices, 'storeLink' | 'reports'>) {
  return {
    'storeLink.get': (): StoreLinkOverview => storeLink.overview(),
    'storeLink.pair': async (
      req: ParsedRequestOf<'storeLink.pair'>,
      { actor }: ActingContext
    ): Promise<StoreLinkOverview> => {
      await storeLink.pair(req.hubUrl, req.pairingCode, req.storeId, actor)
      return storeLink.overview()
    },
    'storeLink.conflicts': (req: ParsedRequestOf<'storeLink.conflicts'>) =>
      reports.crossTillConflicts(req.limit, req.state),
    'storeLink.setPolicy': async (
      req: ParsedRequestOf<'storeLink.setPolicy'>,
      { actor }: ActingContext
    ): Promise<StoreLinkOverview> => {
      await storeLink.setPolicy(req.unverifiedLimitFen, req.baseVersion, actor)
      return storeLink.overview()
    },
    'storeLink.resolveConflict': (
      req: ParsedRequestOf<'storeLink.resolveConflict'>,
      { actor }: ActingContext
    ) => reports.resolveCrossTill(req, actor),
    'storeLink.storeDay': (req: ParsedRequestOf<'storeLink.storeDay'>) => reports.storeDay(req.businessDay),
    'storeLink.storeDayExport': (req: ParsedRequestOf<'storeLink.storeDayExport'>) =>
      reports.storeDayExport(req)
  }
}
