/**
 * The handler for every channel of the contract. The mapped type makes a missing or
 * misspelled handler a compile error. Handlers receive an already validated request.
 */
import type { ChannelName } from '../../../shared/ipc/names'
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract'
import { RECHECK_STAFF, type Session, type StaffRecheck } from '../session'
import type { Station } from '../../station/station'
import { appHandlers } from './app'
import { syncHandlers } from './sync'
import { devicesHandlers } from './devices'
import { redeemHandlers } from './redeem'
import { reportsHandlers } from './reports'
import { setupHandlers } from './setup'
import { staffHandlers } from './staff'
import { stationHandlers } from './station'
import { trainingHandlers } from './training'

export interface HandlerContext {
  session: Session
}

export type Handlers = {
  [K in ChannelName]: (
    request: ParsedRequestOf<K>,
    context: HandlerContext
  ) => ResponseOf<K> | Promise<ResponseOf<K>>
} & { readonly [RECHECK_STAFF]?: StaffRecheck }

export function createHandlers(station: Station): Handlers {
  return {
    ...appHandlers(station),
    ...syncHandlers(station),
    ...devicesHandlers(station),
    ...staffHandlers(station),
    ...redeemHandlers(station),
    ...stationHandlers(station),
    ...trainingHandlers(station),
    ...reportsHandlers(station),
    ...setupHandlers(station),
    [RECHECK_STAFF]: (staffId: string) => station.services.staff.current(staffId)
  }
}
