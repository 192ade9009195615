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
import { printerHandlers } from './printer'
import { redeemHandlers } from './redeem'
import { reportsHandlers } from './reports'
import { setupHandlers } from './setup'
import { staffHandlers } from './staff'
import { stationHandlers } from './station'
import { trainingHandlers } from './training'
import { damageAdvice } from '../../backup/recovery'

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
  const handlers = refuseWritesOnDamage(station, {
    ...appHandlers(station),
    ...syncHandlers(station),
    ...devicesHandlers(station),
    ...staffHandlers(station),
    ...redeemHandlers(station),
    ...stationHandlers(station),
    ...trainingHandlers(station),
    ...reportsHandlers(station),
    ...setupHandlers(station),
    ...printerHandlers(station)
  })
  // A read, and keyed by a symbol (not a channel): added after the wrapping, which walks channel names.
  return { ...handlers, [RECHECK_STAFF]: (staffId: string) => station.services.staff.current(staffId) }
}

/**
 * Once the background integrity check has found damage, the Station turns the connection query-only and
 * SQLite refuses every write with SQLITE_READONLY; this turns that refusal, from whichever handler, into
 * DB_DAMAGED with what the manager should do (docs/reliability.md § Database checks). A handler keeps its
 * sync or async shape.
 */
function refuseWritesOnDamage(station: Station, handlers: Handlers): Handlers {
  const translate = (err: unknown): unknown => {
    const code = (err as { code?: unknown } | null)?.code
    if (typeof code === 'string' && code.startsWith('SQLITE_READONLY') && station.services.integrity.damaged)
      return station.services.integrity.damagedError(damageAdvice(station))
    return err
  }
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]) => {
      try {
        const result = handler(...args)
        return result instanceof Promise
          ? result.catch((err: unknown) => {
              throw translate(err)
            })
          : result
      } catch (err) {
        throw translate(err)
      }
    }
  }
  return wrapped as Handlers
}
