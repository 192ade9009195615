/** Everything decide() needs about the world, gathered from settings and the ledger at one instant. */
import { businessDayOf } from '../../shared/time'
import type { DecideContext } from '../../shared/rules'
import type { CodeGetError, CodeStatus } from '../../shared/coupon'
import type { Role } from '../audit/actor'
import type { RedeemSettings } from '../config/settings'
import type { Ledger } from './ledger'
import type { StoreClaims } from './deps'

export interface ContextInput {
  now: number
  code: string | null
  /** The card of the decision when it uses custom codes: the coupon is then (card, code) (src/main/db/codeKey.ts). */
  customCardId?: string | null
  codeStatus: CodeStatus | CodeGetError | null
  connectivity: 'online' | 'offline'
  billFen?: number
  otherDiscount: boolean
  role: Role
  managerApproved: boolean
  /** The card is the cashier's pick (offline, the code's card was unknown). */
  cardPicked: boolean
  /** Offline: the code's own window as WeChat last gave it. */
  codeWindow: { begin?: number; end?: number } | null
}

export function decideContext(
  input: ContextInput,
  settings: RedeemSettings,
  ledger: Ledger,
  store?: Pick<StoreClaims, 'holderOf'>
): DecideContext {
  const { timeZone, cutoffMinutes } = settings.store
  const day = businessDayOf(input.now, timeZone, cutoffMinutes)
  const original = input.code ? ledger.findLive(input.code, input.customCardId ?? null) : null
  // Not in this till's ledger: another till of the store may hold it (the hub's mirror, docs/hub.md § Mirror).
  // Shown as the same DUPLICATE, naming that till and its cashier (source 'store': its WeChat sync is not known).
  const holder =
    !original && input.code && store ? store.holderOf(input.code, input.customCardId ?? null) : null
  const openid = input.codeStatus?.kind === 'code' ? input.codeStatus.openid : null
  return {
    now: input.now,
    timeZone,
    cutoffMinutes,
    ...(settings.identity.storeLocationId !== undefined
      ? { storeLocationId: settings.identity.storeLocationId }
      : {}),
    ...(input.billFen !== undefined ? { billAmount: input.billFen } : {}),
    otherDiscountApplied: input.otherDiscount,
    role: input.role,
    connectivity: input.connectivity,
    managerApproved: input.managerApproved,
    stationMode: settings.mode,
    cardPicked: input.cardPicked,
    local: {
      ...(original
        ? {
            originalRedemption: {
              at: original.at,
              station: original.stationName,
              cashier: original.cashierName,
              synced: original.synced,
              source: original.source
            }
          }
        : holder
          ? {
              originalRedemption: {
                at: holder.at,
                station: holder.tillName,
                cashier: holder.cashierName,
                synced: true,
                source: 'store' as const
              }
            }
          : {}),
      customerRedemptionsToday: openid ? ledger.countForCustomerOnDay(openid, day) : 0,
      offlineRedemptionsToday: ledger.countOfflineOnDay(day),
      ...(input.codeWindow ? { codeWindow: input.codeWindow } : {})
    },
    policy: settings.policy
  }
}
