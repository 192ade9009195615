/**
 * The handler for every channel of the contract, built from the services (the composition root hands them
 * over; each group below takes only the ones it uses). The mapped type makes a missing or misspelled handler a
 * compile error. Handlers receive an already validated request and the actor the dispatcher resolved.
 */
import type { ChannelName } from '../../../shared/ipc/names'
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract'
import type { ContextOf } from '../context'
import { RECHECK_STAFF, type StaffRecheck } from '../session'
import { appHandlers } from './app'
import { syncHandlers } from './sync'
import { devicesHandlers } from './devices'
import { printerHandlers } from './printer'
import { storeLinkHandlers } from './storeLink'
import { storeHubHandlers } from './storeHub'
import { chainLinkHandlers } from './chainLink'
import { redeemHandlers } from './redeem'
import { reportsHandlers } from './reports'
import { setupHandlers } from './setup'
import { staffHandlers } from './staff'
import { stationHandlers } from './station'
import { trainingHandlers } from './training'
import type { HandlerServices } from './services'

export type { HandlerServices } from './services'

export type Handlers = {
  [K in ChannelName]: (
    request: ParsedRequestOf<K>,
    context: ContextOf<K>
  ) => ResponseOf<K> | Promise<ResponseOf<K>>
} & { readonly [RECHECK_STAFF]?: StaffRecheck }

export function createHandlers(services: HandlerServices): Handlers {
  const handlers: Handlers = refuseWritesOnDamage(services, {
    ...appHandlers(services),
    ...syncHandlers(services),
    ...devicesHandlers(services),
    ...staffHandlers(services),
    ...redeemHandlers(services),
    ...stationHandlers(services),
    ...trainingHandlers(services),
    ...reportsHandlers(services),
    ...setupHandlers(services),
    ...printerHandlers(services),
    ...storeLinkHandlers(services),
    ...storeHubHandlers(services),
    ...chainLinkHandlers(services)
  })
  // A read, and keyed by a symbol (not a channel): added after the wrapping, which walks channel names.
  return { ...handlers, [RECHECK_STAFF]: (staffId: string) => services.staff.current(staffId) }
}

/**
 * Once the background integrity check has found damage, the composition turns the connection query-only and
 * SQLite refuses every write with SQLITE_READONLY; this turns that refusal, from whichever handler, into
 * DB_DAMAGED with what the manager should do (docs/reliability.md § Database checks). A handler keeps its
 * sync or async shape.
 */
function refuseWritesOnDamage(
  { integrity, damageAdvice }: Pick<HandlerServices, 'integrity' | 'damageAdvice'>,
  handlers: Handlers
): Handlers {
  const translate = (err: unknown): unknown => {
    const code = (err as { code?: unknown } | null)?.code
    if (typeof code === 'string' && code.startsWith('SQLITE_READONLY') && integrity.damaged)
      return integrity.damagedError(damageAdvice())
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
