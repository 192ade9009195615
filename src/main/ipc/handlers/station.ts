/** station.identity: the store and till names the header shows, before and after sign-in. */
import type { StationLabel } from '../../../shared/ipc/contracts/station'
import type { HandlerServices } from './services'

export function stationHandlers({ settings }: Pick<HandlerServices, 'settings'>) {
  return {
    'station.identity': (): StationLabel => {
      const identity = settings.identity()
      return { storeName: identity.storeName, stationName: identity.stationName }
    }
  }
}
