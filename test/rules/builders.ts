/** Small builders for decide() tests: a plain card, a NORMAL code, a context, and local wall-clock instants. */
import { DateTime } from 'luxon'
import type { CardDefinition, CardValue, CodeStatus } from '../../src/shared/coupon/types'
import { DEFAULT_POLICY, type RulesPolicy } from '../../src/shared/rules/policy'
import type { DecideContext } from '../../src/shared/rules/types'

export const SH = 'Asia/Shanghai'
export const NY = 'America/New_York'
export const BERLIN = 'Europe/Berlin'

/** Epoch ms of a wall-clock time in a zone, e.g. at('2026-06-01T12:00', SH). */
export function at(local: string, zone = SH): number {
  const dt = DateTime.fromISO(local, { zone })
  if (!dt.isValid) throw new Error(`bad test time ${local}`)
  return dt.toMillis()
}

export const NOW = at('2026-06-03T12:00') // a Wednesday

export function card(patch: Partial<CardDefinition> = {}): CardDefinition {
  return {
    kind: 'card',
    cardId: 'pCARD',
    cardType: 'CASH',
    rawType: 'CASH',
    title: '满100减10',
    subTitle: '',
    brandName: '街角咖啡',
    color: '#63B359',
    rawColor: 'Color010',
    notice: '',
    description: '',
    logoUrl: '',
    codeType: 'CODE_TYPE_QRCODE',
    value: { kind: 'cash', leastCost: 0, reduceCost: 1000 },
    minSpend: 0,
    dateInfo: { kind: 'fixRange', begin: at('2026-01-01T00:00'), end: at('2026-12-31T23:59:59') },
    timeLimit: [],
    locationIdList: [],
    useAllLocations: true,
    canUseWithOtherDiscount: true,
    useCustomCode: false,
    status: 'CARD_STATUS_VERIFY_OK',
    ...patch
  }
}

export const cashCard = (leastCost: number, reduceCost: number, patch: Partial<CardDefinition> = {}) =>
  card({ value: { kind: 'cash', leastCost, reduceCost }, minSpend: leastCost, ...patch })

export const typedCard = (
  cardType: CardDefinition['cardType'],
  value: CardValue,
  patch: Partial<CardDefinition> = {}
): CardDefinition =>
  card({ cardType, rawType: cardType === 'UNKNOWN' ? 'SCENIC_TICKET' : cardType, value, ...patch })

export function code(patch: Partial<CodeStatus> = {}): CodeStatus {
  return {
    kind: 'code',
    cardId: 'pCARD',
    code: '110201201245',
    openid: 'oOPENID',
    userCardStatus: 'NORMAL',
    rawUserCardStatus: 'NORMAL',
    canConsume: true,
    outerStr: null,
    ...patch
  }
}

export type ContextPatch = Partial<Omit<DecideContext, 'local' | 'policy'>> & {
  local?: Partial<DecideContext['local']>
  policy?: Partial<Omit<RulesPolicy, 'offline'>> & { offline?: Partial<RulesPolicy['offline']> }
}

export function ctx(patch: ContextPatch = {}): DecideContext {
  const { local, policy, ...rest } = patch
  return {
    now: NOW,
    timeZone: SH,
    cutoffMinutes: 240,
    storeLocationId: 401123456,
    otherDiscountApplied: false,
    role: 'cashier',
    connectivity: 'online',
    ...rest,
    local: { customerRedemptionsToday: 0, offlineRedemptionsToday: 0, ...local },
    policy: {
      ...DEFAULT_POLICY,
      ...policy,
      offline: { ...DEFAULT_POLICY.offline, ...policy?.offline }
    }
  }
}

/** The reason codes of a decision, heaviest first. */
export const codes = (d: { reasons: { code: string }[] }): string[] => d.reasons.map((r) => r.code)
