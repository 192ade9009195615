/** storeLink.*: the till's link to the store hub — its state, pairing by a manager, cross-till conflicts. */
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
      reports.crossTillConflicts(req.limit)
  }
}
