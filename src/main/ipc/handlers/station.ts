/** station.identity: the store and till names the header shows, before and after sign-in. */
import type { StationLabel } from '../../../shared/ipc/contracts/station'
import type { Station } from '../../station/station'
import { readIdentity } from '../../station/identity'

export function stationHandlers(station: Station) {
  return {
    'station.identity': (): StationLabel => {
      const identity = readIdentity(station.db, station.mode)
      return { storeName: identity.storeName, stationName: identity.stationName }
    }
  }
}
