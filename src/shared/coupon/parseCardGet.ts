/**
 * card/get → CardDefinition, tolerant of everything upstream has been seen to do (missing fields, hex or
 * ColorNNN colours, numbers as strings, legacy numeric date types, seconds for times). It never throws:
 * anything it cannot make sense of becomes an UnreadableCard with the reason.
 */
import { normaliseColor } from './color'
import { parseDateInfo, parseLocationIds, parseTimeLimits, parseValue } from './cardParts'
import { readBool, readInt, readObject, readText, type JsonObject } from './read'
import type { CardDefinition, CardType, UnreadableCard } from './types'

const KNOWN_TYPES: readonly CardType[] = [
  'CASH',
  'DISCOUNT',
  'GIFT',
  'GROUPON',
  'GENERAL_COUPON',
  'MEMBER_CARD'
]

const toCardType = (raw: string): CardType =>
  (KNOWN_TYPES as readonly string[]).includes(raw.toUpperCase()) ? (raw.toUpperCase() as CardType) : 'UNKNOWN'

const unreadable = (reason: string, cardId?: string): UnreadableCard =>
  cardId === undefined ? { kind: 'unreadable', reason } : { kind: 'unreadable', cardId, reason }

/** The object under the lowercase card_type key; failing that, the only key that holds a base_info. */
function findTyped(
  card: JsonObject,
  rawType: string | undefined
): { key: string; typed: JsonObject } | undefined {
  if (rawType) {
    const key = rawType.toLowerCase()
    const typed = readObject(card[key])
    if (typed) return { key, typed }
  }
  const candidates = Object.entries(card).filter(([, v]) => readObject(readObject(v)?.base_info))
  if (candidates.length !== 1) return undefined
  const [key, v] = candidates[0] as [string, unknown]
  return { key, typed: v as JsonObject }
}

const nonNegative = (n: number | undefined): number | undefined => (n !== undefined && n >= 0 ? n : undefined)

export function parseCardGet(json: unknown, requestedCardId?: string): CardDefinition | UnreadableCard {
  try {
    return parse(json, requestedCardId)
  } catch (e) {
    // Defensive only: the readers do not throw on JSON, but the input type is unknown.
    return unreadable(
      `card/get reply could not be read (${e instanceof Error ? e.message : 'error'})`,
      requestedCardId
    )
  }
}

function parse(json: unknown, requestedCardId: string | undefined): CardDefinition | UnreadableCard {
  const root = readObject(json)
  if (!root) return unreadable('card/get reply is not a JSON object', requestedCardId)
  const errcode = readInt(root.errcode)
  if (errcode !== undefined && errcode !== 0) {
    return unreadable(`WeChat error ${errcode}: ${readText(root.errmsg) ?? ''}`.trim(), requestedCardId)
  }
  // Accept the whole reply ({errcode, card:{…}}) or just its card object.
  const card = readObject(root.card) ?? root
  const sentType = readText(card.card_type)
  const found = findTyped(card, sentType)
  if (!found) return unreadable('card/get reply has no type-specific object with base_info', requestedCardId)
  const { key, typed } = found
  const rawType = sentType ?? key.toUpperCase()
  const base = readObject(typed.base_info)
  if (!base) return unreadable(`card/get reply has no base_info under "${key}"`, requestedCardId)

  const cardId = readText(base.id) ?? readText(card.card_id) ?? requestedCardId
  if (cardId === undefined) return unreadable('card/get reply has no card id')
  const cardType = toCardType(rawType)

  const advanced = readObject(typed.advanced_info) ?? {}
  const useCondition = readObject(advanced.use_condition)
  const typedLeast = nonNegative(readInt(typed.least_cost))
  const conditionLeast = nonNegative(readInt(useCondition?.least_cost))
  // Two places can carry least_cost; when both do and disagree, enforce the stricter one.
  const minSpend = Math.max(typedLeast ?? 0, conditionLeast ?? 0)

  const value = parseValue(cardType, typed, minSpend)
  if (typeof value === 'string') return unreadable(value, cardId)

  const rawColor = readText(base.color) ?? null
  const def: CardDefinition = {
    kind: 'card',
    cardId,
    cardType,
    rawType,
    title: readText(base.title) ?? '',
    subTitle: readText(base.sub_title) ?? '',
    brandName: readText(base.brand_name) ?? '',
    color: normaliseColor(rawColor ?? undefined),
    rawColor,
    notice: readText(base.notice) ?? '',
    description: readText(base.description) ?? '',
    logoUrl: readText(base.logo_url) ?? '',
    codeType: readText(base.code_type) ?? null,
    value,
    minSpend,
    dateInfo: parseDateInfo(base.date_info),
    timeLimit: parseTimeLimits(advanced.time_limit),
    locationIdList: parseLocationIds(base.location_id_list),
    useAllLocations: readBool(base.use_all_locations) ?? false,
    // The API default when use_condition (or the flag) is absent is "可与其他优惠共享".
    canUseWithOtherDiscount: readBool(useCondition?.can_use_with_other_discount) ?? true,
    useCustomCode: readBool(base.use_custom_code) ?? false,
    status: readText(base.status) ?? null
  }
  const accept = readText(useCondition?.accept_category)
  const reject = readText(useCondition?.reject_category)
  const objectUseFor = readText(useCondition?.object_use_for)
  if (accept) def.acceptCategory = accept
  if (reject) def.rejectCategory = reject
  if (objectUseFor) def.objectUseFor = objectUseFor
  if (cardType === 'UNKNOWN') def.raw = typed
  return def
}
