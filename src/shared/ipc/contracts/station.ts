/** Which store and till this is, for the header of every screen (the sign-in screen included). */
import type { STATION_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'

export interface StationLabel {
  storeName: string
  stationName: string
}

export const stationContract = {
  'station.identity': { request: noArgs, response: shape<StationLabel>(), access: 'public' }
} as const satisfies Record<(typeof STATION_CHANNELS)[number], ChannelSpec>
