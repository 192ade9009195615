/** chainLink.*: the till's link to the chain hub at headquarters — its state, enrolment by a manager, duplicates. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { ChainLinkOverview } from '../../../shared/ipc/contracts/chainLink'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function chainLinkHandlers({ chainLink }: Pick<HandlerServices, 'chainLink'>) {
  return {
    'chainLink.get': (): ChainLinkOverview => chainLink.overview(),
    'chainLink.enrol': (
      req: ParsedRequestOf<'chainLink.enrol'>,
      { actor }: ActingContext
    ): Promise<ChainLinkOverview> => chainLink.enrol(req.hubUrl, req.enrolmentCode, actor),
    'chainLink.conflicts': (req: ParsedRequestOf<'chainLink.conflicts'>) => chainLink.conflicts(req.limit),
    'chainLink.setClaims': (
      req: ParsedRequestOf<'chainLink.setClaims'>,
      { actor }: ActingContext
    ): ChainLinkOverview => {
      chainLink.claims.setSettings(req, actor)
      return chainLink.overview()
    }
  }
}
